import { MigrationInterface, QueryRunner } from "typeorm";

// Legal frameworks (versioned: crimes, elements, shared requirements, modes of liability and their
// requirements), evidence items and evidence links. Hand-written at the end: triggers that refuse
// any change to a published framework version (only published -> superseded is allowed) and any
// evidence link whose element or mode belongs to another framework version than the link's.

export class LegalEvidence1795376923442 implements MigrationInterface {
    name = 'LegalEvidence1795376923442'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "evidence_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "code" text NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "description" text, "file_id" uuid, "transcript_version_id" uuid, "passage_start" integer, "passage_end" integer, "testimony_id" uuid, "sha256" text, "derived_from_id" uuid, "derivation" text, "source_key" text NOT NULL, "provenance_source" text, "source_url" text, "collected_by" text, "collected_on" text, "collected_on_precision" text NOT NULL DEFAULT 'unknown', "collection_method" text, "physical_location" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "evidence_items_passage_shape" CHECK (("kind" = 'transcript_passage') = ("transcript_version_id" IS NOT NULL) AND ("transcript_version_id" IS NULL OR (0 <= "passage_start" AND "passage_start" < "passage_end"))), CONSTRAINT "PK_5c67144bedcbdc385c0716d8e50" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "evidence_items_file_idx" ON "evidence_items"  ("file_id") `);
        await queryRunner.query(`CREATE INDEX "evidence_items_transcript_version_idx" ON "evidence_items"  ("transcript_version_id") `);
        await queryRunner.query(`CREATE INDEX "evidence_items_testimony_idx" ON "evidence_items"  ("testimony_id") `);
        await queryRunner.query(`CREATE INDEX "evidence_items_derived_from_idx" ON "evidence_items"  ("derived_from_id") `);
        await queryRunner.query(`CREATE INDEX "evidence_items_case_kind_idx" ON "evidence_items"  ("case_id", "kind") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "evidence_items_case_code_unique" ON "evidence_items"  ("case_id", "code") `);
        await queryRunner.query(`CREATE TABLE "legal_frameworks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "version" text NOT NULL, "title_en" text NOT NULL, "title_ko" jsonb, "description" text, "jurisdiction" text, "status" text NOT NULL, "builtin" boolean NOT NULL DEFAULT false, "supersedes_id" uuid, "groups" jsonb NOT NULL DEFAULT '[]', "reference" jsonb NOT NULL DEFAULT '{}', "created_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "superseded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revision" integer NOT NULL, CONSTRAINT "legal_frameworks_status" CHECK ("status" IN ('draft', 'published', 'superseded') AND ("status" = 'draft') = ("published_at" IS NULL)), CONSTRAINT "PK_722c2b1083ea53645a887f10edc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "legal_frameworks_supersedes_idx" ON "legal_frameworks"  ("supersedes_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "legal_frameworks_one_published" ON "legal_frameworks"  ("code") WHERE status = 'published'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "legal_frameworks_code_version_unique" ON "legal_frameworks"  ("code", "version") `);
        await queryRunner.query(`CREATE TABLE "legal_shared_requirements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "framework_id" uuid NOT NULL, "code" text NOT NULL, "group_key" text, "kind" text NOT NULL, "text" text NOT NULL, "source_ref" text, "reference_ids" text array NOT NULL DEFAULT '{}', "refines" text, "notes" jsonb NOT NULL DEFAULT '[]', "confidence" text, "sort_order" integer NOT NULL, CONSTRAINT "PK_fbaadea84df4295a4ce6dfb9552" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "legal_shared_requirements_code_unique" ON "legal_shared_requirements"  ("framework_id", "code") `);
        await queryRunner.query(`CREATE TABLE "legal_crimes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "framework_id" uuid NOT NULL, "code" text NOT NULL, "reference_id" text, "group_key" text NOT NULL, "article_ref" text, "title_en" text NOT NULL, "title_ko" jsonb, "sort_order" integer NOT NULL, "armed_conflict" text, "confidence" text, "details" jsonb NOT NULL DEFAULT '{}', "revision" integer NOT NULL, CONSTRAINT "PK_90c0d09b896f2e8570b032bee56" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "legal_crimes_code_unique" ON "legal_crimes"  ("framework_id", "code") `);
        await queryRunner.query(`CREATE TABLE "legal_elements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "framework_id" uuid NOT NULL, "crime_id" uuid NOT NULL, "code" text NOT NULL, "number" integer NOT NULL, "kind" text NOT NULL, "text" text NOT NULL, "shared_ref" text, "alternatives" jsonb NOT NULL DEFAULT '[]', "notes" jsonb NOT NULL DEFAULT '[]', "confidence" text, CONSTRAINT "PK_6645f5d4d5638751bfd2ab27423" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "legal_elements_crime_number_unique" ON "legal_elements"  ("crime_id", "number") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "legal_elements_code_unique" ON "legal_elements"  ("framework_id", "code") `);
        await queryRunner.query(`CREATE TABLE "legal_modes_of_liability" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "framework_id" uuid NOT NULL, "code" text NOT NULL, "reference_id" text, "article_ref" text, "title_en" text NOT NULL, "title_ko" jsonb, "sort_order" integer NOT NULL, "applies_to" text array, "confidence" text, "notes" jsonb NOT NULL DEFAULT '[]', "revision" integer NOT NULL, CONSTRAINT "PK_35aa47e0b8d40ac18fa5999e1fa" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "legal_modes_code_unique" ON "legal_modes_of_liability"  ("framework_id", "code") `);
        await queryRunner.query(`CREATE TABLE "legal_mode_requirements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "framework_id" uuid NOT NULL, "mode_id" uuid NOT NULL, "code" text NOT NULL, "number" integer NOT NULL, "kind" text NOT NULL, "text" text NOT NULL, "statute_ref" text, "alternatives" jsonb NOT NULL DEFAULT '[]', "notes" jsonb NOT NULL DEFAULT '[]', "confidence" text, CONSTRAINT "PK_5be1732c26ff7c46cb1e9ae66cf" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "legal_mode_requirements_mode_number_unique" ON "legal_mode_requirements"  ("mode_id", "number") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "legal_mode_requirements_code_unique" ON "legal_mode_requirements"  ("framework_id", "code") `);
        await queryRunner.query(`CREATE TABLE "evidence_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "item_id" uuid NOT NULL, "framework_id" uuid NOT NULL, "element_id" uuid NOT NULL, "alternative" text, "incident_id" uuid, "perpetrator_id" uuid, "mode_id" uuid, "relation" text NOT NULL, "probative_value" smallint NOT NULL, "source_reliability" text NOT NULL, "information_credibility" smallint NOT NULL, "note" text, "status" text NOT NULL, "source_key" text NOT NULL, "created_by" uuid NOT NULL, "assessed_by" uuid NOT NULL, "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "evidence_links_relation_status" CHECK ("relation" IN ('supports', 'undermines', 'context') AND "status" IN ('proposed', 'reviewed') AND ("status" = 'reviewed') = ("reviewed_by" IS NOT NULL)), CONSTRAINT "evidence_links_assessment_range" CHECK ("probative_value" BETWEEN 1 AND 5 AND "information_credibility" BETWEEN 1 AND 6 AND "source_reliability" IN ('A', 'B', 'C', 'D', 'E', 'F')), CONSTRAINT "PK_bd4215122443d5258d9445bb062" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "evidence_links_item_idx" ON "evidence_links"  ("item_id") `);
        await queryRunner.query(`CREATE INDEX "evidence_links_case_perpetrator_idx" ON "evidence_links"  ("case_id", "perpetrator_id") `);
        await queryRunner.query(`CREATE INDEX "evidence_links_matrix_idx" ON "evidence_links"  ("case_id", "framework_id", "element_id") `);
        await queryRunner.query(`ALTER TABLE "evidence_items" ADD CONSTRAINT "FK_860b6a6afa61890a02b1afc1a98" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_items" ADD CONSTRAINT "FK_228762fbb05e6b501dee942ab97" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_items" ADD CONSTRAINT "FK_2f4bba8e6ee537e949dc6512f87" FOREIGN KEY ("transcript_version_id") REFERENCES "transcript_versions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_items" ADD CONSTRAINT "FK_b2ee425194f8c388e2474b375d8" FOREIGN KEY ("testimony_id") REFERENCES "testimonies"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_items" ADD CONSTRAINT "FK_b39e9cce2f0139a9ab4fec8cec8" FOREIGN KEY ("derived_from_id") REFERENCES "evidence_items"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "legal_frameworks" ADD CONSTRAINT "FK_7e80f028e2ce25593754d44de3a" FOREIGN KEY ("supersedes_id") REFERENCES "legal_frameworks"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "legal_shared_requirements" ADD CONSTRAINT "FK_ad1cfc525dd7ba2b69e4c210877" FOREIGN KEY ("framework_id") REFERENCES "legal_frameworks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "legal_crimes" ADD CONSTRAINT "FK_790f6e579a20910a99963dd85e5" FOREIGN KEY ("framework_id") REFERENCES "legal_frameworks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "legal_elements" ADD CONSTRAINT "FK_8f483478406ff9efbd819bebff9" FOREIGN KEY ("framework_id") REFERENCES "legal_frameworks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "legal_elements" ADD CONSTRAINT "FK_58898f3b8287c79ab28573e2383" FOREIGN KEY ("crime_id") REFERENCES "legal_crimes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "legal_modes_of_liability" ADD CONSTRAINT "FK_042326cff6f43270fb0f2885786" FOREIGN KEY ("framework_id") REFERENCES "legal_frameworks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "legal_mode_requirements" ADD CONSTRAINT "FK_5f9e994139b36c9e13f689247e6" FOREIGN KEY ("framework_id") REFERENCES "legal_frameworks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "legal_mode_requirements" ADD CONSTRAINT "FK_cc6872f34262fb968a311bca568" FOREIGN KEY ("mode_id") REFERENCES "legal_modes_of_liability"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_links" ADD CONSTRAINT "FK_79bedb10f8d50c3b57489438c90" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_links" ADD CONSTRAINT "FK_c35f7025c5f050814ccb01fc3bf" FOREIGN KEY ("item_id") REFERENCES "evidence_items"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_links" ADD CONSTRAINT "FK_f1fe2dc7d15a19db4cc08043d73" FOREIGN KEY ("framework_id") REFERENCES "legal_frameworks"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_links" ADD CONSTRAINT "FK_37c2a62f7e21d7ef34a6e734d14" FOREIGN KEY ("element_id") REFERENCES "legal_elements"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "evidence_links" ADD CONSTRAINT "FK_930edb2c6b389074b260a770599" FOREIGN KEY ("mode_id") REFERENCES "legal_modes_of_liability"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE FUNCTION legal_framework_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    IF OLD.status <> 'draft' THEN
                        RAISE EXCEPTION 'legal framework % % is %: a published version is never deleted', OLD.code, OLD.version, OLD.status USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    RETURN OLD;
                END IF;
                IF OLD.status = 'draft' THEN
                    RETURN NEW;
                END IF;
                IF OLD.status = 'published' AND NEW.status = 'superseded'
                   AND (to_jsonb(NEW) - ARRAY['status', 'superseded_at', 'updated_at', 'revision']) = (to_jsonb(OLD) - ARRAY['status', 'superseded_at', 'updated_at', 'revision']) THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'legal framework % % is %: a published version never changes; publish a new version', OLD.code, OLD.version, OLD.status USING ERRCODE = 'integrity_constraint_violation';
            END $$`);
        await queryRunner.query(`CREATE TRIGGER legal_frameworks_immutable BEFORE UPDATE OR DELETE ON "legal_frameworks" FOR EACH ROW EXECUTE FUNCTION legal_framework_guard()`);
        await queryRunner.query(`CREATE FUNCTION legal_content_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                frozen text;
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    SELECT status INTO frozen FROM legal_frameworks WHERE id = OLD.framework_id AND status <> 'draft';
                END IF;
                IF frozen IS NULL AND TG_OP IN ('INSERT', 'UPDATE') THEN
                    SELECT status INTO frozen FROM legal_frameworks WHERE id = NEW.framework_id AND status <> 'draft';
                END IF;
                IF frozen IS NOT NULL THEN
                    RAISE EXCEPTION '% of a % legal framework version never change; publish a new version', TG_TABLE_NAME, frozen USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$`);
        for (const table of ["legal_shared_requirements", "legal_crimes", "legal_elements", "legal_modes_of_liability", "legal_mode_requirements"]) {
            await queryRunner.query(`CREATE TRIGGER ${table}_immutable BEFORE INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION legal_content_guard()`);
        }
        await queryRunner.query(`CREATE FUNCTION evidence_link_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM legal_elements WHERE id = NEW.element_id AND framework_id = NEW.framework_id) THEN
                    RAISE EXCEPTION 'evidence link %: element % is not in framework version %', NEW.id, NEW.element_id, NEW.framework_id USING ERRCODE = 'foreign_key_violation';
                END IF;
                IF NEW.mode_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM legal_modes_of_liability WHERE id = NEW.mode_id AND framework_id = NEW.framework_id) THEN
                    RAISE EXCEPTION 'evidence link %: mode of liability % is not in framework version %', NEW.id, NEW.mode_id, NEW.framework_id USING ERRCODE = 'foreign_key_violation';
                END IF;
                RETURN NEW;
            END $$`);
        await queryRunner.query(`CREATE TRIGGER evidence_links_same_version BEFORE INSERT OR UPDATE OF element_id, framework_id, mode_id ON "evidence_links" FOR EACH ROW EXECUTE FUNCTION evidence_link_version_guard()`);
        const none = "'00000000-0000-0000-0000-000000000000'::uuid";
        await queryRunner.query(`CREATE UNIQUE INDEX "evidence_links_same_link_unique" ON "evidence_links" ("case_id", "item_id", "element_id", COALESCE("alternative", ''), COALESCE("incident_id", ${none}), COALESCE("perpetrator_id", ${none}), COALESCE("mode_id", ${none}))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."evidence_links_same_link_unique"`);
        await queryRunner.query(`DROP TRIGGER evidence_links_same_version ON "evidence_links"`);
        await queryRunner.query(`DROP FUNCTION evidence_link_version_guard()`);
        for (const table of ["legal_shared_requirements", "legal_crimes", "legal_elements", "legal_modes_of_liability", "legal_mode_requirements"]) {
            await queryRunner.query(`DROP TRIGGER ${table}_immutable ON "${table}"`);
        }
        await queryRunner.query(`DROP FUNCTION legal_content_guard()`);
        await queryRunner.query(`DROP TRIGGER legal_frameworks_immutable ON "legal_frameworks"`);
        await queryRunner.query(`DROP FUNCTION legal_framework_guard()`);
        await queryRunner.query(`ALTER TABLE "evidence_links" DROP CONSTRAINT "FK_930edb2c6b389074b260a770599"`);
        await queryRunner.query(`ALTER TABLE "evidence_links" DROP CONSTRAINT "FK_37c2a62f7e21d7ef34a6e734d14"`);
        await queryRunner.query(`ALTER TABLE "evidence_links" DROP CONSTRAINT "FK_f1fe2dc7d15a19db4cc08043d73"`);
        await queryRunner.query(`ALTER TABLE "evidence_links" DROP CONSTRAINT "FK_c35f7025c5f050814ccb01fc3bf"`);
        await queryRunner.query(`ALTER TABLE "evidence_links" DROP CONSTRAINT "FK_79bedb10f8d50c3b57489438c90"`);
        await queryRunner.query(`ALTER TABLE "legal_mode_requirements" DROP CONSTRAINT "FK_cc6872f34262fb968a311bca568"`);
        await queryRunner.query(`ALTER TABLE "legal_mode_requirements" DROP CONSTRAINT "FK_5f9e994139b36c9e13f689247e6"`);
        await queryRunner.query(`ALTER TABLE "legal_modes_of_liability" DROP CONSTRAINT "FK_042326cff6f43270fb0f2885786"`);
        await queryRunner.query(`ALTER TABLE "legal_elements" DROP CONSTRAINT "FK_58898f3b8287c79ab28573e2383"`);
        await queryRunner.query(`ALTER TABLE "legal_elements" DROP CONSTRAINT "FK_8f483478406ff9efbd819bebff9"`);
        await queryRunner.query(`ALTER TABLE "legal_crimes" DROP CONSTRAINT "FK_790f6e579a20910a99963dd85e5"`);
        await queryRunner.query(`ALTER TABLE "legal_shared_requirements" DROP CONSTRAINT "FK_ad1cfc525dd7ba2b69e4c210877"`);
        await queryRunner.query(`ALTER TABLE "legal_frameworks" DROP CONSTRAINT "FK_7e80f028e2ce25593754d44de3a"`);
        await queryRunner.query(`ALTER TABLE "evidence_items" DROP CONSTRAINT "FK_b39e9cce2f0139a9ab4fec8cec8"`);
        await queryRunner.query(`ALTER TABLE "evidence_items" DROP CONSTRAINT "FK_b2ee425194f8c388e2474b375d8"`);
        await queryRunner.query(`ALTER TABLE "evidence_items" DROP CONSTRAINT "FK_2f4bba8e6ee537e949dc6512f87"`);
        await queryRunner.query(`ALTER TABLE "evidence_items" DROP CONSTRAINT "FK_228762fbb05e6b501dee942ab97"`);
        await queryRunner.query(`ALTER TABLE "evidence_items" DROP CONSTRAINT "FK_860b6a6afa61890a02b1afc1a98"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_links_matrix_idx"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_links_case_perpetrator_idx"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_links_item_idx"`);
        await queryRunner.query(`DROP TABLE "evidence_links"`);
        await queryRunner.query(`DROP INDEX "public"."legal_mode_requirements_code_unique"`);
        await queryRunner.query(`DROP INDEX "public"."legal_mode_requirements_mode_number_unique"`);
        await queryRunner.query(`DROP TABLE "legal_mode_requirements"`);
        await queryRunner.query(`DROP INDEX "public"."legal_modes_code_unique"`);
        await queryRunner.query(`DROP TABLE "legal_modes_of_liability"`);
        await queryRunner.query(`DROP INDEX "public"."legal_elements_code_unique"`);
        await queryRunner.query(`DROP INDEX "public"."legal_elements_crime_number_unique"`);
        await queryRunner.query(`DROP TABLE "legal_elements"`);
        await queryRunner.query(`DROP INDEX "public"."legal_crimes_code_unique"`);
        await queryRunner.query(`DROP TABLE "legal_crimes"`);
        await queryRunner.query(`DROP INDEX "public"."legal_shared_requirements_code_unique"`);
        await queryRunner.query(`DROP TABLE "legal_shared_requirements"`);
        await queryRunner.query(`DROP INDEX "public"."legal_frameworks_code_version_unique"`);
        await queryRunner.query(`DROP INDEX "public"."legal_frameworks_one_published"`);
        await queryRunner.query(`DROP INDEX "public"."legal_frameworks_supersedes_idx"`);
        await queryRunner.query(`DROP TABLE "legal_frameworks"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_items_case_code_unique"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_items_case_kind_idx"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_items_derived_from_idx"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_items_testimony_idx"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_items_transcript_version_idx"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_items_file_idx"`);
        await queryRunner.query(`DROP TABLE "evidence_items"`);
    }

}
