import { MigrationInterface, QueryRunner } from "typeorm";

// The audit chain without a global lock: writers insert an entry (content only) in their own
// transaction; a sequencer links committed entries in gap-free order afterwards and signs the
// head (audit_chain_heads). Existing entries keep their positions and hashes: their `id` is
// their `seq`, and new ids continue after them.

export class AuditSequencer1795381600000 implements MigrationInterface {
    name = 'AuditSequencer1795381600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // The row trigger would refuse the carry-over UPDATE; it is replaced below.
        await queryRunner.query(`DROP TRIGGER audit_log_append_only ON "audit_log"`);
        await queryRunner.query(`ALTER TABLE "audit_log" ADD "id" bigint`);
        await queryRunner.query(`UPDATE "audit_log" SET "id" = "seq"`);
        await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "id" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "audit_log" DROP CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e"`);
        await queryRunner.query(`ALTER TABLE "audit_log" ADD CONSTRAINT "PK_2c3ce7e0a4e6ad3c1c0fa7c8d2a" PRIMARY KEY ("id")`);
        await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY`);
        await queryRunner.query(`SELECT setval(pg_get_serial_sequence('audit_log', 'id'), COALESCE((SELECT max("id") FROM "audit_log"), 0) + 1, false)`);
        await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "seq" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "audit_log_seq_unique" ON "audit_log" ("seq") `);
        await queryRunner.query(`CREATE INDEX "audit_log_pending_idx" ON "audit_log" ("id") WHERE "seq" IS NULL`);
        await queryRunner.query(`ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_linked_together" CHECK (("seq" IS NULL) = ("prev_hash" IS NULL) AND ("seq" IS NULL) = ("hash" IS NULL))`);
        // Append-only, except the sequencer's one-time linking of an unlinked entry: it may set
        // seq, prev_hash and hash where they were null, and change nothing else.
        await queryRunner.query(`CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND OLD.prev_hash IS NULL AND OLD.hash IS NULL
     AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
     AND NEW.id = OLD.id AND NEW.occurred_at = OLD.occurred_at AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
     AND NEW.action = OLD.action AND NEW.subject_type = OLD.subject_type AND NEW.subject_id IS NOT DISTINCT FROM OLD.subject_id
     AND NEW.case_id IS NOT DISTINCT FROM OLD.case_id AND NEW.details = OLD.details AND NEW.correlation_id IS NOT DISTINCT FROM OLD.correlation_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_guard()`);

        await queryRunner.query(`CREATE TABLE "audit_chain_heads" ("seq" bigint NOT NULL, "hash" text NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "key_fingerprint" text NOT NULL, "signature" text NOT NULL, CONSTRAINT "PK_audit_chain_heads" PRIMARY KEY ("seq"))`);
        await queryRunner.query(`CREATE FUNCTION audit_chain_heads_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_chain_heads is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$`);
        await queryRunner.query(`CREATE TRIGGER audit_chain_heads_append_only BEFORE UPDATE OR DELETE ON "audit_chain_heads" FOR EACH ROW EXECUTE FUNCTION audit_chain_heads_refuse_change()`);
        await queryRunner.query(`CREATE TRIGGER audit_chain_heads_no_truncate BEFORE TRUNCATE ON "audit_chain_heads" FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_heads_refuse_change()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // Pending entries cannot go back to the locked design: link them (start the app) first.
        await queryRunner.query(`DO $$ BEGIN IF EXISTS (SELECT 1 FROM "audit_log" WHERE "seq" IS NULL) THEN RAISE EXCEPTION 'audit_log has unlinked entries: run the sequencer before reverting'; END IF; END $$`);
        await queryRunner.query(`DROP TABLE "audit_chain_heads"`);
        await queryRunner.query(`DROP FUNCTION audit_chain_heads_refuse_change()`);
        await queryRunner.query(`DROP TRIGGER audit_log_append_only ON "audit_log"`);
        await queryRunner.query(`DROP FUNCTION audit_log_guard()`);
        await queryRunner.query(`ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_linked_together"`);
        await queryRunner.query(`DROP INDEX "public"."audit_log_pending_idx"`);
        await queryRunner.query(`DROP INDEX "public"."audit_log_seq_unique"`);
        await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "hash" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "seq" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "audit_log" DROP CONSTRAINT "PK_2c3ce7e0a4e6ad3c1c0fa7c8d2a"`);
        await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "id"`);
        await queryRunner.query(`ALTER TABLE "audit_log" ADD CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq")`);
        await queryRunner.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    }
}
