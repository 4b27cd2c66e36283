import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';

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

/** Input that used to reach the database or overflow the stack: each answered 400 naming the field. */
describe('bad input never gets a 5xx', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let admin: { token: string };
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.createUser('admin');
    f = await createCaseFixture(ctx);
  });
  afterAll(async () => { await ctx.close(); });

  it('bodies nested 5,000 objects or 20,000 arrays deep get 400, as does a deep property, and nothing is stored', async () => {
    const before = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    const deepObjects = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const deepArrays = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    for (const body of [deepObjects, deepArrays, `{"title":${deepArrays}}`]) {
      const res = await ctx.http().post('/cases').set(...bearer(f.lead.token)).set('Content-Type', 'application/json').send(body).expect(400);
      expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', details: [{ problems: ['is nested more than 32 levels deep'] }] });
    }
    await ctx.http().patch(`/cases/${f.caseId}`).set(...bearer(f.lead.token)).set('Content-Type', 'application/json').send(deepObjects).expect(400);
    expect((await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM cases'))[0].n).toBe(before[0].n);
  });

  it('NUL in the q, code and tag query values gets 400 naming the parameter (it was PostgreSQL error 22021)', async () => {
    const lead = bearer(f.lead.token);
    for (const url of ['/cases?q=%00', `/cases/${f.caseId}/people?code=W%00`, `/cases/${f.caseId}/testimonies?tag=%00x`, `/cases/${f.caseId}/incidents?q=a%00`, `/cases/${f.caseId}/perpetrators?q=%00`, '/legal/frameworks?code=%00']) {
      const res = await ctx.http().get(url).set(...lead).expect(400);
      const param = new URL(url, 'http://x').searchParams.keys().next().value;
      expect(res.body.details, url).toEqual([{ field: param, problems: ['must not contain NUL characters (U+0000)'] }]);
    }
  });

  it('a lone surrogate in POST /users email gets 400 naming the field, and no user is created', async () => {
    const before = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM users');
    const res = await ctx.http().post('/users').set(...bearer(admin.token)).set('Content-Type', 'application/json')
      .send('{"email":"a\\ud800@example.org","displayName":"U","role":"analyst","password":"long-enough-password"}').expect(400);
    expect(res.body.details).toEqual([{ field: 'email', problems: ['must be valid Unicode text (it contains a lone surrogate)'] }]);
    expect((await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0].n).toBe(before[0].n);
  });

  it('a page offset beyond what PostgreSQL can take gets 400, not a numeric overflow', async () => {
    for (const offset of ['1e20', '9223372036854775808']) {
      const res = await ctx.http().get(`/cases/${f.caseId}/people?offset=${offset}`).set(...bearer(f.lead.token)).expect(400);
      expect(res.body.details[0].field).toBe('offset');
    }
  });

  it('null where the API does not declare it nullable gets 400; where it does, null still clears the value', async () => {
    const c = (await ctx.http().get(`/cases/${f.caseId}`).set(...bearer(f.lead.token)).expect(200)).body;
    const res = await ctx.http().patch(`/cases/${f.caseId}`).set(...bearer(f.lead.token)).send({ version: c.version, status: null }).expect(400);
    expect(res.body.details).toEqual([{ field: 'status', problems: ['must not be null (leave it out instead)'] }]);
    await ctx.http().patch(`/cases/${f.caseId}`).set(...bearer(f.lead.token)).send({ version: c.version, description: null }).expect(200);
  });

  it('an array where a nested object belongs gets 400 (class-validator let [] through as a valid object)', async () => {
    const draft = (await ctx.http().post('/legal/frameworks').set(...bearer(admin.token)).send({ code: 'kr-test', version: '1', titleEn: 'Test law' }).expect(201)).body;
    const res = await ctx.http().post(`/legal/frameworks/${draft.id}/modes`).set(...bearer(admin.token)).send({ code: 'KR-M', titleEn: 'Mode', requirements: [[]] }).expect(400);
    expect(res.body.details).toEqual([{ field: 'requirements', problems: ['requirements must contain only objects'] }]);
  });

  it('creating the same e-mail twice at once: one 201, the other 409, never a unique-violation 500', async () => {
    const body = { email: 'same-time@example.org', displayName: 'Twin', role: 'analyst', password: 'long-enough-password' };
    const statuses = (await Promise.all([1, 2, 3].map(() => ctx.http().post('/users').set(...bearer(admin.token)).send(body)))).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
  });
});
