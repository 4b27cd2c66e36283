import { MigrationInterface, QueryRunner } from "typeorm";

// Issue 11, item 5: the value that proves which SILLOK_MASTER_KEY this database was set up with.
// One row at most (id = 1). Migrations cannot know the key, so the row is written at the first
// boot of an api, worker or CLI after this migration (src/database/master-key-check.ts), and
// every later boot compares its own key with it and refuses to start on a mismatch.
export class MasterKeyCheck1795379000000 implements MigrationInterface {
    name = 'MasterKeyCheck1795379000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "master_key_check" ("id" smallint NOT NULL DEFAULT 1, "algorithm" text NOT NULL, "check_value" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_master_key_check" PRIMARY KEY ("id"), CONSTRAINT "CHK_master_key_check_single_row" CHECK ("id" = 1))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "master_key_check"`);
    }
}
