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

  it('answers in Korean when Accept-Language prefers it, with the same codes and fields', async () => {
    const res = await ctx.http().post('/users').set(...bearer(admin.token)).set('Accept-Language', 'ko-KR,ko;q=0.9,en;q=0.8')
      .send({ email: 'not-an-email', displayName: 'U', role: 'overlord', password: 'long-enough-password', isSuperuser: true }).expect(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries((res.body.details as Array<{ field: string; problems: string[] }>).map((d) => [d.field, d.problems]));
    expect(byField.isSuperuser).toEqual(['isSuperuser: 허용되지 않는 항목입니다']);
    expect(byField.email).toEqual(['email: 올바른 이메일 주소여야 합니다']);
    expect(byField.role[0]).toMatch(/^role: 다음 중 하나여야 합니다: admin/);
    expect(res.body.message).toMatch(/^입력한 내용을 확인해 주세요/);
    const missing = await ctx.http().get('/jobs/00000000-0000-4000-8000-000000000000').set(...bearer(admin.token)).set('Accept-Language', 'ko').expect(404);
    expect(missing.body).toMatchObject({ error: 'NOT_FOUND', message: '찾을 수 없습니다 (Job not found)' });
    const english = await ctx.http().get('/jobs/00000000-0000-4000-8000-000000000000').set(...bearer(admin.token)).set('Accept-Language', 'en-GB,ko;q=0.5').expect(404);
    expect(english.body.message).toBe('Job not found');
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
