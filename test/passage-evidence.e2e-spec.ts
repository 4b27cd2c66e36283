import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, WITNESS_IDENTITY } from './helpers/case-fixtures';

// Issue 16 (reader leftovers) item 3: a passage, its element link and its requirement link are
// recorded by one request in one transaction. A link the server refuses leaves no evidence item
// (nor a used code, nor an audit entry) behind; the retry creates exactly one.

const SENTENCE = 'The guards locked me in a punishment cell for three months without trial.';
const TEXT = `I arrived at the camp in 1997. ${SENTENCE} Nobody told my family.`;

interface Framework { id: string; crimes: Array<{ code: string; elements: Array<{ id: string; code: string; alternatives: Array<{ letter: string }> }> }>; modesOfLiability: Array<{ id: string; code: string; requirements: Array<{ id: string; code: string }> }> }

describe('POST /cases/:caseId/evidence/passages: passage and links in one transaction', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let rome: Framework;
  let versionId: string;
  let elementId: string;
  let unit: string;
  let individual: string;
  const counts = async () => {
    const [row] = await ctx.sql<{ items: number; links: number; liability: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM evidence_items WHERE case_id = $1) AS items, (SELECT count(*)::int FROM evidence_links WHERE case_id = $1) AS links,
              (SELECT count(*)::int FROM liability_links WHERE case_id = $1) AS liability,
              (SELECT count(*)::int FROM audit_log WHERE case_id = $1 AND action IN ('evidence.create', 'evidence_link.create', 'liability_link.create')) AS audit`,
      [f.caseId],
    );
    return row;
  };
  const passage = (start = TEXT.indexOf(SENTENCE), end = start + SENTENCE.length) => ({ transcriptVersionId: versionId, start, end });
  const assessment = { relation: 'supports', probativeValue: 4, sourceReliability: 'B', informationCredibility: 2 };
  const post = (token: string, body: object) => ctx.http().post(`/cases/${f.caseId}/evidence/passages`).set(...bearer(token)).send(body);

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    const lead = bearer(f.lead.token);
    const witness = await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
    const testimony = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({
      intervieweeId: witness.body.id, interviewDate: { date: '2024-05-03', precision: 'day' }, languages: ['en'], modality: 'in_person', riskLevel: 'high',
    }).expect(201);
    const transcript = await ctx.http().post(`/cases/${f.caseId}/testimonies/${testimony.body.id}/transcripts`).set(...lead).send({ kind: 'original', language: 'en', text: TEXT }).expect(201);
    versionId = transcript.body.versions[0].id;
    const list = await ctx.http().get('/legal/frameworks?code=rome-statute&status=published').set(...lead).expect(200);
    rome = (await ctx.http().get(`/legal/frameworks/${list.body.items[0].id}`).set(...lead).expect(200)).body as Framework;
    elementId = rome.crimes.find((c) => c.code === 'RS-7-1-e')!.elements[0].id;
    unit = (await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', unitType: 'security_agency', name: 'Ministry of State Security' }).expect(201)).body.id;
    const person = (await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'perpetrator_individual', identity: { namesHangul: ['박경비'] } }).expect(201)).body;
    individual = (await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'individual', personId: person.id }).expect(201)).body.id;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('a link that fails validation leaves no evidence item behind; the retry creates exactly one item and one link', async () => {
    const before = await counts();
    // Element 1 of imprisonment has no lettered alternatives: the link is refused after the item was written in the transaction.
    expect(rome.crimes.find((c) => c.code === 'RS-7-1-e')!.elements[0].alternatives).toEqual([]);
    const refused = await post(f.lead.token, { title: 'Punishment cell', passage: passage(), link: { frameworkVersionId: rome.id, elementId, alternative: 'a', ...assessment } });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.details).toEqual([{ field: 'link.alternative', problems: [expect.stringMatching(/must be absent/)] }]);
    expect(refused.body.message).toMatch(/^link\.alternative /);
    expect(await counts()).toEqual(before);
    // An element of another framework (a made-up id) is refused the same way.
    const unknown = await post(f.lead.token, { title: 'Punishment cell', passage: passage(), link: { frameworkVersionId: rome.id, elementId: '00000000-0000-4000-8000-000000000000', ...assessment } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].field).toBe('link.elementId');
    expect(await counts()).toEqual(before);

    const ok = await post(f.lead.token, { title: 'Punishment cell', passage: passage(), link: { frameworkVersionId: rome.id, elementId, ...assessment, note: 'Three months.' } });
    expect(ok.status, ok.text).toBe(201);
    // The refused attempts used no code: the first item of the case is E-0001.
    expect(ok.body.item).toMatchObject({ code: 'E-0001', kind: 'transcript_passage', title: 'Punishment cell', passage: { transcriptVersionId: versionId, start: TEXT.indexOf(SENTENCE) } });
    expect(ok.body.link).toMatchObject({ itemId: ok.body.item.id, itemCode: 'E-0001', elementId, status: 'proposed', probativeValue: 4 });
    expect(ok.body.liabilityLink).toBeNull();
    expect(await counts()).toEqual({ items: before.items + 1, links: before.links + 1, liability: before.liability, audit: before.audit + 2 });
  });

  it('with a requirement: item, element link and requirement link together; a unit as the accused (422) leaves nothing', async () => {
    const joint = rome.modesOfLiability.find((m) => m.code === 'RS-25-3-a-joint')!;
    const requirementId = joint.requirements[0]!.id;
    const before = await counts();
    const body = (perpetratorId: string) => ({ title: 'Order to lock up', passage: passage(0, TEXT.indexOf(' ')), link: { frameworkVersionId: rome.id, elementId, perpetratorId, modeOfLiabilityId: joint.id, ...assessment }, requirementId });
    const unitRefused = await post(f.lead.token, body(unit));
    expect(unitRefused.status).toBe(422);
    expect(unitRefused.body.details[0].field).toBe('link.perpetratorId');
    expect(await counts()).toEqual(before);
    const noPerpetrator = await post(f.lead.token, { ...body(individual), link: { frameworkVersionId: rome.id, elementId, ...assessment } });
    expect(noPerpetrator.status).toBe(400);
    expect(noPerpetrator.body.details[0].field).toBe('requirementId');
    const ok = await post(f.lead.token, body(individual));
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.liabilityLink).toMatchObject({ itemId: ok.body.item.id, perpetratorId: individual, requirementId, modeCode: 'RS-25-3-a-joint' });
    expect(await counts()).toEqual({ items: before.items + 1, links: before.links + 1, liability: before.liability + 1, audit: before.audit + 3 });
  });

  it('names a missing or malformed part of the request (400) and keeps the case rules: observers 403, outsiders 404, raw offsets need clearance', async () => {
    const before = await counts();
    const noLink = await post(f.lead.token, { title: 'x', passage: passage() });
    expect(noLink.status).toBe(400);
    expect(JSON.stringify(noLink.body.details)).toContain('link');
    const badEnd = await post(f.lead.token, { title: 'x', passage: passage(0, TEXT.length + 1), link: { frameworkVersionId: rome.id, elementId, ...assessment } });
    expect(badEnd.status).toBe(400);
    expect(badEnd.body.details[0].field).toBe('passage.end');
    const body = { title: 'x', passage: passage(), link: { frameworkVersionId: rome.id, elementId, relation: 'supports', probativeValue: 3, sourceReliability: 'C', informationCredibility: 3 } };
    expect((await post(f.observer.token, body)).status).toBe(403);
    expect((await post(f.outsider.token, body)).status).toBe(404);
    expect((await post(f.investigator.token, body)).status).toBe(403);
    expect(await counts()).toEqual(before);
  });
});
