import { MigrationInterface, QueryRunner } from 'typeorm';

/** "My recent activity" reads the audit log by actor, newest first. */
export class MyWork1795379500000 implements MigrationInterface {
  name = 'MyWork1795379500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "audit_log_actor_seq_idx" ON "audit_log" ("actor_id", "seq") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_log_actor_seq_idx"`);
  }
}
