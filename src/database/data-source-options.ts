import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES } from 'src/database/entities';

// Compiled: dist/database → dist/migrations. From source (tests, ts tooling): src/database → migrations.
const compiled = __filename.endsWith('.js');
export const MIGRATIONS_GLOB = compiled
  ? join(__dirname, '..', 'migrations', '[0-9]*-*.js')
  : join(__dirname, '..', '..', 'migrations', '[0-9]*-*.ts');

/** Connection options shared by the api, the worker, the CLI and the TypeORM CLI. */
export function dataSourceOptions(databaseUrl: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ALL_ENTITIES,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migrations',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    logging: false,
    // connectionTimeoutMillis bounds both a new connection and the wait for a free one: past it the
    // request fails as DATABASE_UNAVAILABLE (503) instead of hanging while the database is away.
    extra: { max: 20, application_name: 'sillok', connectionTimeoutMillis: 15_000 },
    ...overrides,
  } as DataSourceOptions;
}
