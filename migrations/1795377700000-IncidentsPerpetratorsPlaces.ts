import { MigrationInterface, QueryRunner } from "typeorm";
import { DPRK_GAZETTEER } from "./seed/dprk-gazetteer";
import { VIOLATION_TYPES } from "./seed/violation-types";

// Places gazetteer (seeded with DPRK provinces, cities/counties and detention facilities, every
// name with a spelling-tolerant search key under a pg_trgm index), the violation-type vocabulary,
// perpetrators (individuals and units, positions), incidents (victims, involvement, sources with
// passages) and bulk imports (per-row report, stable external ids).

export class IncidentsPerpetratorsPlaces1795377700000 implements MigrationInterface {
    name = 'IncidentsPerpetratorsPlaces1795377700000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`CREATE TABLE "imports" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "job_id" uuid NOT NULL, "entity_type" text NOT NULL, "format" text NOT NULL, "dry_run" boolean NOT NULL, "sha256" text NOT NULL, "size_bytes" bigint NOT NULL, "storage_key" text NOT NULL, "rows_processed" integer NOT NULL DEFAULT '0', "rows_created" integer NOT NULL DEFAULT '0', "rows_skipped" integer NOT NULL DEFAULT '0', "rows_failed" integer NOT NULL DEFAULT '0', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ea10c62f5eb1d75e83d8b5225db" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "imports_job_idx" ON "imports"  ("job_id") `);
        await queryRunner.query(`CREATE INDEX "imports_case_created_idx" ON "imports"  ("case_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "import_row_errors" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "import_id" uuid NOT NULL, "row" integer NOT NULL, "field" text NOT NULL, "message" text NOT NULL, CONSTRAINT "PK_8a45918af12a5335e72f357268d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "import_row_errors_import_row_idx" ON "import_row_errors"  ("import_id", "row") `);
        await queryRunner.query(`CREATE TABLE "external_refs" ("case_id" uuid NOT NULL, "entity_type" text NOT NULL, "external_key" text NOT NULL, "entity_id" uuid NOT NULL, "import_id" uuid, "source_row" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c5e746598b4322eb4d4aa6087ad" PRIMARY KEY ("case_id", "entity_type", "external_key"))`);
        await queryRunner.query(`CREATE INDEX "external_refs_entity_idx" ON "external_refs"  ("entity_id") `);
        await queryRunner.query(`CREATE TABLE "perpetrators" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "code" text, "unit_type" text, "name" text, "name_hangul" text, "aliases" text array NOT NULL DEFAULT '{}', "search_keys" text array NOT NULL DEFAULT '{}', "description" text, "parent_id" uuid, "person_id" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "perpetrators_kind_shape" CHECK (("kind" = 'individual' AND "person_id" IS NOT NULL AND "name" IS NULL AND "parent_id" IS NULL) OR ("kind" = 'unit' AND "person_id" IS NULL AND "name" IS NOT NULL)), CONSTRAINT "PK_782430cda8096b235399e0d98c1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "perpetrators_parent_idx" ON "perpetrators"  ("parent_id") `);
        await queryRunner.query(`CREATE INDEX "perpetrators_case_kind_idx" ON "perpetrators"  ("case_id", "kind") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "perpetrators_case_person_unique" ON "perpetrators"  ("case_id", "person_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "perpetrators_case_code_unique" ON "perpetrators"  ("case_id", "code") `);
        await queryRunner.query(`CREATE TABLE "perpetrator_positions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "perpetrator_id" uuid NOT NULL, "unit_id" uuid, "title" text NOT NULL, "rank" text, "from_date" text, "to_date" text, "position" integer NOT NULL, CONSTRAINT "PK_2935f4eaed0263879193a179345" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "perpetrator_positions_perpetrator_idx" ON "perpetrator_positions"  ("perpetrator_id") `);
        await queryRunner.query(`CREATE INDEX "perpetrator_positions_unit_idx" ON "perpetrator_positions"  ("unit_id") `);
        await queryRunner.query(`CREATE TABLE "places" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "parent_id" uuid, "kind" text NOT NULL, "facility_type" text, "code" text, "name" text NOT NULL, "latitude" double precision, "longitude" double precision, "builtin" boolean NOT NULL DEFAULT false, "note" text, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_1afab86e226b4c3bc9a74465c12" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "places_parent_idx" ON "places"  ("parent_id") `);
        await queryRunner.query(`CREATE INDEX "places_kind_idx" ON "places"  ("kind", "facility_type") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "places_code_unique" ON "places"  ("code") `);
        await queryRunner.query(`CREATE TABLE "place_names" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "place_id" uuid NOT NULL, "system" text NOT NULL, "name" text NOT NULL, "key" text NOT NULL, CONSTRAINT "PK_28a7440d7b09af0282f27a96f9e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "place_names_place_name_unique" ON "place_names"  ("place_id", "name") `);
        await queryRunner.query(`CREATE TABLE "incidents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "code" text NOT NULL, "title" text NOT NULL, "description" text, "violation_types" text array NOT NULL DEFAULT '{}', "date_precision" text NOT NULL, "date_from" text, "date_to" text, "date_start" date, "date_end" date, "place_id" uuid, "latitude" double precision, "longitude" double precision, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_ccb34c01719889017e2246469f9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "incidents_place_idx" ON "incidents"  ("place_id") `);
        await queryRunner.query(`CREATE INDEX "incidents_case_date_idx" ON "incidents"  ("case_id", "date_start", "date_end") `);
        await queryRunner.query(`CREATE INDEX "incidents_case_created_idx" ON "incidents"  ("case_id", "created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "incidents_case_code_unique" ON "incidents"  ("case_id", "code") `);
        await queryRunner.query(`CREATE TABLE "incident_victims" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "person_id" uuid, "group_count" integer, "group_description" text, "position" integer NOT NULL, CONSTRAINT "incident_victims_person_or_group" CHECK (("person_id" IS NOT NULL AND "group_count" IS NULL) OR ("person_id" IS NULL AND "group_count" >= 1)), CONSTRAINT "PK_eef7cad34a9675b58521254ed0c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "incident_victims_incident_idx" ON "incident_victims"  ("incident_id") `);
        await queryRunner.query(`CREATE INDEX "incident_victims_person_idx" ON "incident_victims"  ("person_id") `);
        await queryRunner.query(`CREATE TABLE "incident_perpetrators" ("incident_id" uuid NOT NULL, "perpetrator_id" uuid NOT NULL, "involvement" text NOT NULL, "confidence" text NOT NULL, CONSTRAINT "PK_746edf6cbfbc1c62d15bf1a7b78" PRIMARY KEY ("incident_id", "perpetrator_id", "involvement"))`);
        await queryRunner.query(`CREATE INDEX "incident_perpetrators_perpetrator_idx" ON "incident_perpetrators"  ("perpetrator_id") `);
        await queryRunner.query(`CREATE TABLE "incident_sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "testimony_id" uuid NOT NULL, "transcript_version_id" uuid, "passage_start" integer, "passage_end" integer, "position" integer NOT NULL, CONSTRAINT "incident_sources_passage" CHECK (("transcript_version_id" IS NULL AND "passage_start" IS NULL AND "passage_end" IS NULL) OR ("transcript_version_id" IS NOT NULL AND "passage_start" >= 0 AND "passage_end" > "passage_start")), CONSTRAINT "PK_9dd9d78598b50f5b160099753a8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "incident_sources_incident_idx" ON "incident_sources"  ("incident_id") `);
        await queryRunner.query(`CREATE INDEX "incident_sources_testimony_idx" ON "incident_sources"  ("testimony_id") `);
        await queryRunner.query(`CREATE TABLE "violation_types" ("code" text NOT NULL, "label" text NOT NULL, "description" text NOT NULL, "coi_category" text, "sort_order" integer NOT NULL, CONSTRAINT "PK_058b0cbd60896d80f091f2e8544" PRIMARY KEY ("code"))`);
        await queryRunner.query(`ALTER TABLE "imports" ADD CONSTRAINT "FK_27d60e545ea928030f977a41019" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "imports" ADD CONSTRAINT "FK_53e3d0864054ff37939eb86202e" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "import_row_errors" ADD CONSTRAINT "FK_76c0abbb1912e812817a4157079" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "perpetrators" ADD CONSTRAINT "FK_6e8f52928ce8252a146c5028891" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "perpetrators" ADD CONSTRAINT "FK_bc759b9a8bbb09e3f20f8c9dcde" FOREIGN KEY ("parent_id") REFERENCES "perpetrators"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "perpetrators" ADD CONSTRAINT "FK_c1a3b5c812a3e2840a081b3d482" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "perpetrator_positions" ADD CONSTRAINT "FK_e35baae1571dbed00d3ee526aa0" FOREIGN KEY ("perpetrator_id") REFERENCES "perpetrators"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "perpetrator_positions" ADD CONSTRAINT "FK_df8fbe83c43b3ddecece910cd74" FOREIGN KEY ("unit_id") REFERENCES "perpetrators"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "places" ADD CONSTRAINT "FK_0b809a6495e707a9ad218a6bba7" FOREIGN KEY ("parent_id") REFERENCES "places"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "place_names" ADD CONSTRAINT "FK_dfc43c533606bf06c573a7216b9" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "incidents" ADD CONSTRAINT "FK_c6220d9da6efa9d1f44811643aa" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "incidents" ADD CONSTRAINT "FK_d60685af846adeb3d8888902c05" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "incident_victims" ADD CONSTRAINT "FK_b260da3ecae43c89a0b85d1e4ba" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "incident_victims" ADD CONSTRAINT "FK_fb3ce60b3018c2f201ea49aa78e" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "incident_perpetrators" ADD CONSTRAINT "FK_dfacb4c003f8ce01c7f80341524" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "incident_perpetrators" ADD CONSTRAINT "FK_e042ab8472c2d6f4f161ba6857d" FOREIGN KEY ("perpetrator_id") REFERENCES "perpetrators"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "incident_sources" ADD CONSTRAINT "FK_79023d38d935b72f4be357a1fe7" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "incident_sources" ADD CONSTRAINT "FK_4ff81686944a30645e31693b349" FOREIGN KEY ("testimony_id") REFERENCES "testimonies"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "incident_sources" ADD CONSTRAINT "FK_e425b5adee4eebb2e874a899bfa" FOREIGN KEY ("transcript_version_id") REFERENCES "transcript_versions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        // Indexes TypeORM cannot describe (declared with synchronize: false on the entities).
        await queryRunner.query(`CREATE INDEX "place_names_key_trgm_idx" ON "place_names" USING gin ("key" gin_trgm_ops)`);
        await queryRunner.query(`CREATE INDEX "incidents_violation_types_gin_idx" ON "incidents" USING gin ("violation_types")`);

        for (const [i, v] of VIOLATION_TYPES.entries()) {
            await queryRunner.query(`INSERT INTO "violation_types" ("code", "label", "description", "coi_category", "sort_order") VALUES ($1, $2, $3, $4, $5)`, [v.code, v.label, v.description, v.coi, (i + 1) * 10]);
        }
        // Parents come before their children in the seed, so each parent is found by its code.
        for (const p of DPRK_GAZETTEER) {
            const [{ id }] = (await queryRunner.query(
                `INSERT INTO "places" ("parent_id", "kind", "facility_type", "code", "name", "latitude", "longitude", "builtin", "note", "version")
                 VALUES ((SELECT "id" FROM "places" WHERE "code" = $1), $2, $3, $4, $5, $6, $7, true, $8, 1) RETURNING "id"`,
                [p.parent, p.kind, p.facilityType, p.code, p.name, p.latitude ?? null, p.longitude ?? null, p.note ?? null],
            )) as Array<{ id: string }>;
            await queryRunner.query(
                `INSERT INTO "place_names" ("place_id", "system", "name", "key") SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])`,
                [id, p.names.map((n) => n.system), p.names.map((n) => n.name), p.names.map((n) => n.key)],
            );
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."incidents_violation_types_gin_idx"`);
        await queryRunner.query(`DROP INDEX "public"."place_names_key_trgm_idx"`);
        await queryRunner.query(`ALTER TABLE "incident_sources" DROP CONSTRAINT "FK_e425b5adee4eebb2e874a899bfa"`);
        await queryRunner.query(`ALTER TABLE "incident_sources" DROP CONSTRAINT "FK_4ff81686944a30645e31693b349"`);
        await queryRunner.query(`ALTER TABLE "incident_sources" DROP CONSTRAINT "FK_79023d38d935b72f4be357a1fe7"`);
        await queryRunner.query(`ALTER TABLE "incident_perpetrators" DROP CONSTRAINT "FK_e042ab8472c2d6f4f161ba6857d"`);
        await queryRunner.query(`ALTER TABLE "incident_perpetrators" DROP CONSTRAINT "FK_dfacb4c003f8ce01c7f80341524"`);
        await queryRunner.query(`ALTER TABLE "incident_victims" DROP CONSTRAINT "FK_fb3ce60b3018c2f201ea49aa78e"`);
        await queryRunner.query(`ALTER TABLE "incident_victims" DROP CONSTRAINT "FK_b260da3ecae43c89a0b85d1e4ba"`);
        await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_d60685af846adeb3d8888902c05"`);
        await queryRunner.query(`ALTER TABLE "incidents" DROP CONSTRAINT "FK_c6220d9da6efa9d1f44811643aa"`);
        await queryRunner.query(`ALTER TABLE "place_names" DROP CONSTRAINT "FK_dfc43c533606bf06c573a7216b9"`);
        await queryRunner.query(`ALTER TABLE "places" DROP CONSTRAINT "FK_0b809a6495e707a9ad218a6bba7"`);
        await queryRunner.query(`ALTER TABLE "perpetrator_positions" DROP CONSTRAINT "FK_df8fbe83c43b3ddecece910cd74"`);
        await queryRunner.query(`ALTER TABLE "perpetrator_positions" DROP CONSTRAINT "FK_e35baae1571dbed00d3ee526aa0"`);
        await queryRunner.query(`ALTER TABLE "perpetrators" DROP CONSTRAINT "FK_c1a3b5c812a3e2840a081b3d482"`);
        await queryRunner.query(`ALTER TABLE "perpetrators" DROP CONSTRAINT "FK_bc759b9a8bbb09e3f20f8c9dcde"`);
        await queryRunner.query(`ALTER TABLE "perpetrators" DROP CONSTRAINT "FK_6e8f52928ce8252a146c5028891"`);
        await queryRunner.query(`ALTER TABLE "import_row_errors" DROP CONSTRAINT "FK_76c0abbb1912e812817a4157079"`);
        await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "FK_53e3d0864054ff37939eb86202e"`);
        await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "FK_27d60e545ea928030f977a41019"`);
        await queryRunner.query(`DROP TABLE "violation_types"`);
        await queryRunner.query(`DROP INDEX "public"."incident_sources_testimony_idx"`);
        await queryRunner.query(`DROP INDEX "public"."incident_sources_incident_idx"`);
        await queryRunner.query(`DROP TABLE "incident_sources"`);
        await queryRunner.query(`DROP INDEX "public"."incident_perpetrators_perpetrator_idx"`);
        await queryRunner.query(`DROP TABLE "incident_perpetrators"`);
        await queryRunner.query(`DROP INDEX "public"."incident_victims_person_idx"`);
        await queryRunner.query(`DROP INDEX "public"."incident_victims_incident_idx"`);
        await queryRunner.query(`DROP TABLE "incident_victims"`);
        await queryRunner.query(`DROP INDEX "public"."incidents_case_code_unique"`);
        await queryRunner.query(`DROP INDEX "public"."incidents_case_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."incidents_case_date_idx"`);
        await queryRunner.query(`DROP INDEX "public"."incidents_place_idx"`);
        await queryRunner.query(`DROP TABLE "incidents"`);
        await queryRunner.query(`DROP INDEX "public"."place_names_place_name_unique"`);
        await queryRunner.query(`DROP TABLE "place_names"`);
        await queryRunner.query(`DROP INDEX "public"."places_code_unique"`);
        await queryRunner.query(`DROP INDEX "public"."places_kind_idx"`);
        await queryRunner.query(`DROP INDEX "public"."places_parent_idx"`);
        await queryRunner.query(`DROP TABLE "places"`);
        await queryRunner.query(`DROP INDEX "public"."perpetrator_positions_unit_idx"`);
        await queryRunner.query(`DROP INDEX "public"."perpetrator_positions_perpetrator_idx"`);
        await queryRunner.query(`DROP TABLE "perpetrator_positions"`);
        await queryRunner.query(`DROP INDEX "public"."perpetrators_case_code_unique"`);
        await queryRunner.query(`DROP INDEX "public"."perpetrators_case_person_unique"`);
        await queryRunner.query(`DROP INDEX "public"."perpetrators_case_kind_idx"`);
        await queryRunner.query(`DROP INDEX "public"."perpetrators_parent_idx"`);
        await queryRunner.query(`DROP TABLE "perpetrators"`);
        await queryRunner.query(`DROP INDEX "public"."external_refs_entity_idx"`);
        await queryRunner.query(`DROP TABLE "external_refs"`);
        await queryRunner.query(`DROP INDEX "public"."import_row_errors_import_row_idx"`);
        await queryRunner.query(`DROP TABLE "import_row_errors"`);
        await queryRunner.query(`DROP INDEX "public"."imports_case_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."imports_job_idx"`);
        await queryRunner.query(`DROP TABLE "imports"`);
    }

}
