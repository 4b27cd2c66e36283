/** SQL for the unit hierarchy (perpetrators.parent_id, indexed), depth-capped against bad links. */
export const MAX_UNIT_DEPTH = 32;

/** `SELECT id` of the unit named by the parameter and every unit below it. */
export function unitSubtreeSql(param: string): string {
  return `WITH RECURSIVE unit_subtree(id, depth) AS (
      SELECT id, 0 FROM perpetrators WHERE id = ${param}
      UNION ALL
      SELECT c.id, s.depth + 1 FROM perpetrators c JOIN unit_subtree s ON c.parent_id = s.id WHERE s.depth < ${MAX_UNIT_DEPTH}
    ) SELECT id FROM unit_subtree`;
}

/** The units named by $1 (uuid[]) of case $2 and all their ancestors, with the start unit and depth. */
export const UNIT_CHAINS_SQL = `WITH RECURSIVE up(start_id, id, parent_id, depth) AS (
    SELECT id, id, parent_id, 0 FROM perpetrators WHERE id = ANY($1::uuid[]) AND case_id = $2
    UNION ALL
    SELECT up.start_id, p.id, p.parent_id, up.depth + 1 FROM perpetrators p JOIN up ON p.id = up.parent_id WHERE up.depth < ${MAX_UNIT_DEPTH}
  ) SELECT up.start_id, p.id, p.code, p.name, p.unit_type, up.depth FROM up JOIN perpetrators p ON p.id = up.id ORDER BY up.start_id, up.depth`;
