import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { TEST_MASTER_KEY } from './setup/test-env';

describe('audit log (chain of custody)', () => {
  let ctx: TestContext;
  let admin: { id: string; token: string };
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.createUser('admin');
    // A few audited actions to chain.
    for (let i = 0; i < 3; i++) await ctx.createUser('analyst');
  });
  afterAll(async () => { await ctx.close(); });

  it('chains every entry to the previous one and verifies intact', async () => {
    const res = await ctx.http().get('/audit/verify').set(...bearer(admin.token)).expect(200);
    expect(res.body).toMatchObject({ ok: true, firstBroken: null });
    expect(res.body.entriesChecked).toBeGreaterThanOrEqual(8);
    const rows = await ctx.sql<{ seq: string; prev_hash: string; hash: string }>('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq');
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE even with raw SQL as a superuser', async () => {
    await expect(ctx.sql("UPDATE audit_log SET action = 'forged' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(ctx.sql('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(ctx.sql('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const [row] = await ctx.sql<{ action: string }>('SELECT action FROM audit_log WHERE seq = 1');
    expect(row.action).not.toBe('forged');
  });

  it('records an audit entry in the same transaction as the change (a failed change leaves none)', async () => {
    const before = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    const dup = await ctx.createUser('reviewer');
    await ctx.http().post('/users').set(...bearer(admin.token)).send({ email: dup.email, displayName: 'Dup', role: 'analyst', password: 'long-enough-password' }).expect(409);
    const after = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    // createUser wrote two entries (user.create, auth.login); the refused duplicate wrote none.
    expect(after[0].n - before[0].n).toBe(2);
  });

  it('GET /audit/verify and the CLI find an entry tampered with behind the trigger', async () => {
    // An attacker with superuser rights can switch triggers off; the chain still tells.
    await ctx.dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL session_replication_role = 'replica'");
      await manager.query(`UPDATE audit_log SET details = '{"role":"admin"}' WHERE seq = 3`);
    });
    const res = await ctx.http().get('/audit/verify').set(...bearer(admin.token)).expect(200);
    expect(res.body).toMatchObject({ ok: false, entriesChecked: 2, lastValidSeq: '2', firstBroken: { seq: '3', reason: 'hash_mismatch' } });

    const cli = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, '..', 'src', 'cli.ts'), 'audit:verify'], {
      env: { ...process.env, DATABASE_URL: ctx.config.databaseUrl, SILLOK_MASTER_KEY: TEST_MASTER_KEY, NODE_ENV: 'test', SWC_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.stdout).toMatch(/audit chain BROKEN at entry 3/);
    expect(cli.status).toBe(1);
  });
});
