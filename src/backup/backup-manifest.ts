/**
 * The backup directory's manifest and the pure decisions around it: what a valid manifest looks
 * like, which migrations a restore runs before and after loading the data, and where a stored
 * file may be written. No database, no file system here.
 */

export const BACKUP_FORMAT = 'sillok-backup/1';
export const MANIFEST_FILE = 'manifest.json';
export const DATABASE_SUBDIR = 'database';
export const FILES_SUBDIR = 'files';

/** Exit codes of `backup` and `restore` (sysexits.h where one fits). */
export const BACKUP_EXIT = {
  ok: 0,
  /** The restore finished but a check after it failed (audit chain, an identity, a file hash). */
  verificationFailed: 1,
  usage: 64,
  /** The backup is damaged, incomplete or from a newer version. */
  badBackup: 65,
  /** The backup directory or its manifest is missing. */
  noInput: 66,
  /** The target (database, file store, or the backup directory for `backup`) is not empty. */
  notEmpty: 73,
  /** The master key does not match, or the configuration is unusable. */
  config: 78,
} as const;

export class BackupError extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
  }
}

export interface ManifestTable {
  name: string;
  /** Columns in the order of the dump (generated columns are left out: the database computes them). */
  columns: string[];
  rows: number;
  /** Relative to the backup directory: COPY text format, gzip. */
  file: string;
  sha256: string;
  bytes: number;
}

export interface ManifestSequence {
  name: string;
  /** null when the sequence was never used. */
  lastValue: string | null;
}

export interface ManifestFile {
  /** The file store key; the copy is at files/<key>. */
  key: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  sillokVersion: string;
  postgresVersion: string;
  /** Names of the applied migrations, in the order they ran. */
  migrations: string[];
  /** Proves which master key the data is sealed with; never the key itself. */
  masterKeyCheck: { algorithm: string; value: string };
  tables: ManifestTable[];
  sequences: ManifestSequence[];
  files: ManifestFile[];
}

const SHA256 = /^[0-9a-f]{64}$/;
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
// The same keys the file store accepts (src/storage/file-store.ts), without any ".." segment.
const STORE_KEY = /^[A-Za-z0-9][A-Za-z0-9/_.-]*$/;

export function isSafeStoreKey(key: string): boolean {
  return STORE_KEY.test(key) && !key.split('/').some((part) => part === '' || part === '.' || part === '..');
}

/** Double-quoted SQL identifier; callers only pass names that passed IDENTIFIER. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function fail(problem: string): never {
  throw new BackupError(BACKUP_EXIT.badBackup, `the backup's manifest is invalid: ${problem}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown, field: string, pattern?: RegExp): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || (pattern && !pattern.test(v)))) fail(`${field} must be a list of names`);
  return value as string[];
}

function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(`${field} must be a whole number`);
  return value;
}

/**
 * Checks a parsed manifest field by field and returns it typed. Every name that later goes into
 * SQL or a path is checked here, so a tampered manifest cannot inject either.
 */
export function parseManifest(raw: unknown): BackupManifest {
  if (!isObject(raw)) fail('not a JSON object');
  if (raw.format !== BACKUP_FORMAT) fail(`format must be "${BACKUP_FORMAT}", got ${JSON.stringify(raw.format)}`);
  for (const field of ['createdAt', 'sillokVersion', 'postgresVersion'] as const) if (typeof raw[field] !== 'string') fail(`${field} must be a string`);
  const migrations = stringArray(raw.migrations, 'migrations', /^[A-Za-z0-9_]+$/);
  if (migrations.length === 0) fail('migrations is empty');
  const key = raw.masterKeyCheck;
  if (!isObject(key) || typeof key.algorithm !== 'string' || typeof key.value !== 'string' || !SHA256.test(key.value)) fail('masterKeyCheck must hold an algorithm and a 32-byte hex value');
  if (!Array.isArray(raw.tables) || raw.tables.length === 0) fail('tables must be a non-empty list');
  const tableNames = new Set<string>();
  const tables = raw.tables.map((t: unknown, i): ManifestTable => {
    if (!isObject(t) || typeof t.name !== 'string' || !IDENTIFIER.test(t.name)) fail(`tables[${i}].name must be a table name`);
    if (tableNames.has(t.name)) fail(`table ${t.name} is listed twice`);
    tableNames.add(t.name);
    const columns = stringArray(t.columns, `tables[${i}].columns`, IDENTIFIER);
    if (columns.length === 0) fail(`tables[${i}].columns is empty`);
    if (t.file !== `${DATABASE_SUBDIR}/${t.name}.copy.gz`) fail(`tables[${i}].file must be ${DATABASE_SUBDIR}/${t.name}.copy.gz`);
    if (typeof t.sha256 !== 'string' || !SHA256.test(t.sha256)) fail(`tables[${i}].sha256 must be a SHA-256 in hex`);
    return { name: t.name, columns, rows: count(t.rows, `tables[${i}].rows`), file: t.file, sha256: t.sha256, bytes: count(t.bytes, `tables[${i}].bytes`) };
  });
  if (!tableNames.has('migrations')) fail('tables must include the migrations table');
  if (!Array.isArray(raw.sequences)) fail('sequences must be a list');
  const sequences = raw.sequences.map((s: unknown, i): ManifestSequence => {
    if (!isObject(s) || typeof s.name !== 'string' || !IDENTIFIER.test(s.name)) fail(`sequences[${i}].name must be a sequence name`);
    if (s.lastValue !== null && (typeof s.lastValue !== 'string' || !/^-?\d{1,19}$/.test(s.lastValue))) fail(`sequences[${i}].lastValue must be null or an integer in a string`);
    return { name: s.name, lastValue: s.lastValue };
  });
  if (!Array.isArray(raw.files)) fail('files must be a list');
  const keys = new Set<string>();
  const files = raw.files.map((f: unknown, i): ManifestFile => {
    if (!isObject(f) || typeof f.key !== 'string' || !isSafeStoreKey(f.key)) fail(`files[${i}].key must be a file store key`);
    if (keys.has(f.key)) fail(`file ${f.key} is listed twice`);
    keys.add(f.key);
    if (typeof f.sha256 !== 'string' || !SHA256.test(f.sha256)) fail(`files[${i}].sha256 must be a SHA-256 in hex`);
    return { key: f.key, size: count(f.size, `files[${i}].size`), sha256: f.sha256 };
  });
  return {
    format: BACKUP_FORMAT,
    createdAt: raw.createdAt as string,
    sillokVersion: raw.sillokVersion as string,
    postgresVersion: raw.postgresVersion as string,
    migrations,
    masterKeyCheck: { algorithm: key.algorithm, value: key.value },
    tables,
    sequences,
    files,
  };
}

export interface MigrationPlan {
  /** Run before loading the data: exactly the schema the backup was taken at. */
  before: string[];
  /** Run after loading: migrations this version has that the backup's did not (an upgrade). */
  after: string[];
}

/**
 * A backup restores into the schema it was taken at, then newer migrations upgrade it. A backup
 * that applied a migration this version does not know came from a newer Sillok: refused, since
 * its data may not fit this version's schema.
 */
export function planMigrations(backup: string[], code: string[]): MigrationPlan {
  const known = new Set(code);
  const unknown = backup.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new BackupError(
      BACKUP_EXIT.badBackup,
      `the backup was made by a newer version of Sillok (migrations unknown here: ${unknown.join(', ')}); restore it with that version or a later one`,
    );
  }
  const inBackup = new Set(backup);
  return { before: code.filter((name) => inBackup.has(name)), after: code.filter((name) => !inBackup.has(name)) };
}

export interface TableComparison {
  table: string;
  expected: number;
  actual: number | null;
}

/** Tables whose row count differs from the manifest's (null: the table is missing). */
export function rowCountDifferences(manifest: Pick<BackupManifest, 'tables'>, actual: Map<string, number>): TableComparison[] {
  return manifest.tables
    .map((t) => ({ table: t.name, expected: t.rows, actual: actual.get(t.name) ?? null }))
    .filter((c) => c.actual !== c.expected);
}
