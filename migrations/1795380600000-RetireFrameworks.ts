import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A published (or superseded) legal framework version that turned out wrong can be retired by an
 * admin: status `retired`, with when, by whom and why. The guard trigger lets exactly that change
 * through (nothing else of the row may change); content stays frozen as before.
 */
const GUARD = (retire: boolean) => `CREATE OR REPLACE FUNCTION legal_framework_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
        ${retire ? `IF OLD.status IN ('published', 'superseded') AND NEW.status = 'retired'
           AND (to_jsonb(NEW) - ARRAY['status', 'retired_at', 'retired_by', 'retirement_reason', 'updated_at', 'revision']) = (to_jsonb(OLD) - ARRAY['status', 'retired_at', 'retired_by', 'retirement_reason', 'updated_at', 'revision']) THEN
            RETURN NEW;
        END IF;` : ''}
        RAISE EXCEPTION 'legal framework % % is %: a published version never changes; publish a new version', OLD.code, OLD.version, OLD.status USING ERRCODE = 'integrity_constraint_violation';
    END $$`;

export class RetireFrameworks1795380600000 implements MigrationInterface {
  name = 'RetireFrameworks1795380600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "legal_frameworks" DISABLE TRIGGER legal_frameworks_immutable`);
    await queryRunner.query(`ALTER TABLE "legal_frameworks" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "legal_frameworks" ADD "retired_by" uuid`);
    await queryRunner.query(`ALTER TABLE "legal_frameworks" ADD "retirement_reason" text`);
    await queryRunner.query(`ALTER TABLE "legal_frameworks" DROP CONSTRAINT "legal_frameworks_status"`);
    await queryRunner.query(`ALTER TABLE "legal_frameworks" ADD CONSTRAINT "legal_frameworks_status" CHECK ("status" IN ('draft', 'published', 'superseded', 'retired') AND ("status" = 'draft') = ("published_at" IS NULL) AND ("status" = 'retired') = ("retired_at" IS NOT NULL))`);
    await queryRunner.query(GUARD(true));
    await queryRunner.query(`ALTER TABLE "legal_frameworks" ENABLE TRIGGER legal_frameworks_immutable`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "legal_frameworks" DISABLE TRIGGER legal_frameworks_immutable`);
    await queryRunner.query(GUARD(false));
    await queryRunner.query(`ALTER TABLE "legal_frameworks" DROP CONSTRAINT "legal_frameworks_status"`);
    await queryRunner.query(`ALTER TABLE "legal_frameworks" ADD CONSTRAINT "legal_frameworks_status" CHECK ("status" IN ('draft', 'published', 'superseded') AND ("status" = 'draft') = ("published_at" IS NULL))`);
    await queryRunner.query(`ALTER TABLE "legal_frameworks" DROP COLUMN "retirement_reason"`);
    await queryRunner.query(`ALTER TABLE "legal_frameworks" DROP COLUMN "retired_by"`);
    await queryRunner.query(`ALTER TABLE "legal_frameworks" DROP COLUMN "retired_at"`);
    await queryRunner.query(`ALTER TABLE "legal_frameworks" ENABLE TRIGGER legal_frameworks_immutable`);
  }
}
