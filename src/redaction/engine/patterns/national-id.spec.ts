import { cnIdChecksumValid, nationalIdDetector, rrnChecksumValid } from 'src/redaction/engine/patterns/national-id';
import { DetectedSpan } from 'src/redaction/engine/types';

function ids(text: string): Array<[string, string]> {
  const out: DetectedSpan[] = [];
  nationalIdDetector.detect(text, out);
  return out.map((s) => [text.slice(s.start, s.end), s.rule]);
}

describe('check digits', () => {
  it('validates ROK RRN check digits', () => {
    expect(rrnChecksumValid('7503021234562')).toBe(true);
    expect(rrnChecksumValid('7503021234567')).toBe(false);
    expect(rrnChecksumValid('75030212345')).toBe(false);
  });
  it('validates PRC ID check characters (ISO 7064 MOD 11-2)', () => {
    expect(cnIdChecksumValid('11010519491231002X')).toBe(true);
    expect(cnIdChecksumValid('11010519491231002x')).toBe(true);
    expect(cnIdChecksumValid('110105194912310021')).toBe(false);
  });
});

describe('nationalIdDetector', () => {
  it('finds hyphenated RRNs with a valid date, masked ones included', () => {
    expect(ids('주민등록번호 750302-1234567')).toEqual([['750302-1234567', 'national-id.kr-rrn']]);
    expect(ids('RRN: 750302-1******')).toEqual([['750302-1******', 'national-id.kr-rrn']]);
    expect(ids('751302-1234567')).toEqual([]);
  });
  it('finds unhyphenated RRNs with a valid check digit or a label', () => {
    expect(ids('번호 7503021234562.')).toEqual([['7503021234562', 'national-id.kr-rrn']]);
    expect(ids('주민번호 7503021234567')).toEqual([['7503021234567', 'national-id.kr-rrn']]);
    expect(ids('account 7503021234567')).toEqual([]);
  });
  it('finds PRC ID numbers with a valid check character or a label', () => {
    expect(ids('ID 11010519491231002X')).toEqual([['11010519491231002X', 'national-id.cn-ric']]);
    expect(ids('110105 19491231 002X')).toEqual([['110105 19491231 002X', 'national-id.cn-ric']]);
    expect(ids('身份证 110105194912310021')).toEqual([['110105194912310021', 'national-id.cn-ric']]);
    expect(ids('order 110105194912310021')).toEqual([]);
  });
  it('leaves dates, phones and counts alone', () => {
    expect(ids('2003-05-12, 010-1234-5678, 3,000 people, 13800138000')).toEqual([]);
  });
});
