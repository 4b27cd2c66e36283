import { MigrationInterface, QueryRunner } from "typeorm";

export class Exports1795378800000 implements MigrationInterface {
    name = 'Exports1795378800000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "recipient_kind" text NOT NULL, "recipient_name" text NOT NULL, "recipient_death_penalty" text NOT NULL, "purpose" text NOT NULL, "profile" text NOT NULL, "framework_version_id" uuid, "status" text NOT NULL, "job_id" uuid, "storage_key" text, "package_sha256" text, "size_bytes" bigint, "key_fingerprint" text, "included" jsonb NOT NULL DEFAULT '{}', "excluded_count" integer NOT NULL DEFAULT '0', "excluded" jsonb NOT NULL DEFAULT '[]', "error" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bcf8528d214cbfc68c01f337511" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "exports_case_created_idx" ON "exports"  ("case_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "signing_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "algorithm" text NOT NULL, "public_key_pem" text NOT NULL, "fingerprint" text NOT NULL, "private_key_sealed" bytea NOT NULL, "active" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ab7d78cf6e61dc3904133b4cd55" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "signing_keys_fingerprint_unique" ON "signing_keys"  ("fingerprint") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "signing_keys_one_active" ON "signing_keys"  ("active") WHERE active`);
        await queryRunner.query(`ALTER TABLE "exports" ADD CONSTRAINT "FK_1f173a1628e0a63af86827376af" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "exports" DROP CONSTRAINT "FK_1f173a1628e0a63af86827376af"`);
        await queryRunner.query(`DROP INDEX "public"."signing_keys_one_active"`);
        await queryRunner.query(`DROP INDEX "public"."signing_keys_fingerprint_unique"`);
        await queryRunner.query(`DROP TABLE "signing_keys"`);
        await queryRunner.query(`DROP INDEX "public"."exports_case_created_idx"`);
        await queryRunner.query(`DROP TABLE "exports"`);
    }

}
