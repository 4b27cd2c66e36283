import { differingFields, emptyIdentityForm, formIsDirty, formToIdentity, identityToForm, mergeIdentity, placeLabel } from './identity';

describe('identity form helpers', () => {
  it('sends only what was given, trimmed, and reads it back into the same form', () => {
    const form = {
      ...emptyIdentityForm(),
      namesHangul: [' 김영희 ', ''],
      sex: 'female' as const,
      birthPrecision: 'month' as const,
      birthDate: '1975-03',
      birthplace: 'Hoeryong (회령시)',
      relatives: [{ relation: 'brother', name: '김철수', note: '' }, { relation: '', name: '', note: '' }],
      contacts: [{ kind: 'phone' as const, value: '+82 10 1234 5678' }, { kind: 'email' as const, value: ' ' }],
    };
    const identity = formToIdentity(form);
    expect(identity).toEqual({
      namesHangul: ['김영희'],
      sex: 'female',
      birthDate: { precision: 'month', date: '1975-03' },
      birthplace: 'Hoeryong (회령시)',
      relatives: [{ relation: 'brother', name: '김철수' }],
      contacts: [{ kind: 'phone', value: '+82 10 1234 5678' }],
    });
    expect(formToIdentity(identityToForm(identity))).toEqual(identity);
    expect(formToIdentity(emptyIdentityForm())).toEqual({});
  });

  it('knows when the form differs from what is saved', () => {
    const saved = { namesHangul: ['김영희'] };
    expect(formIsDirty(identityToForm(saved), saved)).toBe(false);
    expect(formIsDirty({ ...identityToForm(saved), aliases: ['영이'] }, saved)).toBe(true);
    expect(formIsDirty(emptyIdentityForm(), null)).toBe(false);
  });

  it('lists the differing fields and merges by the user’s choice per field', () => {
    const mine = { namesHangul: ['김영희'], aliases: ['영이'], birthplace: 'Hoeryong (회령시)' };
    const theirs = { namesHangul: ['김영희'], aliases: ['희야'], sex: 'female' as const };
    expect(differingFields(mine, theirs)).toEqual(['aliases', 'sex', 'birthplace']);
    expect(mergeIdentity(mine, theirs, new Set(['aliases', 'birthplace'] as const))).toEqual({ namesHangul: ['김영희'], aliases: ['영이'], sex: 'female', birthplace: 'Hoeryong (회령시)' });
    expect(mergeIdentity(mine, theirs, new Set())).toEqual(theirs);
  });

  it('labels a gazetteer place with its Hangul name', () => {
    expect(placeLabel({ name: 'Hoeryong', names: [{ system: 'en', name: 'Hoeryong' }, { system: 'hangul', name: '회령' }, { system: 'hangul', name: '회령시' }] })).toBe('Hoeryong (회령시)');
    expect(placeLabel({ name: '회령', names: [{ system: 'hangul', name: '회령' }] })).toBe('회령');
  });
});
