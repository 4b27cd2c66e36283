export interface TreeUnit {
  id: string;
  parent?: { id: string } | null;
}

export interface TreeNode<U> {
  unit: U;
  children: TreeNode<U>[];
}

/**
 * Units as a forest: each under its parent; a unit whose parent is not in the list is a root.
 * A cycle (never produced by the API, but cheap to guard) does not loop: its units become roots.
 */
export function unitForest<U extends TreeUnit>(units: readonly U[]): TreeNode<U>[] {
  const byId = new Map(units.map((u) => [u.id, { unit: u, children: [] as TreeNode<U>[] }]));
  const roots: TreeNode<U>[] = [];
  for (const node of byId.values()) {
    const parentId = node.unit.parent?.id;
    let cyclic = false;
    for (let p = parentId, steps = 0; p && steps <= byId.size; p = byId.get(p)?.unit.parent?.id, steps++) {
      if (p === node.unit.id) cyclic = true;
    }
    const parent = parentId && !cyclic ? byId.get(parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
