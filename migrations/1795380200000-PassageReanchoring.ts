import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A transcript passage (evidence item or incident source) whose words were changed by a new version of its transcript cannot be
 * moved to that version automatically: it is flagged for a person to re-anchor (issue 13 item 3).
 */
export class PassageReanchoring1795380200000 implements MigrationInterface {
  name = 'PassageReanchoring1795380200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "evidence_items" ADD "needs_reanchoring" boolean NOT NULL DEFAULT false');
    await queryRunner.query('ALTER TABLE "incident_sources" ADD "needs_reanchoring" boolean NOT NULL DEFAULT false');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "incident_sources" DROP COLUMN "needs_reanchoring"');
    await queryRunner.query('ALTER TABLE "evidence_items" DROP COLUMN "needs_reanchoring"');
  }
}
