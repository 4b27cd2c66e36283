import { bearer, createTestContext, TestContext } from './helpers/test-app';

describe('auth', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '600' });
  });
  afterAll(async () => { await ctx.close(); });

  it('signs in with e-mail and password and returns an expiring bearer token', async () => {
    const user = await ctx.createUser('analyst');
    const res = await ctx.http().post('/auth/login').send({ email: user.email.toUpperCase(), password: user.password }).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', user: { email: user.email, role: 'analyst' } });
    expect(res.body.accessToken).toMatch(/^slk_/);
    const ttl = new Date(res.body.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(ctx.config.tokenTtlSeconds * 1000);
    const me = await ctx.http().get('/users/me').set(...bearer(res.body.accessToken)).expect(200);
    expect(me.body.id).toBe(user.id);
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('stores passwords as argon2id hashes and tokens only as hashes', async () => {
    const user = await ctx.createUser('reviewer');
    const [row] = await ctx.sql<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const sessions = await ctx.sql<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE user_id = $1', [user.id]);
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) expect(s.token_hash).not.toContain(user.token);
  });

  it('refuses a wrong password with 401 and the same answer for an unknown account', async () => {
    const user = await ctx.createUser('analyst');
    const wrong = await ctx.http().post('/auth/login').send({ email: user.email, password: 'not-the-password' }).expect(401);
    const unknown = await ctx.http().post('/auth/login').send({ email: 'nobody@example.org', password: 'not-the-password' }).expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.body.error).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account from the address that failed, even for the right password, and says when to retry', async () => {
    const user = await ctx.createUser('investigator');
    for (let i = 0; i < 3; i++) await ctx.http().post('/auth/login').send({ email: user.email, password: 'wrong-password' }).expect(401);
    const locked = await ctx.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(429);
    expect(locked.body.error).toBe('LOGIN_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(500);
    // Unknown addresses are throttled the same way, so a lock reveals nothing.
    for (let i = 0; i < 3; i++) await ctx.http().post('/auth/login').send({ email: 'ghost@example.org', password: 'x' }).expect(401);
    await ctx.http().post('/auth/login').send({ email: 'ghost@example.org', password: 'x' }).expect(429);
  });

  it('lets the account in again once the lock has expired', async () => {
    const user = await ctx.createUser('investigator');
    for (let i = 0; i < 3; i++) await ctx.http().post('/auth/login').send({ email: user.email, password: 'wrong-password' }).expect(401);
    await ctx.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(429);
    await ctx.sql("UPDATE login_throttle SET locked_until = now() - interval '1 second'");
    await ctx.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(200);
  });

  it('logout revokes the token', async () => {
    const user = await ctx.createUser('analyst');
    await ctx.http().post('/auth/logout').set(...bearer(user.token)).expect(204);
    const res = await ctx.http().get('/users/me').set(...bearer(user.token)).expect(401);
    expect(res.body.error).toBe('UNAUTHENTICATED');
  });

  it('rejects an expired token', async () => {
    const user = await ctx.createUser('analyst');
    await ctx.sql("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [user.id]);
    await ctx.http().get('/users/me').set(...bearer(user.token)).expect(401);
  });

  it('rejects malformed and unknown tokens', async () => {
    await ctx.http().get('/users/me').set('Authorization', 'Basic abc').expect(401);
    await ctx.http().get('/users/me').set(...bearer('slk_forged')).expect(401);
  });

  it('audits logins, failed logins and logouts without the e-mail or password', async () => {
    const user = await ctx.createUser('reviewer');
    await ctx.http().post('/auth/login').send({ email: user.email, password: 'bad-password-123' }).expect(401);
    await ctx.http().post('/auth/logout').set(...bearer(user.token)).expect(204);
    const rows = await ctx.sql<{ action: string; actor_id: string | null; subject_id: string; details: unknown }>(
      "SELECT action, actor_id, subject_id, details FROM audit_log WHERE action LIKE 'auth.%' AND (actor_id = $1 OR subject_id = $1::text)",
      [user.id],
    );
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.logout']));
    const all = JSON.stringify(await ctx.sql('SELECT * FROM audit_log'));
    expect(all).not.toContain(user.email);
    expect(all).not.toContain(user.password);
    expect(all).not.toContain('bad-password-123');
  });

  it('never writes passwords, tokens or e-mail addresses to the log', async () => {
    const user = await ctx.createUser('analyst');
    await ctx.http().post('/auth/login').send({ email: user.email, password: 'wrong-password-xyz' }).expect(401);
    await ctx.http().get('/users/me?q=secret-query').set(...bearer(user.token)).expect(200);
    const logs = ctx.logs.join('\n');
    expect(ctx.logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(user.password);
    expect(logs).not.toContain('wrong-password-xyz');
    expect(logs).not.toContain(user.token);
    expect(logs).not.toContain(user.email);
    expect(logs).not.toContain('secret-query');
    // Every request line carries a correlation id.
    const requestLines = ctx.logs.map((l) => JSON.parse(l)).filter((l) => l.message === 'request');
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(line.correlationId).toEqual(expect.any(String));
  });
});
