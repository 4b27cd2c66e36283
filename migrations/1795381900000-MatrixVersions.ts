import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-case counter of what the matrix reads: bumped in the writing transaction by statement-level
 * triggers on evidence_links (counts, strongest link) and evidence_items (item count, item codes).
 * The api caches the matrix data of a case under this version, so repeated reads between changes
 * skip the aggregate scan; any committed change gives a new version, on every replica.
 */
const TABLES = ['evidence_links', 'evidence_items'] as const;

export class MatrixVersions1795381900000 implements MigrationInterface {
  name = 'MatrixVersions1795381900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE case_matrix_versions (case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE, version bigint NOT NULL DEFAULT 1)`);
    const bump = (source: string) => `INSERT INTO case_matrix_versions AS v (case_id) SELECT DISTINCT case_id FROM ${source} ON CONFLICT (case_id) DO UPDATE SET version = v.version + 1`;
    await queryRunner.query(`CREATE FUNCTION case_matrix_version_bump() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${bump('new_rows')};
        ELSIF TG_OP = 'DELETE' THEN ${bump('old_rows')};
        ELSE ${bump('(SELECT case_id FROM new_rows UNION SELECT case_id FROM old_rows) r')};
        END IF;
        RETURN NULL;
      END $fn$`);
    for (const table of TABLES) {
      await queryRunner.query(`CREATE TRIGGER ${table}_version_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_matrix_version_bump()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_version_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_matrix_version_bump()`);
      await queryRunner.query(`CREATE TRIGGER ${table}_version_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_matrix_version_bump()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const op of ['insert', 'delete', 'update']) await queryRunner.query(`DROP TRIGGER ${table}_version_${op} ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION case_matrix_version_bump()`);
    await queryRunner.query(`DROP TABLE case_matrix_versions`);
  }
}
