import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, TRANSCRIPT_TEXT } from './helpers/case-fixtures';

interface Summary { cases: Array<{ caseId: string; title: string; role: string; linksToReview: number; redactionsToReview: number; staleRedactions: number; failedJobs: number; activeJobs: number }>; linksToReview: number; redactionsToReview: number; failedJobs: number }

describe('my work: what waits for me, my activity, member look-up, case jobs', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let reviewer: { id: string; token: string; email: string };
  let analyst: { id: string; token: string };
  let elementId: string;
  let frameworkVersionId: string;
  let itemId: string;

  const summary = async (token: string): Promise<Summary> => (await ctx.http().get('/me/summary').set(...bearer(token)).expect(200)).body as Summary;

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    reviewer = await ctx.createUser('reviewer', { email: 'hana.reviewer@example.org' });
    await ctx.sql(`UPDATE users SET display_name = 'Park Hana' WHERE id = $1`, [reviewer.id]);
    analyst = await ctx.createUser('analyst');
    await ctx.http().put(`/cases/${f.caseId}/members/${reviewer.id}`).set(...bearer(f.lead.token)).send({ role: 'reviewer', identityClearance: false }).expect(200);
    await ctx.http().put(`/cases/${f.caseId}/members/${analyst.id}`).set(...bearer(f.lead.token)).send({ role: 'analyst', identityClearance: false }).expect(200);
    const list = await ctx.http().get('/legal/frameworks?code=rome-statute&status=published').set(...bearer(f.lead.token)).expect(200);
    frameworkVersionId = list.body.items[0].id;
    const rome = (await ctx.http().get(`/legal/frameworks/${frameworkVersionId}`).set(...bearer(f.lead.token)).expect(200)).body as { crimes: Array<{ elements: Array<{ id: string }> }> };
    elementId = rome.crimes[0].elements[0].id;
    const person = await ctx.http().post(`/cases/${f.caseId}/people`).set(...bearer(f.lead.token)).send({ kind: 'witness' }).expect(201);
    const testimony = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...bearer(f.lead.token))
      .send({ intervieweeId: person.body.id, interviewDate: { date: '2019-07-12', precision: 'day' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
    const transcript = await ctx.http().post(`/cases/${f.caseId}/testimonies/${testimony.body.id}/transcripts`).set(...bearer(f.lead.token)).send({ kind: 'original', language: 'ko', text: TRANSCRIPT_TEXT }).expect(201);
    const item = await ctx.http().post(`/cases/${f.caseId}/evidence`).set(...bearer(f.lead.token))
      .send({ kind: 'transcript_passage', title: 'Forced labour', passage: { transcriptVersionId: transcript.body.versions[0].id, start: 0, end: 10 } }).expect(201);
    itemId = item.body.id;
  });
  afterAll(async () => { await ctx.close(); });

  it('a proposed link waits for reviewers who did not make it, not for its author or non-reviewers', async () => {
    expect((await summary(reviewer.token)).linksToReview).toBe(0);
    await ctx.http().post(`/cases/${f.caseId}/evidence-links`).set(...bearer(analyst.token))
      .send({ itemId, frameworkVersionId, elementId, relation: 'supports', probativeValue: 4, sourceReliability: 'B', informationCredibility: 2 }).expect(201);
    const forReviewer = await summary(reviewer.token);
    expect(forReviewer.linksToReview).toBe(1);
    expect(forReviewer.cases).toEqual([expect.objectContaining({ caseId: f.caseId, title: 'Kwanliso 15 detention', role: 'reviewer', linksToReview: 1 })]);
    expect((await summary(f.lead.token)).linksToReview).toBe(1);
    expect((await summary(analyst.token)).linksToReview).toBe(0);
    expect((await summary(f.investigator.token)).linksToReview).toBe(0);
    expect((await summary(f.outsider.token)).cases).toEqual([]);
  });

  it('failed jobs count for their starter and the case leads only', async () => {
    await ctx.sql(`INSERT INTO jobs (id, queue, name, status, progress, payload, attempts, case_id, created_by, error, finished_at)
      VALUES (gen_random_uuid(), 'redaction', 'redaction.run', 'failed', 40, '{}', 3, $1, $2, 'Unknown profile', now())`, [f.caseId, analyst.id]);
    expect((await summary(analyst.token)).failedJobs).toBe(1);
    expect((await summary(f.lead.token)).failedJobs).toBe(1);
    expect((await summary(reviewer.token)).failedJobs).toBe(0);
    const mine = await ctx.http().get(`/cases/${f.caseId}/jobs?status=failed`).set(...bearer(analyst.token)).expect(200);
    expect(mine.body).toMatchObject({ total: 1, items: [{ status: 'failed', error: 'Unknown profile', progress: 40 }] });
    const lead = await ctx.http().get(`/cases/${f.caseId}/jobs`).set(...bearer(f.lead.token)).expect(200);
    expect(lead.body.total).toBe(1);
    await ctx.http().get(`/jobs/${lead.body.items[0].id}`).set(...bearer(f.lead.token)).expect(200);
    await ctx.http().get(`/jobs/${lead.body.items[0].id}`).set(...bearer(reviewer.token)).expect(404);
    expect((await ctx.http().get(`/cases/${f.caseId}/jobs`).set(...bearer(reviewer.token)).expect(200)).body.total).toBe(0);
    await ctx.http().get(`/cases/${f.caseId}/jobs`).set(...bearer(f.outsider.token)).expect(404);
    await ctx.http().get(`/cases/${f.caseId}/jobs?status=exploded`).set(...bearer(f.lead.token)).expect(400);
  });

  it('my activity lists my own audit entries, newest first, paged, without details', async () => {
    const first = await ctx.http().get('/me/activity?limit=2').set(...bearer(f.lead.token)).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]).toEqual({ seq: expect.any(String), occurredAt: expect.any(String), action: expect.any(String), subjectType: expect.any(String), subjectId: expect.anything(), caseId: expect.anything(), caseTitle: expect.anything() });
    expect(Number(first.body.items[0].seq)).toBeGreaterThan(Number(first.body.items[1].seq));
    const second = await ctx.http().get(`/me/activity?limit=2&before=${first.body.nextBefore}`).set(...bearer(f.lead.token)).expect(200);
    expect(Number(second.body.items[0].seq)).toBeLessThan(Number(first.body.items[1].seq));
    const actions = (await ctx.http().get('/me/activity?limit=100').set(...bearer(f.lead.token)).expect(200)).body.items.map((i: { action: string }) => i.action);
    expect(actions).toContain('case.create');
    expect(actions).not.toContain('evidence.link.create');
    await ctx.http().get('/me/activity?limit=0').set(...bearer(f.lead.token)).expect(400);
  });

  it('a lead finds staff by name or e-mail to add them; others may not look', async () => {
    const byName = await ctx.http().get(`/cases/${f.caseId}/member-candidates?q=hana`).set(...bearer(f.lead.token)).expect(200);
    expect(byName.body).toEqual([{ id: reviewer.id, displayName: 'Park Hana', email: 'hana.reviewer@example.org', role: 'reviewer', caseRole: 'reviewer' }]);
    const byEmail = await ctx.http().get(`/cases/${f.caseId}/member-candidates?q=HANA.REV`).set(...bearer(f.lead.token)).expect(200);
    expect(byEmail.body.map((c: { id: string }) => c.id)).toEqual([reviewer.id]);
    expect((await ctx.http().get(`/cases/${f.caseId}/member-candidates`).set(...bearer(f.lead.token)).expect(200)).body.length).toBeGreaterThanOrEqual(5);
    expect((await ctx.http().get(`/cases/${f.caseId}/member-candidates?q=%25%25`).set(...bearer(f.lead.token)).expect(200)).body).toEqual([]);
    const tooShort = await ctx.http().get(`/cases/${f.caseId}/member-candidates?q=h`).set(...bearer(f.lead.token)).expect(400);
    expect(tooShort.body.details[0].field).toBe('q');
    await ctx.http().get(`/cases/${f.caseId}/member-candidates?q=hana`).set(...bearer(reviewer.token)).expect(403);
    await ctx.http().get(`/cases/${f.caseId}/member-candidates?q=hana`).set(...bearer(f.outsider.token)).expect(404);
    const admin = await ctx.createUser('admin');
    await ctx.http().get(`/cases/${f.caseId}/member-candidates?q=hana`).set(...bearer(admin.token)).expect(200);
  });
});
