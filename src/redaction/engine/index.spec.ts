import * as engine from 'src/redaction/engine';

describe('public API', () => {
  it('exports the engine entry points', () => {
    for (const name of ['compileDictionary', 'dictionaryVersion', 'compilePatterns', 'redact', 'detect', 'defineProfile', 'resolveProfile', 'romaniseName']) {
      expect(typeof (engine as Record<string, unknown>)[name]).toBe('function');
    }
    expect(Object.keys(engine.BUILT_IN_PROFILES)).toEqual(['internal', 'un', 'icc', 'public']);
    expect(engine.CATEGORIES).toContain('national-id');
  });

  it('works end to end as documented', () => {
    const dictionary = engine.compileDictionary({ people: [{ ref: 'W-0007', category: 'person', names: ['김영철'] }] });
    const result = engine.redact('김영철은 Kim Yong-chol이라고도 불렸다. 전화 010-2222-3333', { dictionary, profile: 'un' });
    expect(result.text).toBe('[W-0007]은 [W-0007]이라고도 불렸다. 전화 [PHONE]');
    expect(result.dictionaryVersion).toBe(engine.dictionaryVersion({ people: [{ ref: 'W-0007', category: 'person', names: ['김영철'] }] }));
  });
});
