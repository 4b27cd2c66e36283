import { csvField, elementsCsv, perpetratorsCsv } from 'src/evidence/matrix/csv';
import { computeMatrix } from 'src/evidence/matrix/matrix';
import { STANDARD_RULES } from 'src/evidence/matrix/standards';

const matrix = computeMatrix({
  caseId: 'case',
  framework: {
    id: 'fw', code: 'rome-statute', version: '2011-icc-ed', titleEn: 'Rome Statute', status: 'published', groups: [],
    crimes: [{ id: 'c', code: 'RS-7-1-c', referenceId: '7(1)(c)', groupKey: 'crimes-against-humanity', titleEn: 'Enslavement, "forced" labour', titleKo: '노예화', sortOrder: 1, elements: [{ id: 'e1', code: 'RS-7-1-c-E1', number: 1, kind: 'material', text: 't', textKo: '요소', sharedRef: null, alternatives: [] }] }],
    modes: [{ id: 'm', code: 'RS-28-b', titleEn: 'Superior', sortOrder: 1 }],
  },
  aggregates: [{ scope: 'element', key: 'e1', relation: 'supports', links: 2, reviewed: 1, strong: 2, reviewedStrong: 1, sources: 2, witnesses: 1, documents: 1, physicalItems: 0, reviewedStrongSources: 1, reviewedStrongWitnesses: 1, qualifying: { q1: { witnesses: 1, others: 0 }, q2: { witnesses: 0, others: 0 }, q3: { witnesses: 0, others: 0 } } }],
  strongest: [{ elementId: 'e1', linkId: 'l', itemId: 'i', itemCode: 'E-0002', itemKind: 'document', probativeValue: 4, sourceReliability: 'B', informationCredibility: 2, reviewed: true, weak: false }],
  perpetratorModes: [{ perpetratorId: 'p', modeId: 'm', supporting: 2, undermining: 0, context: 0, reviewedSupporting: 1, crimeIds: ['c'] }],
  perpetratorLabels: new Map([['p', { label: '=HYPERLINK("x")', kind: 'institution' }]]),
  totals: { items: 2, links: 2, reviewedLinks: 1, sources: 2, witnesses: 1, documents: 1, physicalItems: 0 },
  generatedAt: new Date(0),
  standard: STANDARD_RULES.reasonable_grounds,
  standardSource: 'case',
  filters: {},
  computedFrom: 'aggregates',
});

describe('matrix CSV', () => {
  it('quotes fields with commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
    expect(csvField(false)).toBe('false');
  });

  it('writes one line per element, with a BOM and CRLF', () => {
    const csv = elementsCsv(matrix);
    expect(csv.startsWith('\uFEFFframework,framework_version,crime_code')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toBe('rome-statute,2011-icc-ed,RS-7-1-c,7(1)(c),crimes-against-humanity,"Enslavement, ""forced"" labour",노예화,RS-7-1-c-E1,1,material,t,요소,,2,1,1,0,0,0,2,1,1,0,,E-0002,document,4,B,2,true,,false,reasonable_grounds,1,0,supported');
  });

  it('writes one line per perpetrator and mode', () => {
    const lines = perpetratorsCsv(matrix).slice(1).split('\r\n');
    expect(lines[0]).toBe('framework,framework_version,perpetrator_id,perpetrator,perpetrator_kind,mode_code,supporting_links,supporting_reviewed,undermining_links,context_links,crimes');
    expect(lines[1]).toBe(`rome-statute,2011-icc-ed,p,"'=HYPERLINK(""x"")",institution,RS-28-b,2,1,0,0,RS-7-1-c`);
  });
});
