import { MigrationInterface, QueryRunner } from "typeorm";

// Users, sessions, login throttling, the hash-chained audit log (append-only, enforced by
// triggers) and durable job records.

export class Foundation1795374660273 implements MigrationInterface {
    name = 'Foundation1795374660273'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
        await queryRunner.query(`CREATE TABLE "audit_log" ("seq" bigint NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" text NOT NULL, "subject_type" text NOT NULL, "subject_id" text, "case_id" uuid, "details" jsonb NOT NULL, "correlation_id" text, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq"))`);
        await queryRunner.query(`CREATE INDEX "audit_log_action_idx" ON "audit_log"  ("action") `);
        await queryRunner.query(`CREATE INDEX "audit_log_subject_idx" ON "audit_log"  ("subject_id") `);
        await queryRunner.query(`CREATE INDEX "audit_log_case_idx" ON "audit_log"  ("case_id") `);
        await queryRunner.query(`CREATE TABLE "login_throttle" ("email_hash" text NOT NULL, "failures" integer NOT NULL DEFAULT '0', "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_02c312dd2cb9b95efdebee8be14" PRIMARY KEY ("email_hash"))`);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "password_hash" text NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "users_email_unique" ON "users"  ("email") `);
        await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "sessions_user_idx" ON "sessions"  ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "sessions_token_hash_unique" ON "sessions"  ("token_hash") `);
        await queryRunner.query(`CREATE TABLE "jobs" ("id" uuid NOT NULL, "queue" text NOT NULL, "name" text NOT NULL, "status" text NOT NULL, "progress" integer NOT NULL DEFAULT '0', "payload" jsonb NOT NULL, "result" jsonb, "error" text, "attempts" integer NOT NULL DEFAULT '0', "case_id" uuid, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cf0a6c42b72fcc7f7c237def345" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "jobs_status_idx" ON "jobs"  ("status") `);
        await queryRunner.query(`CREATE INDEX "jobs_case_idx" ON "jobs"  ("case_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        // The custody log refuses every change after insert, whoever connects (raw SQL included).
        await queryRunner.query(`CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$`);
        await queryRunner.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
        await queryRunner.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON "audit_log"`);
        await queryRunner.query(`DROP TRIGGER audit_log_append_only ON "audit_log"`);
        await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
        await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
        await queryRunner.query(`DROP INDEX "public"."jobs_case_idx"`);
        await queryRunner.query(`DROP INDEX "public"."jobs_status_idx"`);
        await queryRunner.query(`DROP TABLE "jobs"`);
        await queryRunner.query(`DROP INDEX "public"."sessions_token_hash_unique"`);
        await queryRunner.query(`DROP INDEX "public"."sessions_user_idx"`);
        await queryRunner.query(`DROP TABLE "sessions"`);
        await queryRunner.query(`DROP INDEX "public"."users_email_unique"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP TABLE "login_throttle"`);
        await queryRunner.query(`DROP INDEX "public"."audit_log_case_idx"`);
        await queryRunner.query(`DROP INDEX "public"."audit_log_subject_idx"`);
        await queryRunner.query(`DROP INDEX "public"."audit_log_action_idx"`);
        await queryRunner.query(`DROP TABLE "audit_log"`);
    }

}
