import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, DataSourceOptions, MigrationExecutor, MigrationInterface, QueryRunner } from 'typeorm';
import type { AuditVerification } from 'src/audit/audit.service';
import { standaloneAudit } from 'src/audit/standalone-audit';
import { copyFileHashed, emptyDirectory, exists, isMissingOrEmpty, sha256OfFile } from 'src/backup/backup-files';
import { listTables } from 'src/backup/backup';
import {
  BACKUP_EXIT,
  BackupError,
  BackupManifest,
  FILES_SUBDIR,
  isSafeStoreKey,
  MANIFEST_FILE,
  parseManifest,
  planMigrations,
  quoteIdent,
  rowCountDifferences,
  TableComparison,
} from 'src/backup/backup-manifest';
import { open, unwrapDataKey } from 'src/common/crypto/envelope';
import { KEY_CHECK_ALGORITHM, matchesKeyCheck } from 'src/common/crypto/key-check';
import { dataSourceOptions } from 'src/database/data-source-options';
import { MIGRATION_LOCK_KEY } from 'src/database/migrate';
import { identityAad } from 'src/people/identity-aad';

export interface RestoreOptions {
  databaseUrl: string;
  storageDir: string;
  masterKey: Buffer;
  dir: string;
  /** This version's migrations, as TypeORM's `migrations` option takes them (classes or compiled files). */
  migrations: NonNullable<DataSourceOptions['migrations']>;
  /** How many sealed identities to decrypt after restoring (default 25; all when fewer). */
  identitySample?: number;
  log?: (line: string) => void;
}

export interface RestoreVerification {
  ok: boolean;
  /** Tables whose count differs from the manifest; null when newer migrations ran after the load (counts may then change legitimately). */
  rowCountDifferences: TableComparison[] | null;
  audit: AuditVerification;
  /** personIds: whose identity was opened for the check (recorded in the audit log, as every identity read is). */
  identities: { checked: number; failed: number; personIds: string[] };
  files: { checked: number; mismatched: string[] };
  /** Storage keys the restored rows refer to that are not in the file store. */
  missingReferencedFiles: string[];
}

export interface RestoreReport {
  manifest: BackupManifest;
  /** Migrations of this version the backup did not have, run after loading its data. */
  upgradedWith: string[];
  verification: RestoreVerification;
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const why = (await exists(dir)) ? `has no ${MANIFEST_FILE} (an incomplete backup, or not a backup directory)` : 'does not exist';
    throw new BackupError(BACKUP_EXIT.noInput, `the backup directory ${dir} ${why}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError(BACKUP_EXIT.badBackup, `the backup's ${MANIFEST_FILE} is not valid JSON`);
  }
  return parseManifest(raw);
}

/** Every dump and every file in the backup must hash to what the manifest says, before anything is written. */
export async function checkBackupIntegrity(dir: string, manifest: BackupManifest): Promise<void> {
  const parts = [...manifest.tables.map((t) => ({ path: t.file, sha256: t.sha256 })), ...manifest.files.map((f) => ({ path: `${FILES_SUBDIR}/${f.key}`, sha256: f.sha256 }))];
  for (const part of parts) {
    let actual: string;
    try {
      actual = (await sha256OfFile(join(dir, part.path))).sha256;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupError(BACKUP_EXIT.badBackup, `the backup is damaged: ${part.path} is missing`);
      throw error;
    }
    if (actual !== part.sha256) throw new BackupError(BACKUP_EXIT.badBackup, `the backup is damaged: ${part.path} does not match its SHA-256 in the manifest`);
  }
}

function migrationName(migration: MigrationInterface): string {
  return migration.name || migration.constructor.name;
}

/**
 * Restores a backup into an empty database and an empty file store, then verifies the result.
 *
 * Refuses, before writing anything: a damaged backup, a configured master key other than the
 * backup's, a backup from a newer version, a database with any relation in schema public, a file
 * store with anything in it. Then, in one transaction on one connection: the backup's own
 * migrations build its schema, every table is emptied of what the migrations seeded and loaded
 * with `COPY … FROM STDIN` (triggers and foreign-key checks off for the load with
 * `session_replication_role = replica`, as the data comes from one consistent snapshot), the
 * sequences are set, this version's newer migrations (if any) run, and the files are copied in.
 * Any failure rolls the whole transaction back and empties the file store again.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const log = options.log ?? (() => undefined);
  const manifest = await readManifest(options.dir);
  await checkBackupIntegrity(options.dir, manifest);
  if (manifest.masterKeyCheck.algorithm !== KEY_CHECK_ALGORITHM) throw new BackupError(BACKUP_EXIT.badBackup, `the backup's master key check uses "${manifest.masterKeyCheck.algorithm}", which this version cannot verify`);
  if (!matchesKeyCheck(options.masterKey, Buffer.from(manifest.masterKeyCheck.value, 'hex'))) {
    throw new BackupError(BACKUP_EXIT.config, 'SILLOK_MASTER_KEY does not match the key the backup is sealed with: nothing in it could be opened. Configure the original key.');
  }
  const storeExisted = await exists(options.storageDir);
  if (!(await isMissingOrEmpty(options.storageDir))) throw new BackupError(BACKUP_EXIT.notEmpty, `the file store ${options.storageDir} is not empty; restore into an empty STORAGE_DIR`);

  const base = { ...dataSourceOptions(options.databaseUrl), extra: { max: 1, application_name: 'sillok-restore' } } as DataSourceOptions;
  const current = new DataSource({ ...base, migrations: options.migrations } as DataSourceOptions);
  await current.initialize();
  let before: DataSource | undefined;
  try {
    const plan = planMigrations(manifest.migrations, current.migrations.map(migrationName));
    const inBackup = new Set(plan.before);
    before = new DataSource({ ...base, migrations: current.migrations.filter((m) => inBackup.has(migrationName(m))).map((m) => m.constructor) } as DataSourceOptions);
    await before.initialize();
    const runner = before.createQueryRunner();
    try {
      await loadInTransaction(runner, before, current, manifest, plan.after, options, storeExisted, log);
    } finally {
      await runner.release();
    }
    log('verifying the restored instance');
    const verification = await verifyRestore(current, manifest, options, plan.after.length === 0);
    // After the checks (so they compare the backup's rows only): the restore and the identities it opened, on the restored chain.
    const restored = standaloneAudit(current, options.masterKey);
    await restored.audit.recordStandalone({
      actorId: null,
      action: 'backup.restored',
      subjectType: 'backup',
      details: {
        backupCreatedAt: manifest.createdAt,
        sillokVersion: manifest.sillokVersion,
        upgradedWith: plan.after,
        verified: verification.ok,
        identitiesOpenedForCheck: verification.identities.personIds,
      },
    });
    await restored.close();
    return { manifest, upgradedWith: plan.after, verification };
  } finally {
    if (before?.isInitialized) await before.destroy();
    await current.destroy();
  }
}

async function loadInTransaction(
  runner: QueryRunner,
  before: DataSource,
  current: DataSource,
  manifest: BackupManifest,
  after: string[],
  options: RestoreOptions,
  storeExisted: boolean,
  log: (line: string) => void,
): Promise<void> {
  const client = (await runner.connect()) as PoolClient;
  await runner.startTransaction();
  try {
    // The lock every starting api and worker takes to migrate: none of them migrates meanwhile.
    await runner.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const [{ relations }] = (await runner.query("SELECT count(*)::int AS relations FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'")) as Array<{ relations: number }>;
    if (relations > 0) throw new BackupError(BACKUP_EXIT.notEmpty, `the target database is not empty (${relations} relations in schema public); restore into a new, empty database`);

    await new MigrationExecutor(before, runner).executePendingMigrations();
    log(`schema built with the backup's ${manifest.migrations.length} migrations`);
    try {
      await runner.query("SET LOCAL session_replication_role = 'replica'");
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error;
      throw new BackupError(
        BACKUP_EXIT.config,
        'the database role may not set session_replication_role, which the restore needs to load rows with triggers off: restore as a superuser, or on PostgreSQL 15+ run GRANT SET ON PARAMETER session_replication_role TO <role>',
      );
    }
    const target = new Map((await listTables(client)).map((t) => [t.name, new Set(t.columns)]));
    for (const table of manifest.tables) {
      const columns = target.get(table.name);
      if (!columns) throw new BackupError(BACKUP_EXIT.badBackup, `the backup has table ${table.name}, which its own migrations did not create`);
      const unknown = table.columns.filter((c) => !columns.has(c));
      if (unknown.length) throw new BackupError(BACKUP_EXIT.badBackup, `the backup's table ${table.name} has columns its migrations did not create: ${unknown.join(', ')}`);
    }
    // Rows the migrations seeded (legal frameworks, vocabularies) are in the backup too, as they were then.
    await runner.query(`TRUNCATE ${manifest.tables.map((t) => quoteIdent(t.name)).join(', ')}`);
    for (const table of manifest.tables) {
      const copy = client.query(copyFrom(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) FROM STDIN`));
      await pipeline(createReadStream(join(options.dir, table.file)), createGunzip(), copy);
      if (copy.rowCount !== table.rows) throw new BackupError(BACKUP_EXIT.badBackup, `table ${table.name}: loaded ${copy.rowCount} rows, the manifest says ${table.rows}`);
    }
    log(`loaded ${manifest.tables.length} tables`);
    for (const sequence of manifest.sequences) {
      if (sequence.lastValue === null) continue;
      await runner.query('SELECT setval($1::regclass, $2::bigint, true)', [`public.${quoteIdent(sequence.name)}`, sequence.lastValue]);
    }
    await runner.query("SET LOCAL session_replication_role = 'origin'");
    if (after.length) {
      await new MigrationExecutor(current, runner).executePendingMigrations();
      log(`upgraded with ${after.length} newer migrations: ${after.join(', ')}`);
    }
    for (const file of manifest.files) {
      const copied = await copyFileHashed(join(options.dir, FILES_SUBDIR, file.key), join(options.storageDir, file.key));
      if (copied.sha256 !== file.sha256) throw new BackupError(BACKUP_EXIT.badBackup, `the backup is damaged: ${FILES_SUBDIR}/${file.key} changed while it was being restored`);
    }
    log(`copied ${manifest.files.length} files`);
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction().catch(() => undefined);
    await emptyDirectory(options.storageDir, storeExisted);
    throw error;
  }
}

/**
 * Checks the restored instance on fresh connections: row counts, the audit chain, a sample of
 * sealed identities opened with the configured key (nothing of them is kept or printed), every
 * file's SHA-256, and that every stored file the rows refer to exists.
 */
export async function verifyRestore(dataSource: DataSource, manifest: BackupManifest, options: Pick<RestoreOptions, 'storageDir' | 'masterKey' | 'identitySample'>, compareCounts: boolean): Promise<RestoreVerification> {
  let differences: TableComparison[] | null = null;
  if (compareCounts) {
    const counts = new Map<string, number>();
    for (const table of manifest.tables) {
      const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM ${quoteIdent(table.name)}`)) as Array<{ n: number }>;
      counts.set(table.name, n);
    }
    differences = rowCountDifferences(manifest, counts);
  }

  const chain = standaloneAudit(dataSource, options.masterKey);
  let audit: AuditVerification;
  try {
    audit = await chain.audit.verify();
  } finally {
    await chain.close();
  }

  const sample = (await dataSource.query(
    `SELECT p.id, p.case_id, p.identity_sealed, c.wrapped_data_key
       FROM people p JOIN cases c ON c.id = p.case_id
      WHERE p.identity_sealed IS NOT NULL
      ORDER BY random() LIMIT $1`,
    [options.identitySample ?? 25],
  )) as Array<{ id: string; case_id: string; identity_sealed: Buffer; wrapped_data_key: Buffer }>;
  let failed = 0;
  for (const person of sample) {
    try {
      JSON.parse(open(unwrapDataKey(options.masterKey, person.wrapped_data_key, person.case_id), person.identity_sealed, identityAad(person.id)).toString('utf8'));
    } catch {
      failed++;
    }
  }

  const mismatched: string[] = [];
  for (const file of manifest.files) {
    const actual = await sha256OfFile(join(options.storageDir, file.key)).catch(() => null);
    if (!actual || actual.sha256 !== file.sha256 || actual.size !== file.size) mismatched.push(file.key);
  }

  const missing: string[] = [];
  const referencing = (await dataSource.query("SELECT table_name AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'storage_key' ORDER BY 1")) as Array<{ t: string }>;
  for (const { t } of referencing) {
    const keys = (await dataSource.query(`SELECT DISTINCT storage_key AS key FROM ${quoteIdent(t)} WHERE storage_key IS NOT NULL`)) as Array<{ key: string }>;
    for (const { key } of keys) if (!isSafeStoreKey(key) || !(await exists(join(options.storageDir, key)))) missing.push(`${t}: ${key}`);
  }

  const ok = (differences === null || differences.length === 0) && audit.ok && failed === 0 && mismatched.length === 0 && missing.length === 0;
  return { ok, rowCountDifferences: differences, audit, identities: { checked: sample.length, failed, personIds: sample.map((p) => p.id) }, files: { checked: manifest.files.length, mismatched }, missingReferencedFiles: missing };
}
