import { MigrationInterface, QueryRunner } from "typeorm";

// Search (issue 8): one search_documents row per testimony, incident, perpetrator and gazetteer
// place, kept current by triggers on the source tables in the same transaction as the change.
// Testimonies contribute only the de-identified internal-profile redacted text (approved, else the
// latest proposed; never a stale one) and the interviewee's pseudonym code: no sealed field and no
// identity ever reaches this table.
//
// tsv holds: English-stemmed words (to_tsvector('english')), Hangul bigrams with positions (so a
// two-syllable query such as 요덕 finds 요덕수용소에서 through the GIN index) and romanisation keys
// of capitalised Latin words ('~yotok' for Yodok, Yoduk, Yodeok, Yodŏk). search_roman_key must
// give the same output as romanisedSkeleton(normalisePlaceName(word)) in src/places/place-names.ts.

// The replacements of romanisedSkeleton, in its order.
const SKELETON: Array<[string, string]> = [['eo', 'o'], ['eu', 'u'], ['ch', 'c'], ['sh', 's'], ['ph', 'p'], ['th', 't'], ['kh', 'k'], ['g', 'k'], ['d', 't'], ['b', 'p'], ['j', 'c'], ['l', 'r'], ['ae', 'e'], ['u', 'o'], ['nr', 'r']];
const ACCENTED = 'ŏŭăĕĭōūāēīéèêëáàâäíìîïóòôöúùûüñç';
const PLAIN = 'ouaeiouaeieeeeaaaaiiiioooouuuunc';
const romanKeyExpression = SKELETON.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, `regexp_replace(translate(lower(w), '${ACCENTED}', '${PLAIN}'), '[^a-z0-9]', '', 'g')`);

const REFRESH_TARGETS: Array<[table: string, fn: string, idExpr: string]> = [
    ['incidents', 'search_refresh_incident', 'id'],
    ['perpetrators', 'search_refresh_perpetrator', 'id'],
    ['places', 'search_refresh_place', 'id'],
    ['place_names', 'search_refresh_place', 'place_id'],
    ['testimonies', 'search_refresh_testimony', 'id'],
    ['redactions', 'search_refresh_testimony', 'testimony_id'],
];

export class Search1795378900000 implements MigrationInterface {
    name = 'Search1795378900000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "search_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "ref_id" uuid NOT NULL, "case_id" uuid, "code" text, "title" text NOT NULL, "body" text NOT NULL, "date_start" date, "date_end" date, "place_id" uuid, "violation_types" text array NOT NULL DEFAULT '{}', "tsv" tsvector NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bc42b02dc01b44241830f638cf6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "search_documents_case_idx" ON "search_documents"  ("case_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "search_documents_kind_ref_unique" ON "search_documents"  ("kind", "ref_id") `);
        await queryRunner.query(`CREATE INDEX "search_documents_tsv_gin_idx" ON "search_documents" USING gin ("tsv")`);
        // Ranking reads every match's tsvector: lz4 decompresses several times faster than pglz.
        // Servers built without lz4 keep the default.
        await queryRunner.query(`DO $$ BEGIN
            ALTER TABLE "search_documents" ALTER COLUMN "tsv" SET COMPRESSION lz4, ALTER COLUMN "body" SET COMPRESSION lz4;
          EXCEPTION WHEN OTHERS THEN NULL; END $$`);

        await queryRunner.query(`CREATE FUNCTION search_roman_key(w text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT regexp_replace(${romanKeyExpression}, '(.)\\1+', '\\1', 'g') $$`);
        // Romanisation keys of capitalised Latin words (names), with positions so ts_rank_cd counts them.
        await queryRunner.query(`CREATE FUNCTION search_roman_keys(t text, w "char") RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT coalesce(setweight(string_agg('''~' || k || ''':' || least(n, 16383), ' ')::tsvector, w), ''::tsvector)
            FROM (SELECT search_roman_key(m[1]) AS k, row_number() OVER () AS n
                  FROM regexp_matches(t, '([A-ZŎŬ][A-Za-zŏŭŎŬ''’-]*)', 'g') AS m) s
            WHERE k <> '' $$`);
        // Hangul bigrams (요덕수용소 → 요덕 덕수 수용 용소), with positions: substring matching for Korean.
        await queryRunner.query(`CREATE FUNCTION search_hangul_bigrams(t text, w "char") RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT coalesce(setweight(string_agg('''' || g || ''':' || least(n, 16383), ' ')::tsvector, w), ''::tsvector)
            FROM (SELECT substr(m[1], i, 2) AS g, row_number() OVER () AS n
                  FROM regexp_matches(t, '([가-힣]{2,})', 'g') AS m, generate_series(1, char_length(m[1]) - 1) AS i) b $$`);
        await queryRunner.query(`CREATE FUNCTION search_tsv(title text, body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT setweight(to_tsvector('english', title), 'A') || search_hangul_bigrams(title, 'A') || search_roman_keys(title, 'A')
                || setweight(to_tsvector('english', body), 'B') || search_hangul_bigrams(body, 'B') || search_roman_keys(body, 'C') $$`);
        // Earliest and latest day of a partial date (YYYY, YYYY-MM, YYYY-MM-DD); null otherwise.
        await queryRunner.query(`CREATE FUNCTION search_date_start(d text) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN d ~ '^\\d{4}$' THEN make_date(d::int, 1, 1)
                        WHEN d ~ '^\\d{4}-\\d{2}$' THEN make_date(split_part(d, '-', 1)::int, split_part(d, '-', 2)::int, 1)
                        WHEN d ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN make_date(split_part(d, '-', 1)::int, split_part(d, '-', 2)::int, split_part(d, '-', 3)::int) END $$`);
        await queryRunner.query(`CREATE FUNCTION search_date_end(d text) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT CASE WHEN d ~ '^\\d{4}$' THEN make_date(d::int, 12, 31)
                        WHEN d ~ '^\\d{4}-\\d{2}$' THEN (make_date(split_part(d, '-', 1)::int, split_part(d, '-', 2)::int, 1) + interval '1 month' - interval '1 day')::date
                        WHEN d ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN search_date_start(d) END $$`);

        const upsert = `ON CONFLICT ("kind", "ref_id") DO UPDATE SET case_id = EXCLUDED.case_id, code = EXCLUDED.code, title = EXCLUDED.title, body = EXCLUDED.body,
            date_start = EXCLUDED.date_start, date_end = EXCLUDED.date_end, place_id = EXCLUDED.place_id, violation_types = EXCLUDED.violation_types, tsv = EXCLUDED.tsv, updated_at = now()`;
        await queryRunner.query(`CREATE FUNCTION search_refresh_incident(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM search_documents WHERE kind = 'incident' AND ref_id = p_id AND NOT EXISTS (SELECT 1 FROM incidents WHERE id = p_id);
              INSERT INTO search_documents (kind, ref_id, case_id, code, title, body, date_start, date_end, place_id, violation_types, tsv)
              SELECT 'incident', i.id, i.case_id, i.code, i.title, coalesce(i.description, ''), i.date_start, i.date_end, i.place_id, i.violation_types,
                     search_tsv(i.code || ' ' || i.title, coalesce(i.description, ''))
              FROM incidents i WHERE i.id = p_id
              ${upsert};
            END $$`);
        // Units: names, Hangul name, aliases. Individuals: only their person's pseudonym code.
        await queryRunner.query(`CREATE FUNCTION search_refresh_perpetrator(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM search_documents WHERE kind = 'perpetrator' AND ref_id = p_id AND NOT EXISTS (SELECT 1 FROM perpetrators WHERE id = p_id);
              INSERT INTO search_documents (kind, ref_id, case_id, code, title, body, tsv)
              SELECT 'perpetrator', p.id, p.case_id, coalesce(p.code, pe.code), coalesce(p.name, pe.code, ''), d.body,
                     search_tsv(coalesce(p.code, pe.code, '') || ' ' || coalesce(p.name, ''), d.body)
              FROM perpetrators p LEFT JOIN people pe ON pe.id = p.person_id
              CROSS JOIN LATERAL (SELECT concat_ws(E'\\n', p.name_hangul, nullif(array_to_string(p.aliases, E'\\n'), ''), p.description) AS body) d
              WHERE p.id = p_id
              ${upsert};
            END $$`);
        // Gazetteer places are public geography: one global document (no case) with every spelling.
        await queryRunner.query(`CREATE FUNCTION search_refresh_place(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM search_documents WHERE kind = 'place' AND ref_id = p_id AND NOT EXISTS (SELECT 1 FROM places WHERE id = p_id);
              INSERT INTO search_documents (kind, ref_id, case_id, code, title, body, place_id, tsv)
              SELECT 'place', p.id, NULL, p.code, p.name, d.body, p.id, search_tsv(p.name, d.body)
              FROM places p
              CROSS JOIN LATERAL (SELECT coalesce(string_agg(n.name, E'\\n' ORDER BY n.system, n.name), '') AS body FROM place_names n WHERE n.place_id = p.id) d
              WHERE p.id = p_id
              ${upsert};
            END $$`);
        // One document per testimony: per transcript, the approved internal-profile redaction, else the
        // latest proposed one (stale ones never: the registry changed since they were made).
        await queryRunner.query(`CREATE FUNCTION search_refresh_testimony(p_id uuid) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM search_documents WHERE kind = 'testimony' AND ref_id = p_id AND NOT EXISTS (SELECT 1 FROM testimonies WHERE id = p_id);
              INSERT INTO search_documents (kind, ref_id, case_id, code, title, body, date_start, date_end, tsv)
              SELECT 'testimony', t.id, t.case_id, pe.code, 'Testimony ' || pe.code, d.body,
                     search_date_start(t.interview_date), search_date_end(t.interview_date),
                     search_tsv('Testimony ' || pe.code || ' ' || array_to_string(t.tags, ' '), d.body)
              FROM testimonies t JOIN people pe ON pe.id = t.interviewee_id
              CROSS JOIN LATERAL (
                SELECT coalesce(string_agg(x.redacted_text, E'\\n\\n' ORDER BY x.translation, x.language), '') AS body FROM (
                  SELECT DISTINCT ON (r.transcript_id) r.redacted_text, tr.kind <> 'original' AS translation, tr.language
                  FROM redactions r JOIN transcripts tr ON tr.id = r.transcript_id
                  WHERE r.testimony_id = t.id AND r.profile = 'internal' AND r.status IN ('approved', 'proposed')
                  ORDER BY r.transcript_id, (r.status = 'approved') DESC, r.created_at DESC, r.id) x) d
              WHERE t.id = p_id
              ${upsert};
            END $$`);
        for (const [table, fn, idExpr] of REFRESH_TARGETS) {
            const trigger = `search_on_${table}`;
            await queryRunner.query(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'INSERT' THEN PERFORM ${fn}(OLD.${idExpr}); END IF;
                  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.${idExpr} IS DISTINCT FROM OLD.${idExpr}) THEN PERFORM ${fn}(NEW.${idExpr}); END IF;
                  RETURN NULL;
                END $$`);
            await queryRunner.query(`CREATE TRIGGER ${trigger} AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
        }
        // Index what exists already.
        await queryRunner.query(`SELECT search_refresh_place(id) FROM places`);
        await queryRunner.query(`SELECT search_refresh_incident(id) FROM incidents`);
        await queryRunner.query(`SELECT search_refresh_perpetrator(id) FROM perpetrators`);
        await queryRunner.query(`SELECT search_refresh_testimony(id) FROM testimonies`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const [table] of [...REFRESH_TARGETS].reverse()) {
            await queryRunner.query(`DROP TRIGGER search_on_${table} ON "${table}"`);
            await queryRunner.query(`DROP FUNCTION search_on_${table}()`);
        }
        for (const fn of ['search_refresh_testimony(uuid)', 'search_refresh_place(uuid)', 'search_refresh_perpetrator(uuid)', 'search_refresh_incident(uuid)', 'search_date_end(text)', 'search_date_start(text)', 'search_tsv(text, text)', 'search_hangul_bigrams(text, "char")', 'search_roman_keys(text, "char")', 'search_roman_key(text)']) {
            await queryRunner.query(`DROP FUNCTION ${fn}`);
        }
        await queryRunner.query(`DROP INDEX "public"."search_documents_tsv_gin_idx"`);
        await queryRunner.query(`DROP INDEX "public"."search_documents_kind_ref_unique"`);
        await queryRunner.query(`DROP INDEX "public"."search_documents_case_idx"`);
        await queryRunner.query(`DROP TABLE "search_documents"`);
    }

}
