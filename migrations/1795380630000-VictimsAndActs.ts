import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who did what to whom: acts per victim within an incident (violation type, perpetrators, date
 * with precision, place), and victims' non-identifying attributes (sex, age group at the time,
 * status categories), enumerations only, outside the sealed identity.
 */
export class VictimsAndActs1795380630000 implements MigrationInterface {
  name = 'VictimsAndActs1795380630000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "victim_attributes" ("person_id" uuid NOT NULL, "case_id" uuid NOT NULL, "sex" text NOT NULL, "age_group" text NOT NULL, "statuses" text array NOT NULL DEFAULT '{}', "recorded_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "victim_attributes_categories" CHECK ("sex" IN ('female', 'male', 'other', 'unknown') AND "age_group" IN ('0-11', '12-17', '18-29', '30-44', '45-59', '60+', 'unknown')), CONSTRAINT "PK_be98ccc2399429646b27ffe04dd" PRIMARY KEY ("person_id"))`);
    await queryRunner.query(`CREATE INDEX "victim_attributes_case_idx" ON "victim_attributes"  ("case_id") `);
    await queryRunner.query(`CREATE TABLE "incident_acts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "incident_id" uuid NOT NULL, "person_id" uuid NOT NULL, "violation_type" text NOT NULL, "perpetrator_ids" uuid array NOT NULL DEFAULT '{}', "date_precision" text NOT NULL, "date_from" text, "date_to" text, "date_start" date, "date_end" date, "place_id" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_5a88564f2fde25ba12d4df7271b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "incident_acts_incident_idx" ON "incident_acts"  ("incident_id") `);
    await queryRunner.query(`CREATE INDEX "incident_acts_person_idx" ON "incident_acts"  ("person_id") `);
    await queryRunner.query(`CREATE INDEX "incident_acts_case_idx" ON "incident_acts"  ("case_id", "violation_type") `);
    await queryRunner.query(`ALTER TABLE "victim_attributes" ADD CONSTRAINT "FK_be98ccc2399429646b27ffe04dd" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "victim_attributes" ADD CONSTRAINT "FK_8b70895dbf7688ad3201e49c986" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "incident_acts" ADD CONSTRAINT "FK_ac80d9cf77d40fded84bda9967d" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "incident_acts" ADD CONSTRAINT "FK_ddc99aafb4b6395d47701f88f61" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "incident_acts" ADD CONSTRAINT "FK_325aff34d8846e814bdfdea9d03" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "incident_acts" ADD CONSTRAINT "FK_f5275d48b0ab161313ab17f7d3b" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    // Statuses are enumerations too (the API checks them; the database refuses anything else).
    await queryRunner.query(`ALTER TABLE "victim_attributes" ADD CONSTRAINT "victim_attributes_statuses" CHECK ("statuses" <@ ARRAY['repatriated_detainee', 'border_crosser', 'christian', 'other_religious_believer', 'family_member_of_defector', 'family_member_of_detainee', 'political_prisoner', 'abductee_foreign_national', 'returnee_from_japan', 'low_songbun', 'child_born_in_detention', 'woman_trafficked', 'other']::text[])`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "victim_attributes" DROP CONSTRAINT "victim_attributes_statuses"`);
    await queryRunner.query(`ALTER TABLE "incident_acts" DROP CONSTRAINT "FK_f5275d48b0ab161313ab17f7d3b"`);
    await queryRunner.query(`ALTER TABLE "incident_acts" DROP CONSTRAINT "FK_325aff34d8846e814bdfdea9d03"`);
    await queryRunner.query(`ALTER TABLE "incident_acts" DROP CONSTRAINT "FK_ddc99aafb4b6395d47701f88f61"`);
    await queryRunner.query(`ALTER TABLE "incident_acts" DROP CONSTRAINT "FK_ac80d9cf77d40fded84bda9967d"`);
    await queryRunner.query(`ALTER TABLE "victim_attributes" DROP CONSTRAINT "FK_8b70895dbf7688ad3201e49c986"`);
    await queryRunner.query(`ALTER TABLE "victim_attributes" DROP CONSTRAINT "FK_be98ccc2399429646b27ffe04dd"`);
    await queryRunner.query(`DROP TABLE "incident_acts"`);
    await queryRunner.query(`DROP TABLE "victim_attributes"`);
  }
}
