import { MigrationInterface, QueryRunner } from "typeorm";

// Passages chosen on de-identified text (the redaction, offsets and quote there), evidence links
// sent back by a reviewer (status "returned") and comments on links with their history.

export class ReaderAndReviews1795380800000 implements MigrationInterface {
    name = 'ReaderAndReviews1795380800000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "evidence_link_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "link_id" uuid NOT NULL, "author_id" uuid NOT NULL, "kind" text NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2d0f618bf12a2080083beab0915" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "evidence_link_comments_link_idx" ON "evidence_link_comments"  ("link_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "evidence_items" ADD "redaction_id" uuid`);
        await queryRunner.query(`ALTER TABLE "evidence_items" ADD "redacted_start" integer`);
        await queryRunner.query(`ALTER TABLE "evidence_items" ADD "redacted_end" integer`);
        await queryRunner.query(`ALTER TABLE "evidence_items" ADD "redacted_quote" text`);
        await queryRunner.query(`ALTER TABLE "evidence_links" DROP CONSTRAINT "evidence_links_relation_status"`);
        await queryRunner.query(`ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_relation_status" CHECK ("relation" IN ('supports', 'undermines', 'context') AND "status" IN ('proposed', 'reviewed', 'returned') AND ("status" = 'reviewed') = ("reviewed_by" IS NOT NULL))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`UPDATE "evidence_links" SET "status" = 'proposed' WHERE "status" = 'returned'`);
        await queryRunner.query(`ALTER TABLE "evidence_links" DROP CONSTRAINT "evidence_links_relation_status"`);
        await queryRunner.query(`ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_relation_status" CHECK ("relation" IN ('supports', 'undermines', 'context') AND "status" IN ('proposed', 'reviewed') AND ("status" = 'reviewed') = ("reviewed_by" IS NOT NULL))`);
        await queryRunner.query(`ALTER TABLE "evidence_items" DROP COLUMN "redacted_quote"`);
        await queryRunner.query(`ALTER TABLE "evidence_items" DROP COLUMN "redacted_end"`);
        await queryRunner.query(`ALTER TABLE "evidence_items" DROP COLUMN "redacted_start"`);
        await queryRunner.query(`ALTER TABLE "evidence_items" DROP COLUMN "redaction_id"`);
        await queryRunner.query(`DROP INDEX "public"."evidence_link_comments_link_idx"`);
        await queryRunner.query(`DROP TABLE "evidence_link_comments"`);
    }

}
