/**
 * SQL for the place hierarchy, shared by the gazetteer and the incident filters. Recursive CTEs
 * over places.parent_id (indexed); depth-capped so a bad parent link can never loop forever.
 */
export const MAX_PLACE_DEPTH = 16;

/** `SELECT id` of the place named by the parameter and everything inside it. */
export function placeSubtreeSql(param: string): string {
  return `WITH RECURSIVE place_subtree(id, depth) AS (
      SELECT id, 0 FROM places WHERE id = ${param}
      UNION ALL
      SELECT c.id, s.depth + 1 FROM places c JOIN place_subtree s ON c.parent_id = s.id WHERE s.depth < ${MAX_PLACE_DEPTH}
    ) SELECT id FROM place_subtree`;
}

/** The place named by $1 and its ancestors, nearest first, with their depth above it. */
export const PLACE_ANCESTORS_SQL = `WITH RECURSIVE up(id, parent_id, depth) AS (
    SELECT id, parent_id, 0 FROM places WHERE id = $1
    UNION ALL
    SELECT p.id, p.parent_id, up.depth + 1 FROM places p JOIN up ON p.id = up.parent_id WHERE up.depth < ${MAX_PLACE_DEPTH}
  ) SELECT p.id, p.code, p.name, p.kind, up.depth FROM up JOIN places p ON p.id = up.id ORDER BY up.depth`;
