import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, IDENTIFYING_STRINGS, WITNESS_IDENTITY } from './helpers/case-fixtures';

describe('audit trail (filtered read of the log)', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let other: CaseFixture;
  let admin: { id: string; token: string };
  let personId: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    other = await createCaseFixture(ctx);
    admin = await ctx.createUser('admin');
    const person = await ctx.http().post(`/cases/${f.caseId}/people`).set(...bearer(f.lead.token)).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
    personId = person.body.id as string;
    await ctx.http().get(`/cases/${f.caseId}/people/${personId}/identity`).set(...bearer(f.lead.token)).expect(200);
  });
  afterAll(async () => { await ctx.close(); });

  const trail = (token: string, query = '', caseId = f.caseId) => ctx.http().get(`/cases/${caseId}/audit${query}`).set(...bearer(token));

  it('a lead reads their case’s trail newest first, with identity reads highlighted and no identifying data', async () => {
    const res = await trail(f.lead.token).expect(200);
    const seqs = res.body.items.map((e: { seq: string }) => Number(e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(res.body.items.every((e: { caseId: string }) => e.caseId === f.caseId)).toBe(true);
    expect(res.body.items[0]).toMatchObject({ action: 'person.identity_read', subjectType: 'person', subjectId: personId, actorId: f.lead.id, actorDisplayName: expect.any(String), highlight: 'identity_read' });
    expect(res.body.items.find((e: { action: string }) => e.action === 'person.create')).toMatchObject({ highlight: null });
    const body = JSON.stringify(res.body);
    for (const s of IDENTIFYING_STRINGS) expect(body).not.toContain(s);
  });

  it('filters by action prefix, actor, record, period and highlight, and pages', async () => {
    const byAction = await trail(f.lead.token, '?action=person.').expect(200);
    expect(byAction.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['person.create', 'person.identity_read']);
    const exact = await trail(f.lead.token, '?action=person.identity_read').expect(200);
    expect(exact.body.total).toBe(1);

    const byActor = await trail(f.lead.token, `?actorId=${f.investigator.id}`).expect(200);
    expect(byActor.body.total).toBe(0);
    const byLead = await trail(f.lead.token, `?actorId=${f.lead.id}`).expect(200);
    expect(byLead.body.total).toBeGreaterThanOrEqual(4);

    const byRecord = await trail(f.lead.token, `?subjectType=person&subjectId=${personId}`).expect(200);
    expect(byRecord.body.items.map((e: { action: string }) => e.action)).toEqual(['person.identity_read', 'person.create']);

    const future = await trail(f.lead.token, '?from=2999-01-01T00:00:00Z').expect(200);
    expect(future.body.total).toBe(0);
    const past = await trail(f.lead.token, '?to=2000-01-01').expect(200);
    expect(past.body.total).toBe(0);
    const now = await trail(f.lead.token, `?from=2000-01-01&to=2999-01-01`).expect(200);
    expect(now.body.total).toBe(byLead.body.total);

    const reads = await trail(f.lead.token, '?highlight=identity_read').expect(200);
    expect(reads.body.items.map((e: { action: string }) => e.action)).toEqual(['person.identity_read']);

    const paged = await trail(f.lead.token, '?limit=1&offset=1').expect(200);
    expect(paged.body).toMatchObject({ total: byLead.body.total, limit: 1, offset: 1 });
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.items[0].action).toBe('person.create');
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    for (const [query, field] of [['?action=DROP%20TABLE', 'action'], ['?from=yesterday', 'from'], ['?actorId=nope', 'actorId'], ['?highlight=all', 'highlight'], ['?limit=0', 'limit']]) {
      const res = await trail(f.lead.token, query).expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });

  it('a member who is not a lead gets 403, a non-member 404, and a lead sees only their case', async () => {
    await trail(f.investigator.token).expect(403);
    await trail(f.observer.token).expect(403);
    await trail(f.outsider.token).expect(404);
    await trail(f.lead.token, '', other.caseId).expect(404);
    await trail(f.lead.token, '', '00000000-0000-4000-8000-000000000000').expect(404);
    const res = await trail(other.lead.token, '', other.caseId).expect(200);
    expect(res.body.items.some((e: { subjectId: string }) => e.subjectId === personId)).toBe(false);
  });

  it('an admin reads any case’s trail and the whole log; others may not read the whole log', async () => {
    await trail(admin.token).expect(200);
    const all = await ctx.http().get('/audit').set(...bearer(admin.token)).expect(200);
    const [{ n }] = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(all.body.total).toBe(n);
    const logins = await ctx.http().get(`/audit?action=auth.login&actorId=${f.lead.id}`).set(...bearer(admin.token)).expect(200);
    expect(logins.body.total).toBeGreaterThanOrEqual(1);
    expect(logins.body.items.every((e: { action: string; caseId: string | null }) => e.action.startsWith('auth.login') && e.caseId === null)).toBe(true);
    await ctx.http().get('/audit').set(...bearer(f.lead.token)).expect(403);
    await ctx.http().get('/audit').expect(401);
  });
});
