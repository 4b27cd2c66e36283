import type { EntityManager } from 'typeorm';
import { WEAK_MAX_PROBATIVE, WEAK_RELIABILITY, WEAK_MIN_CREDIBILITY, isWeak } from 'src/evidence/matrix/assessment';
import type { LinkAggregate, MatrixFilters, PerpetratorModeAggregate, Relation, StrongestInput } from 'src/evidence/matrix/matrix';
import { STANDARD_RULES } from 'src/evidence/matrix/standards';
import { periodEnd, periodStart } from 'src/incidents/incident-dates';
import { placeSubtreeSql } from 'src/places/place-queries';

/**
 * The counts behind the case matrix, read one of two ways that give the same rows:
 *
 *  - aggregates (unfiltered matrix): `matrix_aggregates`, kept current by statement-level
 *    triggers on evidence_links in the writing transaction (migration
 *    MatrixAggregates1795380500000): one row per element × relation (and per alternative, shared
 *    requirement, perpetrator × mode, case total), so reading is proportional to elements;
 *  - link scan (any filter, or an export leaving items out): the same counts recomputed from the
 *    links that pass the filters (RECOUNT_SQL below).
 *
 * Distinct sources are counted per kind (witnesses, documents, physical items), and per standard
 * of proof among the links that qualify under it (q1 … q3: see src/evidence/matrix/standards.ts).
 * The strongest supporting link of each element is one probe of evidence_links_strongest_idx
 * per element (evidence_link_rank() = strengthRank of assessment.ts).
 */

/** One aggregate row, as both ways return it. */
export interface AggregateRow {
  scope: 'element' | 'alternative' | 'shared' | 'total' | 'perpetrator' | 'perpetrator_crime';
  key: string;
  relation: string;
  links: number;
  reviewed: number;
  strong: number;
  reviewed_strong: number;
  witnesses: number;
  documents: number;
  physical: number;
  rs_witnesses: number;
  rs_others: number;
  q1_witnesses: number;
  q1_others: number;
  q2_witnesses: number;
  q2_others: number;
  q3_witnesses: number;
  q3_others: number;
}

export const AGGREGATE_COLUMNS = [
  'links', 'reviewed', 'strong', 'reviewed_strong', 'witnesses', 'documents', 'physical', 'rs_witnesses', 'rs_others',
  'q1_witnesses', 'q1_others', 'q2_witnesses', 'q2_others', 'q3_witnesses', 'q3_others',
] as const;

const WEAK = `(l.probative_value <= ${WEAK_MAX_PROBATIVE} OR l.source_reliability IN (${WEAK_RELIABILITY.map((r) => `'${r}'`).join(', ')}) OR l.information_credibility >= ${WEAK_MIN_CREDIBILITY})`;
const qualifying = (code: keyof typeof STANDARD_RULES) => {
  const r = STANDARD_RULES[code];
  return `(l.status = 'reviewed' AND l.probative_value >= ${r.minProbative} AND l.source_reliability IN (${r.reliability.map((x) => `'${x}'`).join(', ')}) AND l.information_credibility <= ${r.maxCredibility})`;
};

/** The link filters as SQL over `l`, with their parameters from $3 on ($1 case, $2 framework). */
function filterSql(filters: MatrixFilters, excludedItemIds: readonly string[]): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length + 2}`;
  };
  if (excludedItemIds.length) where.push(`NOT (l.item_id = ANY(${param([...excludedItemIds])}::uuid[]))`);
  if (filters.perpetratorId) where.push(`l.perpetrator_id = ${param(filters.perpetratorId)}`);
  if (filters.incidentId) where.push(`l.incident_id = ${param(filters.incidentId)}`);
  const incident: string[] = [];
  // Overlap: the incident may have happened within the period; an unknown date never matches.
  if (filters.from) incident.push(`i.date_end >= ${param(periodStart(filters.from))}::date`);
  if (filters.to) incident.push(`i.date_start <= ${param(periodEnd(filters.to))}::date`);
  if (filters.placeId) incident.push(`i.place_id IN (${placeSubtreeSql(`${param(filters.placeId)}::uuid`)})`);
  if (incident.length) where.push(`EXISTS (SELECT 1 FROM incidents i WHERE i.id = l.incident_id AND ${incident.join(' AND ')})`);
  return { where: where.map((w) => ` AND ${w}`).join(''), params };
}

function recountSql(where: string): string {
  return `
WITH x AS MATERIALIZED (
  SELECT l.element_id, l.alternative, e.shared_ref, e.crime_id, l.relation, l.perpetrator_id, l.mode_id, l.independent_source AS src,
    (l.status = 'reviewed')::int AS rv, (NOT ${WEAK})::int AS st, (l.status = 'reviewed' AND NOT ${WEAK})::int AS rs,
    ${qualifying('reasonable_grounds')}::int AS q1, ${qualifying('substantial_grounds')}::int AS q2, ${qualifying('beyond_reasonable_doubt')}::int AS q3
  FROM evidence_links l JOIN legal_elements e ON e.id = l.element_id
  WHERE l.case_id = $1 AND l.framework_id = $2${where}
),
y AS (
  SELECT 'element'::text AS scope, element_id::text AS key, relation, src, rv, st, rs, q1, q2, q3 FROM x
  UNION ALL SELECT 'alternative', element_id::text || ':' || alternative, relation, src, rv, st, rs, q1, q2, q3 FROM x WHERE alternative IS NOT NULL
  UNION ALL SELECT 'shared', shared_ref, relation, src, rv, st, rs, q1, q2, q3 FROM x WHERE shared_ref IS NOT NULL
  UNION ALL SELECT 'total', '', '*', src, rv, st, rs, q1, q2, q3 FROM x
  UNION ALL SELECT 'perpetrator', perpetrator_id::text || '|' || coalesce(mode_id::text, ''), relation, src, rv, st, rs, q1, q2, q3 FROM x WHERE perpetrator_id IS NOT NULL
  UNION ALL SELECT 'perpetrator_crime', perpetrator_id::text || '|' || coalesce(mode_id::text, '') || '|' || crime_id::text, '*', src, rv, st, rs, q1, q2, q3 FROM x WHERE perpetrator_id IS NOT NULL
),
g AS (
  SELECT scope, key, relation, CASE WHEN src LIKE 'witness:%' THEN 'w' WHEN src LIKE 'file:%' THEN 'd' ELSE 'p' END AS kind,
    count(*) AS links, sum(rv) AS rv, sum(st) AS st, sum(rs) AS rs, sum(q1) AS q1, sum(q2) AS q2, sum(q3) AS q3
  FROM y GROUP BY scope, key, relation, src
)
SELECT scope, key, relation, sum(links)::int AS links, sum(rv)::int AS reviewed, sum(st)::int AS strong, sum(rs)::int AS reviewed_strong,
  count(*) FILTER (WHERE kind = 'w')::int AS witnesses, count(*) FILTER (WHERE kind = 'd')::int AS documents, count(*) FILTER (WHERE kind = 'p')::int AS physical,
  count(*) FILTER (WHERE rs > 0 AND kind = 'w')::int AS rs_witnesses, count(*) FILTER (WHERE rs > 0 AND kind <> 'w')::int AS rs_others,
  count(*) FILTER (WHERE q1 > 0 AND kind = 'w')::int AS q1_witnesses, count(*) FILTER (WHERE q1 > 0 AND kind <> 'w')::int AS q1_others,
  count(*) FILTER (WHERE q2 > 0 AND kind = 'w')::int AS q2_witnesses, count(*) FILTER (WHERE q2 > 0 AND kind <> 'w')::int AS q2_others,
  count(*) FILTER (WHERE q3 > 0 AND kind = 'w')::int AS q3_witnesses, count(*) FILTER (WHERE q3 > 0 AND kind <> 'w')::int AS q3_others
FROM g GROUP BY scope, key, relation`;
}

const AGGREGATES_SQL = `SELECT scope, key, relation, ${AGGREGATE_COLUMNS.join(', ')} FROM matrix_aggregates WHERE case_id = $1 AND framework_id = $2 AND links > 0`;

function strongestSql(where: string): string {
  return `
SELECT b.*, i.code AS item_code, i.kind AS item_kind
FROM legal_elements e
CROSS JOIN LATERAL (
  SELECT l.element_id, l.id AS link_id, l.item_id, l.probative_value, l.source_reliability, l.information_credibility, l.status
  FROM evidence_links l
  WHERE l.case_id = $1 AND l.framework_id = $2 AND l.element_id = e.id AND l.relation = 'supports'${where}
  ORDER BY evidence_link_rank(l.status, l.probative_value, l.source_reliability, l.information_credibility) DESC, l.created_at, l.id
  LIMIT 1
) b
JOIN evidence_items i ON i.id = b.item_id
WHERE e.framework_id = $2`;
}

/**
 * The unfiltered matrix's reads in one statement (one snapshot, one round trip): aggregate rows as
 * compact JSON arrays, the perpetrator × mode × crime keys, the strongest links and the item count.
 */
const FAST_SQL = `
SELECT
  (SELECT coalesce(json_agg(json_build_array(scope, key, relation, ${AGGREGATE_COLUMNS.join(', ')})), '[]') FROM matrix_aggregates
    WHERE case_id = $1 AND framework_id = $2 AND links > 0 AND scope <> 'perpetrator_crime') AS rows,
  (SELECT coalesce(json_agg(json_build_array(pm, crimes)), '[]') FROM (
    SELECT left(key, length(key) - 37) AS pm, json_agg(right(key, 36)) AS crimes FROM matrix_aggregates
    WHERE case_id = $1 AND framework_id = $2 AND links > 0 AND scope = 'perpetrator_crime' GROUP BY 1) p) AS perpetrator_crimes,
  (SELECT coalesce(json_agg(s), '[]') FROM (${strongestSql('')}) s) AS strongest,
  (SELECT count(*) FROM evidence_items WHERE case_id = $1)::int AS items,
  (SELECT version FROM case_matrix_versions WHERE case_id = $1)::text AS version`;

/** The case's matrix version (bumped by triggers on every change of its links or items); '0' before any. */
export async function matrixVersion(manager: EntityManager, caseId: string): Promise<string> {
  const rows = (await manager.query('SELECT version::text AS version FROM case_matrix_versions WHERE case_id = $1', [caseId])) as Array<{ version: string }>;
  return rows[0]?.version ?? '0';
}

type FastRow = {
  rows: Array<[AggregateRow['scope'], string, string, ...number[]]>;
  /** [perpetratorId|modeId, crime ids] (the perpetrator_crime keys, grouped in SQL). */
  perpetrator_crimes: Array<[string, string[]]>;
  strongest: StrongestRow[];
  items: number;
  version: string | null;
};
type StrongestRow = { element_id: string; link_id: string; item_id: string; probative_value: number; source_reliability: string; information_credibility: number; status: string; item_code: string; item_kind: string };

function fromArray(a: FastRow['rows'][number]): AggregateRow {
  const row = { scope: a[0], key: a[1], relation: a[2] } as AggregateRow;
  AGGREGATE_COLUMNS.forEach((c, i) => { row[c] = a[3 + i] as number; });
  return row;
}

/** Aggregate rows straight from the table the triggers keep (no filters). */
export async function storedAggregates(manager: EntityManager, caseId: string, frameworkId: string): Promise<AggregateRow[]> {
  return (await manager.query(AGGREGATES_SQL, [caseId, frameworkId])) as AggregateRow[];
}

/** The same rows recounted from the links that pass the filters. */
export async function recountAggregates(manager: EntityManager, caseId: string, frameworkId: string, filters: MatrixFilters = {}, excludedItemIds: readonly string[] = []): Promise<AggregateRow[]> {
  const f = filterSql(filters, excludedItemIds);
  return (await manager.query(recountSql(f.where), [caseId, frameworkId, ...f.params])) as AggregateRow[];
}

export interface MatrixData {
  aggregates: LinkAggregate[];
  strongest: StrongestInput[];
  perpetratorModes: PerpetratorModeAggregate[];
  totals: { items: number; links: number; reviewedLinks: number; sources: number; witnesses: number; documents: number; physicalItems: number };
  computedFrom: 'aggregates' | 'link_scan';
  /** The case's matrix version these aggregates were read at (same snapshot); null for a recount. */
  version: string | null;
}

export function hasFilters(filters: MatrixFilters): boolean {
  return Boolean(filters.perpetratorId || filters.incidentId || filters.from || filters.to || filters.placeId);
}

/** `excludedItemIds`: items left out as if they did not exist (an export leaves out what consent does not allow). */
export async function matrixData(manager: EntityManager, caseId: string, frameworkId: string, excludedItemIds: readonly string[] = [], filters: MatrixFilters = {}): Promise<MatrixData> {
  const scan = excludedItemIds.length > 0 || hasFilters(filters);
  let rows: AggregateRow[];
  let strongestRows: StrongestRow[];
  let items: number;
  let version: string | null = null;
  let perpetratorCrimes: FastRow['perpetrator_crimes'] = [];
  if (scan) {
    rows = await recountAggregates(manager, caseId, frameworkId, filters, excludedItemIds);
    const f = filterSql(filters, excludedItemIds);
    strongestRows = (await manager.query(strongestSql(f.where), [caseId, frameworkId, ...f.params])) as StrongestRow[];
    const itemParams: unknown[] = [caseId];
    if (excludedItemIds.length) itemParams.push([...excludedItemIds]);
    [{ items }] = (await manager.query(
      `SELECT count(*)::int AS items FROM evidence_items WHERE case_id = $1${excludedItemIds.length ? ' AND NOT (id = ANY($2::uuid[]))' : ''}`,
      itemParams,
    )) as Array<{ items: number }>;
  } else {
    const [fast] = (await manager.query(FAST_SQL, [caseId, frameworkId])) as FastRow[];
    rows = fast.rows.map(fromArray);
    perpetratorCrimes = fast.perpetrator_crimes;
    strongestRows = fast.strongest;
    items = fast.items;
    version = fast.version ?? '0';
  }

  const aggregates: LinkAggregate[] = [];
  const totals: MatrixData['totals'] = { items, links: 0, reviewedLinks: 0, sources: 0, witnesses: 0, documents: 0, physicalItems: 0 };
  const perpetrators = new Map<string, PerpetratorModeAggregate & { crimeIds: string[] }>();
  const perpetrator = (key: string) => {
    let p = perpetrators.get(key);
    if (!p) {
      const [perpetratorId, modeId] = key.split('|');
      p = { perpetratorId, modeId: modeId || null, supporting: 0, undermining: 0, context: 0, reviewedSupporting: 0, crimeIds: [] };
      perpetrators.set(key, p);
    }
    return p;
  };
  for (const r of rows) {
    if (r.links <= 0) continue;
    if (r.scope === 'total') {
      Object.assign(totals, { links: r.links, reviewedLinks: r.reviewed, sources: r.witnesses + r.documents + r.physical, witnesses: r.witnesses, documents: r.documents, physicalItems: r.physical });
    } else if (r.scope === 'perpetrator') {
      const p = perpetrator(r.key);
      if (r.relation === 'supports') {
        p.supporting = r.links;
        p.reviewedSupporting = r.reviewed;
      } else if (r.relation === 'undermines') p.undermining = r.links;
      else p.context = r.links;
    } else if (r.scope === 'perpetrator_crime') {
      const cut = r.key.lastIndexOf('|');
      perpetrator(r.key.slice(0, cut)).crimeIds.push(r.key.slice(cut + 1));
    } else {
      aggregates.push({
        scope: r.scope, key: r.key, relation: r.relation as Relation,
        links: r.links, reviewed: r.reviewed, strong: r.strong, reviewedStrong: r.reviewed_strong,
        sources: r.witnesses + r.documents + r.physical, witnesses: r.witnesses, documents: r.documents, physicalItems: r.physical,
        reviewedStrongSources: r.rs_witnesses + r.rs_others, reviewedStrongWitnesses: r.rs_witnesses,
        qualifying: {
          q1: { witnesses: r.q1_witnesses, others: r.q1_others },
          q2: { witnesses: r.q2_witnesses, others: r.q2_others },
          q3: { witnesses: r.q3_witnesses, others: r.q3_others },
        },
      });
    }
  }

  for (const [key, crimeIds] of perpetratorCrimes) perpetrator(key).crimeIds.push(...crimeIds);

  const strongest = strongestRows.map((b) => {
    const assessment = { probativeValue: b.probative_value, sourceReliability: b.source_reliability, informationCredibility: b.information_credibility };
    return {
      elementId: b.element_id, linkId: b.link_id, itemId: b.item_id, itemCode: b.item_code, itemKind: b.item_kind,
      ...assessment, reviewed: b.status === 'reviewed', weak: isWeak(assessment),
    };
  });
  return { aggregates, strongest, perpetratorModes: [...perpetrators.values()], totals, computedFrom: scan ? 'link_scan' : 'aggregates', version };
}
