import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-item disclosure register: one row per testimony, transcript, file, evidence item,
 * incident and person an export carried. Exports built before it have their package-level entry
 * in the audit log (export.disclosure) only.
 */
export class DisclosureRegister1795380300000 implements MigrationInterface {
  name = 'DisclosureRegister1795380300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "disclosures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "export_id" uuid NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "subject_code" text NOT NULL, "testimony_id" uuid, "person_code" text, "disclosed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_891a486784239e16ba51491fd1c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "disclosures_export_idx" ON "disclosures"  ("export_id") `);
    await queryRunner.query(`CREATE INDEX "disclosures_case_person_idx" ON "disclosures"  ("case_id", "person_code") `);
    await queryRunner.query(`CREATE INDEX "disclosures_case_testimony_idx" ON "disclosures"  ("case_id", "testimony_id") `);
    await queryRunner.query(`CREATE INDEX "disclosures_case_subject_idx" ON "disclosures"  ("case_id", "subject_type", "subject_id") `);
    await queryRunner.query(`ALTER TABLE "disclosures" ADD CONSTRAINT "FK_4557c773fcee590a73e04d129e4" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "disclosures" ADD CONSTRAINT "FK_9d66d2b78690900996e13c64b79" FOREIGN KEY ("export_id") REFERENCES "exports"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "disclosures" DROP CONSTRAINT "FK_9d66d2b78690900996e13c64b79"`);
    await queryRunner.query(`ALTER TABLE "disclosures" DROP CONSTRAINT "FK_4557c773fcee590a73e04d129e4"`);
    await queryRunner.query(`DROP INDEX "public"."disclosures_case_subject_idx"`);
    await queryRunner.query(`DROP INDEX "public"."disclosures_case_testimony_idx"`);
    await queryRunner.query(`DROP INDEX "public"."disclosures_case_person_idx"`);
    await queryRunner.query(`DROP INDEX "public"."disclosures_export_idx"`);
    await queryRunner.query(`DROP TABLE "disclosures"`);
  }
}
