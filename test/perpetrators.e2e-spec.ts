import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, IDENTIFYING_STRINGS, WITNESS_IDENTITY } from './helpers/case-fixtures';

describe('perpetrators: individuals and units', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let lead: [string, string];
  let mss: { id: string; code: string; version: number };
  let bureau: { id: string; code: string };
  let guards: { id: string; code: string; version: number };
  let person: { id: string; code: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    lead = bearer(f.lead.token);
    person = (await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'perpetrator_individual', identity: WITNESS_IDENTITY }).expect(201)).body;
  });
  afterAll(async () => { await ctx.close(); });

  it('creates units with public names, aliases and romanisation variants, and a parent unit', async () => {
    const created = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({
      kind: 'unit', unitType: 'security_agency', name: 'Ministry of State Security', nameHangul: '국가보위성',
      aliases: ['State Security Department', 'bowibu', 'Kukka Powisŏng', 'Gukga Bowiseong'], description: 'Runs the political prison camps.',
    }).expect(201);
    mss = created.body;
    expect(created.body).toMatchObject({ kind: 'unit', code: 'U-0001', name: 'Ministry of State Security', parent: null, person: null, version: 1 });
    bureau = (await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', unitType: 'camp_administration', name: 'Prisons bureau', parentId: mss.id }).expect(201)).body;
    const g = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', unitType: 'guard_unit', name: 'Camp 15 guard unit', aliases: ['Yodok guards'], parentId: bureau.id }).expect(201);
    guards = g.body;
    expect(g.body.parent).toMatchObject({ id: bureau.id, code: 'U-0002', name: 'Prisons bureau' });
  });

  it('an individual is a person of the case, shown by pseudonym code only; names are refused', async () => {
    const refused = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'individual', personId: person.id, name: 'Kim Chol-su' }).expect(400);
    expect(refused.body.details[0]).toMatchObject({ field: 'name', problems: [expect.stringMatching(/sealed identity/)] });
    await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'individual', personId: person.id, aliases: ['Chol-su Aba'] }).expect(400);
    await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'individual' }).expect(400);
    const created = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({
      kind: 'individual', personId: person.id,
      positions: [
        { title: 'guard', rank: 'sergeant', unitId: guards.id, from: '1994', to: '1997-06' },
        { title: 'deputy head of security', unitId: bureau.id, from: '1997-07' },
      ],
    }).expect(201);
    expect(created.body).toMatchObject({ kind: 'individual', code: person.code, name: null, aliases: [], person: { id: person.id, code: person.code } });
    expect(created.body.positions).toMatchObject([{ title: 'guard', rank: 'sergeant', unit: { id: guards.id, code: 'U-0003' }, from: '1994', to: '1997-06' }, { title: 'deputy head of security', unit: { id: bureau.id } }]);
    const again = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'individual', personId: person.id }).expect(409);
    expect(again.body.details[0].field).toBe('personId');
    // The person's sealed identity was never copied.
    const rows = await ctx.sql<{ row: string }>('SELECT t::text AS row FROM perpetrators t');
    for (const s of IDENTIFYING_STRINGS) expect(rows.map((r) => r.row).join('\n')).not.toContain(s);
    for (const s of IDENTIFYING_STRINGS) expect(JSON.stringify(created.body)).not.toContain(s);
  });

  it('bad input names the field', async () => {
    const other = await ctx.http().post('/cases').set(...lead).send({ title: 'Other case' }).expect(201);
    const stranger = await ctx.http().post(`/cases/${other.body.id}/people`).set(...lead).send({ kind: 'perpetrator_individual' }).expect(201);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'individual', personId: stranger.body.id }, 'personId'],
      [{ kind: 'unit' }, 'name'],
      [{ kind: 'unit', name: 'x', parentId: person.id }, 'parentId'],
      [{ kind: 'unit', name: 'x', unitType: 'cult' }, 'unitType'],
      [{ kind: 'unit', name: 'x', positions: [] }, 'positions'],
      [{ kind: 'robot' }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const res = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field), JSON.stringify(body)).toContain(field);
    }
    const p2 = await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'perpetrator_individual' }).expect(201);
    const badDates = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'individual', personId: p2.body.id, positions: [{ title: 'guard', from: '1999', to: '1995' }] }).expect(400);
    expect(badDates.body.details[0].field).toBe('positions.0.to');
  });

  it('finds units by any name, alias or romanisation variant', async () => {
    const q = async (text: string) => ((await ctx.http().get(`/cases/${f.caseId}/perpetrators?q=${encodeURIComponent(text)}`).set(...lead).expect(200)).body.items as Array<{ code: string }>).map((p) => p.code);
    for (const text of ['bowibu', 'Kukka Powisong', 'Gukga Bowiseong', '국가보위성', 'state security']) expect(await q(text), text).toEqual(['U-0001']);
    expect(await q('Yoduk guards')).toEqual(['U-0003']);
    expect(await q(person.code)).toEqual([person.code]);
    const units = await ctx.http().get(`/cases/${f.caseId}/perpetrators?kind=unit&sort=-code&limit=2`).set(...lead).expect(200);
    expect(units.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(units.body.items.map((u: { code: string }) => u.code)).toEqual(['U-0003', 'U-0002']);
    const within = await ctx.http().get(`/cases/${f.caseId}/perpetrators?within=${mss.id}`).set(...lead).expect(200);
    expect(within.body.items.map((u: { code: string }) => u.code).sort()).toEqual(['U-0002', 'U-0003']);
  });

  it('a perpetrator’s page: the chain of units above, and for an individual the chain above each position', async () => {
    const unit = await ctx.http().get(`/cases/${f.caseId}/perpetrators/${guards.id}`).set(...lead).expect(200);
    expect(unit.body.chains).toEqual([{ positionId: null, units: [expect.objectContaining({ code: 'U-0002' }), expect.objectContaining({ code: 'U-0001', name: 'Ministry of State Security' })] }]);
    expect(unit.body.incidentCount).toBe(0);
    const [individual] = (await ctx.http().get(`/cases/${f.caseId}/perpetrators?personId=${person.id}`).set(...lead).expect(200)).body.items;
    const page = await ctx.http().get(`/cases/${f.caseId}/perpetrators/${individual.id}`).set(...lead).expect(200);
    expect(page.body.chains.map((c: { units: Array<{ code: string }> }) => c.units.map((u) => u.code))).toEqual([['U-0003', 'U-0002', 'U-0001'], ['U-0002', 'U-0001']]);
  });

  it('updates: version checks, parent cycles refused, positions replaced, all audited', async () => {
    const cycle = await ctx.http().patch(`/cases/${f.caseId}/perpetrators/${mss.id}`).set(...lead).send({ version: mss.version, parentId: guards.id }).expect(400);
    expect(cycle.body.details[0].field).toBe('parentId');
    const renamed = await ctx.http().patch(`/cases/${f.caseId}/perpetrators/${mss.id}`).set(...lead).send({ version: mss.version, aliases: ['bowibu', 'SSD'] }).expect(200);
    expect(renamed.body).toMatchObject({ version: 2, aliases: ['bowibu', 'SSD'] });
    await ctx.http().patch(`/cases/${f.caseId}/perpetrators/${mss.id}`).set(...lead).send({ version: 1, name: 'stale' }).expect(409);
    expect((await ctx.http().get(`/cases/${f.caseId}/perpetrators?q=Kukka%20Powisong`).set(...lead).expect(200)).body.total).toBe(0);
    const detached = await ctx.http().patch(`/cases/${f.caseId}/perpetrators/${guards.id}`).set(...lead).send({ version: guards.version, parentId: null }).expect(200);
    expect(detached.body.parent).toBeNull();
    await ctx.http().patch(`/cases/${f.caseId}/perpetrators/${guards.id}`).set(...lead).send({ version: 2, parentId: bureau.id }).expect(200);
    const [individual] = (await ctx.http().get(`/cases/${f.caseId}/perpetrators?personId=${person.id}`).set(...lead).expect(200)).body.items;
    await ctx.http().patch(`/cases/${f.caseId}/perpetrators/${individual.id}`).set(...lead).send({ version: individual.version, name: 'Kim' }).expect(400);
    const moved = await ctx.http().patch(`/cases/${f.caseId}/perpetrators/${individual.id}`).set(...lead).send({ version: individual.version, positions: [{ title: 'camp director', unitId: guards.id }] }).expect(200);
    expect(moved.body).toMatchObject({ version: individual.version + 1, positions: [{ title: 'camp director' }] });
    const audit = await ctx.sql<{ action: string; details: Record<string, unknown> }>("SELECT action, details FROM audit_log WHERE case_id = $1 AND action LIKE 'perpetrator.%' ORDER BY seq", [f.caseId]);
    expect(audit.map((a) => a.action)).toEqual(['perpetrator.create', 'perpetrator.create', 'perpetrator.create', 'perpetrator.create', 'perpetrator.update', 'perpetrator.update', 'perpetrator.update', 'perpetrator.update']);
    expect(audit[4].details).toEqual({ changed: ['aliases'] });
    for (const s of [...IDENTIFYING_STRINGS, 'bowibu', 'Ministry']) expect(JSON.stringify(audit)).not.toContain(s);
  });

  it('observers read but do not write; non-members get 404', async () => {
    await ctx.http().get(`/cases/${f.caseId}/perpetrators`).set(...bearer(f.observer.token)).expect(200);
    await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...bearer(f.observer.token)).send({ kind: 'unit', name: 'x' }).expect(403);
    await ctx.http().get(`/cases/${f.caseId}/perpetrators/${mss.id}`).set(...bearer(f.outsider.token)).expect(404);
    await ctx.http().get(`/cases/${f.caseId}/perpetrators/00000000-0000-4000-8000-000000000000`).set(...lead).expect(404);
  });
});
