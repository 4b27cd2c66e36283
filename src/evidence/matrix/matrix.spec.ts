import { STANDARD_RULES } from 'src/evidence/matrix/standards';
import { computeMatrix, gapOf, type LinkAggregate, type MatrixFrameworkInput, type MatrixInput } from 'src/evidence/matrix/matrix';

const framework: MatrixFrameworkInput = {
  id: 'fw',
  code: 'rome-statute',
  version: '2011-icc-ed',
  titleEn: 'Rome Statute',
  status: 'published',
  groups: [{ key: 'genocide', sortOrder: 1 }, { key: 'crimes-against-humanity', sortOrder: 2 }],
  crimes: [
    {
      id: 'c-enslavement', code: 'RS-7-1-c', referenceId: '7(1)(c)', groupKey: 'crimes-against-humanity', titleEn: 'Enslavement', titleKo: '노예화', sortOrder: 3,
      elements: [
        { id: 'e3', code: 'RS-7-1-c-E3', number: 3, kind: 'contextual', text: 'knew', textKo: null, sharedRef: 'CTX-2', alternatives: [] },
        { id: 'e1', code: 'RS-7-1-c-E1', number: 1, kind: 'material', text: 'ownership', textKo: null, sharedRef: null, alternatives: [] },
        { id: 'e2', code: 'RS-7-1-c-E2', number: 2, kind: 'contextual', text: 'attack', textKo: null, sharedRef: 'CTX-1', alternatives: [] },
      ],
    },
    {
      id: 'c-murder', code: 'RS-7-1-a', referenceId: '7(1)(a)', groupKey: 'crimes-against-humanity', titleEn: 'Murder', titleKo: null, sortOrder: 1,
      elements: [
        { id: 'm1', code: 'RS-7-1-a-E1', number: 1, kind: 'material', text: 'killed', textKo: null, sharedRef: null, alternatives: [] },
        { id: 'm2', code: 'RS-7-1-a-E2', number: 2, kind: 'contextual', text: 'attack', textKo: null, sharedRef: 'CTX-1', alternatives: [] },
      ],
    },
    {
      id: 'c-genocide', code: 'RS-6-a', referenceId: '6(a)', groupKey: 'genocide', titleEn: 'Killing', titleKo: null, sortOrder: 1,
      elements: [{ id: 'g1', code: 'RS-6-a-E1', number: 1, kind: 'material', text: 'x', textKo: null, sharedRef: null, alternatives: [{ letter: 'a', code: 'RS-6-a-E1a' }, { letter: 'b', code: 'RS-6-a-E1b' }] }],
    },
  ],
  modes: [
    { id: 'mode-b', code: 'RS-25-3-b', titleEn: 'Ordering', sortOrder: 4 },
    { id: 'mode-a', code: 'RS-25-3-a-direct', titleEn: 'Direct', sortOrder: 1 },
  ],
};

const agg = (scope: LinkAggregate['scope'], key: string, relation: LinkAggregate['relation'], c: Partial<LinkAggregate>): LinkAggregate => ({
  scope, key, relation, links: 0, reviewed: 0, strong: 0, reviewedStrong: 0, sources: 0, witnesses: 0, documents: 0, physicalItems: 0, reviewedStrongSources: 0, reviewedStrongWitnesses: 0,
  qualifying: { q1: { witnesses: 0, others: 0 }, q2: { witnesses: 0, others: 0 }, q3: { witnesses: 0, others: 0 } }, ...c,
});

function input(over: Partial<MatrixInput> = {}): MatrixInput {
  return {
    caseId: 'case',
    framework,
    aggregates: [],
    strongest: [],
    perpetratorModes: [],
    perpetratorLabels: new Map(),
    totals: { items: 0, links: 0, reviewedLinks: 0, sources: 0, witnesses: 0, documents: 0, physicalItems: 0 },
    generatedAt: new Date('2026-01-01T00:00:00Z'),
    standard: STANDARD_RULES.reasonable_grounds,
    standardSource: 'default',
    filters: {},
    computedFrom: 'aggregates',
    ...over,
  };
}

describe('case matrix', () => {
  it('gap rule: none, only unreviewed, only weak, or covered', () => {
    expect(gapOf({ links: 0, reviewed: 0, reviewedStrong: 0 })).toBe('no_evidence');
    expect(gapOf({ links: 3, reviewed: 0, reviewedStrong: 0 })).toBe('only_unreviewed');
    expect(gapOf({ links: 3, reviewed: 2, reviewedStrong: 0 })).toBe('only_weak');
    expect(gapOf({ links: 3, reviewed: 2, reviewedStrong: 1 })).toBeNull();
  });

  it('lists every crime and element in group, statute and EOC order; with no links every element is a gap', () => {
    const m = computeMatrix(input());
    expect(m.crimes.map((c) => c.code)).toEqual(['RS-6-a', 'RS-7-1-a', 'RS-7-1-c']);
    expect(m.crimes[2].elements.map((e) => e.number)).toEqual([1, 2, 3]);
    expect(m.totals).toMatchObject({ crimes: 3, elements: 6, elementsWithGaps: 6, gaps: { no_evidence: 6, only_unreviewed: 0, only_weak: 0 } });
    expect(m.crimes.every((c) => !c.complete)).toBe(true);
    expect(m.crimes[0].elements[0].alternatives).toEqual([{ letter: 'a', code: 'RS-6-a-E1a', supporting: 0, reviewedStrong: 0 }, { letter: 'b', code: 'RS-6-a-E1b', supporting: 0, reviewedStrong: 0 }]);
  });

  it('counts supporting, undermining and context links, sources, strongest item and gaps per element', () => {
    const m = computeMatrix(input({
      aggregates: [
        agg('element', 'e1', 'supports', { links: 4, reviewed: 2, strong: 3, reviewedStrong: 1, sources: 3, witnesses: 2, documents: 1, reviewedStrongSources: 1, reviewedStrongWitnesses: 1 }),
        agg('element', 'e1', 'undermines', { links: 1, reviewed: 1, strong: 1, reviewedStrong: 1, sources: 1 }),
        agg('element', 'e1', 'context', { links: 2, sources: 1 }),
        agg('element', 'm1', 'supports', { links: 2, sources: 2 }),
        agg('element', 'g1', 'supports', { links: 1, reviewed: 1, sources: 1 }),
        agg('alternative', 'g1:b', 'supports', { links: 1, reviewed: 1 }),
      ],
      strongest: [{ elementId: 'e1', linkId: 'l1', itemId: 'i1', itemCode: 'E-0001', itemKind: 'transcript_passage', probativeValue: 4, sourceReliability: 'B', informationCredibility: 2, reviewed: true, weak: false }],
    }));
    const e1 = m.crimes[2].elements[0];
    expect(e1).toMatchObject({ code: 'RS-7-1-c-E1', independentSources: 3, gap: null, contested: true, sharedSupport: null });
    expect(e1.supporting).toEqual({ links: 4, reviewed: 2, strong: 3, reviewedStrong: 1, sources: 3, witnesses: 2, documents: 1, physicalItems: 0, reviewedStrongSources: 1, reviewedStrongWitnesses: 1 });
    expect(e1.undermining.links).toBe(1);
    expect(e1.context.links).toBe(2);
    expect(e1.strongestItem).toMatchObject({ itemCode: 'E-0001', linkId: 'l1', probativeValue: 4 });
    expect(m.crimes[1].elements[0].gap).toBe('only_unreviewed');
    expect(m.crimes[0].elements[0].gap).toBe('only_weak');
    expect(m.crimes[0].elements[0].alternatives[1]).toMatchObject({ letter: 'b', supporting: 1 });
    expect(m.totals.gaps).toEqual({ no_evidence: 3, only_unreviewed: 1, only_weak: 1 });
  });

  it('a contextual element counts the support of its shared requirement through any crime', () => {
    const m = computeMatrix(input({
      aggregates: [
        agg('element', 'm2', 'supports', { links: 1, reviewed: 1, strong: 1, reviewedStrong: 1, sources: 1, reviewedStrongSources: 1 }),
        agg('shared', 'CTX-1', 'supports', { links: 1, reviewed: 1, strong: 1, reviewedStrong: 1, sources: 1, reviewedStrongSources: 1 }),
      ],
    }));
    const enslavementAttack = m.crimes[2].elements[1];
    expect(enslavementAttack.supporting.links).toBe(0);
    expect(enslavementAttack.sharedSupport).toEqual({ sharedRef: 'CTX-1', links: 1, reviewedStrong: 1, independentSources: 1 });
    expect(enslavementAttack.gap).toBeNull();
    // CTX-2 has no support anywhere; a material element never borrows.
    expect(m.crimes[2].elements[2].gap).toBe('no_evidence');
    expect(m.crimes[2].elements[0].sharedSupport).toBeNull();
  });

  it('builds the perpetrator × mode view with labels, mode columns in order and crimes per cell', () => {
    const m = computeMatrix(input({
      perpetratorModes: [
        { perpetratorId: 'p2', modeId: 'mode-b', supporting: 2, undermining: 0, context: 0, reviewedSupporting: 1, crimeIds: ['c-enslavement', 'c-murder'] },
        { perpetratorId: 'p2', modeId: 'mode-a', supporting: 1, undermining: 1, context: 0, reviewedSupporting: 0, crimeIds: ['c-genocide'] },
        { perpetratorId: 'p1', modeId: null, supporting: 1, undermining: 0, context: 1, reviewedSupporting: 0, crimeIds: ['c-murder'] },
      ],
      perpetratorLabels: new Map([['p2', { label: 'Ministry of State Security', kind: 'institution' }], ['p1', { label: 'P-0003', kind: 'individual' }]]),
    }));
    expect(m.perpetratorModes.modes.map((c) => c.code)).toEqual(['RS-25-3-a-direct', 'RS-25-3-b', null]);
    expect(m.perpetratorModes.rows.map((r) => r.label)).toEqual(['Ministry of State Security', 'P-0003']);
    expect(m.perpetratorModes.rows[0].cells.map((c) => c.modeCode)).toEqual(['RS-25-3-a-direct', 'RS-25-3-b']);
    expect(m.perpetratorModes.rows[0].cells[1].crimeCodes).toEqual(['RS-7-1-a', 'RS-7-1-c']);
    expect(m.perpetratorModes.rows[1].cells[0]).toMatchObject({ modeId: null, modeCode: null, context: 1 });
  });

  it('shows the id when a perpetrator has no label', () => {
    const m = computeMatrix(input({ perpetratorModes: [{ perpetratorId: 'p9', modeId: 'mode-a', supporting: 1, undermining: 0, context: 0, reviewedSupporting: 0, crimeIds: [] }] }));
    expect(m.perpetratorModes.rows[0]).toMatchObject({ perpetratorId: 'p9', label: 'p9', kind: null });
    expect(m.perpetratorModes.modes.some((c) => c.id === null)).toBe(false);
  });

  it('turns counts into a status per element under the standard of proof (own support, or the shared requirement for contextual elements)', () => {
    const q = (w: number, o: number) => ({ q1: { witnesses: w, others: o }, q2: { witnesses: w, others: o }, q3: { witnesses: w, others: o } });
    const aggregates = [
      agg('element', 'e1', 'supports', { links: 4, reviewed: 3, strong: 3, reviewedStrong: 3, sources: 3, witnesses: 2, documents: 1, qualifying: q(2, 1) }),
      agg('element', 'm1', 'supports', { links: 2, reviewed: 0 }),
      agg('element', 'g1', 'supports', { links: 2, reviewed: 2, qualifying: q(0, 0) }),
      agg('shared', 'CTX-1', 'supports', { links: 1, reviewed: 1, strong: 1, reviewedStrong: 1, sources: 1, qualifying: q(1, 0) }),
    ];
    const byCode = (m: ReturnType<typeof computeMatrix>) => new Map(m.crimes.flatMap((c) => c.elements).map((e) => [e.code, e]));
    const rg = byCode(computeMatrix(input({ aggregates })));
    expect(rg.get('RS-7-1-c-E1')).toMatchObject({ status: 'supported', qualifyingWitnesses: 2, qualifyingOtherSources: 1 });
    expect(rg.get('RS-7-1-c-E1')?.supporting).toMatchObject({ witnesses: 2, documents: 1, sources: 3 });
    expect(rg.get('RS-7-1-a-E1')?.status).toBe('only_unreviewed');
    expect(rg.get('RS-6-a-E1')?.status).toBe('weak');
    expect(rg.get('RS-7-1-c-E3')?.status).toBe('no_evidence');
    // The shared requirement's qualifying witness supports both contextual elements naming it.
    expect(rg.get('RS-7-1-c-E2')?.status).toBe('supported');
    expect(rg.get('RS-7-1-a-E2')?.status).toBe('supported');
    const sg = byCode(computeMatrix(input({ aggregates, standard: STANDARD_RULES.substantial_grounds })));
    expect(sg.get('RS-7-1-c-E1')?.status).toBe('supported');
    expect(sg.get('RS-7-1-c-E2')?.status).toBe('weak'); // one source, two needed
    const brd = computeMatrix(input({ aggregates, standard: STANDARD_RULES.beyond_reasonable_doubt }));
    expect(byCode(brd).get('RS-7-1-c-E1')?.status).toBe('supported'); // 3 sources, 2 witnesses
    expect(brd.totals.statuses).toEqual({ no_evidence: 1, only_unreviewed: 1, weak: 3, supported: 1 });
    const contested = byCode(computeMatrix(input({ aggregates: [...aggregates, agg('element', 'e1', 'undermines', { links: 1, reviewed: 1, reviewedStrong: 1 })], standard: STANDARD_RULES.beyond_reasonable_doubt })));
    expect(contested.get('RS-7-1-c-E1')?.status).toBe('weak');
  });
});
