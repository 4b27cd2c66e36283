import type { EntityManager } from 'typeorm';
import { RANK_WEIGHTS, WEAK_MAX_PROBATIVE, WEAK_MIN_CREDIBILITY, WEAK_RELIABILITY } from 'src/evidence/matrix/assessment';
import type { LinkAggregate, PerpetratorModeAggregate, Relation, StrongestInput } from 'src/evidence/matrix/matrix';

/**
 * The one query behind the case matrix. It reads the case's links for the framework version once
 * (CTE `x`) and aggregates that in memory, with hashing wherever it can:
 *  - `c`: link counts per element, per element alternative, per shared requirement and in total
 *    (grouping sets);
 *  - `s`: distinct independent sources for the same groups (deduplicated first, then counted:
 *    much cheaper than count(DISTINCT) under grouping sets);
 *  - `b`: the strongest supporting link of each element (highest strength rank, then the earliest);
 *  - `p`: perpetrator × mode of liability, with the elements involved.
 * Each part comes back as one JSON column. The weak rule and the strength rank are those of
 * src/evidence/matrix/assessment.ts (isWeak, strengthRank), in SQL; their unit spec pins them.
 */
const WEAK = '(l.probative_value <= $3 OR l.source_reliability = ANY($4::text[]) OR l.information_credibility >= $5)';
const RANK = `(CASE WHEN l.status = 'reviewed' THEN ${RANK_WEIGHTS.reviewed} ELSE 0 END)
  + (CASE WHEN ${WEAK} THEN 0 ELSE ${RANK_WEIGHTS.strong} END)
  + l.probative_value * ${RANK_WEIGHTS.probative}
  + (6 - (ascii(l.source_reliability) - ascii('A'))) * ${RANK_WEIGHTS.reliability}
  + (7 - l.information_credibility) * ${RANK_WEIGHTS.credibility}`;

const MATRIX_SQL = `
WITH x AS MATERIALIZED (
  SELECT l.id, l.item_id, l.created_at, l.element_id, l.alternative, e.shared_ref, l.relation, l.perpetrator_id, l.mode_id, l.source_key,
    l.status = 'reviewed' AS reviewed, NOT ${WEAK} AS strong, l.probative_value, l.source_reliability, l.information_credibility, ${RANK} AS rank
  FROM evidence_links l JOIN legal_elements e ON e.id = l.element_id
  WHERE l.case_id = $1 AND l.framework_id = $2 AND NOT (l.item_id = ANY($6::uuid[]))
),
c AS (
  SELECT GROUPING(element_id, alternative, shared_ref, relation)::int AS g, element_id, alternative, shared_ref, relation,
    count(*)::int AS links, count(*) FILTER (WHERE reviewed)::int AS reviewed, count(*) FILTER (WHERE strong)::int AS strong,
    count(*) FILTER (WHERE reviewed AND strong)::int AS reviewed_strong
  FROM x GROUP BY GROUPING SETS ((element_id, relation), (element_id, alternative, relation), (shared_ref, relation), ())
),
d AS (
  SELECT GROUPING(element_id, shared_ref, relation)::int AS g, element_id, shared_ref, relation, bool_or(reviewed AND strong) AS reviewed_strong
  FROM x GROUP BY GROUPING SETS ((element_id, relation, source_key), (shared_ref, relation, source_key), (source_key))
),
s AS (
  SELECT g, element_id, shared_ref, relation, count(*)::int AS sources, count(*) FILTER (WHERE reviewed_strong)::int AS reviewed_strong_sources
  FROM d GROUP BY g, element_id, shared_ref, relation
),
b AS (
  SELECT DISTINCT ON (element_id) element_id, id AS link_id, item_id, probative_value, source_reliability, information_credibility, reviewed, NOT strong AS weak
  FROM x WHERE relation = 'supports'
  ORDER BY element_id, rank DESC, created_at, id
),
pe AS (
  SELECT perpetrator_id, mode_id, element_id,
    count(*) FILTER (WHERE relation = 'supports') AS supporting, count(*) FILTER (WHERE relation = 'undermines') AS undermining,
    count(*) FILTER (WHERE relation = 'context') AS context, count(*) FILTER (WHERE relation = 'supports' AND reviewed) AS reviewed_supporting
  FROM x WHERE perpetrator_id IS NOT NULL GROUP BY perpetrator_id, mode_id, element_id
),
p AS (
  SELECT perpetrator_id, mode_id, sum(supporting)::int AS supporting, sum(undermining)::int AS undermining, sum(context)::int AS context,
    sum(reviewed_supporting)::int AS reviewed_supporting, array_agg(element_id) AS element_ids
  FROM pe GROUP BY perpetrator_id, mode_id
)
SELECT
  (SELECT coalesce(json_agg(c), '[]') FROM c) AS counts,
  (SELECT coalesce(json_agg(s), '[]') FROM s) AS sources,
  (SELECT coalesce(json_agg(json_build_object('b', b, 'item_code', i.code, 'item_kind', i.kind)), '[]') FROM b JOIN evidence_items i ON i.id = b.item_id) AS strongest,
  (SELECT coalesce(json_agg(p), '[]') FROM p) AS perpetrators,
  (SELECT count(*) FROM evidence_items WHERE case_id = $1 AND NOT (id = ANY($6::uuid[])))::int AS items`;

// GROUPING(...) bitmasks: a bit is 1 when that column is not grouped on.
const C_BY_ELEMENT = 0b0110; // (element_id, alternative, shared_ref, relation)
const C_BY_ALTERNATIVE = 0b0010;
const C_BY_SHARED = 0b1100;
const C_TOTAL = 0b1111;
const S_BY_ELEMENT = 0b010; // (element_id, shared_ref, relation)
const S_BY_SHARED = 0b100;
const S_TOTAL = 0b111;

interface CountRow { g: number; element_id: string | null; alternative: string | null; shared_ref: string | null; relation: Relation | null; links: number; reviewed: number; strong: number; reviewed_strong: number }
interface SourceRow { g: number; element_id: string | null; shared_ref: string | null; relation: Relation | null; sources: number; reviewed_strong_sources: number }
interface StrongestRow { b: { element_id: string; link_id: string; item_id: string; probative_value: number; source_reliability: string; information_credibility: number; reviewed: boolean; weak: boolean }; item_code: string; item_kind: string }
interface PerpetratorRow { perpetrator_id: string; mode_id: string | null; supporting: number; undermining: number; context: number; reviewed_supporting: number; element_ids: string[] }

export interface MatrixData {
  aggregates: LinkAggregate[];
  strongest: StrongestInput[];
  perpetratorModes: PerpetratorModeAggregate[];
  totals: { items: number; links: number; reviewedLinks: number; sources: number };
}

/** `excludedItemIds`: items left out as if they did not exist (an export leaves out what consent does not allow). */
export async function matrixData(manager: EntityManager, caseId: string, frameworkId: string, excludedItemIds: readonly string[] = []): Promise<MatrixData> {
  const [row] = (await manager.query(MATRIX_SQL, [caseId, frameworkId, WEAK_MAX_PROBATIVE, [...WEAK_RELIABILITY], WEAK_MIN_CREDIBILITY, [...excludedItemIds]])) as Array<{
    counts: CountRow[]; sources: SourceRow[]; strongest: StrongestRow[]; perpetrators: PerpetratorRow[]; items: number;
  }>;

  const sources = new Map<string, SourceRow>();
  let totalSources = 0;
  for (const s of row.sources) {
    if (s.g === S_TOTAL) totalSources = s.sources;
    else if (s.g === S_BY_ELEMENT && s.element_id) sources.set(`element|${s.element_id}|${s.relation}`, s);
    else if (s.g === S_BY_SHARED && s.shared_ref) sources.set(`shared|${s.shared_ref}|${s.relation}`, s);
  }

  const aggregates: LinkAggregate[] = [];
  const totals = { items: row.items, links: 0, reviewedLinks: 0, sources: totalSources };
  for (const c of row.counts) {
    let scope: LinkAggregate['scope'];
    let key: string;
    if (c.g === C_TOTAL) {
      totals.links = c.links;
      totals.reviewedLinks = c.reviewed;
      continue;
    } else if (c.g === C_BY_ELEMENT && c.element_id) {
      scope = 'element';
      key = c.element_id;
    } else if (c.g === C_BY_ALTERNATIVE && c.element_id && c.alternative) {
      scope = 'alternative';
      key = `${c.element_id}:${c.alternative}`;
    } else if (c.g === C_BY_SHARED && c.shared_ref) {
      scope = 'shared';
      key = c.shared_ref;
    } else {
      continue;
    }
    const s = scope === 'alternative' ? undefined : sources.get(`${scope}|${key}|${c.relation}`);
    aggregates.push({
      scope, key, relation: c.relation as Relation,
      links: c.links, reviewed: c.reviewed, strong: c.strong, reviewedStrong: c.reviewed_strong,
      sources: s?.sources ?? 0, reviewedStrongSources: s?.reviewed_strong_sources ?? 0,
    });
  }

  const strongest = row.strongest.map(({ b, item_code, item_kind }) => ({
    elementId: b.element_id, linkId: b.link_id, itemId: b.item_id, itemCode: item_code, itemKind: item_kind,
    probativeValue: b.probative_value, sourceReliability: b.source_reliability, informationCredibility: b.information_credibility, reviewed: b.reviewed, weak: b.weak,
  }));
  const perpetratorModes = row.perpetrators.map((p) => ({
    perpetratorId: p.perpetrator_id, modeId: p.mode_id, supporting: p.supporting, undermining: p.undermining, context: p.context, reviewedSupporting: p.reviewed_supporting, elementIds: p.element_ids,
  }));
  return { aggregates, strongest, perpetratorModes, totals };
}
