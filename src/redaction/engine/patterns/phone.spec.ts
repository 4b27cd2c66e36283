import { phoneDetector } from 'src/redaction/engine/patterns/phone';
import { DetectedSpan } from 'src/redaction/engine/types';

function phones(text: string): Array<[string, string]> {
  const out: DetectedSpan[] = [];
  phoneDetector.detect(text, out);
  return out.map((s) => [text.slice(s.start, s.end), s.rule]);
}

describe('phoneDetector', () => {
  it.each([
    ['010-1234-5678', 'phone.kr-mobile'],
    ['01012345678', 'phone.kr-mobile'],
    ['010 1234 5678', 'phone.kr-mobile'],
    ['(010) 1234-5678', 'phone.kr-mobile'],
    ['02-123-4567', 'phone.kr-landline'],
    ['031-1234-5678', 'phone.kr-landline'],
    ['+82 10 1234 5678', 'phone.kr-intl'],
    ['+82-10-1234-5678', 'phone.kr-intl'],
    ['0082 2 123 4567', 'phone.kr-intl'],
    ['+86 138 0013 8000', 'phone.cn-intl'],
    ['13800138000', 'phone.cn-mobile'],
    ['138-0013-8000', 'phone.cn-mobile'],
    ['0433-2345678', 'phone.cn-landline'],
    ['024-12345678', 'phone.cn-landline'],
    ['+850 2 381 8111', 'phone.kp'],
    ['+1 202 555 0143', 'phone.intl'],
    ['+44 20 7946 0958', 'phone.intl'],
    ['+7 (495) 123-45-67', 'phone.intl'],
  ])('finds %s (%s)', (number, rule) => {
    expect(phones(`번호는 ${number}이다`)).toEqual([[number, rule]]);
    expect(phones(`Call ${number}.`)).toEqual([[number, rule]]);
  });

  it('finds any 7–15 digit number right after a phone label', () => {
    expect(phones('Tel: 555 0123 4')).toEqual([['555 0123 4', 'phone.labelled']]);
    expect(phones('연락처는 8613 2233 44')).toEqual([['8613 2233 44', 'phone.labelled']]);
    expect(phones('手机：6543 2109 87')).toEqual([['6543 2109 87', 'phone.labelled']]);
  });

  it('leaves years, counts, dates, IDs and QQ numbers alone', () => {
    for (const text of [
      'In 1997 we were 3,000 people.',
      'On 2003-05-12 at 10:30.',
      'Camp 15, cell 12, 150 prisoners, 20,000 won',
      'RRN 750302-1234567',
      '11010519491231002X',
      '1380013800012345',
      'QQ 0433123456',
      'QQ号 13800138000',
      'Article 7(1)(c)',
      'The cell was 2.5 by 3.75 metres.',
    ]) {
      expect(phones(text)).toEqual([]);
    }
  });
});

describe('phoneDetector boundaries', () => {
  it('does not run a labelled number on into the next sentence', () => {
    expect(phones('Phone: 010-2235-7604. 2011 was hard.')).toEqual([['010-2235-7604', 'phone.kr-mobile']]);
    expect(phones('Tel 555 0123 4. 1998')).toEqual([['555 0123 4', 'phone.labelled']]);
  });
});
