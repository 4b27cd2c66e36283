import {
  customTermVariants,
  FLAG_GIVEN_ALONE,
  FLAG_HANGUL_FULL_NAME,
  FLAG_NO_INTERNAL_SPACE,
  FLAG_SHORT_HANGUL,
  NameVariant,
  personVariants,
  placeVariants,
} from 'src/redaction/engine/name-variants';
import { latinKey } from 'src/redaction/engine/normalise';

/** The matcher compares keyed forms, so compare variants the same way. */
function keys(variants: NameVariant[]): Set<string> {
  return new Set(variants.map((v) => latinKey(v.text)));
}

describe('personVariants from Hangul', () => {
  const variants = personVariants('김철수');
  const texts = variants.map((v) => v.text);

  it('has the name joined and spaced, flagged as a full name', () => {
    expect(variants).toEqual(
      expect.arrayContaining([
        { text: '김철수', rule: 'person.hangul', flags: FLAG_HANGUL_FULL_NAME },
        { text: '김 철수', rule: 'person.hangul', flags: FLAG_HANGUL_FULL_NAME },
      ]),
    );
  });

  it('has the given name alone as a short match (needs a particle or honorific after it)', () => {
    expect(variants).toContainEqual({ text: '철수', rule: 'person.hangul.given', flags: FLAG_SHORT_HANGUL });
  });

  it.each(['Kim Chol-su', 'Kim Cholsu', 'Kim Chol Su', 'Gim Cheol-su', "Kim Ch'ŏl-su", 'KIM CHUL SOO', 'Chol-su Kim', 'Cheolsu Gim', 'Chul-soo Kim'])(
    'covers %s',
    (spelling) => expect(keys(variants).has(latinKey(spelling))).toBe(true),
  );

  it('has the romanised given name alone, hyphenated and joined', () => {
    const given = variants.filter((v) => v.rule === 'person.latin.given');
    expect(given.length).toBeGreaterThan(0);
    expect(given.every((v) => (v.flags & FLAG_NO_INTERNAL_SPACE) !== 0 && (v.flags & FLAG_GIVEN_ALONE) !== 0)).toBe(true);
    expect(keys(given).has(latinKey('Chol-su'))).toBe(true);
    expect(keys(given).has(latinKey('Cholsu'))).toBe(true);
  });

  it('is deterministic and free of duplicates', () => {
    expect(personVariants('김철수')).toEqual(variants);
    expect(new Set(texts.map((t, i) => `${t}|${variants[i].rule}|${variants[i].flags}`)).size).toBe(texts.length);
  });
});

describe('personVariants: DPRK and ROK spellings', () => {
  it('writes 리 names also with 이, and the other way round for surnames', () => {
    expect(personVariants('리영호').map((v) => v.text)).toEqual(expect.arrayContaining(['리영호', '이영호', '이 영호']));
    expect(personVariants('이영호').map((v) => v.text)).toContain('리영호');
  });
  it('applies the initial-sound rule to the given name', () => {
    expect(personVariants('최룡해').map((v) => v.text)).toEqual(expect.arrayContaining(['최룡해', '최용해']));
  });
  it.each(['Ri Yong-ho', 'Lee Young-ho', 'Rhee Yeong-ho', 'Yi Yŏng-ho', 'I Yeongho', 'Yong-ho Ri'])('리영호 covers %s', (spelling) => {
    expect(keys(personVariants('리영호')).has(latinKey(spelling))).toBe(true);
  });
  it('handles two-syllable family names', () => {
    expect(keys(personVariants('남궁민수')).has(latinKey('Namgoong Min-soo'))).toBe(true);
  });
});

describe('personVariants from Latin', () => {
  it('recognises the family name first or last', () => {
    const first = keys(personVariants('Kim Chol-su'));
    const last = keys(personVariants('Chol-su Kim'));
    for (const k of [latinKey('Kim Chul-soo'), latinKey('Chol-su Kim'), latinKey('Kim Cholsu')]) {
      expect(first.has(k)).toBe(true);
      expect(last.has(k)).toBe(true);
    }
  });
  it('splits a joined given name into syllables', () => {
    expect(keys(personVariants('Pak Yongchol')).has(latinKey('Park Young-chul'))).toBe(true);
  });
  it('writes the name back in Hangul (full name, most likely syllables first)', () => {
    const v = personVariants('Kim Chol-su');
    expect(v).toContainEqual({ text: '김철수', rule: 'person.hangul.from-latin', flags: FLAG_HANGUL_FULL_NAME });
    expect(v).toContainEqual({ text: '철수', rule: 'person.hangul.given', flags: FLAG_SHORT_HANGUL });
  });
  it('treats a lone romanised given name as a given name', () => {
    const v = personVariants('Cholsu');
    expect(v.every((x) => x.rule === 'person.latin.given')).toBe(true);
    expect(keys(v).has(latinKey('Chol-su'))).toBe(true);
  });
  it('keeps non-Korean names as given, plus the reversed order for two words', () => {
    expect(personVariants('John Smith').map((v) => v.text)).toEqual(['John Smith', 'Smith John']);
    expect(personVariants('Tiger').map((v) => v.rule)).toEqual(['person.exact']);
  });
  it('ignores empty names', () => {
    expect(personVariants('   ')).toEqual([]);
  });
});

describe('placeVariants', () => {
  it('adds the stem of administrative names, flagged short when two syllables', () => {
    const v = placeVariants('회령시');
    expect(v).toContainEqual({ text: '회령', rule: 'place.hangul', flags: FLAG_SHORT_HANGUL });
    for (const s of ['Hoeryong', 'Hoeryŏng-si', 'Hoeryeong City', 'Hoeryongsi']) expect(keys(v).has(latinKey(s))).toBe(true);
  });
  it('adds ROK spellings and joined forms', () => {
    const v = placeVariants('량강도').map((x) => x.text);
    expect(v).toEqual(expect.arrayContaining(['량강도', '양강도', '량강', '양강']));
    expect(keys(placeVariants('량강도')).has(latinKey('Yanggang Province'))).toBe(true);
    expect(placeVariants('청진 수성동').map((x) => x.text)).toEqual(expect.arrayContaining(['청진 수성동', '청진수성동']));
  });
  it('adds other spellings of romanised place names', () => {
    expect(keys(placeVariants('Yodok')).has(latinKey('Yoduk'))).toBe(true);
  });
});

describe('customTermVariants', () => {
  it('keeps the term, and joins Hangul terms with spaces', () => {
    expect(customTermVariants('꽃제비 반장').map((v) => v.text)).toEqual(['꽃제비 반장', '꽃제비반장']);
    expect(customTermVariants('Unit 2402')).toEqual([{ text: 'Unit 2402', rule: 'custom.term', flags: 0 }]);
  });
});
