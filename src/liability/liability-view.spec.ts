import { chainOfCommand, liabilityRows, type ViewLink, type ViewRequirement } from 'src/liability/liability-view';

const req = (modeId: string, n: number, letters: string[] = []): ViewRequirement => ({ id: `${modeId}-R${n}`, modeId, code: `${modeId}-R${n}`, number: n, alternatives: letters.map((letter) => ({ letter })) });
const link = (over: Partial<ViewLink>): ViewLink => ({
  perpetratorId: 'p1', modeId: '28b', requirementId: '28b-R1', alternative: null, relation: 'supports', reviewed: false, probativeValue: 4, sourceReliability: 'B', informationCredibility: 2, sourceKey: 'testimony:1', ...over,
});

describe('liabilityRows', () => {
  const requirements = [req('28b', 2), req('28b', 1), req('28b', 3), req('25d', 1), req('25d', 4, ['a', 'b'])];

  it('lists every requirement of an alleged mode, with gaps where nothing (or nothing reviewed) supports it', () => {
    const rows = liabilityRows(requirements, [
      link({ reviewed: true }),
      link({ reviewed: true, sourceKey: 'testimony:1' }),
      link({ requirementId: '28b-R2' }),
      link({ requirementId: '28b-R3', relation: 'undermines' }),
    ], [], ['25d', '28b']);
    expect(rows).toHaveLength(1);
    const [mode] = rows[0].modes;
    expect(mode.requirements.map((r) => [r.code, r.gap])).toEqual([['28b-R1', null], ['28b-R2', 'not_reviewed'], ['28b-R3', 'no_evidence']]);
    expect(mode.gaps).toBe(2);
    expect(mode.requirements[0]).toMatchObject({ supporting: { links: 2, reviewed: 2, reviewedStrong: 2 }, independentSources: 1 });
    expect(mode.requirements[2]).toMatchObject({ undermining: 1, contested: true });
  });

  it('a mode alleged only through element links still shows all its requirements as gaps; modes keep the framework order', () => {
    const rows = liabilityRows(requirements, [link({})], [{ perpetratorId: 'p1', modeId: '25d', links: 3 }], ['25d', '28b']);
    expect(rows[0].modes.map((m) => [m.modeId, m.gaps, m.elementLinks])).toEqual([['25d', 2, 3], ['28b', 3, 0]]);
  });

  it('counts alternatives separately, and a weak reviewed link is not strong', () => {
    const rows = liabilityRows(requirements, [link({ modeId: '25d', requirementId: '25d-R4', alternative: 'b', reviewed: true, probativeValue: 2 })], [], ['25d']);
    const r4 = rows[0].modes[0].requirements[1];
    expect(r4.alternatives).toEqual([{ letter: 'a', supporting: 0 }, { letter: 'b', supporting: 1 }]);
    expect(r4.supporting).toEqual({ links: 1, reviewed: 1, reviewedStrong: 0 });
  });
});

describe('chainOfCommand', () => {
  it('walks parents nearest first and stops on a cycle', () => {
    expect(chainOfCommand('guard', new Map([['guard', 'camp'], ['camp', 'mss'], ['mss', null]]))).toEqual(['guard', 'camp', 'mss']);
    expect(chainOfCommand('a', new Map([['a', 'b'], ['b', 'a']]))).toEqual(['a', 'b']);
  });
});
