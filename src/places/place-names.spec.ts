import { applyInitialSoundRule, normalisePlaceName, placeNameKey, placeNameKeys } from 'src/places/place-names';

describe('normalisePlaceName', () => {
  it.each([
    ['Yodŏk', 'yodok'],
    ["Ch'ŏngjin-si", 'chongjinsi'],
    ['Sinŭiju', 'sinuiju'],
    ['P’yŏngan-namdo', 'pyongannamdo'],
    ['요덕 제15호 관리소', '요덕제15호관리소'],
    ['  Camp  No. 15 ', 'campno15'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePlaceName(input)).toBe(expected);
  });

  it('keeps Hangul as composed syllables (never decomposed into jamo)', () => {
    expect(normalisePlaceName('청진')).toBe('청진');
    expect(normalisePlaceName('청진').length).toBe(2);
  });
});

describe('applyInitialSoundRule', () => {
  it.each([
    ['로동단련대', '노동단련대'],
    ['량강도', '양강도'],
    ['리', '이'],
    ['녀성', '여성'],
    ['라선', '나선'],
    ['요덕', '요덕'],
    ['Yodok', 'Yodok'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(applyInitialSoundRule(input)).toBe(expected);
  });
});

describe('placeNameKey', () => {
  const same = (names: string[]) => new Set(names.map(placeNameKey));

  it('Yodok, Yoduk, Yodeok, Yodŏk and YODOK have one key', () => {
    expect(same(['Yodok', 'Yoduk', 'Yodeok', 'Yodŏk', 'YODOK', "Yo-dok"]).size).toBe(1);
  });

  it.each([
    [['Ch’ŏngjin', 'Chongjin', 'Cheongjin', 'Chŏngjin', 'Chungjin']],
    [['P’yŏngyang', 'Pyongyang', 'Pyeongyang', 'Phyeongyang', 'Phyongyang']],
    [['Kaech’ŏn', 'Kaechon', 'Gaecheon', 'Kaecheon']],
    [['Hwasŏng', 'Hwaseong', 'Hwasong']],
    [['Myŏnggan', 'Myeonggan', 'Myonggan']],
    [['Hoeryŏng', 'Hoeryeong', 'Hoeryong']],
    [['Sinŭiju', 'Sinuiju', 'Shinuiju']],
    [['Pukch’ang', 'Bukchang', 'Pukchang']],
    [['Hamgyŏng-bukto', 'Hamgyeongbuk-do', 'Hamgyong-pukto']],
    [['kwanliso', 'kwalliso', 'gwalliso', 'kwan-li-so']],
    [['rodong danryeondae', 'rodong dallyeondae', 'ro-dong-dan-ryeon-dae']],
    [['jipkyulso', 'chipkyŏlso', 'jip-kyul-so']],
  ])('one key for %j', (names) => {
    expect(same(names).size).toBe(1);
  });

  it('Hangul: DPRK and ROK spellings share a key, per word', () => {
    expect(placeNameKey('온성 로동단련대')).toBe(placeNameKey('온성 노동단련대'));
    expect(placeNameKey('량강도')).toBe(placeNameKey('양강도'));
    expect(placeNameKey('요덕 제15호 관리소')).toContain(placeNameKey('요덕'));
  });

  it('a partial name is a substring of the full key', () => {
    expect(placeNameKey('Hamgyŏng-namdo')).toContain(placeNameKey('Hamgyong'));
    expect(placeNameKey('Yodŏk County')).toContain(placeNameKey('Yoduk'));
  });

  it('keeps different places apart', () => {
    expect(placeNameKey('Yodok')).not.toBe(placeNameKey('Onsong'));
    expect(placeNameKey('Hoeryong')).not.toBe(placeNameKey('Hyesan'));
    expect(placeNameKey('Kaechon')).not.toBe(placeNameKey('Kaesong'));
  });

  it('punctuation alone gives an empty key; keys are de-duplicated', () => {
    expect(placeNameKey(' - ’ ')).toBe('');
    expect(placeNameKeys(['Yodok', 'Yoduk', '', '요덕'])).toEqual([placeNameKey('Yodok'), '요덕']);
  });
});
