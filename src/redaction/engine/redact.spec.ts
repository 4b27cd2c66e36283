import { compileDictionary } from 'src/redaction/engine/dictionary';
import { compilePatterns } from 'src/redaction/engine/patterns';
import { defineProfile, type RedactionProfile } from 'src/redaction/engine/profiles';
import { detect, redact } from 'src/redaction/engine/redact';
import { DictionaryInput } from 'src/redaction/engine/types';

const registry: DictionaryInput = {
  people: [
    { ref: 'W-0003', category: 'person', names: ['김철수', 'Kim Chol-su'] },
    { ref: 'W-0004', category: 'person', names: ['리영호'] },
    { ref: 'W-0010', category: 'person', names: ['박영철'] },
    { ref: 'W-0011', category: 'person', names: ['최영철'] },
  ],
  places: [{ ref: 'P-0001', names: ['회령시'] }],
  customTerms: [{ term: '꽃제비 반장', category: 'custom', ref: 'T-0001' }],
};
const dictionary = compileDictionary(registry);
const patterns = compilePatterns();

const KO = '김철수는 2003년에 회령에서 리영호와 함께 탈북했다. 연락처 010-1234-5678. 생년월일 1975년 3월 2일.';
const EN = "Kim Chol-su's phone was +86 138 0013 8000; e-mail kim.cs@example.org; WeChat: kimcs1975. He lived in Hoeryong (39.6, 126.9).";

describe('redact with built-in profiles', () => {
  it('internal: pseudonymises people, keeps places, labels contacts', () => {
    const r = redact(KO, { dictionary, patterns, profile: 'internal' });
    expect(r.text).toBe('[W-0003]는 2003년에 회령에서 [W-0004]와 함께 탈북했다. 연락처 [PHONE]. 생년월일 [DATE-OF-BIRTH].');
  });

  it('un: pseudonymises people and sensitive places', () => {
    const r = redact(EN, { dictionary, patterns, profile: 'un' });
    expect(r.text).toBe("[W-0003]'s phone was [PHONE]; e-mail [EMAIL]; WeChat: [HANDLE]. He lived in [P-0001] ([COORDINATES]).");
  });

  it('icc: keeps coordinates', () => {
    expect(redact(EN, { dictionary, patterns, profile: 'icc' }).text).toContain('(39.6, 126.9)');
  });

  it('public: labels people and places, removes contacts, neutralises particles', () => {
    const r = redact(KO, { dictionary, patterns, profile: 'public' });
    expect(r.text).toBe('[PERSON]은(는) 2003년에 [PLACE]에서 [PERSON]와(과) 함께 탈북했다. 연락처 . 생년월일 [DATE-OF-BIRTH].');
    const person = r.spans.find((s) => s.category === 'person');
    expect(person).toMatchObject({ start: 0, end: 4, particleNeutralised: true, replacement: '[PERSON]은(는)' });
  });

  it('leaves ordinary years and counts alone', () => {
    const text = 'In 1997, 3,000 prisoners. 1997년에 3천 명. Camp 15.';
    expect(redact(text, { dictionary, patterns, profile: 'public' }).text).toBe(text);
  });
});

describe('span log', () => {
  const r = redact(KO, { dictionary, patterns, profile: 'internal' });

  it('gives original and output offsets, category, rule, action, replacement and refs', () => {
    expect(r.spans[0]).toMatchObject({
      start: 0,
      end: 3,
      outputStart: 0,
      outputEnd: 8,
      category: 'person',
      rule: 'person.hangul',
      action: 'pseudonym',
      replacement: '[W-0003]',
      personRef: 'W-0003',
    });
    const place = r.spans.find((s) => s.category === 'place');
    expect(place).toMatchObject({ action: 'keep', replacement: null, placeRef: 'P-0001' });
    for (const s of r.spans) {
      expect(KO.slice(s.start, s.end).length).toBe(s.end - s.start);
      expect(r.text.slice(s.outputStart, s.outputEnd)).toBe(s.replacement ?? KO.slice(s.start, s.end));
    }
  });

  it('never contains the redacted text', () => {
    const log = JSON.stringify(r.spans);
    for (const secret of ['김철수', '리영호', '010-1234-5678', '1975']) expect(log).not.toContain(secret);
  });

  it('reports versions and a configuration fingerprint', () => {
    expect(r.dictionaryVersion).toBe(dictionary.version);
    expect(r.patternsVersion).toBe(patterns.version);
    expect(r.engineVersion).toMatch(/^sillok-redaction-engine\//);
    expect(r.profile).toBe('internal');
    expect(r.configFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(redact(KO, { dictionary, patterns, profile: 'un' }).configFingerprint).not.toBe(r.configFingerprint);
  });
});

describe('pseudonyms', () => {
  it('are the same for the same person across texts and spellings', () => {
    const a = redact('김철수가 왔다', { dictionary, patterns, profile: 'un' }).text;
    const b = redact('Kim Cheol-su came', { dictionary, patterns, profile: 'un' }).text;
    expect(a).toBe('[W-0003]가 왔다');
    expect(b).toBe('[W-0003] came');
  });

  it('fall back to the label for homonyms unless the text names one of them', () => {
    expect(redact('영철씨가 왔다', { dictionary, patterns, profile: 'un' }).text).toBe('[PERSON]씨가 왔다');
    const r = redact('박영철은 말했다. 영철씨가 왔다', { dictionary, patterns, profile: 'un' });
    expect(r.text).toBe('[W-0010]은 말했다. [W-0010]씨가 왔다');
    expect(r.spans[1]).toMatchObject({ personRef: 'W-0010', refFromContext: true, candidateRefs: ['W-0010', 'W-0011'] });
  });

  it('are keyed hashes for pattern hits when a case secret is given, stable per value', () => {
    const profile = defineProfile({ name: 'tokens', base: 'un', actions: { phone: 'pseudonym' } });
    const opts = { dictionary, patterns, profile, pseudonymSecret: 'case-7-secret' };
    const a = redact('call 010-1234-5678 or 01012345678', opts);
    const [first, second] = a.spans.map((s) => s.replacement);
    expect(first).toMatch(/^\[PHONE-[0-9a-f]{8}\]$/);
    expect(second).toBe(first);
    const other = redact('call 010-1234-5678', { ...opts, pseudonymSecret: 'other-case' });
    expect(other.spans[0].replacement).not.toBe(first);
    expect(redact('call 010-1234-5678', { dictionary, patterns, profile }).spans[0].replacement).toBe('[PHONE]');
  });

  it('use the custom term ref when it has one', () => {
    const p = defineProfile({ name: 'codes', base: 'un', actions: { custom: 'pseudonym' } });
    expect(redact('그는 꽃제비 반장이었다', { dictionary, patterns, profile: p }).text).toBe('그는 [T-0001]이었다');
  });
});

describe('private refs (a relative, a contact or the birthplace of a registered person)', () => {
  const family: DictionaryInput = {
    people: [
      { ref: 'W-0003', category: 'person', names: ['김철수', 'Kim Chol-su'] },
      { ref: 'W-0003.R1', category: 'person', names: ['김영희', 'Kim Yong-hui'], privateRef: true },
      { ref: 'W-0003.R2', category: 'person', names: ['박정남'], privateRef: true },
    ],
    customTerms: [
      { term: '010-1234-5678', category: 'phone', ref: 'W-0003.C1', privateRef: true },
      { term: 'Hoeryong, North Hamgyong', category: 'custom', ref: 'W-0003.BP', privateRef: true },
    ],
  };
  const familyDictionary = compileDictionary(family);
  const TEXT = '김철수의 누나 김영희는 회령에 있다. Kim Yong-hui still calls 010-1234-5678. 영희 said 박정남 was taken. Born in Hoeryong, North Hamgyong.';
  const tokens = defineProfile({ name: 'all-tokens', base: 'un', actions: { phone: 'pseudonym', custom: 'pseudonym' } });
  const run = (secret: string | undefined, profile: RedactionProfile | 'un' = tokens, text = TEXT) => redact(text, { dictionary: familyDictionary, patterns, profile, pseudonymSecret: secret });
  const replacements = (r: ReturnType<typeof redact>, ref: string) => r.spans.filter((s) => (s.personRef ?? s.ref) === ref).map((s) => s.replacement);

  it('get a keyed token, the same for every spelling of the same entry in a case, never the ref', () => {
    const r = run('case-7-secret');
    const sister = replacements(r, 'W-0003.R1');
    expect(sister).toHaveLength(3); // 김영희, Kim Yong-hui, 영희
    expect(sister[0]).toMatch(/^\[PERSON-[0-9a-f]{8}\]$/);
    expect(new Set(sister).size).toBe(1);
    const brother = replacements(r, 'W-0003.R2');
    expect(brother).toEqual([expect.stringMatching(/^\[PERSON-[0-9a-f]{8}\]$/)]);
    expect(brother[0]).not.toBe(sister[0]);
    expect(replacements(r, 'W-0003.C1')).toEqual([expect.stringMatching(/^\[PHONE-[0-9a-f]{8}\]$/)]);
    expect(replacements(r, 'W-0003.BP')).toEqual([expect.stringMatching(/^\[REDACTED-[0-9a-f]{8}\]$/)]);
    // The registered person keeps their pseudonym code.
    expect(r.text.startsWith('[W-0003]의 누나 ')).toBe(true);
    // Nothing in the text names or points to the person: no code, no relation suffix.
    expect(r.text).not.toMatch(/W-0003\.|\.R\d|\.C\d|\.BP|\.LOC/);
    expect(r.text.match(/W-0003/g)).toHaveLength(1);
    // The same relative in another text of the case gets the same token.
    expect(run('case-7-secret', tokens, '김영희가 왔다').text).toBe(`${sister[0]}가 왔다`);
  });

  it('differ across cases (each case has its own secret)', () => {
    const a = run('case-7-secret');
    const b = run('case-8-secret');
    for (const ref of ['W-0003.R1', 'W-0003.R2', 'W-0003.C1', 'W-0003.BP']) expect(replacements(b, ref)[0]).not.toBe(replacements(a, ref)[0]);
  });

  it('stay in the span log for cleared readers', () => {
    const r = run('case-7-secret');
    expect(r.spans.find((s) => s.personRef === 'W-0003.R1')).toMatchObject({ category: 'person', action: 'pseudonym', rule: expect.any(String) });
    expect(r.spans.find((s) => s.ref === 'W-0003.C1')).toMatchObject({ category: 'phone', action: 'pseudonym' });
    for (const s of r.spans) expect(r.text.slice(s.outputStart, s.outputEnd)).toBe(s.replacement ?? TEXT.slice(s.start, s.end));
  });

  it('fall back to the label without a case secret', () => {
    const r = run(undefined, 'un');
    expect(replacements(r, 'W-0003.R1')).toEqual(['[PERSON]', '[PERSON]', '[PERSON]']);
    expect(r.text).not.toMatch(/W-0003\./);
    expect(r.text).toContain('[W-0003]');
  });

  it('win over a public entry with the same ref (the safe side)', () => {
    const d = compileDictionary({ people: [{ ref: 'W-0009', category: 'person', names: ['최명남'] }], customTerms: [{ term: 'Myong-nam Aba', category: 'person', ref: 'W-0009', privateRef: true }] });
    expect(redact('최명남', { dictionary: d, patterns, profile: 'un', pseudonymSecret: 's' }).text).toMatch(/^\[PERSON-[0-9a-f]{8}\]$/);
  });

  it('leave ordinary refs and value tokens as they were', () => {
    const r = run('case-7-secret', defineProfile({ name: 'phones', base: 'un', actions: { phone: 'pseudonym' } }), 'call 010-9999-8888');
    const plain = redact('call 010-9999-8888', { dictionary, patterns, profile: defineProfile({ name: 'phones', base: 'un', actions: { phone: 'pseudonym' } }), pseudonymSecret: 'case-7-secret' });
    expect(r.text).toBe(plain.text);
  });
});

describe('determinism and options', () => {
  it('gives byte-identical results for the same inputs', () => {
    const a = redact(KO + EN, { dictionary, patterns, profile: 'public', pseudonymSecret: 's' });
    const b = redact(KO + EN, { dictionary: compileDictionary(registry), patterns: compilePatterns(), profile: 'public', pseudonymSecret: 's' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('runs with patterns only, dictionary only, or nothing', () => {
    expect(redact(KO, { profile: 'un' }).text).toContain('김철수');
    expect(redact(KO, { profile: 'un' }).text).toContain('[PHONE]');
    expect(redact(KO, { dictionary, patterns: null, profile: 'un' }).text).toContain('010-1234-5678');
    expect(redact(KO, { patterns: null, profile: 'un' }).spans).toEqual([]);
  });

  it('handles empty text and text without findings', () => {
    expect(redact('', { dictionary, patterns, profile: 'public' }).text).toBe('');
    expect(redact('nothing here', { dictionary, patterns, profile: 'public' }).spans).toEqual([]);
  });

  it('rejects bad input', () => {
    expect(() => detect(42 as unknown as string)).toThrow('text');
    expect(() => redact('x', { profile: 'nobody' as never })).toThrow('unknown profile');
  });
});
