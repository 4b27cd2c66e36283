import { bearer, createTestContext, TestContext } from './helpers/test-app';

describe('bad input', () => {
  let ctx: TestContext;
  let admin: { token: string };
  beforeAll(async () => {
    ctx = await createTestContext({ BODY_LIMIT_BYTES: '4096' });
    admin = await ctx.createUser('admin');
  });
  afterAll(async () => { await ctx.close(); });

  const validUser = () => ({ email: `u${Date.now()}${Math.random().toString(16).slice(2)}@example.org`, displayName: 'U', role: 'analyst', password: 'long-enough-password' });

  it('malformed JSON gets 400 in the standard shape', async () => {
    const res = await ctx.http().post('/users').set(...bearer(admin.token)).set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: expect.any(String), message: expect.any(String), correlationId: expect.any(String) });
  });

  it('unknown fields get 400 naming the field', async () => {
    const res = await ctx.http().post('/users').set(...bearer(admin.token)).send({ ...validUser(), isSuperuser: true }).expect(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([{ field: 'isSuperuser', problems: ['property isSuperuser should not exist'] }]);
  });

  it('wrong types and values get 400 listing each field and problem', async () => {
    const res = await ctx.http().post('/users').set(...bearer(admin.token)).send({ email: 'not-an-email', displayName: 42, role: 'overlord', password: 'short' }).expect(400);
    const fields = (res.body.details as Array<{ field: string }>).map((d) => d.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'password', 'role']);
    expect(res.body.message).toMatch(/role must be one of: admin, investigator, analyst, reviewer/);
  });

  it('a bad path parameter gets 400', async () => {
    const res = await ctx.http().get('/jobs/not-a-uuid').set(...bearer(admin.token)).expect(400);
    expect(res.body.message).toMatch(/uuid/i);
  });

  it('an oversized body gets 413 and nothing is stored', async () => {
    const before = await ctx.sql<{ n: string }>('SELECT count(*)::text AS n FROM users');
    const res = await ctx.http().post('/users').set(...bearer(admin.token)).send({ ...validUser(), displayName: 'x'.repeat(10_000) }).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'PAYLOAD_TOO_LARGE' });
    const after = await ctx.sql<{ n: string }>('SELECT count(*)::text AS n FROM users');
    expect(after[0].n).toBe(before[0].n);
  });

  it('a valid request still succeeds', async () => {
    await ctx.http().post('/users').set(...bearer(admin.token)).send(validUser()).expect(201);
  });
});
