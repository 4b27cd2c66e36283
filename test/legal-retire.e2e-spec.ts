import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';

interface FrameworkBody { id: string; status: string; revision: number; retiredAt: string | null; retirementReason: string | null; crimes: Array<{ elements: Array<{ id: string }> }> }

describe('retiring a published legal framework; deleting a draft', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let admin: { id: string; token: string };
  let analyst: { id: string; token: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    admin = await ctx.createUser('admin');
    analyst = await ctx.createUser('analyst');
    await ctx.http().put(`/cases/${f.caseId}/members/${analyst.id}`).set(...bearer(f.lead.token)).send({ role: 'analyst', identityClearance: false }).expect(200);
  });
  afterAll(async () => { await ctx.close(); });

  const draftFramework = async (version: string): Promise<FrameworkBody> => {
    const auth = bearer(analyst.token);
    const created = (await ctx.http().post('/legal/frameworks').set(...auth).send({ code: `test-code-${version}`, version, titleEn: 'Test code', groups: [{ key: 'g', titleEn: 'G' }] }).expect(201)).body as FrameworkBody;
    return (await ctx.http().post(`/legal/frameworks/${created.id}/crimes`).set(...auth).send({ code: 'T-1', group: 'g', titleEn: 'Wrongly transcribed crime', elements: [{ kind: 'material', text: 'Wrong text.' }] }).expect(201)).body as FrameworkBody;
  };

  it('an admin retires it: no new links, existing links, matrix and reads keep it; the list hides it unless asked', async () => {
    const draft = await draftFramework('1');
    const published = (await ctx.http().post(`/legal/frameworks/${draft.id}/publish`).set(...bearer(analyst.token)).send({ revision: draft.revision }).expect(200)).body as FrameworkBody;
    const item = await ctx.http().post(`/cases/${f.caseId}/evidence`).set(...bearer(analyst.token)).send({ kind: 'physical_item', title: 'Uniform' }).expect(201);
    const linkBody = { itemId: item.body.id, frameworkVersionId: published.id, elementId: published.crimes[0].elements[0].id, relation: 'supports', probativeValue: 3, sourceReliability: 'B', informationCredibility: 2 };
    const existing = await ctx.http().post(`/cases/${f.caseId}/evidence-links`).set(...bearer(analyst.token)).send(linkBody).expect(201);

    // Only admins; a reason and the current revision are required.
    await ctx.http().post(`/legal/frameworks/${published.id}/retire`).set(...bearer(analyst.token)).send({ revision: published.revision, reason: 'Mistranscribed element' }).expect(403);
    const noReason = await ctx.http().post(`/legal/frameworks/${published.id}/retire`).set(...bearer(admin.token)).send({ revision: published.revision }).expect(400);
    expect(noReason.body.details[0].field).toBe('reason');
    await ctx.http().post(`/legal/frameworks/${published.id}/retire`).set(...bearer(admin.token)).send({ revision: published.revision + 5, reason: 'Mistranscribed element' }).expect(409);
    const retired = (await ctx.http().post(`/legal/frameworks/${published.id}/retire`).set(...bearer(admin.token)).send({ revision: published.revision, reason: 'Mistranscribed element' }).expect(200)).body as FrameworkBody;
    expect(retired).toMatchObject({ status: 'retired', retirementReason: 'Mistranscribed element' });
    expect(retired.retiredAt).toEqual(expect.any(String));
    await ctx.http().post(`/legal/frameworks/${published.id}/retire`).set(...bearer(admin.token)).send({ revision: retired.revision, reason: 'again' }).expect(409);

    // Hidden from new links (422 naming the field), kept for the existing one and the matrix.
    const refused = await ctx.http().post(`/cases/${f.caseId}/evidence-links`).set(...bearer(analyst.token)).send({ ...linkBody, probativeValue: 4, relation: 'context' }).expect(422);
    expect(refused.body.details[0].field).toBe('frameworkVersionId');
    await ctx.http().get(`/cases/${f.caseId}/evidence-links/${existing.body.id}`).set(...bearer(analyst.token)).expect(200);
    await ctx.http().get(`/cases/${f.caseId}/matrix?frameworkVersionId=${published.id}`).set(...bearer(analyst.token)).expect(200);
    await ctx.http().get(`/legal/frameworks/${published.id}`).set(...bearer(analyst.token)).expect(200);

    const listed = await ctx.http().get('/legal/frameworks?code=test-code-1').set(...bearer(analyst.token)).expect(200);
    expect(listed.body.items).toEqual([]);
    const withRetired = await ctx.http().get('/legal/frameworks?code=test-code-1&includeRetired=true').set(...bearer(analyst.token)).expect(200);
    expect(withRetired.body.items.map((x: FrameworkBody) => x.status)).toEqual(['retired']);

    // The database still refuses any other change to it, and its deletion.
    await expect(ctx.sql(`UPDATE legal_frameworks SET title_en = 'x' WHERE id = '${published.id}'`)).rejects.toThrow(/never changes/);
    await expect(ctx.sql(`DELETE FROM legal_frameworks WHERE id = '${published.id}'`)).rejects.toThrow(/never deleted/);
    const audit = await ctx.sql<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'legal.framework.retire'");
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ previousStatus: 'published', existingLinks: 1 });
  });

  it('a draft cannot be retired but can be deleted; a published one cannot be deleted', async () => {
    const draft = await draftFramework('2');
    await ctx.http().post(`/legal/frameworks/${draft.id}/retire`).set(...bearer(admin.token)).send({ revision: draft.revision, reason: 'not needed' }).expect(409);
    await ctx.http().delete(`/legal/frameworks/${draft.id}?revision=${draft.revision}`).set(...bearer(admin.token)).expect(204);
    await ctx.http().get(`/legal/frameworks/${draft.id}`).set(...bearer(admin.token)).expect(404);
    const rome = await ctx.http().get('/legal/frameworks?code=rome-statute&status=published').set(...bearer(admin.token)).expect(200);
    await ctx.http().delete(`/legal/frameworks/${rome.body.items[0].id}?revision=${rome.body.items[0].revision}`).set(...bearer(admin.token)).expect(409);
  });
});
