import { MigrationInterface, QueryRunner } from "typeorm";

// Reviewers' comments when a redaction is sent back (status "returned", a text column: no schema
// change for the status itself).

export class RedactionReturn1795379300000 implements MigrationInterface {
    name = 'RedactionReturn1795379300000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "redaction_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "redaction_id" uuid NOT NULL, "author_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8eadbc9ef764e157dfd9b683e69" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "redaction_comments_redaction_idx" ON "redaction_comments"  ("redaction_id", "created_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."redaction_comments_redaction_idx"`);
        await queryRunner.query(`DROP TABLE "redaction_comments"`);
    }

}
