import { BACKUP_EXIT, BackupError, isSafeStoreKey, parseManifest, planMigrations, quoteIdent, rowCountDifferences } from 'src/backup/backup-manifest';

const HASH = 'a'.repeat(64);

function manifest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'sillok-backup/1',
    createdAt: '2026-12-05T06:00:00.000Z',
    sillokVersion: '0.1.0',
    postgresVersion: '15.20',
    migrations: ['Foundation1795374660273', 'CasesPeopleTestimonies1795375895113'],
    masterKeyCheck: { algorithm: 'hkdf-sha256+hmac-sha256/v1', value: HASH },
    tables: [
      { name: 'migrations', columns: ['id', 'timestamp', 'name'], rows: 2, file: 'database/migrations.copy.gz', sha256: HASH, bytes: 80 },
      { name: 'people', columns: ['id', 'identity_sealed'], rows: 3, file: 'database/people.copy.gz', sha256: HASH, bytes: 120 },
    ],
    sequences: [{ name: 'migrations_id_seq', lastValue: '2' }, { name: 'import_row_errors_id_seq', lastValue: null }],
    files: [{ key: 'c0ffee/ab/abcdef', size: 10, sha256: HASH }],
    ...overrides,
  };
}

function problem(raw: unknown): string {
  try {
    parseManifest(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).exitCode).toBe(BACKUP_EXIT.badBackup);
    return (error as Error).message;
  }
  throw new Error('parseManifest accepted it');
}

describe('backup manifest', () => {
  it('accepts a well-formed manifest and returns it typed', () => {
    const parsed = parseManifest(manifest());
    expect(parsed.tables.map((t) => t.name)).toEqual(['migrations', 'people']);
    expect(parsed.sequences[1].lastValue).toBeNull();
    expect(parsed.files[0].key).toBe('c0ffee/ab/abcdef');
  });

  it('names the field that is wrong', () => {
    expect(problem(null)).toMatch(/not a JSON object/);
    expect(problem(manifest({ format: 'sillok-backup/2' }))).toMatch(/format must be "sillok-backup\/1"/);
    expect(problem(manifest({ migrations: [] }))).toMatch(/migrations is empty/);
    expect(problem(manifest({ masterKeyCheck: { algorithm: 'x', value: 'short' } }))).toMatch(/masterKeyCheck/);
    expect(problem(manifest({ tables: [] }))).toMatch(/tables must be a non-empty list/);
    expect(problem(manifest({ tables: [(manifest().tables as unknown[])[1]] }))).toMatch(/must include the migrations table/);
    expect(problem(manifest({ files: [{ key: 'a', size: -1, sha256: HASH }] }))).toMatch(/files\[0\]\.size must be a whole number/);
    expect(problem(manifest({ sequences: [{ name: 's', lastValue: 12 }] }))).toMatch(/sequences\[0\]\.lastValue/);
  });

  it('refuses names that would reach SQL or a path unchecked', () => {
    const tables = manifest().tables as Array<Record<string, unknown>>;
    expect(problem(manifest({ tables: [tables[0], { ...tables[1], name: 'people"; DROP TABLE users; --' }] }))).toMatch(/tables\[1\]\.name must be a table name/);
    expect(problem(manifest({ tables: [tables[0], { ...tables[1], columns: ['id', 'x) TO PROGRAM'] }] }))).toMatch(/tables\[1\]\.columns/);
    expect(problem(manifest({ tables: [tables[0], { ...tables[1], file: '../../etc/passwd' }] }))).toMatch(/tables\[1\]\.file must be database\/people\.copy\.gz/);
    expect(problem(manifest({ tables: [tables[0], tables[0]] }))).toMatch(/listed twice/);
    expect(problem(manifest({ files: [{ key: '../outside', size: 1, sha256: HASH }] }))).toMatch(/files\[0\]\.key/);
    expect(problem(manifest({ sequences: [{ name: 'x; SELECT 1', lastValue: null }] }))).toMatch(/sequences\[0\]\.name/);
  });

  it('accepts only keys the file store itself writes', () => {
    expect(isSafeStoreKey('imports/c0ffee/abcdef')).toBe(true);
    for (const bad of ['../x', 'a/../b', '/abs', 'a//b', 'a/./b', '.tmp/x', 'a b', '']) expect(isSafeStoreKey(bad), bad).toBe(false);
  });

  it('quotes identifiers', () => {
    expect(quoteIdent('audit_log')).toBe('"audit_log"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});

describe('migration plan of a restore', () => {
  const code = ['A1', 'B2', 'C3', 'D4'];

  it('runs the backup\'s migrations before loading and this version\'s newer ones after', () => {
    expect(planMigrations(['A1', 'B2', 'C3', 'D4'], code)).toEqual({ before: code, after: [] });
    expect(planMigrations(['A1', 'B2'], code)).toEqual({ before: ['A1', 'B2'], after: ['C3', 'D4'] });
    // A migration merged with an older timestamp than the backup's last one still runs, after the load.
    expect(planMigrations(['A1', 'C3', 'D4'], code)).toEqual({ before: ['A1', 'C3', 'D4'], after: ['B2'] });
  });

  it('refuses a backup from a newer version, naming the migrations it does not know', () => {
    expect(() => planMigrations(['A1', 'E5', 'F6'], code)).toThrow(/newer version of Sillok \(migrations unknown here: E5, F6\)/);
  });
});

describe('row count comparison', () => {
  it('lists the tables whose count differs, and missing tables as null', () => {
    const tables = [{ name: 'a', rows: 1 }, { name: 'b', rows: 2 }, { name: 'c', rows: 0 }] as Parameters<typeof rowCountDifferences>[0]['tables'];
    expect(rowCountDifferences({ tables }, new Map([['a', 1], ['b', 3]]))).toEqual([{ table: 'b', expected: 2, actual: 3 }, { table: 'c', expected: 0, actual: null }]);
    expect(rowCountDifferences({ tables }, new Map([['a', 1], ['b', 2], ['c', 0]]))).toEqual([]);
  });
});
