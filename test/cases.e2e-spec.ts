import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { createCaseFixture, CaseFixture } from './helpers/case-fixtures';

describe('cases and membership', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
  });
  afterAll(async () => { await ctx.close(); });

  it('the creator is the case lead with identity clearance', async () => {
    const res = await ctx.http().get(`/cases/${f.caseId}`).set(...bearer(f.lead.token)).expect(200);
    expect(res.body).toMatchObject({ id: f.caseId, status: 'active', myRole: 'lead', myIdentityClearance: true, version: 1 });
    expect(res.body).not.toHaveProperty('wrappedDataKey');
  });

  it('lists only the cases the caller is a member of', async () => {
    const mine = await ctx.http().get('/cases').set(...bearer(f.investigator.token)).expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([f.caseId]);
    const theirs = await ctx.http().get('/cases').set(...bearer(f.outsider.token)).expect(200);
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
    const filtered = await ctx.http().get('/cases?q=kwanliso&status=active&sort=title').set(...bearer(f.lead.token)).expect(200);
    expect(filtered.body.total).toBe(1);
    await ctx.http().get('/cases?sort=bogus').set(...bearer(f.lead.token)).expect(400);
  });

  it('a non-member gets the same 404 as a missing case; a global admin is no exception for content', async () => {
    const missing = await ctx.http().get('/cases/00000000-0000-4000-8000-000000000000').set(...bearer(f.outsider.token)).expect(404);
    const hidden = await ctx.http().get(`/cases/${f.caseId}`).set(...bearer(f.outsider.token)).expect(404);
    expect(hidden.body.message).toBe(missing.body.message);
    const admin = await ctx.createUser('admin');
    await ctx.http().get(`/cases/${f.caseId}`).set(...bearer(admin.token)).expect(404);
    // …but an admin administers membership.
    await ctx.http().get(`/cases/${f.caseId}/members`).set(...bearer(admin.token)).expect(200);
  });

  it('only a lead (or an admin) manages members; a case keeps at least one lead', async () => {
    await ctx.http().put(`/cases/${f.caseId}/members/${f.outsider.id}`).set(...bearer(f.investigator.token)).send({ role: 'observer', identityClearance: false }).expect(403);
    const demoted = await ctx.http().put(`/cases/${f.caseId}/members/${f.lead.id}`).set(...bearer(f.lead.token)).send({ role: 'analyst', identityClearance: true }).expect(422);
    expect(demoted.body.error).toBe('LAST_CASE_LEAD');
    const removed = await ctx.http().delete(`/cases/${f.caseId}/members/${f.lead.id}`).set(...bearer(f.lead.token)).expect(422);
    expect(removed.body.error).toBe('LAST_CASE_LEAD');
    const members = await ctx.http().get(`/cases/${f.caseId}/members`).set(...bearer(f.investigator.token)).expect(200);
    expect(members.body).toHaveLength(3);
    const audit = await ctx.sql<{ action: string }>("SELECT action FROM audit_log WHERE case_id = $1 AND action LIKE 'case.member%'", [f.caseId]);
    expect(audit.length).toBe(2);
  });

  it('updates need the version read; archived cases refuse changes until reopened', async () => {
    const other = await ctx.http().post('/cases').set(...bearer(f.lead.token)).send({ title: 'Archive me' }).expect(201);
    const id = other.body.id as string;
    await ctx.http().patch(`/cases/${id}`).set(...bearer(f.lead.token)).send({ version: 1, title: 'Renamed' }).expect(200);
    await ctx.http().patch(`/cases/${id}`).set(...bearer(f.lead.token)).send({ version: 1, title: 'Stale' }).expect(409);
    await ctx.http().patch(`/cases/${id}`).set(...bearer(f.lead.token)).send({ version: 2, status: 'archived' }).expect(200);
    const refused = await ctx.http().post(`/cases/${id}/people`).set(...bearer(f.lead.token)).send({ kind: 'witness' }).expect(409);
    expect(refused.body.message).toMatch(/archived/);
    await ctx.http().get(`/cases/${id}`).set(...bearer(f.lead.token)).expect(200);
    await ctx.http().patch(`/cases/${id}`).set(...bearer(f.lead.token)).send({ version: 3, status: 'active' }).expect(200);
    await ctx.http().post(`/cases/${id}/people`).set(...bearer(f.lead.token)).send({ kind: 'witness' }).expect(201);
  });

  it('reviewers cannot create cases', async () => {
    const reviewer = await ctx.createUser('reviewer');
    await ctx.http().post('/cases').set(...bearer(reviewer.token)).send({ title: 'x' }).expect(403);
  });
});
