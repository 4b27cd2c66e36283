import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource, DataSourceOptions } from 'typeorm';
import { standaloneAudit } from 'src/audit/standalone-audit';
import { copyFileHashed, hashingTap, isMissingOrEmpty, listStoreKeys, syncFile } from 'src/backup/backup-files';
import {
  BACKUP_EXIT,
  BACKUP_FORMAT,
  BackupError,
  BackupManifest,
  DATABASE_SUBDIR,
  FILES_SUBDIR,
  MANIFEST_FILE,
  ManifestFile,
  ManifestSequence,
  ManifestTable,
  quoteIdent,
} from 'src/backup/backup-manifest';
import { DecryptionError, unwrapDataKey } from 'src/common/crypto/envelope';
import { KEY_CHECK_ALGORITHM, masterKeyCheckValue, matchesKeyCheck } from 'src/common/crypto/key-check';
import { dataSourceOptions } from 'src/database/data-source-options';

export interface BackupOptions {
  databaseUrl: string;
  storageDir: string;
  masterKey: Buffer;
  /** Where to write; must be missing or empty. */
  dir: string;
  sillokVersion: string;
  /** Progress lines (never data). */
  log?: (line: string) => void;
}

interface TableInfo {
  name: string;
  columns: string[];
}

/**
 * Writes a consistent snapshot of the database and the file store to `dir`.
 *
 * The database is read in one REPEATABLE READ READ ONLY transaction, so every table is dumped as
 * of one instant while the api keeps serving; each table goes out with `COPY … TO STDOUT` (text
 * format, which any PostgreSQL version reads back) through pg-copy-streams, gzipped. The file store
 * is copied after the snapshot is taken: a file is written before the row that refers to it
 * commits and stored files are never removed, so every file the snapshot refers to is there.
 * The master key is checked against the database's check value and only that value is kept.
 * The manifest is written last; a directory without one is an incomplete backup. Then the audit
 * log records that a backup was taken (the entry itself is not in that backup).
 */
export async function createBackup(options: BackupOptions): Promise<BackupManifest> {
  const log = options.log ?? (() => undefined);
  if (!(await isMissingOrEmpty(options.dir))) throw new BackupError(BACKUP_EXIT.notEmpty, `the backup directory ${options.dir} is not empty; give a new or empty directory`);
  await mkdir(join(options.dir, DATABASE_SUBDIR), { recursive: true, mode: 0o700 });

  const client = new Client({ connectionString: options.databaseUrl, application_name: 'sillok-backup' });
  await client.connect();
  let database: Pick<BackupManifest, 'postgresVersion' | 'migrations' | 'masterKeyCheck' | 'tables' | 'sequences'>;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const postgresVersion = (await client.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version'])).rows[0].v;
    const migrations = await appliedMigrations(client);
    const masterKeyCheck = await checkMasterKey(client, options.masterKey);
    const tables: ManifestTable[] = [];
    for (const table of await listTables(client)) {
      tables.push(await dumpTable(client, table, options.dir));
      log(`table ${table.name}: ${tables[tables.length - 1].rows} rows`);
    }
    const sequences = await readSequences(client);
    await client.query('COMMIT');
    database = { postgresVersion, migrations, masterKeyCheck, tables, sequences };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }

  const files: ManifestFile[] = [];
  for (const key of await listStoreKeys(options.storageDir)) {
    const copied = await copyFileHashed(join(options.storageDir, key), join(options.dir, FILES_SUBDIR, key));
    files.push({ key, ...copied });
  }
  log(`file store: ${files.length} files`);

  const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), sillokVersion: options.sillokVersion, ...database, files };
  const tmp = join(options.dir, `${MANIFEST_FILE}.partial`);
  await writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  await syncFile(tmp);
  await rename(tmp, join(options.dir, MANIFEST_FILE));
  await recordBackupAudit(options.databaseUrl, options.masterKey, manifest);
  return manifest;
}

/** A full copy of the sealed data left the database: the log says when (not where to). */
async function recordBackupAudit(databaseUrl: string, masterKey: Buffer, manifest: BackupManifest): Promise<void> {
  const dataSource = new DataSource({ ...dataSourceOptions(databaseUrl), migrations: [], extra: { max: 1, application_name: 'sillok-backup' } } as DataSourceOptions);
  await dataSource.initialize();
  const { audit, close } = standaloneAudit(dataSource, masterKey);
  try {
    await audit.recordStandalone({
      actorId: null,
      action: 'backup.created',
      subjectType: 'backup',
      details: { createdAt: manifest.createdAt, tables: manifest.tables.length, rows: manifest.tables.reduce((n, t) => n + t.rows, 0), files: manifest.files.length },
    });
  } finally {
    await close();
    await dataSource.destroy();
  }
}

async function appliedMigrations(client: Client): Promise<string[]> {
  const table = await client.query("SELECT to_regclass('public.migrations') IS NOT NULL AS present");
  if (!table.rows[0].present) throw new BackupError(BACKUP_EXIT.config, 'the database has no migrations table: it is not a Sillok database (check DATABASE_URL)');
  const rows = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
  return rows.rows.map((r) => r.name);
}

/**
 * The configured master key must be the one the data is sealed with (else the backup could never
 * be restored by whoever runs it with this configuration); the manifest keeps only the check value.
 */
async function checkMasterKey(client: Client, masterKey: Buffer): Promise<BackupManifest['masterKeyCheck']> {
  const mismatch = () =>
    new BackupError(BACKUP_EXIT.config, 'SILLOK_MASTER_KEY does not match the key this database was set up with: the backup would be sealed under a key you do not hold. Configure the original key.');
  const stored = await client.query<{ algorithm: string; check_value: Buffer }>('SELECT algorithm, check_value FROM master_key_check WHERE id = 1');
  if (stored.rowCount) {
    const row = stored.rows[0];
    if (row.algorithm !== KEY_CHECK_ALGORITHM) throw new BackupError(BACKUP_EXIT.config, `master_key_check holds an unknown algorithm "${row.algorithm}"`);
    if (!matchesKeyCheck(masterKey, row.check_value)) throw mismatch();
    return { algorithm: row.algorithm, value: row.check_value.toString('hex') };
  }
  // Never booted since the key check was added: the key must at least open the oldest case's data key.
  const oldest = await client.query<{ id: string; wrapped_data_key: Buffer }>('SELECT id, wrapped_data_key FROM cases ORDER BY created_at, id LIMIT 1');
  if (oldest.rowCount) {
    try {
      unwrapDataKey(masterKey, oldest.rows[0].wrapped_data_key, oldest.rows[0].id);
    } catch (error) {
      if (error instanceof DecryptionError) throw mismatch();
      throw error;
    }
  }
  return { algorithm: KEY_CHECK_ALGORITHM, value: masterKeyCheckValue(masterKey).toString('hex') };
}

/** Ordinary tables (and partitions) of schema public, with their stored columns in order. */
export async function listTables(client: Client): Promise<TableInfo[]> {
  const rows = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind = 'r'
      GROUP BY c.relname
      ORDER BY c.relname`,
  );
  return rows.rows;
}

async function dumpTable(client: Client, table: TableInfo, dir: string): Promise<ManifestTable> {
  const file = `${DATABASE_SUBDIR}/${table.name}.copy.gz`;
  const hash = createHash('sha256');
  const tap = hashingTap(hash);
  const copy = client.query(copyTo(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) TO STDOUT`));
  await pipeline(copy, createGzip(), tap, createWriteStream(join(dir, file), { flags: 'wx', mode: 0o600 }));
  await syncFile(join(dir, file));
  return { name: table.name, columns: table.columns, rows: copy.rowCount, file, sha256: hash.digest('hex'), bytes: tap.bytes };
}

async function readSequences(client: Client): Promise<ManifestSequence[]> {
  const names = await client.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname",
  );
  const sequences: ManifestSequence[] = [];
  for (const { name } of names.rows) {
    const state = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${quoteIdent(name)}`);
    sequences.push({ name, lastValue: state.rows[0].is_called ? state.rows[0].last_value : null });
  }
  return sequences;
}
