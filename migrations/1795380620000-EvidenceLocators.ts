import { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence locators: the part of a file an item cites (page range, time range, image region), and the file's extent when known. */
export class EvidenceLocators1795380620000 implements MigrationInterface {
  name = 'EvidenceLocators1795380620000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_items" ADD "locator" jsonb`);
    await queryRunner.query(`ALTER TABLE "evidence_items" ADD "media_extent" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence_items" DROP COLUMN "media_extent"`);
    await queryRunner.query(`ALTER TABLE "evidence_items" DROP COLUMN "locator"`);
  }
}
