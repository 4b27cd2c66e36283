import { describe, expect, it } from 'vitest';
import { caseCode, incidentTimeline, peopleByKind, summariseMatrix, type ElementStatus } from './summary';

const els = (...statuses: ElementStatus[]) => statuses.map((status) => ({ status }));

describe('case summary for print', () => {
  it('counts elements per crime by status, lists crimes with evidence and only counts the others', () => {
    const s = summariseMatrix(
      [
        { id: 'a', code: 'RS-7-1-a', titleEn: 'Murder', titleKo: '살해', elements: els('no_evidence', 'no_evidence') },
        { id: 'e', code: 'RS-7-1-e', titleEn: 'Imprisonment', titleKo: null, elements: els('supported', 'weak', 'only_unreviewed', 'no_evidence', 'supported') },
        { id: 'k', code: 'RS-7-1-k', titleEn: 'Other inhumane acts', titleKo: '기타 비인도적 행위', elements: els('only_unreviewed', 'no_evidence', 'no_evidence') },
      ],
      'ko',
    );
    expect(s.crimes).toEqual([
      { id: 'e', code: 'RS-7-1-e', title: 'Imprisonment', elements: 5, counts: { supported: 2, weak: 1, only_unreviewed: 1, no_evidence: 1 } },
      { id: 'k', code: 'RS-7-1-k', title: '기타 비인도적 행위', elements: 3, counts: { supported: 0, weak: 0, only_unreviewed: 1, no_evidence: 2 } },
    ]);
    expect(s.withoutEvidence).toEqual({ crimes: 1, elements: 2 });
    expect(s.totals).toEqual({ supported: 2, weak: 1, only_unreviewed: 2, no_evidence: 5, elements: 10 });
  });

  it('groups people by role in a fixed order, codes only, numerically sorted', () => {
    const groups = peopleByKind([
      { code: 'V-0010', kind: 'victim' },
      { code: 'W-0001', kind: 'witness' },
      { code: 'V-0002', kind: 'victim' },
      { code: 'P-0001', kind: 'perpetrator_individual' },
    ]);
    expect(groups).toEqual([
      { kind: 'witness', codes: ['W-0001'] },
      { kind: 'victim', codes: ['V-0002', 'V-0010'] },
      { kind: 'perpetrator_individual', codes: ['P-0001'] },
    ]);
  });

  it('orders the timeline by the earliest possible day, undated last, and keeps no free text', () => {
    const incident = (code: string, earliest: string | null, extra: object = {}) => ({
      id: code, code, title: `Title of ${code} naming 김철수`, description: '김철수', violationTypes: ['torture'],
      date: { precision: earliest ? ('year' as const) : ('unknown' as const), date: earliest?.slice(0, 4) ?? null, from: null, to: null, earliest }, place: null, victims: [], ...extra,
    });
    const timeline = incidentTimeline([
      incident('I-0003', null),
      incident('I-0002', '1997-01-01', {
        date: { precision: 'range', date: null, from: '1997', to: '1998-06', earliest: '1997-01-01' },
        place: { name: 'Camp 15 (Yodok)' },
        victims: [{ person: { id: 'p', code: 'W-0001' }, groupCount: null }, { person: null, groupCount: 30, groupDescription: '김철수의 작업반' }],
      }),
      incident('I-0001', '1997-01-01'),
      incident('I-0010', '1996-11-02'),
    ]);
    expect(timeline.map((e) => e.code)).toEqual(['I-0010', 'I-0001', 'I-0002', 'I-0003']);
    expect(timeline[2]).toEqual({ id: 'I-0002', code: 'I-0002', date: { precision: 'range', date: null, from: '1997', to: '1998-06' }, place: 'Camp 15 (Yodok)', violationTypes: ['torture'], victimCodes: ['W-0001'], groupVictims: 30 });
    expect(JSON.stringify(timeline)).not.toContain('김철수');
  });

  it('names the case by the short reference exports use', () => {
    expect(caseCode('0a1b2c3d-4e5f-4000-8000-000000000000')).toBe('0a1b2c3d');
  });
});
