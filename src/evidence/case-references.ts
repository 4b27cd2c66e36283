import type { EntityManager } from 'typeorm';

/**
 * Incidents and perpetrators belong to their own modules; evidence links keep their ids as plain
 * columns and check them here, by SQL, against the case. When a table does not exist (a
 * deployment without that module yet) no id can be valid.
 */
export type CaseReferenceTable = 'incidents' | 'perpetrators';

async function tableExists(manager: EntityManager, table: CaseReferenceTable): Promise<boolean> {
  const [row] = (await manager.query('SELECT to_regclass($1) IS NOT NULL AS present', [`public.${table}`])) as Array<{ present: boolean }>;
  return row.present;
}

export async function existsInCase(manager: EntityManager, table: CaseReferenceTable, id: string, caseId: string): Promise<boolean> {
  if (!(await tableExists(manager, table))) return false;
  // `table` is one of two fixed names, never caller input.
  const rows = (await manager.query(`SELECT 1 FROM ${table} WHERE id = $1 AND case_id = $2`, [id, caseId])) as unknown[];
  return rows.length > 0;
}

export interface PerpetratorLabel {
  label: string;
  kind: string | null;
}

/**
 * How the matrix names perpetrators: an institution or unit by its name, an individual by the
 * pseudonym code of their person — never by anything from a sealed identity.
 */
export async function perpetratorLabels(manager: EntityManager, caseId: string, ids: readonly string[]): Promise<Map<string, PerpetratorLabel>> {
  const labels = new Map<string, PerpetratorLabel>();
  if (!ids.length || !(await tableExists(manager, 'perpetrators'))) return labels;
  const rows = (await manager.query(
    `SELECT p.id, p.kind, CASE WHEN p.kind = 'individual' THEN pe.code ELSE p.name END AS label
     FROM perpetrators p LEFT JOIN people pe ON pe.id = p.person_id
     WHERE p.case_id = $1 AND p.id = ANY($2::uuid[])`,
    [caseId, ids],
  )) as Array<{ id: string; kind: string; label: string | null }>;
  for (const r of rows) if (r.label) labels.set(r.id, { label: r.label, kind: r.kind });
  return labels;
}
