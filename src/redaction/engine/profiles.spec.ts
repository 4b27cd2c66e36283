import { ACTIONS, BUILT_IN_PROFILES, DEFAULT_LABELS, defineProfile, keptIdentifyingCategories, profileFingerprint, resolveProfile } from 'src/redaction/engine/profiles';
import { CATEGORIES, RedactionInputError } from 'src/redaction/engine/types';

describe('built-in profiles', () => {
  it('define an action and a label for every category', () => {
    for (const p of Object.values(BUILT_IN_PROFILES)) {
      for (const c of CATEGORIES) {
        expect(ACTIONS).toContain(p.actions[c]);
        expect(p.labels[c]).toBe(DEFAULT_LABELS[c]);
      }
    }
  });
  it('internal pseudonymises people and keeps places', () => {
    expect(BUILT_IN_PROFILES.internal.actions).toMatchObject({ person: 'pseudonym', place: 'keep', phone: 'label', coordinates: 'keep' });
  });
  it('un and icc pseudonymise people and sensitive places', () => {
    expect(BUILT_IN_PROFILES.un.actions).toMatchObject({ person: 'pseudonym', place: 'pseudonym', coordinates: 'label' });
    expect(BUILT_IN_PROFILES.icc.actions).toMatchObject({ person: 'pseudonym', place: 'pseudonym', coordinates: 'keep' });
  });
  it('public labels or removes everything and neutralises particles', () => {
    const p = BUILT_IN_PROFILES.public;
    for (const c of CATEGORIES) expect(['label', 'remove']).toContain(p.actions[c]);
    expect(p.neutraliseParticles).toBe(true);
  });
  it('are frozen', () => {
    expect(Object.isFrozen(BUILT_IN_PROFILES.public)).toBe(true);
    expect(Object.isFrozen(BUILT_IN_PROFILES.public.actions)).toBe(true);
  });
});

describe('defineProfile', () => {
  it('inherits from a base and overrides what it names', () => {
    const p = defineProfile({ name: 'researchers', base: 'un', actions: { place: 'keep' }, labels: { person: '[증인]' } });
    expect(p.actions.place).toBe('keep');
    expect(p.actions.person).toBe('pseudonym');
    expect(p.labels.person).toBe('[증인]');
    expect(p.neutraliseParticles).toBe(false);
  });
  it('starts from public by default', () => {
    expect(defineProfile({ name: 'x' }).actions).toEqual(BUILT_IN_PROFILES.public.actions);
  });
  it('rejects bad input naming the field', () => {
    expect(() => defineProfile({ name: 'Bad Name' })).toThrow('profile.name');
    expect(() => defineProfile({ name: 'x', actions: { person: 'shred' as never } })).toThrow('profile.actions.person');
    expect(() => defineProfile({ name: 'x', actions: { secret: 'keep' } as never })).toThrow('profile.actions.secret');
    expect(() => defineProfile({ name: 'x', labels: { person: '' } })).toThrow('profile.labels.person');
    expect(() => defineProfile({ name: 'x', neutraliseParticles: 'yes' as never })).toThrow(RedactionInputError);
  });
});

describe('keptIdentifyingCategories', () => {
  it('is empty for every built-in profile (internal keeps only places and coordinates)', () => {
    for (const p of Object.values(BUILT_IN_PROFILES)) expect(keptIdentifyingCategories(p), p.name).toEqual([]);
  });
  it('names each identifying category a custom profile keeps, and not places or coordinates', () => {
    expect(keptIdentifyingCategories(defineProfile({ name: 'x', base: 'internal', actions: { person: 'keep', phone: 'keep', custom: 'keep', place: 'keep', coordinates: 'keep' } }))).toEqual(['person', 'phone', 'custom']);
    expect(keptIdentifyingCategories(defineProfile({ name: 'x', base: 'un', actions: { 'date-of-birth': 'keep', handle: 'keep', email: 'keep', 'national-id': 'keep' } }))).toEqual(['national-id', 'email', 'handle', 'date-of-birth']);
  });
});

describe('resolveProfile', () => {
  it('finds built-in profiles by name and checks custom ones', () => {
    expect(resolveProfile('icc')).toBe(BUILT_IN_PROFILES.icc);
    expect(() => resolveProfile('press' as never)).toThrow('unknown profile press');
    expect(() => resolveProfile({ ...BUILT_IN_PROFILES.un, actions: { ...BUILT_IN_PROFILES.un.actions, email: undefined as never } })).toThrow('profile.actions.email');
  });
  it('fingerprints profiles canonically', () => {
    expect(profileFingerprint(BUILT_IN_PROFILES.un)).toBe(profileFingerprint(defineProfile({ name: 'un', base: 'un' })));
    expect(profileFingerprint(BUILT_IN_PROFILES.un)).not.toBe(profileFingerprint(BUILT_IN_PROFILES.icc));
  });
});
