import { bearer, createTestContext, TestContext } from './helpers/test-app';

function sessionCookie(setCookie: string[] | string | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((c) => c.startsWith('sillok_session='));
  if (!cookie) throw new Error('no sillok_session cookie was set');
  return cookie;
}

function cookieValue(cookie: string): string {
  return cookie.split(';')[0].slice('sillok_session='.length);
}

describe('browser session (cookie)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => { await ctx.close(); });

  async function signIn(): Promise<{ user: Awaited<ReturnType<TestContext['createUser']>>; cookie: string; token: string; body: Record<string, unknown>; raw: string }> {
    const user = await ctx.createUser('analyst');
    const res = await ctx.http().post('/auth/session').send({ email: user.email, password: user.password }).expect(200);
    const cookie = sessionCookie(res.headers['set-cookie']);
    return { user, cookie, token: cookieValue(cookie), body: res.body as Record<string, unknown>, raw: res.text };
  }

  it('signs in with a httpOnly SameSite=Strict cookie and returns the user without the token', async () => {
    const { user, cookie, token, body, raw } = await signIn();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP in tests
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
    expect(maxAge).toBeGreaterThan(ctx.config.tokenTtlSeconds - 60);
    expect(maxAge).toBeLessThanOrEqual(ctx.config.tokenTtlSeconds);
    expect(token).toMatch(/^slk_/);
    expect(raw).not.toContain(token);
    expect(body).not.toHaveProperty('accessToken');
    expect(body).toMatchObject({ user: { id: user.id, email: user.email, role: 'analyst', displayName: 'analyst user', language: null } });
    expect(typeof body.expiresAt).toBe('string');
  });

  it('marks the cookie Secure when the request came over TLS (behind a trusted proxy)', async () => {
    const user = await ctx.createUser('reviewer');
    const res = await ctx.http().post('/auth/session').set('X-Forwarded-Proto', 'https').send({ email: user.email, password: user.password }).expect(200);
    expect(sessionCookie(res.headers['set-cookie'])).toMatch(/; Secure/i);
  });

  it('the guard accepts the cookie when there is no Authorization header', async () => {
    const { user, cookie } = await signIn();
    const me = await ctx.http().get('/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(me.body).toEqual({ id: user.id, email: user.email, displayName: 'analyst user', role: 'analyst', language: null, secondFactorEnrolmentRequired: false, twoFactor: expect.objectContaining({ enabled: false }) });
    await ctx.http().get('/cases').set('Cookie', cookie.split(';')[0]).expect(200);
  });

  it('an Authorization header wins over the cookie', async () => {
    const { cookie } = await signIn();
    const res = await ctx.http().get('/auth/me').set('Cookie', cookie.split(';')[0]).set(...bearer('slk_forged')).expect(401);
    expect(res.body.error).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged or missing cookie with 401', async () => {
    await ctx.http().get('/auth/me').set('Cookie', 'sillok_session=slk_forged').expect(401);
    await ctx.http().get('/auth/me').expect(401);
  });

  it('refuses a state-changing cookie request without X-Sillok-CSRF: 1 with 403 CSRF_HEADER_MISSING', async () => {
    const { cookie } = await signIn();
    const c = cookie.split(';')[0];
    const refused = await ctx.http().patch('/auth/me').set('Cookie', c).send({ language: 'ko' }).expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, error: 'CSRF_HEADER_MISSING' });
    await ctx.http().post('/cases').set('Cookie', c).send({ title: 'x' }).expect(403);
    await ctx.http().delete('/auth/session').set('Cookie', c).expect(403);
    await ctx.http().patch('/auth/me').set('Cookie', c).set('X-Sillok-CSRF', 'yes').send({ language: 'ko' }).expect(403);
    // Nothing changed, and the session still works.
    const me = await ctx.http().get('/auth/me').set('Cookie', c).expect(200);
    expect(me.body.language).toBeNull();
  });

  it('bearer-token callers need no CSRF header', async () => {
    const user = await ctx.createUser('analyst');
    await ctx.http().patch('/auth/me').set(...bearer(user.token)).send({ language: 'en' }).expect(200);
  });

  it('remembers the language per user and refuses an unknown one naming the field', async () => {
    const { cookie } = await signIn();
    const c = cookie.split(';')[0];
    const updated = await ctx.http().patch('/auth/me').set('Cookie', c).set('X-Sillok-CSRF', '1').send({ language: 'ko' }).expect(200);
    expect(updated.body.language).toBe('ko');
    expect((await ctx.http().get('/auth/me').set('Cookie', c).expect(200)).body.language).toBe('ko');
    const bad = await ctx.http().patch('/auth/me').set('Cookie', c).set('X-Sillok-CSRF', '1').send({ language: 'fr' }).expect(400);
    expect(JSON.stringify(bad.body.details)).toContain('language');
  });

  it('sign-out revokes the session and clears the cookie', async () => {
    const { cookie } = await signIn();
    const c = cookie.split(';')[0];
    const res = await ctx.http().delete('/auth/session').set('Cookie', c).set('X-Sillok-CSRF', '1').expect(204);
    const cleared = sessionCookie(res.headers['set-cookie']);
    expect(cookieValue(cleared)).toBe('');
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    await ctx.http().get('/auth/me').set('Cookie', c).expect(401);
  });

  it('refuses a wrong password with 401 and sets no cookie', async () => {
    const user = await ctx.createUser('analyst');
    const res = await ctx.http().post('/auth/session').send({ email: user.email, password: 'wrong-password' }).expect(401);
    expect(res.body.error).toBe('INVALID_CREDENTIALS');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses bad sign-in input with 400 naming the field', async () => {
    const res = await ctx.http().post('/auth/session').send({ email: 'a@example.org', password: 'x', totpCode: '12ab' }).expect(400);
    expect(JSON.stringify(res.body.details)).toContain('totpCode');
    const noEmail = await ctx.http().post('/auth/session').send({ password: 'x' }).expect(400);
    expect(JSON.stringify(noEmail.body.details)).toContain('email');
  });

  it('never writes the session token into the logs', async () => {
    const { token } = await signIn();
    expect(ctx.logs.join('\n')).not.toContain(token);
  });
});
