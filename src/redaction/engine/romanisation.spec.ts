import { keyWord } from 'src/redaction/engine/normalise';
import {
  alternativeKeys,
  hangulForLatinStandard,
  latinSyllableOptions,
  romaniseName,
  romaniseSyllable,
  romaniseWord,
  surnameSpellings,
  surnamesForLatin,
  syllabifyLatin,
  syllableKeys,
  syllableSpellings,
} from 'src/redaction/engine/romanisation';

describe('romaniseName', () => {
  it.each([
    ['김', '철수', 'Gim Cheolsu', "Kim Ch'ŏl-su", 'Kim Chol Su'],
    ['리', '설주', 'Ri Seolju', 'Ri Sŏl-ju', 'Ri Sol Ju'],
    ['태', '영호', 'Tae Yeongho', "T'ae Yŏng-ho", 'Thae Yong Ho'],
    ['최', '룡해', 'Choe Ryonghae', "Ch'oe Ryong-hae", 'Choe Ryong Hae'],
    ['김', '영길', 'Gim Yeonggil', 'Kim Yŏng-gil', 'Kim Yong Gil'],
    ['박', '정숙', 'Bak Jeongsuk', 'Pak Chŏng-suk', 'Pak Jong Suk'],
  ])('%s%s → RR %s, MR %s, DPRK %s', (family, given, rr, mr, kps) => {
    expect(romaniseName(family, given, 'rr')).toBe(rr);
    expect(romaniseName(family, given, 'mr')).toBe(mr);
    expect(romaniseName(family, given, 'kps')).toBe(kps);
  });
});

describe('romaniseWord / romaniseSyllable', () => {
  it('romanises place names in the three systems', () => {
    expect(romaniseWord('평양', 'rr')).toBe('pyeongyang');
    expect(romaniseWord('평양', 'mr')).toBe("p'yŏngyang");
    expect(romaniseWord('평양', 'kps')).toBe('phyongyang');
    expect(romaniseWord('요덕', 'mr')).toBe('yodŏk');
    expect(romaniseWord('회령', 'mr')).toBe('hoeryŏng');
  });
  it('voices plain consonants inside a word in MR but not in RR', () => {
    expect(romaniseSyllable('길', 'mr')).toBe('kil');
    expect(romaniseSyllable('길', 'mr', { prevFinal: 21 })).toBe('gil');
    expect(romaniseSyllable('길', 'rr', { prevFinal: 21 })).toBe('gil');
    expect(romaniseSyllable('x', 'rr')).toBe('x');
  });
  it('passes non-Hangul characters through', () => {
    expect(romaniseWord('제15호', 'rr')).toBe('je15ho');
  });
});

describe('spellings used for matching', () => {
  it('lists RR, MR, DPRK and popular spellings of a syllable', () => {
    expect(syllableSpellings('영')).toEqual(expect.arrayContaining(['yeong', 'yong', 'young']));
    expect(syllableSpellings('철')).toEqual(expect.arrayContaining(['cheol', 'chol', 'chul', 'chhol']));
    expect(syllableSpellings('수')).toEqual(expect.arrayContaining(['su', 'soo']));
    expect(syllableSpellings('희')).toEqual(expect.arrayContaining(['hui', 'hee', 'heui']));
    expect(syllableSpellings('우')).toEqual(expect.arrayContaining(['u', 'woo']));
    expect(syllableSpellings('a')).toEqual([]);
  });
  it('groups spellings by key with a representative spelling each', () => {
    expect(syllableKeys('철').map((k) => k.key)).toEqual(['col', 'cul']);
    expect(syllableKeys('수').map((k) => k.key)).toEqual(['su']);
  });
  it('knows conventional surname spellings', () => {
    expect(surnameSpellings('이')).toEqual(expect.arrayContaining(['lee', 'yi', 'ri', 'rhee', 'i']));
    expect(surnameSpellings('박')).toEqual(expect.arrayContaining(['park', 'pak', 'bak']));
    expect(surnameSpellings('최')).toEqual(expect.arrayContaining(['choi', 'choe']));
    expect(surnameSpellings('남궁')).toEqual(expect.arrayContaining(['namgung', 'namkung']));
  });
  it('maps Latin surnames back to Hangul', () => {
    expect(surnamesForLatin('Lee')).toEqual(expect.arrayContaining(['이', '리']));
    expect(surnamesForLatin('Park')).toEqual(['박']);
    expect(surnamesForLatin('Choi')).toEqual(['최']);
    expect(surnamesForLatin('Smith')).toEqual([]);
  });
});

describe('Latin → Hangul', () => {
  it('splits joined romanised given names into valid syllables', () => {
    expect(syllabifyLatin('Cholsu')).toEqual([['chol', 'su']]);
    expect(syllabifyLatin('Youngho')).toEqual([['young', 'ho']]);
    expect(syllabifyLatin('sunae')).toEqual([
      ['su', 'nae'],
      ['sun', 'ae'],
    ]);
    expect(syllabifyLatin('Smith')).toEqual([]);
  });
  it('gives the other keys a romanised syllable may stand for', () => {
    expect(alternativeKeys('chol')).toEqual(expect.arrayContaining(['col', 'cul']));
    expect(alternativeKeys('chol')[0]).toBe(keyWord('chol'));
    expect(latinSyllableOptions('Su')[0]).toEqual({ key: 'su', spelling: 'su' });
  });
  it('finds standard Hangul candidates, frequent name syllables first', () => {
    expect(hangulForLatinStandard('chol')[0]).toBe('철');
    expect(hangulForLatinStandard('ho')).toEqual(expect.arrayContaining(['호', '허']));
  });
});
