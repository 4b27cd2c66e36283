import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';

interface Requirement { id: string; code: string; text: string; textKo: { text: string; confidence: string } | null; alternatives: Array<{ letter: string; textKo?: { text: string } }> }
interface Mode { id: string; code: string; notes: Array<{ text: string }>; requirements: Requirement[] }
interface Framework { id: string; crimes: Array<{ id: string; code: string; elements: Array<{ id: string; code: string }> }>; modesOfLiability: Mode[] }
interface ViewBody {
  perpetrators: Array<{
    perpetratorId: string; label: string;
    chainOfCommand: Array<{ title: string; units: Array<{ name: string }> }>;
    modes: Array<{ code: string; gaps: number; elementLinks: number; requirements: Array<{ code: string; textKo: { text: string } | null; gap: string | null; supporting: { links: number; reviewed: number }; contested: boolean; independentSources: number }> }>;
  }>;
}

describe('evidence on modes of liability: perpetrator × mode × requirement', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let rome: Framework;
  let reviewer: { id: string; token: string };
  let mss: string;
  let camp: string;
  let individual: string;
  let personCode: string;
  const items: string[] = [];
  const req = (mode: string, n: number): Requirement => rome.modesOfLiability.find((m) => m.code === mode)?.requirements.find((r) => r.code === `${mode}-R${n}`) as Requirement;
  const link = (token: string, body: Record<string, unknown>) => ctx.http().post(`/cases/${f.caseId}/liability-links`).set(...bearer(token))
    .send({ frameworkVersionId: rome.id, relation: 'supports', probativeValue: 4, sourceReliability: 'B', informationCredibility: 2, ...body });
  const view = async (token = f.observer.token): Promise<ViewBody> => (await ctx.http().get(`/cases/${f.caseId}/liability?frameworkVersionId=${rome.id}`).set(...bearer(token)).expect(200)).body as ViewBody;

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    reviewer = await ctx.createUser('analyst');
    await ctx.http().put(`/cases/${f.caseId}/members/${reviewer.id}`).set(...bearer(f.lead.token)).send({ role: 'reviewer', identityClearance: false }).expect(200);
    const list = await ctx.http().get('/legal/frameworks?code=rome-statute&status=published').set(...bearer(f.lead.token)).expect(200);
    rome = (await ctx.http().get(`/legal/frameworks/${list.body.items[0].id}`).set(...bearer(f.lead.token)).expect(200)).body as Framework;
    const lead = bearer(f.lead.token);
    mss = (await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', unitType: 'security_agency', name: 'Ministry of State Security' }).expect(201)).body.id;
    camp = (await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', unitType: 'camp_administration', name: 'Camp 15 administration', parentId: mss }).expect(201)).body.id;
    const person = (await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'perpetrator_individual', identity: { namesHangul: ['박경비'] } }).expect(201)).body;
    personCode = person.code;
    individual = (await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'individual', personId: person.id, positions: [{ title: 'camp director', unitId: camp, from: '1995' }] }).expect(201)).body.id;
    for (const title of ['Guard testimony', 'Camp order', 'Defector report']) items.push((await ctx.http().post(`/cases/${f.caseId}/evidence`).set(...lead).send({ kind: 'physical_item', title }).expect(201)).body.id);
  });
  afterAll(async () => { await ctx.close(); });

  it('seeds every requirement of 25(3)(a)-(f) and 28(a)/(b) in English and Korean, with the case-law tests of co-perpetration', () => {
    const codes = ['RS-25-3-a-direct', 'RS-25-3-a-joint', 'RS-25-3-a-indirect', 'RS-25-3-b', 'RS-25-3-c', 'RS-25-3-d', 'RS-25-3-e', 'RS-25-3-f', 'RS-28-a', 'RS-28-b'];
    expect(rome.modesOfLiability.map((m) => m.code)).toEqual(codes);
    for (const m of rome.modesOfLiability) {
      for (const r of m.requirements) {
        expect(r.text.length, r.code).toBeGreaterThan(10);
        expect(r.textKo?.text, r.code).toMatch(/[가-힣]/);
        expect(r.textKo?.confidence).toBe('U');
        for (const a of r.alternatives) expect(a.textKo?.text, `${r.code}${a.letter}`).toMatch(/[가-힣]/);
      }
    }
    expect(rome.modesOfLiability.find((m) => m.code === 'RS-28-b')?.requirements).toHaveLength(6);
    expect(req('RS-28-b', 4).text).toMatch(/consciously disregarded/);
    expect(req('RS-25-3-a-joint', 3).text).toMatch(/common plan/);
    expect(req('RS-25-3-a-joint', 4).text).toMatch(/essential contribution/);
    expect(rome.modesOfLiability.find((m) => m.code === 'RS-25-3-a-joint')?.notes.map((n) => n.text).join(' ')).not.toMatch(/deliberately not seeded/);
  });

  it('links evidence to (perpetrator, mode, requirement); a unit as the accused is refused with 422 naming perpetratorId', async () => {
    const unit = await link(f.lead.token, { itemId: items[0], perpetratorId: camp, requirementId: req('RS-28-b', 1).id }).expect(422);
    expect(unit.body.details).toEqual([{ field: 'perpetratorId', problems: [expect.stringMatching(/individuals only \(art\. 25\(1\)\)/)] }]);
    const wrongMode = await link(f.lead.token, { itemId: items[0], perpetratorId: individual, requirementId: req('RS-28-b', 1).id, modeOfLiabilityId: rome.modesOfLiability[0].id }).expect(422);
    expect(wrongMode.body.details[0].field).toBe('modeOfLiabilityId');
    const badAlt = await link(f.lead.token, { itemId: items[0], perpetratorId: individual, requirementId: req('RS-28-b', 1).id, alternative: 'a' }).expect(400);
    expect(badAlt.body.details[0].field).toBe('alternative');
    const genocideOnly = await link(f.lead.token, { itemId: items[0], perpetratorId: individual, requirementId: req('RS-25-3-e', 1).id, crimeId: rome.crimes.find((c) => c.code === 'RS-7-1-e')?.id }).expect(422);
    expect(genocideOnly.body.details[0].field).toBe('crimeId');
    await link(f.lead.token, { itemId: items[0], perpetratorId: '00000000-0000-4000-8000-000000000000', requirementId: req('RS-28-b', 1).id }).expect(400);
    const missing = await link(f.lead.token, { itemId: items[0], perpetratorId: individual }).expect(400);
    expect(missing.body.details[0].field).toBe('requirementId');
    // The observer reads but does not analyse; an outsider does not see the case.
    await link(f.observer.token, { itemId: items[0], perpetratorId: individual, requirementId: req('RS-28-b', 1).id }).expect(403);
    await link(f.outsider.token, { itemId: items[0], perpetratorId: individual, requirementId: req('RS-28-b', 1).id }).expect(404);

    const ok = await link(f.lead.token, { itemId: items[0], perpetratorId: individual, requirementId: req('RS-28-b', 1).id, crimeId: rome.crimes.find((c) => c.code === 'RS-7-1-e')?.id, note: 'Guard names the director' }).expect(201);
    expect(ok.body).toMatchObject({ modeCode: 'RS-28-b', requirementCode: 'RS-28-b-R1', status: 'proposed', itemCode: 'E-0001' });
    await link(f.lead.token, { itemId: items[0], perpetratorId: individual, requirementId: req('RS-28-b', 1).id, crimeId: rome.crimes.find((c) => c.code === 'RS-7-1-e')?.id }).expect(409);
    const alt = await link(f.lead.token, { itemId: items[1], perpetratorId: individual, requirementId: req('RS-25-3-d', 4).id, alternative: 'b' }).expect(201);
    expect(alt.body.alternative).toBe('b');

    // Reviewed by another member with the review permission, not the author.
    await ctx.http().post(`/cases/${f.caseId}/liability-links/${ok.body.id}/review`).set(...bearer(f.lead.token)).send({ version: 1 }).expect(403);
    await ctx.http().post(`/cases/${f.caseId}/liability-links/${ok.body.id}/review`).set(...bearer(reviewer.token)).send({ version: 1 }).expect(200);
    const audit = await ctx.sql<{ action: string; details: Record<string, unknown> }>("SELECT action, details FROM audit_log WHERE action LIKE 'liability_link.%' ORDER BY seq");
    expect(audit.map((a) => a.action)).toEqual(['liability_link.create', 'liability_link.create', 'liability_link.review']);
    expect(JSON.stringify(audit)).not.toContain('Guard names the director');
  });

  it('the view: every requirement of an alleged mode with its gap; units appear as the chain of command, never as accused; no names', async () => {
    await link(f.lead.token, { itemId: items[2], perpetratorId: individual, requirementId: req('RS-28-b', 4).id }).expect(201);
    await link(f.lead.token, { itemId: items[2], perpetratorId: individual, requirementId: req('RS-28-b', 6).id, relation: 'undermines' }).expect(201);
    const v = await view();
    expect(v.perpetrators).toHaveLength(1);
    const [p] = v.perpetrators;
    expect(p).toMatchObject({ perpetratorId: individual, label: personCode });
    expect(p.chainOfCommand).toEqual([{ title: 'camp director', rank: null, from: '1995', to: null, units: [expect.objectContaining({ name: 'Camp 15 administration' }), expect.objectContaining({ name: 'Ministry of State Security' })] }]);
    expect(p.modes.map((m) => m.code)).toEqual(['RS-25-3-d', 'RS-28-b']);
    const b = p.modes[1];
    expect(b.requirements.map((r) => [r.code, r.gap])).toEqual([
      ['RS-28-b-R1', null], ['RS-28-b-R2', 'no_evidence'], ['RS-28-b-R3', 'no_evidence'], ['RS-28-b-R4', 'not_reviewed'], ['RS-28-b-R5', 'no_evidence'], ['RS-28-b-R6', 'no_evidence'],
    ]);
    expect(b.gaps).toBe(5);
    expect(b.requirements[5].contested).toBe(true);
    expect(b.requirements[0].textKo?.text).toMatch(/상급자/);
    expect(JSON.stringify(v)).not.toContain('박경비');
    expect(v.perpetrators.map((x) => x.perpetratorId)).not.toContain(camp);

    // An evidence link to a crime element naming the individual and a mode also alleges the mode.
    const elementLink = await ctx.http().post(`/cases/${f.caseId}/evidence-links`).set(...bearer(f.lead.token)).send({
      frameworkVersionId: rome.id, itemId: items[1], elementId: rome.crimes.find((c) => c.code === 'RS-7-1-e')?.elements[0].id, perpetratorId: individual,
      modeOfLiabilityId: rome.modesOfLiability.find((m) => m.code === 'RS-25-3-b')?.id, relation: 'supports', probativeValue: 3, sourceReliability: 'C', informationCredibility: 3,
    }).expect(201);
    // Nor can an evidence link with a mode be moved onto a unit.
    const moved = await ctx.http().patch(`/cases/${f.caseId}/evidence-links/${elementLink.body.id}`).set(...bearer(f.lead.token)).send({ version: elementLink.body.version, perpetratorId: mss }).expect(422);
    expect(moved.body.details[0].field).toBe('perpetratorId');
    const again = await view();
    const ordering = again.perpetrators[0].modes.find((m) => m.code === 'RS-25-3-b');
    expect(ordering).toMatchObject({ elementLinks: 1, gaps: 2 });

    await ctx.http().get(`/cases/${f.caseId}/liability?frameworkVersionId=${rome.id}`).set(...bearer(f.outsider.token)).expect(404);
    const bad = await ctx.http().get(`/cases/${f.caseId}/liability`).set(...bearer(f.observer.token)).expect(400);
    expect(bad.body.details[0].field).toBe('frameworkVersionId');
  });

  it('lists and deletes links with a version check', async () => {
    const listed = await ctx.http().get(`/cases/${f.caseId}/liability-links?perpetratorId=${individual}`).set(...bearer(f.observer.token)).expect(200);
    expect(listed.body.total).toBe(4);
    const one = listed.body.items[1];
    await ctx.http().delete(`/cases/${f.caseId}/liability-links/${one.id}?version=${one.version + 1}`).set(...bearer(f.lead.token)).expect(409);
    await ctx.http().delete(`/cases/${f.caseId}/liability-links/${one.id}?version=${one.version}`).set(...bearer(f.lead.token)).expect(204);
  });
});
