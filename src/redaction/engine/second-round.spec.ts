/**
 * Issue 12, "Redaction, second round": every leaked example of the issue, by class, and the
 * near-misses that must stay in clear.
 */
import { compileDictionary } from 'src/redaction/engine/dictionary';
import { compilePatterns } from 'src/redaction/engine/patterns';
import { defineProfile } from 'src/redaction/engine/profiles';
import { detect, redact } from 'src/redaction/engine/redact';
import { DictionaryInput } from 'src/redaction/engine/types';

const patterns = compilePatterns();

function spansOf(text: string, input: DictionaryInput) {
  const dictionary = compileDictionary(input);
  return detect(text, { dictionary, patterns }).map((s) => ({ text: text.slice(s.start, s.end), category: s.category, ref: s.ref, candidateRefs: s.candidateRefs, ambiguity: s.ambiguity, broadPlace: s.broadPlace }));
}
function texts(text: string, input: DictionaryInput): string[] {
  return spansOf(text, input).map((s) => s.text);
}

const ONE_OF_EACH: DictionaryInput = {
  people: [
    { ref: 'W-0001', category: 'person', names: ['김철수'] },
    { ref: 'W-0002', category: 'person', names: ['이영희'] },
    { ref: 'W-0003', category: 'person', names: ['강명숙'] },
    { ref: 'W-0004', category: 'person', names: ['박순덕'] },
    { ref: 'W-0005', category: 'person', names: ['조광일'] },
    { ref: 'W-0006', category: 'person', names: ['림성호'] },
    { ref: 'W-0007', category: 'person', names: ['Choi Yong-nam'] },
    { ref: 'W-0008', category: 'person', names: ['Han Kum-ok'] },
  ],
};

describe('class 1: surname-only references', () => {
  it.each([
    ['김 씨는 그날 밤 강을 건넜다.', '김 씨', 'W-0001'],
    ['이씨는 보위원에게 끌려갔다.', '이씨', 'W-0002'],
    ['강씨가 문을 열었다.', '강씨', 'W-0003'],
    ['박 선생이 우리를 숨겨 주었다.', '박 선생', 'W-0004'],
    ['조 반장은 매일 검열을 나왔다.', '조 반장', 'W-0005'],
    ['리 동무가 보고했다.', '리 동무', 'W-0002'],
    ['림 동지가 보고했다.', '림 동지', 'W-0006'],
    ['임씨는 떠났다.', '임씨', 'W-0006'],
    ['최 아바이는 떠났다.', '최 아바이', 'W-0007'],
    ['이 아주머니는 장마당에서 일했다.', '이 아주머니', 'W-0002'],
    ['Mr. Choi said he had been beaten.', 'Mr. Choi', 'W-0007'],
    ['Mrs Pak was detained for two weeks.', 'Mrs Pak', 'W-0004'],
    ['Miss Hahn was detained for two weeks.', 'Miss Hahn', 'W-0008'],
    ['Mr Ri stayed.', 'Mr Ri', 'W-0002'],
    ['Ms. Kim crossed the river in March.', 'Ms. Kim', 'W-0001'],
    ['Dr Lee treated the wound.', 'Dr Lee', 'W-0002'],
  ])('%s → %s as the one registered person with that surname', (text, span, ref) => {
    const found = spansOf(text, ONE_OF_EACH);
    expect(found.map((s) => s.text)).toEqual([span]);
    expect(found[0].ref).toBe(ref);
  });

  it('writes the title into the token (the honorific goes with the name)', () => {
    const dictionary = compileDictionary(ONE_OF_EACH);
    expect(redact('박 선생님께서 말씀하셨다.', { dictionary, patterns, profile: 'un' }).text).toBe('[W-0004]께서 말씀하셨다.');
    expect(redact('Mr. Choi said so.', { dictionary, patterns, profile: 'public' }).text).toBe('[PERSON] said so.');
  });

  it('several registered people with the surname: the label, candidate refs, flagged for review (no guess from a full name)', () => {
    const input: DictionaryInput = { people: [{ ref: 'W-0001', category: 'person', names: ['김철수'] }, { ref: 'W-0009', category: 'person', names: ['김순희'] }] };
    const text = '김철수는 먼저 떠났다. 김 씨는 남았다.';
    const found = spansOf(text, input);
    expect(found[1]).toMatchObject({ text: '김 씨', ref: undefined, candidateRefs: ['W-0001', 'W-0009'], ambiguity: 'shared-surname' });
    const r = redact(text, { dictionary: compileDictionary(input), patterns, profile: 'un' });
    expect(r.text).toBe('[W-0001]는 먼저 떠났다. [PERSON]는 남았다.');
    expect(r.spans[1]).toMatchObject({ ambiguous: true, ambiguity: 'shared-surname' });
  });

  it('a full name with a title stays one span; the surname alone is not redacted', () => {
    expect(texts('Mr. Choi Yong-nam arrived.', ONE_OF_EACH)).toEqual(['Choi Yong-nam']);
    expect(texts('Kim was a common name. 김은 흔한 성이다.', ONE_OF_EACH)).toEqual([]);
  });

  it.each([
    ['이 씨앗을 심었다.'],
    ['김씨름 대회가 열렸다.'],
    ['우리 강 씨름판'],
    ['Mr. Smith met Ms. Jones.'],
    ['He went to Mr Kimball.'],
  ])('near miss: %s', (text) => {
    expect(texts(text, ONE_OF_EACH)).toEqual([]);
  });

  it('an alias is never split into a surname reference (`여우` does not make `여 씨`)', () => {
    const input: DictionaryInput = { people: [{ ref: 'W-0001', category: 'person', names: ['김철수'], aliases: ['여우'] }] };
    expect(texts('여 씨가 왔다.', input)).toEqual([]);
  });

  it('`이 선생` (이 is also "this") is flagged as a common word', () => {
    expect(spansOf('이 선생님은 떠났다.', ONE_OF_EACH)[0]).toMatchObject({ text: '이 선생님', ref: 'W-0002', ambiguity: 'common-word' });
  });
});

describe('class 2: two-syllable surnames written with a hyphen or a space', () => {
  const input: DictionaryInput = {
    people: [
      { ref: 'W-0001', category: 'person', names: ['황보춘화'] },
      { ref: 'W-0002', category: 'person', names: ['선우미란'] },
      { ref: 'W-0003', category: 'person', names: ['남궁민수'] },
      { ref: 'W-0004', category: 'person', names: ['제갈성철'] },
      { ref: 'W-0005', category: 'person', names: ['Sagong Il-nam'] },
      { ref: 'W-0006', category: 'person', names: ['독고영재'] },
      { ref: 'W-0007', category: 'person', names: ['서문탁'] },
      { ref: 'W-0008', category: 'person', names: ['동방명숙'] },
    ],
  };
  it.each([
    ['Hwang-bo Chun-hwa was arrested.', 'Hwang-bo Chun-hwa', 'W-0001'],
    ['Hwangbo Chun-hwa was arrested.', 'Hwangbo Chun-hwa', 'W-0001'],
    ['Hwang Bo Chun-hwa was arrested.', 'Hwang Bo Chun-hwa', 'W-0001'],
    ['Chun-hwa Hwang-bo was arrested.', 'Chun-hwa Hwang-bo', 'W-0001'],
    ['Mi-ran Seon-u testified.', 'Mi-ran Seon-u', 'W-0002'],
    ['Mi-ran Sunwoo testified.', 'Mi-ran Sunwoo', 'W-0002'],
    ['Seon-u Mi-ran testified.', 'Seon-u Mi-ran', 'W-0002'],
    ['Sonu Mi Ran testified.', 'Sonu Mi Ran', 'W-0002'],
    ['Nam-gung Min-su spoke.', 'Nam-gung Min-su', 'W-0003'],
    ['Namkung Min Su spoke.', 'Namkung Min Su', 'W-0003'],
    ['Je-gal Song-chol spoke.', 'Je-gal Song-chol', 'W-0004'],
    ['Chegal Song Chol spoke.', 'Chegal Song Chol', 'W-0004'],
    ['Sa-gong Il-nam spoke.', 'Sa-gong Il-nam', 'W-0005'],
    ['Il-nam Sagong spoke.', 'Il-nam Sagong', 'W-0005'],
    ['Tok-ko Yong-jae spoke.', 'Tok-ko Yong-jae', 'W-0006'],
    ['Dokgo Young-jae spoke.', 'Dokgo Young-jae', 'W-0006'],
    ['Dong-bang Myong-suk spoke.', 'Dong-bang Myong-suk', 'W-0008'],
    ['황보 춘화 씨', '황보 춘화', 'W-0001'],
    ['Mrs Hwang-bo left.', 'Mrs Hwang-bo', 'W-0001'],
    ['황보 씨가 말했다.', '황보 씨', 'W-0001'],
  ])('%s', (text, span, ref) => {
    const found = spansOf(text, input);
    expect(found.map((s) => s.text)).toEqual([span]);
    expect(found[0].ref).toBe(ref);
  });

  it('near miss: another Hwang is not the registered Hwang-bo', () => {
    expect(texts('Hwang Chun-sik spoke.', input)).toEqual([]);
  });
});

describe('class 3: registered birth dates in every format', () => {
  const input: DictionaryInput = { people: [{ ref: 'W-0001', category: 'person', names: ['김철수'] }], dates: [{ ref: 'W-0001.DOB', date: '1971-04-09', privateRef: true }] };
  it.each([
    ['그는 1971년 4월 9일 함경북도에서 자랐다.', '1971년 4월 9일'],
    ['71년 4월 9일생이다.', '71년 4월 9일'],
    ['날짜: 1971. 4. 9. 기록', '1971. 4. 9.'],
    ['1971.04.09 기록', '1971.04.09'],
    ['record 1971-04-09.', '1971-04-09'],
    ['on 9 April 1971 in Musan', '9 April 1971'],
    ['on April 9, 1971 in Musan', 'April 9, 1971'],
    ['on 9th of April 1971', '9th of April 1971'],
    ['card dated 9/4/1971', '9/4/1971'],
    ['card dated 4/9/1971', '4/9/1971'],
    ['1971年4月9日', '1971年4月9日'],
    ['file 19710409 ok', '19710409'],
  ])('%s', (text, span) => {
    const found = spansOf(text, input);
    expect(found.map((s) => s.text)).toEqual([span]);
    expect(found[0]).toMatchObject({ category: 'date-of-birth', ref: 'W-0001.DOB' });
  });

  it('the ref is private: the text gets a keyed token or the label, never the ref', () => {
    const r = redact('1971년 4월 9일', { dictionary: compileDictionary(input), patterns, profile: 'un' });
    expect(r.text).toBe('[DATE-OF-BIRTH]');
    expect(r.spans[0].ref).toBe('W-0001.DOB');
  });

  it.each([['1971년 4월 10일'], ['1972-04-09'], ['9 May 1971'], ['ID 119710409'], ['4/10/1971'], ['1971년 4월']])('near miss: %s', (text) => {
    expect(texts(text, input)).toEqual([]);
  });

  it('month precision: `1971년 4월`, `April 1971`', () => {
    const monthly: DictionaryInput = { people: [], dates: [{ ref: 'W-0001.DOB', date: '1971-04' }] };
    expect(texts('1971년 4월에 태어났다', monthly)).toEqual(['1971년 4월']);
    expect(texts('born in April 1971', monthly)).toEqual(['April 1971']);
  });

  it('rejects an invalid registered date naming the field', () => {
    expect(() => compileDictionary({ people: [], dates: [{ ref: 'W-1.DOB', date: '1971-02-30' }] })).toThrow('dictionary.dates[0].date');
  });
});

describe('class 4: registered places in the other script', () => {
  const input: DictionaryInput = {
    people: [],
    customTerms: [
      { term: '회령', category: 'custom', ref: 'W-0001.BP', privateRef: true, place: true },
      { term: '온성군 남양로동자구', category: 'custom', ref: 'W-0002.LOC', privateRef: true, place: true },
    ],
  };
  it.each([
    ['She was born in Hoeryong.', 'Hoeryong'],
    ['She was born in Hoeryŏng.', 'Hoeryŏng'],
    ['She was born in Hoeryeong City.', 'Hoeryeong City'],
    ['회령에서 태어났다.', '회령'],
    ['They lived in Namyang workers district, Onsong county until 2009.', 'Namyang workers district, Onsong county'],
    ["They lived in Namyang Workers' District, Onsong County.", "Namyang Workers' District, Onsong County"],
    ['온성군 남양로동자구에서 살았다.', '온성군 남양로동자구'],
    ['온성군 남양노동자구에서 살았다.', '온성군 남양노동자구'],
    ['Onsong County Namyang workers district', 'Onsong County Namyang workers district'],
    ['남양에 살았다.', '남양'],
  ])('%s', (text, span) => {
    expect(texts(text, input)).toEqual([span]);
  });
  it('near miss: 회령 inside another word, Hoeryong inside a longer word', () => {
    expect(texts('회령관 식당, Hoeryongsan', input)).toEqual([]);
  });
});

describe('class 5: names and aliases before copulas and verb endings', () => {
  const input: DictionaryInput = { people: [{ ref: 'W-0001', category: 'person', names: ['김순이'], aliases: ['여우', '순이'] }] };
  it.each([['그의 별명은 여우였습니다.'], ['사람들은 그를 여우라고 불렀다.'], ['그 사람이 여우이다.'], ['그 애 이름이 순이래요.'], ['여우입니다.'], ['순이였는데 나중에 바꿨다.']])('%s', (text) => {
    const found = spansOf(text, input);
    expect(found).toHaveLength(1);
    expect(found[0].ref).toBe('W-0001');
  });
  it.each([['여우같은 사람'], ['순이익이 늘었다'], ['여우비가 내렸다']])('near miss: %s', (text) => {
    expect(texts(text, input)).toEqual([]);
  });
});

describe('class 6: values right after a label are redacted even when they fail a validity check', () => {
  it.each([
    ['QQ river341', 'river341', 'handle'],
    ['QQ: 1234', '1234', 'handle'],
    ["Safe house coordinates: 41°72'N 129°65'E", "41°72'N 129°65'E", 'coordinates'],
    ['Safe house coordinates: 95.12, 129.5', '95.12, 129.5', 'coordinates'],
    ['좌표: 북위 41도 75분 동경 129도 61분', '북위 41도 75분 동경 129도 61분', 'coordinates'],
    ['ID card 220104197113450012', '220104197113450012', 'national-id'],
    ['신분증 번호 710231-2345678', '710231-2345678', 'national-id'],
    ['신분증: 7104991234567', '7104991234567', 'national-id'],
  ])('%s', (text, span, category) => {
    const found = spansOf(text, { people: [] });
    expect(found.map((s) => [s.text, s.category])).toEqual([[span, category]]);
  });
  it.each([['I talked on QQ yesterday.'], ['Card 710231-2345678 without a label'], ['the coordinates were lost'], ['평양 1234']])('near miss: %s', (text) => {
    expect(texts(text, { people: [] })).toEqual([]);
  });
});

describe('class 7: names that are ordinary words are marked ambiguous; the profile decides', () => {
  const input: DictionaryInput = { people: [{ ref: 'W-0001', category: 'person', names: ['강철'] }, { ref: 'W-0002', category: 'person', names: ['김정숙'] }] };
  const dictionary = compileDictionary(input);
  const text = '강철 생산 작업반에서 일했다. 정숙을 지켜야 했다. 김정숙은 떠났다.';
  it('detects them with ambiguity common-word', () => {
    const found = spansOf(text, input);
    expect(found.map((s) => [s.text, s.ambiguity])).toEqual([['강철', 'common-word'], ['정숙', 'common-word'], ['김정숙', undefined]]);
  });
  it('public redacts them; internal keeps and flags them', () => {
    expect(redact(text, { dictionary, patterns, profile: 'public' }).text).toBe('[PERSON] 생산 작업반에서 일했다. [PERSON]을(를) 지켜야 했다. [PERSON]은(는) 떠났다.');
    const internal = redact(text, { dictionary, patterns, profile: 'internal' });
    expect(internal.text).toBe('강철 생산 작업반에서 일했다. 정숙을 지켜야 했다. [W-0002]은 떠났다.');
    expect(internal.spans.slice(0, 2).map((s) => [s.action, s.replacement, s.ambiguous, s.ambiguity])).toEqual([
      ['keep', null, true, 'common-word'],
      ['keep', null, true, 'common-word'],
    ]);
    expect(internal.spans[2].ambiguous).toBeUndefined();
  });
  it('a custom profile chooses (redact by default)', () => {
    const keep = defineProfile({ name: 'ngo', base: 'un', ambiguousWords: 'keep' });
    expect(redact('강철 생산', { dictionary, patterns, profile: keep }).text).toBe('강철 생산');
    expect(redact('강철 생산', { dictionary, patterns, profile: defineProfile({ name: 'x', base: 'internal', ambiguousWords: 'redact' }) }).text).toBe('[W-0001] 생산');
    expect(() => defineProfile({ name: 'y', ambiguousWords: 'maybe' as never })).toThrow('profile.ambiguousWords');
  });
});

describe('class 8: city-level identity places count only where they describe the person', () => {
  const input: DictionaryInput = {
    people: [],
    customTerms: [
      { term: '서울', category: 'custom', ref: 'W-0001.LOC', privateRef: true, place: true },
      { term: '무산군', category: 'custom', ref: 'W-0001.BP', privateRef: true, place: true },
    ],
  };
  const dictionary = compileDictionary(input);
  it.each([
    ['Field interview, Seoul office.', 'other'],
    ['서울 사무소에서 면담했다.', 'other'],
    ['She now lives in Seoul.', 'person'],
    ['He settled in Seoul in 2012.', 'person'],
    ['현재 서울에서 살고 있다.', 'person'],
    ['그는 서울에 거주한다.', 'person'],
  ])('%s → %s', (text, broadPlace) => {
    expect(spansOf(text, input)[0].broadPlace).toBe(broadPlace);
  });
  it('un/icc/internal: only the mentions that describe the person; public: every mention', () => {
    const text = 'Field interview, Seoul office. She now lives in Seoul.';
    expect(redact(text, { dictionary, patterns, profile: 'un' }).text).toBe('Field interview, Seoul office. She now lives in [REDACTED].');
    expect(redact(text, { dictionary, patterns, profile: 'internal' }).text).toBe('Field interview, Seoul office. She now lives in [REDACTED].');
    expect(redact(text, { dictionary, patterns, profile: 'public' }).text).toBe('Field interview, [REDACTED] office. She now lives in [REDACTED].');
  });
  it('a place below city level is redacted everywhere', () => {
    expect(redact('Musan office; 무산에서 왔다.', { dictionary, patterns, profile: 'un' }).text).toBe('[REDACTED] office; [REDACTED]에서 왔다.');
  });
});
