import {
  applyInitialSoundRule,
  compose,
  containsHangul,
  decompose,
  isHangulLetter,
  isHangulSyllable,
  isHangulWord,
  splitKoreanName,
} from 'src/redaction/engine/hangul';
import { KNOWN_SURNAMES } from 'src/redaction/engine/romanisation';

describe('hangul syllables', () => {
  it('decomposes into initial, vowel and final indices', () => {
    expect(decompose('김')).toEqual({ initial: 0, vowel: 20, final: 16 });
    expect(decompose('가')).toEqual({ initial: 0, vowel: 0, final: 0 });
    expect(decompose('힣')).toEqual({ initial: 18, vowel: 20, final: 27 });
    expect(decompose('a')).toBeNull();
    expect(decompose('김철')).toBeNull();
  });

  it('composes back every syllable', () => {
    for (let code = 0xac00; code <= 0xd7a3; code += 7) {
      const ch = String.fromCharCode(code);
      expect(compose(decompose(ch)!)).toBe(ch);
    }
    expect(() => compose({ initial: 19, vowel: 0, final: 0 })).toThrow(RangeError);
  });

  it('classifies characters', () => {
    expect(isHangulSyllable('한'.charCodeAt(0))).toBe(true);
    expect(isHangulSyllable('ㅎ'.charCodeAt(0))).toBe(false);
    expect(isHangulLetter('ㅎ'.charCodeAt(0))).toBe(true);
    expect(isHangulWord('철수')).toBe(true);
    expect(isHangulWord('철수1')).toBe(false);
    expect(isHangulWord('')).toBe(false);
    expect(containsHangul('Kim 철수')).toBe(true);
    expect(containsHangul('Kim')).toBe(false);
  });
});

describe('applyInitialSoundRule (ROK 두음법칙)', () => {
  it.each([
    ['리', '이'],
    ['류', '유'],
    ['량', '양'],
    ['림', '임'],
    ['룡', '용'],
    ['려', '여'],
    ['녀', '여'],
    ['로', '노'],
    ['라', '나'],
    ['뢰', '뇌'],
    ['김', '김'],
    ['나', '나'],
  ])('%s → %s', (dprk, rok) => expect(applyInitialSoundRule(dprk)).toBe(rok));
});

describe('splitKoreanName', () => {
  it('splits one-syllable family names', () => {
    expect(splitKoreanName('김철수', KNOWN_SURNAMES)).toEqual({ family: '김', given: '철수' });
    expect(splitKoreanName('리영호', KNOWN_SURNAMES)).toEqual({ family: '리', given: '영호' });
    expect(splitKoreanName('김철', KNOWN_SURNAMES)).toEqual({ family: '김', given: '철' });
  });
  it('splits two-syllable family names and explicit spaces', () => {
    expect(splitKoreanName('남궁민수', KNOWN_SURNAMES)).toEqual({ family: '남궁', given: '민수' });
    expect(splitKoreanName('김 철수', KNOWN_SURNAMES)).toEqual({ family: '김', given: '철수' });
  });
  it('refuses what is not a personal name', () => {
    expect(splitKoreanName('꽃제비', KNOWN_SURNAMES)).toBeNull();
    expect(splitKoreanName('Kim Chol-su', KNOWN_SURNAMES)).toBeNull();
    expect(splitKoreanName('김', KNOWN_SURNAMES)).toBeNull();
    expect(splitKoreanName('김 철 수', KNOWN_SURNAMES)).toBeNull();
  });
});
