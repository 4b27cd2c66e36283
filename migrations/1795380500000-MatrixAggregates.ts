import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 (matrix): corroboration by witness, standard of proof, fast aggregates.
 *
 * - evidence_links.independent_source: what one independent source is — `witness:<person>` (the
 *   interviewee of the testimony a passage or a testimony's file comes from: one survivor
 *   interviewed twice is one witness), `file:<sha256>` (a document, per content; a working copy
 *   counts as its original) or `item:<id>` (a physical item).
 * - legal_elements.text_ko: Korean element wording where a translation exists (null otherwise).
 * - case_matrix_settings: the standard of proof a case's matrix is judged by.
 * - evidence_link_rank(): the strength rank of src/evidence/matrix/assessment.ts, indexed so the
 *   strongest supporting link of each element is one index probe.
 * - matrix_aggregates / matrix_source_counts: per-element (and per alternative, shared
 *   requirement, perpetrator × mode, case total) counts kept current by statement-level triggers
 *   on evidence_links, in the writing transaction. The thresholds below mirror
 *   src/evidence/matrix/assessment.ts and src/evidence/matrix/standards.ts.
 */

const WEAK = `(d.probative_value <= 2 OR d.source_reliability IN ('E', 'F') OR d.information_credibility >= 5)`;
const Q1 = `(d.status = 'reviewed' AND d.probative_value >= 3 AND d.source_reliability IN ('A', 'B', 'C', 'D') AND d.information_credibility <= 4)`;
const Q2 = `(d.status = 'reviewed' AND d.probative_value >= 3 AND d.source_reliability IN ('A', 'B', 'C') AND d.information_credibility <= 3)`;
const Q3 = `(d.status = 'reviewed' AND d.probative_value >= 4 AND d.source_reliability IN ('A', 'B') AND d.information_credibility <= 2)`;

/** The delta of one statement applied to both tables; `delta` yields (sign, link columns). */
function applyDeltaSql(delta: string): string {
  return `
WITH d AS (${delta}),
x AS (
  SELECT d.sign, d.case_id, d.framework_id, d.element_id, d.alternative, e.shared_ref, e.crime_id, d.relation, d.perpetrator_id, d.mode_id, d.independent_source AS src,
    (d.status = 'reviewed')::int AS rv, (NOT ${WEAK})::int AS st, (d.status = 'reviewed' AND NOT ${WEAK})::int AS rs,
    ${Q1}::int AS q1, ${Q2}::int AS q2, ${Q3}::int AS q3
  FROM d JOIN legal_elements e ON e.id = d.element_id
),
y AS (
  SELECT case_id, framework_id, 'element'::text AS scope, element_id::text AS key, relation, src, sign, rv, st, rs, q1, q2, q3 FROM x
  UNION ALL SELECT case_id, framework_id, 'alternative', element_id::text || ':' || alternative, relation, src, sign, rv, st, rs, q1, q2, q3 FROM x WHERE alternative IS NOT NULL
  UNION ALL SELECT case_id, framework_id, 'shared', shared_ref, relation, src, sign, rv, st, rs, q1, q2, q3 FROM x WHERE shared_ref IS NOT NULL
  UNION ALL SELECT case_id, framework_id, 'total', '', '*', src, sign, rv, st, rs, q1, q2, q3 FROM x
  UNION ALL SELECT case_id, framework_id, 'perpetrator', perpetrator_id::text || '|' || coalesce(mode_id::text, ''), relation, src, sign, rv, st, rs, q1, q2, q3 FROM x WHERE perpetrator_id IS NOT NULL
  UNION ALL SELECT case_id, framework_id, 'perpetrator_crime', perpetrator_id::text || '|' || coalesce(mode_id::text, '') || '|' || crime_id::text, '*', src, sign, rv, st, rs, q1, q2, q3 FROM x WHERE perpetrator_id IS NOT NULL
),
g AS (
  SELECT case_id, framework_id, scope, key, relation, src,
    sum(sign)::int AS d_links, sum(sign * rv)::int AS d_rv, sum(sign * st)::int AS d_st, sum(sign * rs)::int AS d_rs,
    sum(sign * q1)::int AS d_q1, sum(sign * q2)::int AS d_q2, sum(sign * q3)::int AS d_q3
  FROM y GROUP BY case_id, framework_id, scope, key, relation, src
),
c AS (
  SELECT g.*, CASE WHEN g.src LIKE 'witness:%' THEN 'w' WHEN g.src LIKE 'file:%' THEN 'd' ELSE 'p' END AS kind,
    coalesce(s.links, 0) AS b_links, coalesce(s.reviewed_strong, 0) AS b_rs, coalesce(s.q1, 0) AS b_q1, coalesce(s.q2, 0) AS b_q2, coalesce(s.q3, 0) AS b_q3
  FROM g LEFT JOIN matrix_source_counts s
    ON s.case_id = g.case_id AND s.framework_id = g.framework_id AND s.scope = g.scope AND s.key = g.key AND s.relation = g.relation AND s.source = g.src
),
us AS (
  INSERT INTO matrix_source_counts AS s (case_id, framework_id, scope, key, relation, source, links, reviewed_strong, q1, q2, q3)
  SELECT case_id, framework_id, scope, key, relation, src, d_links, d_rs, d_q1, d_q2, d_q3 FROM c
  ON CONFLICT (case_id, framework_id, scope, key, relation, source) DO UPDATE SET
    links = s.links + excluded.links, reviewed_strong = s.reviewed_strong + excluded.reviewed_strong, q1 = s.q1 + excluded.q1, q2 = s.q2 + excluded.q2, q3 = s.q3 + excluded.q3
),
t AS (
  SELECT case_id, framework_id, scope, key, relation,
    sum(d_links)::int AS links, sum(d_rv)::int AS reviewed, sum(d_st)::int AS strong, sum(d_rs)::int AS reviewed_strong,
    sum(((b_links + d_links > 0)::int - (b_links > 0)::int) * (kind = 'w')::int)::int AS witnesses,
    sum(((b_links + d_links > 0)::int - (b_links > 0)::int) * (kind = 'd')::int)::int AS documents,
    sum(((b_links + d_links > 0)::int - (b_links > 0)::int) * (kind = 'p')::int)::int AS physical,
    sum(((b_rs + d_rs > 0)::int - (b_rs > 0)::int) * (kind = 'w')::int)::int AS rs_witnesses,
    sum(((b_rs + d_rs > 0)::int - (b_rs > 0)::int) * (kind <> 'w')::int)::int AS rs_others,
    sum(((b_q1 + d_q1 > 0)::int - (b_q1 > 0)::int) * (kind = 'w')::int)::int AS q1_witnesses,
    sum(((b_q1 + d_q1 > 0)::int - (b_q1 > 0)::int) * (kind <> 'w')::int)::int AS q1_others,
    sum(((b_q2 + d_q2 > 0)::int - (b_q2 > 0)::int) * (kind = 'w')::int)::int AS q2_witnesses,
    sum(((b_q2 + d_q2 > 0)::int - (b_q2 > 0)::int) * (kind <> 'w')::int)::int AS q2_others,
    sum(((b_q3 + d_q3 > 0)::int - (b_q3 > 0)::int) * (kind = 'w')::int)::int AS q3_witnesses,
    sum(((b_q3 + d_q3 > 0)::int - (b_q3 > 0)::int) * (kind <> 'w')::int)::int AS q3_others
  FROM c GROUP BY case_id, framework_id, scope, key, relation
)
INSERT INTO matrix_aggregates AS a (case_id, framework_id, scope, key, relation, links, reviewed, strong, reviewed_strong, witnesses, documents, physical,
  rs_witnesses, rs_others, q1_witnesses, q1_others, q2_witnesses, q2_others, q3_witnesses, q3_others)
SELECT * FROM t
ON CONFLICT (case_id, framework_id, scope, key, relation) DO UPDATE SET
  links = a.links + excluded.links, reviewed = a.reviewed + excluded.reviewed, strong = a.strong + excluded.strong, reviewed_strong = a.reviewed_strong + excluded.reviewed_strong,
  witnesses = a.witnesses + excluded.witnesses, documents = a.documents + excluded.documents, physical = a.physical + excluded.physical,
  rs_witnesses = a.rs_witnesses + excluded.rs_witnesses, rs_others = a.rs_others + excluded.rs_others,
  q1_witnesses = a.q1_witnesses + excluded.q1_witnesses, q1_others = a.q1_others + excluded.q1_others,
  q2_witnesses = a.q2_witnesses + excluded.q2_witnesses, q2_others = a.q2_others + excluded.q2_others,
  q3_witnesses = a.q3_witnesses + excluded.q3_witnesses, q3_others = a.q3_others + excluded.q3_others`;
}

const COLS = 'case_id, framework_id, element_id, alternative, relation, perpetrator_id, mode_id, independent_source, status, probative_value, source_reliability, information_credibility';
const LOCK = (rows: string) =>
  `PERFORM pg_advisory_xact_lock(hashtextextended('matrix:' || k, 0)) FROM (SELECT DISTINCT case_id::text || framework_id::text AS k FROM ${rows}) keys ORDER BY k;`;

export class MatrixAggregates1795380500000 implements MigrationInterface {
  name = 'MatrixAggregates1795380500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_links" ADD "independent_source" text`);
    await queryRunner.query(`UPDATE evidence_links l SET independent_source = CASE
        WHEN l.source_key LIKE 'testimony:%' THEN coalesce((SELECT 'witness:' || t.interviewee_id FROM testimonies t WHERE t.id::text = substr(l.source_key, 11)), l.source_key)
        ELSE l.source_key END`);
    await queryRunner.query(`ALTER TABLE "evidence_links" ALTER COLUMN "independent_source" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "legal_elements" ADD "text_ko" jsonb`);
    await queryRunner.query(`CREATE TABLE "case_matrix_settings" ("case_id" uuid NOT NULL, "standard_of_proof" text NOT NULL, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL,
      CONSTRAINT "case_matrix_settings_standard" CHECK ("standard_of_proof" IN ('reasonable_grounds', 'substantial_grounds', 'beyond_reasonable_doubt')),
      CONSTRAINT "PK_case_matrix_settings" PRIMARY KEY ("case_id"))`);
    await queryRunner.query(`ALTER TABLE "case_matrix_settings" ADD CONSTRAINT "FK_case_matrix_settings_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);

    await queryRunner.query(`CREATE FUNCTION evidence_link_rank(status text, probative smallint, reliability text, credibility smallint) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (CASE WHEN status = 'reviewed' THEN 10000 ELSE 0 END)
          + (CASE WHEN probative <= 2 OR reliability IN ('E', 'F') OR credibility >= 5 THEN 0 ELSE 1000 END)
          + probative * 100 + (6 - (ascii(reliability) - ascii('A'))) * 10 + (7 - credibility) $$`);
    await queryRunner.query(`CREATE INDEX evidence_links_strongest_idx ON evidence_links (case_id, framework_id, element_id, evidence_link_rank(status, probative_value, source_reliability, information_credibility) DESC, created_at, id) WHERE relation = 'supports'`);

    await queryRunner.query(`CREATE TABLE matrix_source_counts (case_id uuid NOT NULL, framework_id uuid NOT NULL, scope text NOT NULL, key text NOT NULL, relation text NOT NULL, source text NOT NULL,
      links integer NOT NULL, reviewed_strong integer NOT NULL, q1 integer NOT NULL, q2 integer NOT NULL, q3 integer NOT NULL,
      PRIMARY KEY (case_id, framework_id, scope, key, relation, source))`);
    await queryRunner.query(`CREATE TABLE matrix_aggregates (case_id uuid NOT NULL, framework_id uuid NOT NULL, scope text NOT NULL, key text NOT NULL, relation text NOT NULL,
      links integer NOT NULL, reviewed integer NOT NULL, strong integer NOT NULL, reviewed_strong integer NOT NULL, witnesses integer NOT NULL, documents integer NOT NULL, physical integer NOT NULL,
      rs_witnesses integer NOT NULL, rs_others integer NOT NULL, q1_witnesses integer NOT NULL, q1_others integer NOT NULL, q2_witnesses integer NOT NULL, q2_others integer NOT NULL,
      q3_witnesses integer NOT NULL, q3_others integer NOT NULL,
      PRIMARY KEY (case_id, framework_id, scope, key, relation))`);

    const trigger = (name: string, body: string) => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        ${body}
        RETURN NULL;
      END $fn$`;
    await queryRunner.query(trigger('evidence_links_matrix_insert', `${LOCK('new_rows')}\n${applyDeltaSql(`SELECT 1 AS sign, ${COLS} FROM new_rows`)};`));
    await queryRunner.query(trigger('evidence_links_matrix_delete', `${LOCK('old_rows')}\n${applyDeltaSql(`SELECT -1 AS sign, ${COLS} FROM old_rows`)};`));
    await queryRunner.query(trigger('evidence_links_matrix_update', `${LOCK('(SELECT case_id, framework_id FROM new_rows UNION SELECT case_id, framework_id FROM old_rows) r')}\n${applyDeltaSql(`SELECT 1 AS sign, ${COLS} FROM new_rows UNION ALL SELECT -1, ${COLS} FROM old_rows`)};`));
    await queryRunner.query(`CREATE TRIGGER evidence_links_matrix_insert AFTER INSERT ON evidence_links REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence_links_matrix_insert()`);
    await queryRunner.query(`CREATE TRIGGER evidence_links_matrix_delete AFTER DELETE ON evidence_links REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence_links_matrix_delete()`);
    await queryRunner.query(`CREATE TRIGGER evidence_links_matrix_update AFTER UPDATE ON evidence_links REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evidence_links_matrix_update()`);
    // The links already there, counted once.
    await queryRunner.query(applyDeltaSql(`SELECT 1 AS sign, ${COLS} FROM evidence_links`));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER evidence_links_matrix_update ON evidence_links`);
    await queryRunner.query(`DROP TRIGGER evidence_links_matrix_delete ON evidence_links`);
    await queryRunner.query(`DROP TRIGGER evidence_links_matrix_insert ON evidence_links`);
    await queryRunner.query(`DROP FUNCTION evidence_links_matrix_update()`);
    await queryRunner.query(`DROP FUNCTION evidence_links_matrix_delete()`);
    await queryRunner.query(`DROP FUNCTION evidence_links_matrix_insert()`);
    await queryRunner.query(`DROP TABLE matrix_aggregates`);
    await queryRunner.query(`DROP TABLE matrix_source_counts`);
    await queryRunner.query(`DROP INDEX evidence_links_strongest_idx`);
    await queryRunner.query(`DROP FUNCTION evidence_link_rank(text, smallint, text, smallint)`);
    await queryRunner.query(`DROP TABLE "case_matrix_settings"`);
    await queryRunner.query(`ALTER TABLE "legal_elements" DROP COLUMN "text_ko"`);
    await queryRunner.query(`ALTER TABLE "evidence_links" DROP COLUMN "independent_source"`);
  }
}
