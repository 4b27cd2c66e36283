import { MigrationInterface, QueryRunner } from 'typeorm';

// Web application (issue 15): the interface language a user chose, remembered per user. NULL means
// "not chosen": the browser's language decides.
export class UserLanguage1795379200000 implements MigrationInterface {
  name = 'UserLanguage1795379200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "language" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "users_language_check" CHECK (language IN ('ko', 'en'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_language_check"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "language"`);
  }
}
