import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { CASE_LAW_NOTE, CASE_LAW_REQUIREMENTS, MODE_REQUIREMENTS_KO } from './seed/mode-requirements-ko';

/**
 * Evidence on the requirements of a mode of liability, per accused individual (`liability_links`),
 * and Korean paraphrases of every requirement of the built-in Rome Statute modes (`text_ko`), plus
 * the case-law requirements of co-perpetration (common plan, essential contribution, mutual
 * awareness) and indirect perpetration (control over the will), tagged `U`.
 *
 * The built-in framework is published and its content frozen by triggers; this migration lifts
 * them for its own rows only: nothing links to mode requirements before it (no table could), and
 * no existing code or number changes — requirements are only added after the existing ones.
 */
const NAMESPACE = 'sillok:legal';
const BUILTIN_KEY = 'rome-statute@2011-icc-ed';

/** The seed migration's name-based UUID (same ids on every installation). */
function seedId(name: string): string {
  const h = createHash('sha1').update(`${NAMESPACE}:${name}`, 'utf8').digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
const ko = (text: string) => ({ text, confidence: 'U' });
const LEGAL_TABLES = ['legal_modes_of_liability', 'legal_mode_requirements'];

export class LiabilityEvidence1795380610000 implements MigrationInterface {
  name = 'LiabilityEvidence1795380610000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "liability_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "item_id" uuid NOT NULL, "framework_id" uuid NOT NULL, "perpetrator_id" uuid NOT NULL, "mode_id" uuid NOT NULL, "requirement_id" uuid NOT NULL, "alternative" text, "crime_id" uuid, "incident_id" uuid, "relation" text NOT NULL, "probative_value" smallint NOT NULL, "source_reliability" text NOT NULL, "information_credibility" smallint NOT NULL, "note" text, "status" text NOT NULL, "source_key" text NOT NULL, "created_by" uuid NOT NULL, "assessed_by" uuid NOT NULL, "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "liability_links_relation_status" CHECK ("relation" IN ('supports', 'undermines', 'context') AND "status" IN ('proposed', 'reviewed') AND ("status" = 'reviewed') = ("reviewed_by" IS NOT NULL)), CONSTRAINT "liability_links_assessment_range" CHECK ("probative_value" BETWEEN 1 AND 5 AND "information_credibility" BETWEEN 1 AND 6 AND "source_reliability" IN ('A', 'B', 'C', 'D', 'E', 'F')), CONSTRAINT "PK_47503dd735a45587b9ede8f6dab" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "liability_links_item_idx" ON "liability_links"  ("item_id") `);
    await queryRunner.query(`CREATE INDEX "liability_links_view_idx" ON "liability_links"  ("case_id", "framework_id", "perpetrator_id") `);
    await queryRunner.query(`ALTER TABLE "legal_mode_requirements" ADD "text_ko" jsonb`);
    await queryRunner.query(`ALTER TABLE "liability_links" ADD CONSTRAINT "FK_40b4cf2e2d46c98b6a7f52fbb4b" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "liability_links" ADD CONSTRAINT "FK_3cfba3d3ed4d819ee26e44893be" FOREIGN KEY ("item_id") REFERENCES "evidence_items"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "liability_links" ADD CONSTRAINT "FK_ccc27933bf10936c24281cb8f3f" FOREIGN KEY ("framework_id") REFERENCES "legal_frameworks"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "liability_links" ADD CONSTRAINT "FK_2eb2094468722ff0da2da8618b3" FOREIGN KEY ("perpetrator_id") REFERENCES "perpetrators"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "liability_links" ADD CONSTRAINT "FK_baeffac4d495accb6c4926f2e63" FOREIGN KEY ("mode_id") REFERENCES "legal_modes_of_liability"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "liability_links" ADD CONSTRAINT "FK_c61073060ae6f71c00f23fba4b2" FOREIGN KEY ("requirement_id") REFERENCES "legal_mode_requirements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    const none = "'00000000-0000-0000-0000-000000000000'::uuid";
    await queryRunner.query(`CREATE UNIQUE INDEX "liability_links_same_link_unique" ON "liability_links" ("case_id", "item_id", "perpetrator_id", "requirement_id", COALESCE("alternative", ''), COALESCE("crime_id", ${none}), COALESCE("incident_id", ${none}))`);
    // The requirement, its mode and the crime belong to the framework version the link states.
    await queryRunner.query(`CREATE FUNCTION liability_link_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM legal_mode_requirements r JOIN legal_modes_of_liability m ON m.id = r.mode_id
                           WHERE r.id = NEW.requirement_id AND m.id = NEW.mode_id AND m.framework_id = NEW.framework_id) THEN
                RAISE EXCEPTION 'liability link %: requirement % is not of mode % in framework version %', NEW.id, NEW.requirement_id, NEW.mode_id, NEW.framework_id USING ERRCODE = 'foreign_key_violation';
            END IF;
            IF NEW.crime_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM legal_crimes WHERE id = NEW.crime_id AND framework_id = NEW.framework_id) THEN
                RAISE EXCEPTION 'liability link %: crime % is not in framework version %', NEW.id, NEW.crime_id, NEW.framework_id USING ERRCODE = 'foreign_key_violation';
            END IF;
            RETURN NEW;
        END $$`);
    await queryRunner.query(`CREATE TRIGGER liability_links_same_version BEFORE INSERT OR UPDATE OF requirement_id, mode_id, framework_id, crime_id ON "liability_links" FOR EACH ROW EXECUTE FUNCTION liability_link_version_guard()`);

    // Korean text and the case-law requirements, on the built-in framework (when it is there).
    const frameworkId = seedId(BUILTIN_KEY);
    const [present] = (await queryRunner.query('SELECT count(*)::int AS n FROM legal_frameworks WHERE id = $1', [frameworkId])) as Array<{ n: number }>;
    if (!present.n) return;
    for (const table of LEGAL_TABLES) await queryRunner.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
    const rows = (await queryRunner.query('SELECT id, code, alternatives FROM legal_mode_requirements WHERE framework_id = $1', [frameworkId])) as Array<{ id: string; code: string; alternatives: Array<Record<string, unknown> & { letter: string }> }>;
    for (const row of rows) {
      const k = MODE_REQUIREMENTS_KO[row.code];
      if (!k) continue;
      const alternatives = row.alternatives.map((a) => (k.alternatives?.[a.letter] ? { ...a, textKo: ko(k.alternatives[a.letter]) } : a));
      await queryRunner.query('UPDATE legal_mode_requirements SET text_ko = $2, alternatives = $3 WHERE id = $1', [row.id, JSON.stringify(ko(k.text)), JSON.stringify(alternatives)]);
    }
    for (const r of CASE_LAW_REQUIREMENTS) {
      const code = `${r.modeCode}-R${r.n}`;
      await queryRunner.query(
        `INSERT INTO legal_mode_requirements (id, framework_id, mode_id, code, number, kind, text, text_ko, statute_ref, alternatives, notes, confidence)
         SELECT $1, $2, m.id, $3, $4, $5, $6, $7, $8, '[]', $9, 'U' FROM legal_modes_of_liability m WHERE m.framework_id = $2 AND m.code = $10
         ON CONFLICT DO NOTHING`,
        [seedId(`${BUILTIN_KEY}/${code}`), frameworkId, code, r.n, r.kind, r.text, JSON.stringify(ko(r.textKo)), r.statuteRef, JSON.stringify([CASE_LAW_NOTE]), r.modeCode],
      );
    }
    // The modes' notes said these tests were left out; they now say where they come from.
    await queryRunner.query(
      `UPDATE legal_modes_of_liability SET notes = (SELECT coalesce(jsonb_agg(n), '[]'::jsonb) FROM jsonb_array_elements(notes) n WHERE n->>'text' NOT LIKE '%deliberately not seeded%') || $2::jsonb
       WHERE framework_id = $1 AND code IN ('RS-25-3-a-joint', 'RS-25-3-a-indirect')`,
      [frameworkId, JSON.stringify([CASE_LAW_NOTE])],
    );
    for (const table of LEGAL_TABLES) await queryRunner.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const frameworkId = seedId(BUILTIN_KEY);
    for (const table of LEGAL_TABLES) await queryRunner.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
    await queryRunner.query('DELETE FROM legal_mode_requirements WHERE framework_id = $1 AND id = ANY($2::uuid[])', [frameworkId, CASE_LAW_REQUIREMENTS.map((r) => seedId(`${BUILTIN_KEY}/${r.modeCode}-R${r.n}`))]);
    for (const table of LEGAL_TABLES) await queryRunner.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
    await queryRunner.query(`DROP TRIGGER liability_links_same_version ON "liability_links"`);
    await queryRunner.query(`DROP FUNCTION liability_link_version_guard()`);
    await queryRunner.query(`ALTER TABLE "liability_links" DROP CONSTRAINT "FK_c61073060ae6f71c00f23fba4b2"`);
    await queryRunner.query(`ALTER TABLE "liability_links" DROP CONSTRAINT "FK_baeffac4d495accb6c4926f2e63"`);
    await queryRunner.query(`ALTER TABLE "liability_links" DROP CONSTRAINT "FK_2eb2094468722ff0da2da8618b3"`);
    await queryRunner.query(`ALTER TABLE "liability_links" DROP CONSTRAINT "FK_ccc27933bf10936c24281cb8f3f"`);
    await queryRunner.query(`ALTER TABLE "liability_links" DROP CONSTRAINT "FK_3cfba3d3ed4d819ee26e44893be"`);
    await queryRunner.query(`ALTER TABLE "liability_links" DROP CONSTRAINT "FK_40b4cf2e2d46c98b6a7f52fbb4b"`);
    await queryRunner.query(`ALTER TABLE "legal_mode_requirements" DROP COLUMN "text_ko"`);
    await queryRunner.query(`DROP TABLE "liability_links"`);
  }
}
