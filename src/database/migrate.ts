import { DataSource, DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from 'src/database/data-source-options';

// Any fixed 64-bit number; every replica of api and worker takes the same lock.
export const MIGRATION_LOCK_KEY = 74_110_001;

/**
 * Runs pending migrations while holding a session-level advisory lock, so any number of api and
 * worker replicas can start together and exactly one of them migrates.
 */
export async function runMigrations(databaseUrl: string, overrides: Partial<DataSourceOptions> = {}): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl, overrides), extra: { max: 2 } } as DataSourceOptions);
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
