import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { createBackup } from 'src/backup/backup';
import { BACKUP_EXIT, BackupError } from 'src/backup/backup-manifest';
import { restoreBackup, RestoreReport } from 'src/backup/restore';
import { AppConfig, ConfigError, loadConfig } from 'src/config/config';
import { MIGRATIONS_GLOB } from 'src/database/data-source-options';
import { startEmbeddedPostgres } from 'src/database/embedded-postgres';

export interface BackupCommandDeps {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  /** This version's migrations; the compiled ones under dist/migrations by default. */
  migrations?: NonNullable<DataSourceOptions['migrations']>;
}

function sillokVersion(): string {
  // src/cli and dist/cli both sit two levels below the package root.
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * The database to work on: DATABASE_URL, else the embedded default of `npm start` — the running
 * one if `npm start` is up, otherwise started here on DATA_DIR for the duration of the command.
 */
async function withDatabase<T>(command: 'backup' | 'restore', config: AppConfig, env: BackupCommandDeps['env'], out: (line: string) => void, work: (url: string) => Promise<T>): Promise<T> {
  if (config.databaseUrl) return work(config.databaseUrl);
  const port = Number(env.EMBEDDED_PG_PORT || 54329);
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/sillok`;
  if (await reachable(url)) {
    out(`DATABASE_URL is not set: using the embedded PostgreSQL running on 127.0.0.1:${port}`);
    return work(url);
  }
  if (command === 'backup' && !existsSync(join(config.dataDir, 'postgres', 'PG_VERSION'))) {
    throw new BackupError(BACKUP_EXIT.noInput, `DATABASE_URL is not set and ${config.dataDir} holds no embedded PostgreSQL: set DATABASE_URL or DATA_DIR`);
  }
  out(`DATABASE_URL is not set: starting the embedded PostgreSQL on 127.0.0.1:${port} (data in ${config.dataDir}/postgres)`);
  const embedded = await startEmbeddedPostgres(config.dataDir, port);
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** Before loadConfig, which would generate a new development key that can never match. */
function restoreKeyProblem(env: BackupCommandDeps['env']): string | null {
  if (env.SILLOK_MASTER_KEY) return null;
  const keyFile = resolve(env.DATA_DIR || './data', 'master.key');
  if (existsSync(keyFile)) return null;
  return `SILLOK_MASTER_KEY is not set and there is no development key file ${keyFile}: set SILLOK_MASTER_KEY to the key the backup was made with, or copy the original master.key there`;
}

function printVerification(report: RestoreReport, out: (line: string) => void): void {
  const v = report.verification;
  if (v.rowCountDifferences === null) out('row counts: not compared (newer migrations changed the data after loading)');
  else if (v.rowCountDifferences.length === 0) out(`row counts: all ${report.manifest.tables.length} tables match the manifest`);
  else for (const d of v.rowCountDifferences) out(`row counts: MISMATCH in ${d.table}: ${d.actual ?? 'missing'} rows, the manifest says ${d.expected}`);
  out(v.audit.ok ? `audit chain: intact, ${v.audit.entriesChecked} entries` : `audit chain: BROKEN at entry ${v.audit.firstBroken?.seq}: ${v.audit.firstBroken?.message}`);
  out(`identities: ${v.identities.checked - v.identities.failed} of ${v.identities.checked} sampled identities decrypt${v.identities.failed ? ' — FAILED' : ''}`);
  out(v.files.mismatched.length === 0 ? `files: all ${v.files.checked} files match their SHA-256` : `files: ${v.files.mismatched.length} of ${v.files.checked} files do NOT match their SHA-256: ${v.files.mismatched.join(', ')}`);
  if (v.missingReferencedFiles.length) out(`files: ${v.missingReferencedFiles.length} files the records refer to are missing: ${v.missingReferencedFiles.join(', ')}`);
}

/** `backup <dir>` and `restore <dir>`: returns the exit code (see BACKUP_EXIT). */
export async function runBackupCommand(command: 'backup' | 'restore', args: string[], deps: BackupCommandDeps): Promise<number> {
  const { env, out } = deps;
  let dir: string;
  try {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new Error('expects exactly one directory');
    dir = resolve(positionals[0]);
  } catch (error) {
    out(`${command}: ${error instanceof Error ? error.message : String(error)}\nUsage: npm run cli -- ${command} <dir>`);
    return BACKUP_EXIT.usage;
  }
  if (command === 'restore') {
    const problem = restoreKeyProblem(env);
    if (problem) {
      out(`restore refused: ${problem}`);
      return BACKUP_EXIT.config;
    }
  }
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    out(error.message);
    return BACKUP_EXIT.config;
  }
  try {
    return await withDatabase(command, config, env, out, async (databaseUrl) => {
      if (command === 'backup') {
        const manifest = await createBackup({ databaseUrl, storageDir: config.storageDir, masterKey: config.masterKey, dir, sillokVersion: sillokVersion() });
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        const bytes = manifest.files.reduce((n, f) => n + f.size, 0);
        out(`backup written to ${dir}: ${manifest.tables.length} tables (${rows} rows), ${manifest.files.length} files (${bytes} bytes), PostgreSQL ${manifest.postgresVersion}`);
        out('The master key is NOT in the backup (only its check value): keep SILLOK_MASTER_KEY safe separately; without it nothing sealed can be restored.');
        return BACKUP_EXIT.ok;
      }
      const report = await restoreBackup({ databaseUrl, storageDir: config.storageDir, masterKey: config.masterKey, dir, migrations: deps.migrations ?? [MIGRATIONS_GLOB], log: out });
      out(`restored ${dir} (made ${report.manifest.createdAt} by Sillok ${report.manifest.sillokVersion})${report.upgradedWith.length ? `, upgraded with ${report.upgradedWith.length} newer migrations` : ''}`);
      printVerification(report, out);
      out(report.verification.ok ? 'verification passed' : 'VERIFICATION FAILED: the data is restored but does not match the backup; do not use this instance before finding out why');
      return report.verification.ok ? BACKUP_EXIT.ok : BACKUP_EXIT.verificationFailed;
    });
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    out(`${command} ${error.exitCode === BACKUP_EXIT.notEmpty || error.exitCode === BACKUP_EXIT.config ? 'refused' : 'failed'}: ${error.message}`);
    return error.exitCode;
  }
}
