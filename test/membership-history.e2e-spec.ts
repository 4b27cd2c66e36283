import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';

describe('case membership history', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let admin: { id: string; token: string };
  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    admin = await ctx.createUser('admin');
  });
  afterAll(async () => { await ctx.close(); });

  const history = (token: string, query = '') => ctx.http().get(`/cases/${f.caseId}/members/history${query}`).set(...bearer(token));

  it('an admin who grants themselves identity clearance is audited as such, and the lead sees it in the history', async () => {
    await ctx.http().put(`/cases/${f.caseId}/members/${admin.id}`).set(...bearer(admin.token)).send({ role: 'observer', identityClearance: true }).expect(200);

    const [entry] = await ctx.sql<{ action: string; actor_id: string; subject_id: string; details: Record<string, unknown> }>(
      'SELECT action, actor_id, subject_id, details FROM audit_log WHERE case_id = $1 ORDER BY seq DESC LIMIT 1',
      [f.caseId],
    );
    expect(entry).toMatchObject({ action: 'case.member.clearance_granted', actor_id: admin.id, subject_id: admin.id });
    expect(entry.details).toEqual({ change: 'added', before: null, after: { role: 'observer', identityClearance: true }, actorGlobalRole: 'admin', actorWasMember: false, adminOutsideCase: true });

    const res = await history(f.lead.token).expect(200);
    expect(res.body).toMatchObject({ total: 4, limit: 25, offset: 0 });
    expect(res.body.items[0]).toEqual({
      seq: expect.any(String),
      at: expect.any(String),
      change: 'added',
      userId: admin.id,
      userDisplayName: 'admin user',
      before: null,
      after: { role: 'observer', identityClearance: true },
      clearanceGranted: true,
      actorId: admin.id,
      actorDisplayName: 'admin user',
      actorGlobalRole: 'admin',
      adminOutsideCase: true,
    });
    // Newest first, back to the case's creation: the fixture's two members, then the creator as lead.
    expect(res.body.items.map((e: { userId: string; change: string }) => [e.userId, e.change])).toEqual([
      [admin.id, 'added'],
      [f.observer.id, 'added'],
      [f.investigator.id, 'added'],
      [f.lead.id, 'added'],
    ]);
    expect(res.body.items[3]).toMatchObject({ after: { role: 'lead', identityClearance: true }, clearanceGranted: true, actorId: f.lead.id });
    expect(res.body.items[1]).toMatchObject({ after: { role: 'observer', identityClearance: false }, clearanceGranted: false, adminOutsideCase: false, actorGlobalRole: 'investigator' });
  });

  it('records changes and removals with role and clearance before and after, filterable by user and paginated', async () => {
    await ctx.http().put(`/cases/${f.caseId}/members/${f.investigator.id}`).set(...bearer(f.lead.token)).send({ role: 'investigator', identityClearance: true }).expect(200);
    await ctx.http().put(`/cases/${f.caseId}/members/${f.investigator.id}`).set(...bearer(f.lead.token)).send({ role: 'analyst', identityClearance: false }).expect(200);
    await ctx.http().delete(`/cases/${f.caseId}/members/${f.observer.id}`).set(...bearer(admin.token)).expect(204);

    const investigator = await history(f.lead.token, `?userId=${f.investigator.id}`).expect(200);
    expect(investigator.body.total).toBe(3);
    expect(investigator.body.items.map((e: Record<string, unknown>) => ({ change: e.change, before: e.before, after: e.after, clearanceGranted: e.clearanceGranted }))).toEqual([
      { change: 'changed', before: { role: 'investigator', identityClearance: true }, after: { role: 'analyst', identityClearance: false }, clearanceGranted: false },
      { change: 'changed', before: { role: 'investigator', identityClearance: false }, after: { role: 'investigator', identityClearance: true }, clearanceGranted: true },
      { change: 'added', before: null, after: { role: 'investigator', identityClearance: false }, clearanceGranted: false },
    ]);
    const grants = await ctx.sql("SELECT 1 FROM audit_log WHERE case_id = $1 AND action = 'case.member.clearance_granted'", [f.caseId]);
    expect(grants).toHaveLength(2);

    const removal = await history(f.lead.token, `?userId=${f.observer.id}&limit=1`).expect(200);
    expect(removal.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
    // The admin is a member now (observer, added above): no longer acting from outside the case.
    expect(removal.body.items).toEqual([expect.objectContaining({ change: 'removed', before: { role: 'observer', identityClearance: false }, after: null, actorId: admin.id, adminOutsideCase: false })]);

    const all = await history(f.lead.token).expect(200);
    expect(all.body.total).toBe(7);
    const page2 = await history(f.lead.token, '?limit=3&offset=3').expect(200);
    expect(page2.body.items.map((e: { seq: string }) => e.seq)).toEqual(all.body.items.slice(3, 6).map((e: { seq: string }) => e.seq));
  });

  it('leads and admins only: a member who is not a lead gets 403, a non-member 404, an anonymous caller 401', async () => {
    const res = await history(f.investigator.token).expect(403);
    expect(res.body.error).toBe('FORBIDDEN');
    await history(f.outsider.token).expect(404);
    await ctx.http().get(`/cases/${f.caseId}/members/history`).expect(401);
    const otherAdmin = await ctx.createUser('admin');
    await history(otherAdmin.token).expect(200);
    await ctx.http().get('/cases/00000000-0000-4000-8000-000000000000/members/history').set(...bearer(otherAdmin.token)).expect(404);
  });

  it('bad query values get 400 naming the field', async () => {
    const res = await history(f.lead.token, '?userId=someone').expect(400);
    expect(res.body.details).toEqual([{ field: 'userId', problems: ['userId must be a user id (uuid)'] }]);
    const limit = await history(f.lead.token, '?limit=0').expect(400);
    expect(limit.body.details[0].field).toBe('limit');
  });
});
