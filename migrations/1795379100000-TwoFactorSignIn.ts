import { MigrationInterface, QueryRunner } from "typeorm";

// Issue 11 items 6 and 7. Sign-in throttling by account, client address and their pair replaces
// the counter keyed by e-mail alone: the old rows are dropped with their table (they only held
// counts and locks of at most LOGIN_LOCK_SECONDS). Two-factor sign-in: sealed TOTP secrets,
// recovery codes kept as keyed hashes, a one-row policy (nobody required at first), the moment a
// user turned it on, and whether a session proved a second factor.
export class TwoFactorSignIn1795379100000 implements MigrationInterface {
    name = 'TwoFactorSignIn1795379100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "login_throttle"`);
        await queryRunner.query(`CREATE TABLE "login_throttle" ("scope" text NOT NULL, "key_hash" text NOT NULL, "account_ref" text, "address_ref" text, "user_id" uuid, "failures" integer NOT NULL DEFAULT '0', "second_factor_failures" integer NOT NULL DEFAULT '0', "refused" integer NOT NULL DEFAULT '0', "reported_failures" integer NOT NULL DEFAULT '0', "reported_refused" integer NOT NULL DEFAULT '0', "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "login_throttle_scope" CHECK ("scope" IN ('account', 'address', 'pair')), CONSTRAINT "PK_f02deeb8aa4bbea18b209bb8e75" PRIMARY KEY ("scope", "key_hash"))`);
        await queryRunner.query(`CREATE INDEX "login_throttle_window_idx" ON "login_throttle"  ("window_started_at") `);
        await queryRunner.query(`CREATE TABLE "user_totp_secrets" ("user_id" uuid NOT NULL, "secret_sealed" bytea NOT NULL, "last_time_step" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b81ec37e0fbf8135d1c81e48d8e" PRIMARY KEY ("user_id"))`);
        await queryRunner.query(`CREATE TABLE "user_recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_411939add58ed0eceffd39973cf" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "user_recovery_codes_user_code_unique" ON "user_recovery_codes"  ("user_id", "code_hash") `);
        await queryRunner.query(`CREATE TABLE "two_factor_policy" ("id" smallint NOT NULL, "required_for_all" boolean NOT NULL DEFAULT false, "required_roles" text array NOT NULL DEFAULT '{}', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "two_factor_policy_single_row" CHECK ("id" = 1), CONSTRAINT "PK_10356fa2c161d40545ab5108b39" PRIMARY KEY ("id"))`);
        await queryRunner.query(`INSERT INTO "two_factor_policy" ("id", "version") VALUES (1, 1)`);
        await queryRunner.query(`ALTER TABLE "users" ADD "two_factor_enabled_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "sessions" ADD "second_factor_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "user_totp_secrets" ADD CONSTRAINT "FK_b81ec37e0fbf8135d1c81e48d8e" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "user_recovery_codes" ADD CONSTRAINT "FK_f659216e26d0ef1238379cbf40c" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "user_recovery_codes" DROP CONSTRAINT "FK_f659216e26d0ef1238379cbf40c"`);
        await queryRunner.query(`ALTER TABLE "user_totp_secrets" DROP CONSTRAINT "FK_b81ec37e0fbf8135d1c81e48d8e"`);
        await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "second_factor_at"`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "two_factor_enabled_at"`);
        await queryRunner.query(`DROP TABLE "two_factor_policy"`);
        await queryRunner.query(`DROP INDEX "public"."user_recovery_codes_user_code_unique"`);
        await queryRunner.query(`DROP TABLE "user_recovery_codes"`);
        await queryRunner.query(`DROP TABLE "user_totp_secrets"`);
        await queryRunner.query(`DROP TABLE "login_throttle"`);
        await queryRunner.query(`CREATE TABLE "login_throttle" ("email_hash" text NOT NULL, "failures" integer NOT NULL DEFAULT '0', "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_02c312dd2cb9b95efdebee8be14" PRIMARY KEY ("email_hash"))`);
    }
}
