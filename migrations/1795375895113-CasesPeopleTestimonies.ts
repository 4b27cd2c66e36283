import { MigrationInterface, QueryRunner } from "typeorm";

// Cases with wrapped data keys and membership, the people registry (sealed identities),
// testimonies, versioned transcripts, consent versions, and uploaded files.

export class CasesPeopleTestimonies1795375895113 implements MigrationInterface {
    name = 'CasesPeopleTestimonies1795375895113'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "case_counters" ("case_id" uuid NOT NULL, "name" text NOT NULL, "value" integer NOT NULL, CONSTRAINT "PK_68a75663a3b40ac01c23151fec4" PRIMARY KEY ("case_id", "name"))`);
        await queryRunner.query(`CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text, "status" text NOT NULL, "wrapped_data_key" bytea NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "cases_status_idx" ON "cases"  ("status") `);
        await queryRunner.query(`CREATE TABLE "case_members" ("case_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" text NOT NULL, "identity_clearance" boolean NOT NULL DEFAULT false, "added_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_db3cfab6b5ecea4655df2dbe3ec" PRIMARY KEY ("case_id", "user_id"))`);
        await queryRunner.query(`CREATE INDEX "case_members_user_idx" ON "case_members"  ("user_id") `);
        await queryRunner.query(`CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "code" text NOT NULL, "identity_sealed" bytea, "identity_erased_at" TIMESTAMP WITH TIME ZONE, "identity_erasure_reason" text, "identity_revision" integer NOT NULL DEFAULT '0', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "people_case_kind_idx" ON "people"  ("case_id", "kind") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "people_case_code_unique" ON "people"  ("case_id", "code") `);
        await queryRunner.query(`CREATE TABLE "testimonies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "interviewee_id" uuid NOT NULL, "interviewer_ids" uuid array NOT NULL DEFAULT '{}', "interview_date" text, "interview_date_precision" text NOT NULL, "languages" text array NOT NULL DEFAULT '{}', "modality" text NOT NULL, "risk_level" text NOT NULL, "sensitive_sealed" bytea, "status" text NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_66810cc4e65709c3bb30c5679bd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "testimonies_interviewee_idx" ON "testimonies"  ("interviewee_id") `);
        await queryRunner.query(`CREATE INDEX "testimonies_status_idx" ON "testimonies"  ("status") `);
        await queryRunner.query(`CREATE INDEX "testimonies_case_created_idx" ON "testimonies"  ("case_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "testimony_id" uuid, "kind" text NOT NULL, "media_type" text NOT NULL, "size_bytes" bigint NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "name_sealed" bytea, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c16b9093a142e0e7613b04a3d9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "files_testimony_idx" ON "files"  ("testimony_id") `);
        await queryRunner.query(`CREATE INDEX "files_case_sha_idx" ON "files"  ("case_id", "sha256") `);
        await queryRunner.query(`CREATE TABLE "consent_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "testimony_id" uuid NOT NULL, "version" integer NOT NULL, "purposes" text array NOT NULL, "anonymity_required" boolean NOT NULL, "identity_disclosure_allowed" boolean NOT NULL, "no_death_penalty_proceedings" boolean NOT NULL, "recontact_allowed" boolean NOT NULL, "method" text NOT NULL, "taken_by" uuid NOT NULL, "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawal_reason_sealed" bytea, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f11e8982dbcf6f1693771253930" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "consent_versions_unique" ON "consent_versions"  ("testimony_id", "version") `);
        await queryRunner.query(`CREATE TABLE "transcripts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "testimony_id" uuid NOT NULL, "kind" text NOT NULL, "language" text NOT NULL, "latest_version" integer NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_40c75f89c1fc953cd33e702247d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "transcripts_one_original" ON "transcripts"  ("testimony_id") WHERE kind = 'original'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "transcripts_testimony_language_unique" ON "transcripts"  ("testimony_id", "kind", "language") `);
        await queryRunner.query(`CREATE TABLE "transcript_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "transcript_id" uuid NOT NULL, "version" integer NOT NULL, "text_sealed" bytea NOT NULL, "text_length" integer NOT NULL, "text_sha256" text NOT NULL, "translates_version_id" uuid, "note" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b5c4df885f3b7ef4ffebcd46fc9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "transcript_versions_unique" ON "transcript_versions"  ("transcript_id", "version") `);
        await queryRunner.query(`ALTER TABLE "case_members" ADD CONSTRAINT "FK_2f3796489448d86521a69e096df" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "case_members" ADD CONSTRAINT "FK_49aa234accd4cb17825dde3d332" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "people" ADD CONSTRAINT "FK_b3101c5bb681017e39c0478e6c5" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "testimonies" ADD CONSTRAINT "FK_e9bd1da4bad7e33e4b247b0b810" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "testimonies" ADD CONSTRAINT "FK_eac3bf884092f4a719e07062e98" FOREIGN KEY ("interviewee_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "files" ADD CONSTRAINT "FK_3b878be4cbd784bd0e6471ee866" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "files" ADD CONSTRAINT "FK_eb8bf06e473819a66097162d40d" FOREIGN KEY ("testimony_id") REFERENCES "testimonies"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "consent_versions" ADD CONSTRAINT "FK_daa68ba399eefb4cca7c3b8b88f" FOREIGN KEY ("testimony_id") REFERENCES "testimonies"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "transcripts" ADD CONSTRAINT "FK_5024c026cc7a6413941addc2a28" FOREIGN KEY ("testimony_id") REFERENCES "testimonies"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "transcript_versions" ADD CONSTRAINT "FK_27ba025c96d2660304590401911" FOREIGN KEY ("transcript_id") REFERENCES "transcripts"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "transcript_versions" DROP CONSTRAINT "FK_27ba025c96d2660304590401911"`);
        await queryRunner.query(`ALTER TABLE "transcripts" DROP CONSTRAINT "FK_5024c026cc7a6413941addc2a28"`);
        await queryRunner.query(`ALTER TABLE "consent_versions" DROP CONSTRAINT "FK_daa68ba399eefb4cca7c3b8b88f"`);
        await queryRunner.query(`ALTER TABLE "files" DROP CONSTRAINT "FK_eb8bf06e473819a66097162d40d"`);
        await queryRunner.query(`ALTER TABLE "files" DROP CONSTRAINT "FK_3b878be4cbd784bd0e6471ee866"`);
        await queryRunner.query(`ALTER TABLE "testimonies" DROP CONSTRAINT "FK_eac3bf884092f4a719e07062e98"`);
        await queryRunner.query(`ALTER TABLE "testimonies" DROP CONSTRAINT "FK_e9bd1da4bad7e33e4b247b0b810"`);
        await queryRunner.query(`ALTER TABLE "people" DROP CONSTRAINT "FK_b3101c5bb681017e39c0478e6c5"`);
        await queryRunner.query(`ALTER TABLE "case_members" DROP CONSTRAINT "FK_49aa234accd4cb17825dde3d332"`);
        await queryRunner.query(`ALTER TABLE "case_members" DROP CONSTRAINT "FK_2f3796489448d86521a69e096df"`);
        await queryRunner.query(`DROP INDEX "public"."transcript_versions_unique"`);
        await queryRunner.query(`DROP TABLE "transcript_versions"`);
        await queryRunner.query(`DROP INDEX "public"."transcripts_testimony_language_unique"`);
        await queryRunner.query(`DROP INDEX "public"."transcripts_one_original"`);
        await queryRunner.query(`DROP TABLE "transcripts"`);
        await queryRunner.query(`DROP INDEX "public"."consent_versions_unique"`);
        await queryRunner.query(`DROP TABLE "consent_versions"`);
        await queryRunner.query(`DROP INDEX "public"."files_case_sha_idx"`);
        await queryRunner.query(`DROP INDEX "public"."files_testimony_idx"`);
        await queryRunner.query(`DROP TABLE "files"`);
        await queryRunner.query(`DROP INDEX "public"."testimonies_case_created_idx"`);
        await queryRunner.query(`DROP INDEX "public"."testimonies_status_idx"`);
        await queryRunner.query(`DROP INDEX "public"."testimonies_interviewee_idx"`);
        await queryRunner.query(`DROP TABLE "testimonies"`);
        await queryRunner.query(`DROP INDEX "public"."people_case_code_unique"`);
        await queryRunner.query(`DROP INDEX "public"."people_case_kind_idx"`);
        await queryRunner.query(`DROP TABLE "people"`);
        await queryRunner.query(`DROP INDEX "public"."case_members_user_idx"`);
        await queryRunner.query(`DROP TABLE "case_members"`);
        await queryRunner.query(`DROP INDEX "public"."cases_status_idx"`);
        await queryRunner.query(`DROP TABLE "cases"`);
        await queryRunner.query(`DROP TABLE "case_counters"`);
    }

}
