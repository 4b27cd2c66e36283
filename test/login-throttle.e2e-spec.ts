import { bearer, createTestContext, TestContext } from './helpers/test-app';

// Issue 11 item 6: the lock must not let a stranger lock anyone out, the audit log must stay
// bounded, and the client address must come from X-Forwarded-For only when TRUST_PROXY says so.
describe('sign-in throttling', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES: '5', LOGIN_ADDRESS_MAX_FAILURES: '12', LOGIN_LOCK_SECONDS: '600' });
  });
  afterAll(async () => { await ctx.close(); });

  const login = (from: string, email: string, password: string) => ctx.http().post('/auth/login').set('X-Forwarded-For', from).send({ email, password });
  const auditCount = async () => (await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0].n;

  it("a stranger's failures from one address do not stop the owner signing in from another", async () => {
    const owner = await ctx.createUser('admin');
    for (let i = 0; i < 5; i++) expect((await login('203.0.113.10', owner.email, `guess-number-${i}`)).status).toBe(401);
    for (let i = 0; i < 3; i++) {
      const refused = await login('203.0.113.10', owner.email, `guess-again-${i}`).expect(429);
      expect(refused.body.error).toBe('LOGIN_LOCKED');
    }
    const res = await login('198.51.100.20', owner.email, owner.password).expect(200);
    await ctx.http().get('/users/me').set(...bearer(res.body.accessToken)).expect(200);
  });

  it('locks the address that failed, even for the right password, and says when to retry', async () => {
    const user = await ctx.createUser('analyst');
    for (let i = 0; i < 5; i++) await login('203.0.113.11', user.email, `wrong-${i}`).expect(401);
    const locked = await login('203.0.113.11', user.email, user.password).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(500);
    expect(locked.body.details).toEqual({ retryAfterSeconds: expect.any(Number) });
  });

  it('locks an address that sprays many accounts, for every account, and only that address', async () => {
    const victim = await ctx.createUser('reviewer');
    for (let i = 0; i < 12; i++) await login('203.0.113.12', `sprayed-${i}@example.org`, 'Winter2024!').expect(401);
    await login('203.0.113.12', victim.email, victim.password).expect(429);
    await login('203.0.113.13', victim.email, victim.password).expect(200);
    const [locked] = await ctx.sql<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_address_locked' AND details->>'failures' = '12'");
    expect(locked.n).toBe(1);
  });

  it('answers an unknown e-mail exactly as a known one, failure after failure', async () => {
    const user = await ctx.createUser('investigator');
    const answers = async (from: string, email: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await login(from, email, `not-it-${i}`);
        out.push(`${res.status} ${res.body.error} ${res.body.message.replace(/\d+ s$/, 'N s')}`);
      }
      return out;
    };
    const known = await answers('203.0.113.14', user.email);
    const unknown = await answers('203.0.113.15', 'no-such-person@example.org');
    expect(unknown).toEqual(known);
    expect(known.filter((a) => a.startsWith('429'))).toHaveLength(2);
  });

  it('keeps the audit log bounded: 50 failures leave a first failure, a lock and one summary', async () => {
    const user = await ctx.createUser('analyst');
    const before = await auditCount();
    for (let i = 0; i < 50; i++) expect([401, 429]).toContain((await login('203.0.113.16', user.email, `attempt-${i}`)).status);
    expect(await auditCount() - before).toBe(2);
    const during = await ctx.sql<{ action: string; details: Record<string, unknown> }>("SELECT action, details FROM audit_log WHERE subject_id = $1 AND action LIKE 'auth.login_%' ORDER BY seq", [user.id]);
    expect(during.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login_locked']);
    expect(during[1].details).toMatchObject({ failures: 5, refusedWhileLocked: 0 });

    // The window closes (lock over, window past): the next sign-in attempt of anyone sums it up.
    await ctx.sql("UPDATE login_throttle SET window_started_at = now() - interval '1 hour', locked_until = now() - interval '1 second' WHERE user_id = $1", [user.id]);
    await ctx.createUser('reviewer');
    const summary = await ctx.sql<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'auth.login_failures_summary' AND subject_id = $1", [user.id]);
    expect(summary).toHaveLength(1);
    expect(summary[0].details).toMatchObject({ scope: 'pair', failures: 5, refusedWhileLocked: 45, closedBy: 'window_end' });
    expect(await ctx.sql('SELECT 1 FROM login_throttle WHERE user_id = $1', [user.id])).toHaveLength(0);
    const total = await ctx.sql<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND action LIKE 'auth.login_%'", [user.id]);
    expect(total[0].n).toBe(3);
  });

  it("sums up a pair's failures when the owner then signs in, and starts the count over", async () => {
    const user = await ctx.createUser('analyst');
    for (let i = 0; i < 3; i++) await login('203.0.113.17', user.email, `typo-${i}`).expect(401);
    await login('203.0.113.17', user.email, user.password).expect(200);
    const rows = await ctx.sql<{ action: string; details: Record<string, unknown> }>("SELECT action, details FROM audit_log WHERE subject_id = $1 AND action LIKE 'auth.login_%' ORDER BY seq", [user.id]);
    expect(rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login_failures_summary']);
    expect(rows[1].details).toMatchObject({ failures: 3, closedBy: 'success' });
    // Counting starts over: four more failures do not lock.
    for (let i = 0; i < 4; i++) await login('203.0.113.17', user.email, `typo-again-${i}`).expect(401);
    await login('203.0.113.17', user.email, user.password).expect(200);
  });

  it('keeps e-mails and addresses out of the throttle table and the audit log', async () => {
    const dump = JSON.stringify([await ctx.sql('SELECT * FROM login_throttle'), await ctx.sql("SELECT * FROM audit_log WHERE action LIKE 'auth.%'")]);
    for (const s of ['203.0.113', '198.51.100', 'example.org', 'sprayed-']) expect(dump).not.toContain(s);
  });
});

describe('sign-in throttling without TRUST_PROXY', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ LOGIN_MAX_FAILURES: '5' });
  });
  afterAll(async () => { await ctx.close(); });

  it('ignores X-Forwarded-For: a client cannot pose as a new address to escape the lock', async () => {
    const user = await ctx.createUser('analyst');
    for (let i = 0; i < 5; i++) {
      await ctx.http().post('/auth/login').set('X-Forwarded-For', `192.0.2.${i + 1}`).send({ email: user.email, password: `wrong-${i}` }).expect(401);
    }
    const res = await ctx.http().post('/auth/login').set('X-Forwarded-For', '192.0.2.99').send({ email: user.email, password: user.password }).expect(429);
    expect(res.body.error).toBe('LOGIN_LOCKED');
  });
});
