import { dateOfBirthDetector } from 'src/redaction/engine/patterns/date-of-birth';
import { DetectedSpan } from 'src/redaction/engine/types';

function dobs(text: string): string[] {
  const out: DetectedSpan[] = [];
  dateOfBirthDetector.detect(text, out);
  return out.map((s) => text.slice(s.start, s.end));
}

describe('dateOfBirthDetector', () => {
  it.each([
    ['She was born 1975-03-02 in Hamhung.', '1975-03-02'],
    ['DOB: 02/03/1975', '02/03/1975'],
    ['D.O.B. 02.03.1975', '02.03.1975'],
    ['date of birth 2 March 1975', '2 March 1975'],
    ['born on March 2, 1975', 'March 2, 1975'],
    ['born in 1975', '1975'],
    ['born in Hoeryong in 1975', '1975'],
    ['Birthday: 3rd May 1980', '3rd May 1980'],
    ['생년월일 1975년 3월 2일', '1975년 3월 2일'],
    ['생년월일: 1975.03.02', '1975.03.02'],
    ['출생: 1975년', '1975년'],
    ['出生日期 1975年3月2日', '1975年3月2日'],
  ])('finds the date after a label: %s', (text, date) => {
    expect(dobs(text)).toEqual([date]);
  });

  it.each([
    ['1975년 3월 2일생', '1975년 3월 2일'],
    ['75년생이다', '75년'],
    ['1980년 5월 6일에 태어났다', '1980년 5월 6일'],
    ['1975年生', '1975年'],
  ])('finds a Korean/Chinese date followed by a birth word: %s', (text, date) => {
    expect(dobs(text)).toEqual([date]);
  });

  it('leaves ordinary dates and years alone', () => {
    for (const text of [
      'In 1997 the rations stopped.',
      'On 2003-05-12 we crossed the river.',
      '1997년 생활이 가장 어려웠다.',
      '2003년에 탈북했다.',
      'He was born again in prison; in 1999 he was released.',
      'born, 1999',
      '1999년 3월 2일에 강을 건넜다.',
      'The baby was born. In 2001 we left.',
      'date of birth unknown',
    ]) {
      expect(dobs(text)).toEqual([]);
    }
  });

  it('rejects impossible dates', () => {
    expect(dobs('DOB 1975-13-02')).toEqual([]);
    expect(dobs('born 31 February 1975')).toEqual([]);
  });
});
