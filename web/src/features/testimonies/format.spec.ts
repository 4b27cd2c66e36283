import type { TFunction } from 'i18next';
import { consentChanges, formatDatedValue } from './format';
import type { ConsentVersion } from './queries';

const t = ((key: string, vars?: Record<string, string>) => (vars ? `${key}:${JSON.stringify(vars)}` : key)) as unknown as TFunction;

describe('formatDatedValue', () => {
  it('says as much as the precision knows', () => {
    expect(formatDatedValue({ precision: 'day', date: '2019-03-05' }, 'en', t)).toBe('March 5, 2019');
    expect(formatDatedValue({ precision: 'month', date: '2019-03' }, 'ko', t)).toBe('2019년 3월');
    expect(formatDatedValue({ precision: 'year', date: '2019' }, 'en', t)).toBe('2019');
    expect(formatDatedValue({ precision: 'approximate', date: '2019' }, 'en', t)).toBe('testimonies.date.about:{"date":"2019"}');
    expect(formatDatedValue({ precision: 'unknown' }, 'en', t)).toBe('testimonies.date.unknown');
  });
});

describe('consentChanges', () => {
  const v1: ConsentVersion = {
    version: 1, purposes: ['internal_analysis', 'share_un_mechanisms'], anonymityRequired: true, identityDisclosureAllowed: false, noDeathPenaltyProceedings: true,
    recontactAllowed: false, method: 'signed_form', takenBy: 'u1', takenAt: '2026-01-01T00:00:00.000Z', withdrawnAt: null, recordedAt: '2026-01-01T00:00:00.000Z', recordedBy: 'u1',
  };
  it('names the fields that differ from the previous version, ignoring the order of purposes', () => {
    expect(consentChanges(undefined, v1)).toEqual([]);
    expect(consentChanges(v1, { ...v1, version: 2, purposes: ['share_un_mechanisms', 'internal_analysis'] })).toEqual([]);
    expect(consentChanges(v1, { ...v1, version: 2, purposes: ['internal_analysis'], withdrawnAt: '2026-02-01T00:00:00.000Z' })).toEqual(['purposes', 'withdrawnAt']);
  });
});
