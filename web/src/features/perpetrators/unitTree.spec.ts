import { describe, expect, it } from 'vitest';
import { unitForest } from './unitTree';

describe('unitForest', () => {
  it('puts each unit under its parent; orphans are roots', () => {
    const forest = unitForest([
      { id: 'mss', parent: null },
      { id: 'bureau', parent: { id: 'mss' } },
      { id: 'camp15', parent: { id: 'bureau' } },
      { id: 'guards', parent: { id: 'camp15' } },
      { id: 'other', parent: { id: 'missing' } },
    ]);
    expect(forest.map((n) => n.unit.id)).toEqual(['mss', 'other']);
    expect(forest[0]!.children[0]!.children[0]!.children[0]!.unit.id).toBe('guards');
  });

  it('does not loop on a cycle', () => {
    const forest = unitForest([{ id: 'a', parent: { id: 'b' } }, { id: 'b', parent: { id: 'a' } }]);
    expect(forest.map((n) => n.unit.id).sort()).toEqual(['a', 'b']);
  });
});
