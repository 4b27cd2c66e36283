import { MigrationInterface, QueryRunner } from "typeorm";

// Redactions (de-identified text + span log, one per transcript version, profile and
// dictionary), per-case sealed redaction terms and custom recipient profiles.

export class Redaction1795377600000 implements MigrationInterface {
    name = 'Redaction1795377600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "redaction_profiles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "name" text NOT NULL, "spec" jsonb NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_43a67ca238d823a906c7741c63a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "redaction_profiles_case_name_unique" ON "redaction_profiles"  ("case_id", "name") `);
        await queryRunner.query(`CREATE TABLE "redaction_terms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "category" text NOT NULL, "ref" text NOT NULL, "term_sealed" bytea NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_077296c084b755efc364ee95876" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "redaction_terms_case_idx" ON "redaction_terms"  ("case_id") `);
        await queryRunner.query(`CREATE TABLE "redactions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "testimony_id" uuid NOT NULL, "transcript_id" uuid NOT NULL, "transcript_version_id" uuid NOT NULL, "source_sha256" text NOT NULL, "profile" text NOT NULL, "dictionary_version" text NOT NULL, "engine_version" text NOT NULL, "config_key" text NOT NULL, "status" text NOT NULL, "redacted_text" text NOT NULL, "redacted_sha256" text NOT NULL, "spans" jsonb NOT NULL, "job_id" uuid, "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_changes" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_f6322614ad1fdaf4a509886aad3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "redactions_status_idx" ON "redactions"  ("status") `);
        await queryRunner.query(`CREATE INDEX "redactions_case_testimony_idx" ON "redactions"  ("case_id", "testimony_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "redactions_idempotency_unique" ON "redactions"  ("transcript_version_id", "config_key") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."redactions_idempotency_unique"`);
        await queryRunner.query(`DROP INDEX "public"."redactions_case_testimony_idx"`);
        await queryRunner.query(`DROP INDEX "public"."redactions_status_idx"`);
        await queryRunner.query(`DROP TABLE "redactions"`);
        await queryRunner.query(`DROP INDEX "public"."redaction_terms_case_idx"`);
        await queryRunner.query(`DROP TABLE "redaction_terms"`);
        await queryRunner.query(`DROP INDEX "public"."redaction_profiles_case_name_unique"`);
        await queryRunner.query(`DROP TABLE "redaction_profiles"`);
    }

}
