import { frameworkProblems, numberItems, type FrameworkTree } from 'src/legal/framework-rules';

const tree = (over: Partial<FrameworkTree> = {}): FrameworkTree => ({
  groups: [{ key: 'persons' }],
  shared: [{ code: 'KR-CTX' }],
  crimes: [{ code: 'KR-1', groupKey: 'persons', elements: [{ code: 'KR-1-E1', kind: 'material', sharedRef: null, alternatives: [] }, { code: 'KR-1-E2', kind: 'contextual', sharedRef: 'KR-CTX', alternatives: [] }] }],
  modes: [{ code: 'KR-M', appliesTo: ['persons'], requirements: [{ code: 'KR-M-R1', alternatives: [] }] }],
  ...over,
});

describe('framework rules', () => {
  it('numbers elements 1..n and letters alternatives a, b, … with derived codes', () => {
    expect(numberItems('KR-1', 'E', [{}, { alternatives: [{ text: 'x' }, { text: 'y' }] }])).toEqual([
      { number: 1, code: 'KR-1-E1', alternatives: [] },
      { number: 2, code: 'KR-1-E2', alternatives: [{ code: 'KR-1-E2a', letter: 'a', text: 'x' }, { code: 'KR-1-E2b', letter: 'b', text: 'y' }] },
    ]);
    expect(numberItems('M', 'R', [{}])[0].code).toBe('M-R1');
  });

  it('accepts a consistent tree', () => {
    expect(frameworkProblems(tree(), { publishing: true })).toEqual([]);
  });

  it('finds codes used twice anywhere in the version', () => {
    const problems = frameworkProblems(tree({ modes: [{ code: 'KR-1-E1', appliesTo: null, requirements: [{ code: 'KR-CTX', alternatives: [] }] }] }), { publishing: false });
    expect(problems.map((p) => p.field)).toEqual(['modesOfLiability[KR-1-E1].code', 'modesOfLiability[KR-1-E1].requirements[0].code']);
    expect(problems[0].problems[0]).toMatch(/already used by crimes\[KR-1\]\.elements\[0\]/);
  });

  it('finds unknown shared requirements and groups', () => {
    const problems = frameworkProblems(tree({
      shared: [],
      crimes: [{ code: 'KR-1', groupKey: 'other', elements: [{ code: 'KR-1-E1', kind: 'contextual', sharedRef: 'NOPE', alternatives: [] }] }],
      modes: [{ code: 'KR-M', appliesTo: ['elsewhere'], requirements: [] }],
    }), { publishing: false });
    expect(problems.map((p) => p.field)).toEqual(['crimes[KR-1].group', 'crimes[KR-1].elements[0].sharedRef', 'modesOfLiability[KR-M].appliesTo']);
  });

  it('groups are optional: without any, every group key is accepted', () => {
    expect(frameworkProblems(tree({ groups: [] }), { publishing: true })).toEqual([]);
  });

  it('a version needs a crime to be published, not to be drafted', () => {
    expect(frameworkProblems(tree({ crimes: [] }), { publishing: false })).toEqual([]);
    expect(frameworkProblems(tree({ crimes: [] }), { publishing: true })).toEqual([{ field: 'crimes', problems: ['a framework version needs at least one crime before it is published'] }]);
  });
});
