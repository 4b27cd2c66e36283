import { canonicaliseDictionary, compileDictionary, compileDictionaryAsync, dictionaryVersion } from 'src/redaction/engine/dictionary';
import { redact } from 'src/redaction/engine/redact';
import { compilePatterns } from 'src/redaction/engine/patterns';
import { DictionaryInput, RedactionInputError } from 'src/redaction/engine/types';

const input: DictionaryInput = {
  people: [
    { ref: 'W-0003', category: 'person', names: ['김철수', 'Kim Chol-su'], aliases: ['철이'] },
    { ref: 'W-0001', category: 'person', names: ['리영호'] },
  ],
  places: [{ ref: 'P-0001', names: ['회령시'] }],
  customTerms: [{ term: '꽃제비 반장', category: 'custom' }],
};

describe('dictionaryVersion', () => {
  it('is a SHA-256 hex digest', () => {
    expect(dictionaryVersion(input)).toMatch(/^[0-9a-f]{64}$/);
  });
  it('ignores order, duplicates and spacing', () => {
    const shuffled: DictionaryInput = {
      people: [
        { ref: 'W-0001', category: 'person', names: [' 리영호 ', '리영호'] },
        { ref: 'W-0003', category: 'person', names: ['Kim  Chol-su', '김철수'], aliases: ['철이'] },
      ],
      places: [{ ref: 'P-0001', names: ['회령시'] }],
      customTerms: [{ term: '꽃제비  반장', category: 'custom' }],
    };
    expect(dictionaryVersion(shuffled)).toBe(dictionaryVersion(input));
  });
  it('changes when anything that can be matched changes', () => {
    const other = { ...input, people: [...input.people, { ref: 'W-0009', category: 'person' as const, names: ['박정숙'] }] };
    expect(dictionaryVersion(other)).not.toBe(dictionaryVersion(input));
    expect(dictionaryVersion({ ...input, customTerms: [] })).not.toBe(dictionaryVersion(input));
  });
  it('changes when a ref becomes private (the text it produces changes)', () => {
    const relative = (privateRef?: boolean): DictionaryInput => ({ people: [{ ref: 'W-0003.R1', category: 'person', names: ['김영희'], privateRef }] });
    expect(dictionaryVersion(relative(true))).not.toBe(dictionaryVersion(relative()));
    expect(dictionaryVersion(relative(false))).toBe(dictionaryVersion(relative()));
  });
  it('equals the version of the compiled dictionary', () => {
    expect(compileDictionary(input).version).toBe(dictionaryVersion(input));
  });
  it('normalises Unicode (NFC)', () => {
    const decomposed = { people: [{ ref: 'W-1', category: 'person' as const, names: ['김철수'.normalize('NFD')] }] };
    const composed = { people: [{ ref: 'W-1', category: 'person' as const, names: ['김철수'] }] };
    expect(dictionaryVersion(decomposed)).toBe(dictionaryVersion(composed));
  });
});

describe('canonicaliseDictionary validation', () => {
  const bad = (d: unknown): (() => unknown) => () => canonicaliseDictionary(d as DictionaryInput);
  it('names the field and the problem', () => {
    expect(bad({ people: [{ ref: 'W 3', category: 'person', names: [] }] })).toThrow(RedactionInputError);
    expect(bad({ people: [{ ref: 'W 3', category: 'person', names: [] }] })).toThrow('dictionary.people[0].ref');
    expect(bad({ people: [{ ref: 'W-1', category: 'place', names: [] }] })).toThrow('dictionary.people[0].category');
    expect(bad({ people: [{ ref: 'W-1', category: 'person', names: [1] }] })).toThrow('dictionary.people[0].names[0]');
    expect(
      bad({
        people: [
          { ref: 'W-1', category: 'person', names: [] },
          { ref: 'W-1', category: 'person', names: [] },
        ],
      }),
    ).toThrow('duplicate ref W-1');
    expect(bad({ people: [], customTerms: [{ term: 'x', category: 'secret' }] })).toThrow('dictionary.customTerms[0].category');
    expect(bad({ people: [], customTerms: [{ term: '  ', category: 'custom' }] })).toThrow('dictionary.customTerms[0].term');
    expect(bad({ people: [{ ref: 'W-1.R1', category: 'person', names: ['김영희'], privateRef: 'yes' }] })).toThrow('dictionary.people[0].privateRef: must be a boolean');
    expect(bad({ people: [], customTerms: [{ term: 'x', category: 'phone', privateRef: true }] })).toThrow('dictionary.customTerms[0].privateRef: needs a ref');
    expect(bad({ people: 'nobody' })).toThrow('dictionary.people');
    expect(bad(null)).toThrow('dictionary');
  });
});

describe('compileDictionary', () => {
  it('compiles entries, variants and an automaton', () => {
    const d = compileDictionary(input);
    expect(d.entries.map((e) => [e.kind, e.ref])).toEqual([
      ['person', 'W-0001'],
      ['person', 'W-0003'],
      // One surname-reference entry per surname (`김 씨`, `Mr. Kim`), with the people who have it.
      ['person', 'W-0003'],
      ['person', 'W-0001'],
      ['place', 'P-0001'],
      ['custom', undefined],
    ]);
    expect(d.variantCount).toBeGreaterThan(d.entries.length);
    expect(d.patternCount).toBeGreaterThan(10);
    expect(d.automaton.nodeCount).toBeGreaterThan(d.patternCount);
    expect(d.maxPatternLength).toBeGreaterThan(5);
  });
  it('lists private refs; a term listed twice is private if either listing is', () => {
    const d = compileDictionary({
      people: [{ ref: 'W-0003', category: 'person', names: ['김철수'] }, { ref: 'W-0003.R1', category: 'person', names: ['김영희'], privateRef: true }],
      customTerms: [{ term: '010-1234-5678', category: 'phone', ref: 'W-0003.C1' }, { term: '010-1234-5678', category: 'phone', ref: 'W-0003.C1', privateRef: true }, { term: 'x', category: 'custom', ref: 'T-0001' }],
    });
    expect([...d.privateRefs].sort()).toEqual(['W-0003.C1', 'W-0003.R1']);
    expect(d.entries.filter((e) => e.kind === 'custom')).toHaveLength(2);
  });
  it('compiles an empty dictionary', () => {
    expect(compileDictionary({ people: [] }).patternCount).toBe(0);
  });
  it('is deterministic', () => {
    const a = compileDictionary(input);
    const b = compileDictionary(input);
    expect(Array.from(a.ownerEntry)).toEqual(Array.from(b.ownerEntry));
    expect(a.ruleNames).toEqual(b.ruleNames);
    expect(a.automaton.nodeCount).toBe(b.automaton.nodeCount);
  });
});

describe('compileDictionaryAsync', () => {
  const bigger: DictionaryInput = {
    ...input,
    people: [...input.people, ...Array.from({ length: 60 }, (_x, i) => ({ ref: `W-1${String(i).padStart(3, '0')}`, category: 'person' as const, names: [`박${'영정순미'[i % 4]}${'호희수철'[Math.floor(i / 4) % 4]}${i}`] }))],
  };

  it('compiles to the same dictionary as compileDictionary', async () => {
    const sync = compileDictionary(bigger);
    const async = await compileDictionaryAsync(bigger, 0);
    expect(async.version).toBe(sync.version);
    expect(async.patternCount).toBe(sync.patternCount);
    expect(async.variantCount).toBe(sync.variantCount);
    expect(async.entries).toEqual(sync.entries);
    expect(Array.from(async.ownerEntry)).toEqual(Array.from(sync.ownerEntry));
    const text = '김철수와 Kim Chol-su, 철이는 회령시에서 리영호를 만났다.';
    const options = { patterns: compilePatterns(), profile: 'un' as const, pseudonymSecret: Buffer.alloc(32, 1) };
    expect(redact(text, { ...options, dictionary: async })).toEqual(redact(text, { ...options, dictionary: sync }));
  });

  it('lets timers run while it compiles (a worker keeps renewing its job lock)', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      await compileDictionaryAsync(bigger, 0);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });

  it('rejects bad input like compileDictionary', async () => {
    await expect(compileDictionaryAsync({ people: [{ ref: '', category: 'person', names: ['김철수'] }] })).rejects.toBeInstanceOf(RedactionInputError);
  });
});
