import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { ALL_MIGRATIONS } from '../migrations/index';
import { BackupManifest, MANIFEST_FILE } from 'src/backup/backup-manifest';
import { runBackupCommand } from 'src/cli/backup-command';
import { masterKeyCheckValue } from 'src/common/crypto/key-check';
import { verifyMasterKey } from 'src/database/master-key-check';
import { runMigrations } from 'src/database/migrate';
import { bearer, createTestContext, createTestContextOn, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, TRANSCRIPT_TEXT, WITNESS_IDENTITY } from './helpers/case-fixtures';
import { databaseUrl, ENV_ADMIN_URL, TEST_MASTER_KEY } from './setup/test-env';

function binaryParser(res: any, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function admin<T = Record<string, unknown>>(sql: string, url = process.env[ENV_ADMIN_URL] as string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Every public table's row count, by name. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await admin<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", url);
  const counts: Record<string, number> = {};
  for (const { t } of tables) counts[t] = (await admin<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`, url))[0].n;
  return counts;
}

async function relationsIn(url: string): Promise<number> {
  return (await admin<{ n: number }>("SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'", url))[0].n;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('backup and restore: the restore drill', () => {
  const work = mkdtempSync(join(tmpdir(), 'sillok-backup-'));
  const backupDir = join(work, 'backup');
  const databases: string[] = [];
  let source: TestContext;
  let restored: TestContext | undefined;
  let f: CaseFixture;
  let adminUser: { id: string; email: string; password: string; token: string };
  let personId: string;
  let personCode: string;
  let fileId: string;
  let fileSha: string;
  let testimonyId: string;
  let transcriptId: string;
  const lines: string[] = [];
  const out = (line: string) => lines.push(line);

  /** A new, empty database (CREATE DATABASE from template1: no tables). */
  async function emptyDatabase(): Promise<string> {
    const name = `sillok_restore_${randomBytes(5).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    databases.push(name);
    return databaseUrl(process.env[ENV_ADMIN_URL] as string, name);
  }

  const envFor = (url: string, storageDir: string, key = TEST_MASTER_KEY): Record<string, string> => ({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    STORAGE_DIR: storageDir,
    DATA_DIR: join(work, 'data'),
    SILLOK_MASTER_KEY: key,
  });
  const restore = (dir: string, env: Record<string, string>) => runBackupCommand('restore', [dir], { env, out, migrations: ALL_MIGRATIONS });

  beforeAll(async () => {
    source = await createTestContext();
    f = await createCaseFixture(source);
    adminUser = await source.createUser('admin');
    const lead = bearer(f.lead.token);
    const person = await source.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
    personId = person.body.id as string;
    personCode = person.body.code as string;
    await source.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'victim', identity: { namesHangul: ['박영수'] } }).expect(201);
    await source.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'perpetrator_individual' }).expect(201);
    const testimony = await source.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({
      intervieweeId: personId,
      interviewerIds: [f.lead.id],
      interviewDate: { date: '2024-05-03', precision: 'day' },
      languages: ['ko'],
      modality: 'in_person',
      riskLevel: 'high',
      consent: { purposes: ['internal_analysis'], anonymityRequired: true, identityDisclosureAllowed: false, noDeathPenaltyProceedings: true, recontactAllowed: true, method: 'signed_form', takenBy: f.lead.id, takenAt: '2024-05-03T09:00:00Z' },
    }).expect(201);
    testimonyId = testimony.body.id as string;
    const transcript = await source.http().post(`/cases/${f.caseId}/testimonies/${testimonyId}/transcripts`).set(...lead).send({ kind: 'original', language: 'ko', text: TRANSCRIPT_TEXT }).expect(201);
    transcriptId = transcript.body.id as string;
    const bytes = randomBytes(200_000);
    fileSha = sha256(bytes);
    const file = await source.http().post(`/cases/${f.caseId}/files`).set(...lead).field('kind', 'audio').field('testimonyId', testimonyId).attach('file', bytes, { filename: 'interview.wav', contentType: 'audio/wav' }).expect(201);
    fileId = file.body.id as string;
    await source.http().post(`/cases/${f.caseId}/files`).set(...lead).field('kind', 'document').attach('file', Buffer.from('%PDF-1.4 statement'), { filename: 's.pdf', contentType: 'application/pdf' }).expect(201);
    // What every api boot does: record the master key's check value.
    expect(await verifyMasterKey(source.config.databaseUrl as string, source.config)).toBe('recorded');
    // An audited read of the identity, so the chain holds reads as well as writes.
    await source.http().get(`/cases/${f.caseId}/people/${personId}/identity`).set(...lead).expect(200);
    expect(await runBackupCommand('backup', [backupDir], { env: envFor(source.config.databaseUrl as string, source.config.storageDir), out })).toBe(0);
  });

  afterAll(async () => {
    await restored?.close();
    await source?.close();
    for (const name of databases) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(work, { recursive: true, force: true });
  });

  it('writes a manifest with migrations, row counts and file hashes, and never the master key', async () => {
    const manifest = JSON.parse(readFileSync(join(backupDir, MANIFEST_FILE), 'utf8')) as BackupManifest;
    expect(manifest.format).toBe('sillok-backup/1');
    expect(manifest.migrations).toEqual((await source.sql<{ name: string }>('SELECT name FROM migrations ORDER BY id')).map((r) => r.name));
    const counts = await rowCounts(source.config.databaseUrl as string);
    // The log records the backup after its snapshot: one entry more than the backup holds; the
    // chain's signed heads grow by one per sequencer pass since the snapshot (at least the one
    // that linked the backup's entry).
    for (const table of manifest.tables) {
      if (table.name === 'audit_chain_heads') expect(counts[table.name], table.name).toBeGreaterThan(table.rows);
      else expect(table.rows, table.name).toBe(counts[table.name] - (table.name === 'audit_log' ? 1 : 0));
    }
    const [last] = await source.sql<{ action: string; details: Record<string, number> }>('SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(last).toMatchObject({ action: 'backup.created', details: { files: 2, tables: manifest.tables.length } });
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(Object.keys(counts).sort());
    const stored = allFiles(source.config.storageDir).filter((p) => !p.includes('/.tmp/'));
    expect(manifest.files.map((x) => x.sha256).sort()).toEqual(stored.map((p) => sha256(readFileSync(p))).sort());
    expect(manifest.files).toHaveLength(2);
    const [keyCheck] = await source.sql<{ check_value: Buffer }>('SELECT check_value FROM master_key_check');
    expect(manifest.masterKeyCheck.value).toBe(keyCheck.check_value.toString('hex'));
    expect(manifest.masterKeyCheck.value).toBe(masterKeyCheckValue(Buffer.from(TEST_MASTER_KEY, 'base64')).toString('hex'));
    // The key, in base64 or raw, is in no file of the backup (table dumps read uncompressed).
    const key = Buffer.from(TEST_MASTER_KEY, 'base64');
    for (const path of allFiles(backupDir)) {
      const content = path.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path);
      expect(content.includes(key), path).toBe(false);
      expect(content.includes(Buffer.from(TEST_MASTER_KEY)), path).toBe(false);
    }
    // Identities stay sealed in the dump: no name in clear.
    expect(gunzipSync(readFileSync(join(backupDir, 'database', 'people.copy.gz'))).includes(Buffer.from('김철수'))).toBe(false);
  });

  it('restores into a new empty database and file store; the restored instance answers as the original did', async () => {
    const url = await emptyDatabase();
    const store = join(work, 'restored-files');
    lines.length = 0;
    expect(await restore(backupDir, envFor(url, store))).toBe(0);
    expect(lines).toContain('verification passed');
    expect(lines.some((l) => /^audit chain: intact, \d+ entries$/.test(l))).toBe(true);
    expect(lines).toContain('identities: 2 of 2 sampled identities decrypt');
    expect(lines).toContain('files: all 2 files match their SHA-256');
    const manifest = JSON.parse(readFileSync(join(backupDir, MANIFEST_FILE), 'utf8')) as BackupManifest;
    const counts = await rowCounts(url);
    for (const table of manifest.tables) {
      if (table.name === 'audit_chain_heads') expect(counts[table.name], table.name).toBeGreaterThan(table.rows);
      else expect(counts[table.name], table.name).toBe(table.rows + (table.name === 'audit_log' ? 1 : 0));
    }
    const { audit_log: _a, audit_chain_heads: _c, ...restoredRest } = counts;
    const { audit_log: _b, audit_chain_heads: _d, ...sourceRest } = await rowCounts(source.config.databaseUrl as string);
    expect(restoredRest).toEqual(sourceRest);
    // The restore is on the restored chain, with the identities it opened to check them.
    const [entry] = await admin<{ action: string; details: { verified: boolean; identitiesOpenedForCheck: string[] } }>('SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1', url);
    expect(entry.action).toBe('backup.restored');
    expect(entry.details.verified).toBe(true);
    expect(entry.details.identitiesOpenedForCheck).toHaveLength(2);
    expect(entry.details.identitiesOpenedForCheck).toContain(personId);

    restored = await createTestContextOn(url, { STORAGE_DIR: store });
    const login = async (email: string, password: string) => bearer((await restored!.http().post('/auth/login').send({ email, password }).expect(200)).body.accessToken as string);
    const lead = await login((await source.sql<{ email: string }>('SELECT email FROM users WHERE id = $1', [f.lead.id]))[0].email, (f.lead as unknown as { password: string }).password);
    const identity = await restored.http().get(`/cases/${f.caseId}/people/${personId}/identity`).set(...lead).expect(200);
    expect(identity.body.identity).toMatchObject({ namesHangul: WITNESS_IDENTITY.namesHangul, namesRomanised: WITNESS_IDENTITY.namesRomanised, currentLocation: WITNESS_IDENTITY.currentLocation });
    const download = await restored.http().get(`/cases/${f.caseId}/files/${fileId}/content`).set(...lead).buffer(true).parse(binaryParser).expect(200);
    expect(sha256(download.body as Buffer)).toBe(fileSha);
    const text = await restored.http().get(`/cases/${f.caseId}/testimonies/${testimonyId}/transcripts/${transcriptId}/versions/1`).set(...lead).expect(200);
    expect(JSON.stringify(text.body)).toContain('요덕수용소');
    const adminToken = await login(adminUser.email, adminUser.password);
    const verify = await restored.http().get('/audit/verify').set(...adminToken).expect(200);
    expect(verify.body).toMatchObject({ ok: true, firstBroken: null });
    // The restored instance keeps appending to the same chain (the reads above), and it still verifies.
    const [{ n }] = await restored.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(verify.body.entriesChecked).toBe(n);
    expect(n).toBeGreaterThan(manifest.tables.find((t) => t.name === 'audit_log')!.rows + 1);
    // Sequences continue after the restored rows: a new person gets the next pseudonym code, a new user an id.
    const next = await restored.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'witness' }).expect(201);
    expect(personCode).toBe('W-0001');
    expect(next.body.code).toBe('W-0002');
  });

  it('refuses a target database that is not empty, and changes nothing in it', async () => {
    const url = source.config.databaseUrl as string;
    const before = await rowCounts(url);
    lines.length = 0;
    expect(await restore(backupDir, envFor(url, join(work, 'unused-store-1')))).toBe(73);
    expect(lines.join('\n')).toMatch(/restore refused: the target database is not empty/);
    expect(await rowCounts(url)).toEqual(before);
  });

  it('refuses a file store that is not empty', async () => {
    const url = await emptyDatabase();
    const store = join(work, 'busy-store');
    mkdirSync(store, { recursive: true });
    writeFileSync(join(store, 'something'), 'x');
    lines.length = 0;
    expect(await restore(backupDir, envFor(url, store))).toBe(73);
    expect(lines.join('\n')).toMatch(/the file store .* is not empty/);
    expect(await relationsIn(url)).toBe(0);
    expect(readdirSync(store)).toEqual(['something']);
  });

  it('refuses a master key other than the backup\'s, before writing anything', async () => {
    const url = await emptyDatabase();
    const store = join(work, 'wrong-key-store');
    lines.length = 0;
    expect(await restore(backupDir, envFor(url, store, randomBytes(32).toString('base64')))).toBe(78);
    expect(lines.join('\n')).toMatch(/SILLOK_MASTER_KEY does not match the key the backup is sealed with/);
    expect(await relationsIn(url)).toBe(0);
    // Without SILLOK_MASTER_KEY and no development key file, it refuses rather than generate a new key.
    lines.length = 0;
    const { SILLOK_MASTER_KEY: _unset, ...noKey } = envFor(url, store);
    expect(await restore(backupDir, { ...noKey, DATA_DIR: join(work, 'fresh-data') })).toBe(78);
    expect(lines.join('\n')).toMatch(/SILLOK_MASTER_KEY is not set and there is no development key file/);
    expect(readdirSync(work)).not.toContain('fresh-data');
  });

  it('backup refuses a wrong master key, and a directory that is not empty', async () => {
    lines.length = 0;
    expect(await runBackupCommand('backup', [join(work, 'b2')], { env: envFor(source.config.databaseUrl as string, source.config.storageDir, randomBytes(32).toString('base64')), out })).toBe(78);
    expect(lines.join('\n')).toMatch(/does not match the key this database was set up with/);
    lines.length = 0;
    expect(await runBackupCommand('backup', [backupDir], { env: envFor(source.config.databaseUrl as string, source.config.storageDir), out })).toBe(73);
    expect(lines.join('\n')).toMatch(/is not empty/);
    expect(await runBackupCommand('backup', [], { env: envFor(source.config.databaseUrl as string, source.config.storageDir), out })).toBe(64);
  });

  it('refuses a damaged, incomplete or newer backup, and a failure during the load leaves the target empty', async () => {
    const url = await emptyDatabase();
    const store = join(work, 'damaged-store');
    const copy = (name: string) => {
      const dir = join(work, name);
      cpSync(backupDir, dir, { recursive: true });
      return dir;
    };
    const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
    const writeManifest = (dir: string, m: BackupManifest) => writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(m));

    const flipped = copy('flipped');
    const blob = join(flipped, 'files', manifestOf(flipped).files[0].key);
    const bytes = readFileSync(blob);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(blob, bytes);
    lines.length = 0;
    expect(await restore(flipped, envFor(url, store))).toBe(65);
    expect(lines.join('\n')).toMatch(/the backup is damaged: files\/.* does not match its SHA-256/);

    const incomplete = copy('incomplete');
    rmSync(join(incomplete, MANIFEST_FILE));
    expect(await restore(incomplete, envFor(url, store))).toBe(66);
    expect(await restore(join(work, 'no-such-dir'), envFor(url, store))).toBe(66);

    const newer = copy('newer');
    writeManifest(newer, { ...manifestOf(newer), migrations: [...manifestOf(newer).migrations, 'FromTheFuture1899999999999'] });
    lines.length = 0;
    expect(await restore(newer, envFor(url, store))).toBe(65);
    expect(lines.join('\n')).toMatch(/made by a newer version of Sillok .*FromTheFuture1899999999999/);

    const injected = copy('injected');
    const m = manifestOf(injected);
    writeManifest(injected, { ...m, tables: m.tables.map((t, i) => (i === 0 ? { ...t, name: 'x"; DROP TABLE users; --' } : t)) });
    expect(await restore(injected, envFor(url, store))).toBe(65);

    // Row count off by one: found only after the load, which then rolls back entirely.
    const miscounted = copy('miscounted');
    const mm = manifestOf(miscounted);
    writeManifest(miscounted, { ...mm, tables: mm.tables.map((t) => (t.name === 'audit_log' ? { ...t, rows: t.rows + 1 } : t)) });
    lines.length = 0;
    expect(await restore(miscounted, envFor(url, store))).toBe(65);
    expect(lines.join('\n')).toMatch(/table audit_log: loaded \d+ rows, the manifest says \d+/);
    expect(await relationsIn(url)).toBe(0);
    expect(readdirSync(work)).not.toContain('damaged-store');
  });

  it('reports a restore whose data fails verification (a tampered backup with a rewritten manifest) with exit code 1', async () => {
    const dir = join(work, 'tampered');
    cpSync(backupDir, dir, { recursive: true });
    const m = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
    const rewrite = (table: string, change: (fields: string[], columns: string[]) => void) => {
      const entry = m.tables.find((t) => t.name === table)!;
      const path = join(dir, entry.file);
      const rows = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
      const index = rows.findIndex((r) => r.startsWith(table === 'people' ? personId : '') && r.length > 0);
      const fields = rows[index].split('\t');
      change(fields, entry.columns);
      rows[index] = fields.join('\t');
      const gz = gzipSync(Buffer.from(rows.join('\n'), 'utf8'));
      writeFileSync(path, gz);
      Object.assign(entry, { sha256: sha256(gz), bytes: gz.length });
    };
    // Someone with the backup edits an audit entry and a sealed identity, and fixes up the manifest's hashes.
    rewrite('audit_log', (fields, columns) => { fields[columns.indexOf('action')] = 'user.created_forged'; });
    rewrite('people', (fields, columns) => {
      const sealed = fields[columns.indexOf('identity_sealed')];
      fields[columns.indexOf('identity_sealed')] = sealed.slice(0, -1) + (sealed.endsWith('0') ? '1' : '0');
    });
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(m));
    const url = await emptyDatabase();
    lines.length = 0;
    expect(await restore(dir, envFor(url, join(work, 'tampered-store')))).toBe(1);
    expect(lines.some((l) => /^audit chain: BROKEN at entry 1:/.test(l))).toBe(true);
    expect(lines.some((l) => /^identities: 1 of 2 sampled identities decrypt — FAILED$/.test(l))).toBe(true);
    expect(lines).toContain('files: all 2 files match their SHA-256');
    expect(lines.some((l) => l.startsWith('VERIFICATION FAILED'))).toBe(true);
  });

  it('restores a backup taken at an older schema, then upgrades it with the newer migrations', async () => {
    const older = await emptyDatabase();
    await runMigrations(older, { migrations: ALL_MIGRATIONS.slice(0, -1) });
    await admin('INSERT INTO users (email, display_name, role, password_hash, version) VALUES ($1, $2, $3, $4, 1)', older, ['old@example.org', 'Old', 'admin', 'x']);
    const dir = join(work, 'older-backup');
    expect(await runBackupCommand('backup', [dir], { env: envFor(older, join(work, 'older-store')), out })).toBe(0);
    const url = await emptyDatabase();
    lines.length = 0;
    expect(await restore(dir, envFor(url, join(work, 'older-restored')))).toBe(0);
    expect(lines.join('\n')).toMatch(/upgraded with 1 newer migrations/);
    const names = await admin<{ name: string }>('SELECT name FROM migrations ORDER BY id', url);
    expect(names.map((r) => r.name)).toEqual(ALL_MIGRATIONS.map((m) => m.name));
    expect(await admin('SELECT email FROM users', url)).toEqual([{ email: 'old@example.org' }]);
  });
});
