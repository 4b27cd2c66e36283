import { dimensionValueLabel, type LabelSources } from './labels';

const t = (key: string, vars?: Record<string, string>) => (vars ? `${key}:${JSON.stringify(vars)}` : key);
const sources: LabelSources = {
  violation: (code) => (code === 'torture' ? 'Torture' : code),
  provinces: [{ code: 'KP-09', name: 'North Hamgyong', names: [{ system: 'hangul', name: '함경북도' }, { system: 'mr', name: 'Hamgyŏng-pukto' }] }],
};

describe('dimensionValueLabel', () => {
  it('names provinces in the interface language, by their code', () => {
    expect(dimensionValueLabel('province', 'KP-09', 'en', t, sources)).toBe('North Hamgyong');
    expect(dimensionValueLabel('province', 'KP-09', 'ko', t, sources)).toBe('함경북도');
    expect(dimensionValueLabel('province', 'org-x', 'ko', t, sources)).toBe('org-x');
  });

  it('says "not recorded" for unknown values of any dimension', () => {
    for (const d of ['violationType', 'year', 'province', 'sex', 'ageGroup'] as const) expect(dimensionValueLabel(d, 'unknown', 'en', t, sources)).toBe('statistics.notRecorded');
  });

  it('uses the vocabulary and the catalogue for the other dimensions', () => {
    expect(dimensionValueLabel('violationType', 'torture', 'en', t, sources)).toBe('Torture');
    expect(dimensionValueLabel('sex', 'female', 'en', t, sources)).toBe('statistics.sexes.female');
    expect(dimensionValueLabel('ageGroup', '18-29', 'en', t, sources)).toBe('statistics.ageGroup:{"group":"18-29"}');
    expect(dimensionValueLabel('year', '1997', 'en', t, sources)).toBe('1997');
  });
});
