import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';

interface Cell { key: Record<string, string>; incidents: number | null; victims: number | null; acts: number | null; suppressed: false | string }
interface Stats { caseIds: string[]; dimensions: string[]; minCellSize: number; cells: Cell[]; total: { victims: number | null; acts: number | null; incidents: number | null; suppressed: boolean } }

describe('acts per victim, victims’ attributes, and statistics with small cells suppressed', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let hoeryong: string;
  let chongjin: string;
  let incident: { id: string; code: string };
  let perpetrator: string;
  const people: Array<{ id: string; code: string }> = [];
  const lead = () => bearer(f.lead.token);
  const attrs = (personId: string, body: Record<string, unknown>, token = f.lead.token) => ctx.http().put(`/cases/${f.caseId}/people/${personId}/victim-attributes`).set(...bearer(token)).send(body);
  const act = (body: Record<string, unknown>, token = f.lead.token) => ctx.http().post(`/cases/${f.caseId}/incidents/${incident.id}/acts`).set(...bearer(token)).send(body);
  const stats = async (query: string, token = f.observer.token): Promise<Stats> => (await ctx.http().get(`/cases/${f.caseId}/statistics?${query}`).set(...bearer(token)).expect(200)).body as Stats;

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    const place = async (code: string) => (await ctx.http().get(`/places?code=${code}`).set(...lead()).expect(200)).body.items[0].id as string;
    hoeryong = await place('city-hoeryong');
    chongjin = await place('city-chongjin');
    for (let i = 0; i < 18; i++) people.push((await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead()).send({ kind: 'victim' }).expect(201)).body);
    perpetrator = (await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead()).send({ kind: 'unit', unitType: 'security_agency', name: 'Ministry of State Security' }).expect(201)).body.id;
    incident = (await ctx.http().post(`/cases/${f.caseId}/incidents`).set(...lead()).send({
      title: 'Interrogations at the holding centre', violationTypes: ['torture'], date: { precision: 'month', date: '1997-03' }, placeId: hoeryong,
      victims: people.slice(0, 17).map((p) => ({ personId: p.id })),
    }).expect(201)).body;
  });
  afterAll(async () => { await ctx.close(); });

  describe('victims’ attributes', () => {
    it('only members with identity clearance record them, only as categories; recorded and read with an audit entry', async () => {
      await attrs(people[0].id, { version: 0, sex: 'female', ageGroup: '18-29', statuses: ['christian'] }, f.investigator.token).expect(403);
      await attrs(people[0].id, { version: 0, sex: 'female', ageGroup: '18-29', statuses: [] }, f.outsider.token).expect(404);
      const freeText = await attrs(people[0].id, { version: 0, sex: 'female', ageGroup: '18-29', statuses: ['deaconess of the Hoeryong house church'] }).expect(400);
      expect(freeText.body.details[0].field).toMatch(/^statuses/);
      const badSex = await attrs(people[0].id, { version: 0, sex: 'F', ageGroup: '18-29', statuses: [] }).expect(400);
      expect(badSex.body.details[0].field).toBe('sex');
      const age = await attrs(people[0].id, { version: 0, sex: 'female', ageGroup: '23', statuses: [] }).expect(400);
      expect(age.body.details[0].field).toBe('ageGroup');
      const ok = await attrs(people[0].id, { version: 0, sex: 'female', ageGroup: '18-29', statuses: ['repatriated_detainee', 'christian'] }).expect(200);
      expect(ok.body).toMatchObject({ sex: 'female', ageGroup: '18-29', statuses: ['christian', 'repatriated_detainee'], version: 1 });
      await attrs(people[0].id, { version: 0, sex: 'male', ageGroup: '18-29', statuses: [] }).expect(409);
      await ctx.http().get(`/cases/${f.caseId}/people/${people[0].id}/victim-attributes`).set(...bearer(f.investigator.token)).expect(403);
      await ctx.http().get(`/cases/${f.caseId}/people/${people[0].id}/victim-attributes`).set(...lead()).expect(200);
      const audit = await ctx.sql<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'victim_attributes.%' ORDER BY seq");
      expect(audit.map((a) => a.action)).toEqual(['victim_attributes.create', 'victim_attributes.read']);
      // The database refuses anything but the categories too.
      await expect(ctx.sql(`UPDATE victim_attributes SET statuses = ARRAY['free text'] WHERE person_id = '${people[0].id}'`)).rejects.toThrow(/victim_attributes_statuses/);
    });
  });

  describe('acts per victim', () => {
    it('records what was done to whom, by whom, when and where; checks every reference', async () => {
      const notVictim = await act({ personId: people[17].id, violationType: 'torture' }).expect(400);
      expect(notVictim.body.details[0].field).toBe('personId');
      const badType = await act({ personId: people[0].id, violationType: 'beating' }).expect(400);
      expect(badType.body.details[0].field).toBe('violationType');
      const badPerp = await act({ personId: people[0].id, violationType: 'torture', perpetratorIds: ['00000000-0000-4000-8000-000000000000'] }).expect(400);
      expect(badPerp.body.details[0].field).toBe('perpetratorIds');
      const badDate = await act({ personId: people[0].id, violationType: 'torture', date: { precision: 'day', date: '1997-13-01' } }).expect(400);
      expect(badDate.body.details[0].field).toMatch(/^date\./);
      await act({ personId: people[0].id, violationType: 'torture' }, f.observer.token).expect(403);

      const own = await act({ personId: people[0].id, violationType: 'arbitrary_detention', perpetratorIds: [perpetrator], date: { precision: 'day', date: '1997-03-04' }, placeId: chongjin }).expect(201);
      expect(own.body).toMatchObject({ personCode: people[0].code, violationType: 'arbitrary_detention', perpetratorIds: [perpetrator], placeId: chongjin, date: { precision: 'day', date: '1997-03-04' } });
      const inherited = await act({ personId: people[1].id, violationType: 'torture' }).expect(201);
      expect(inherited.body).toMatchObject({ placeId: hoeryong, date: { precision: 'month', date: '1997-03' } });
      const listed = await ctx.http().get(`/cases/${f.caseId}/incidents/${incident.id}/acts`).set(...bearer(f.observer.token)).expect(200);
      expect(listed.body).toHaveLength(2);
      expect(JSON.stringify(listed.body)).not.toMatch(/name/i);
      await ctx.http().delete(`/cases/${f.caseId}/incidents/${incident.id}/acts/${own.body.id}?version=${own.body.version}`).set(...lead()).expect(204);
    });
  });

  describe('statistics', () => {
    beforeAll(async () => {
      // 17 victims of torture in March 1997: 9 women, 6 men, 2 of unknown sex. people[1] has an act already.
      for (let i = 1; i < 17; i++) {
        if (i !== 1) await act({ personId: people[i].id, violationType: 'torture' }).expect(201);
        const sex = i <= 9 ? 'female' : i <= 15 ? 'male' : null;
        if (sex) await attrs(people[i].id, { version: 0, sex, ageGroup: i % 2 ? '18-29' : '30-44', statuses: i <= 3 ? ['christian'] : [] }).expect(200);
      }
      await act({ personId: people[0].id, violationType: 'torture' }).expect(201);
    });

    it('counts incidents, victims and acts by violation type × year × province', async () => {
      const s = await stats('by=violationType,year,province');
      expect(s.cells).toEqual([{ key: { violationType: 'torture', year: '1997', province: 'KP-09' }, incidents: 1, victims: 17, acts: 17, suppressed: false }]);
      expect(s.total).toMatchObject({ incidents: 1, victims: 17, acts: 17, suppressed: false });
      expect(s.minCellSize).toBe(5);
    });

    it('withholds a cell under k victims and, against differencing, the smallest other cell', async () => {
      const s = await stats('by=sex');
      // female: people[0] (recorded earlier) + 1..9 = 10; male: 10..15 = 6; unknown: 16 = 1.
      expect(s.cells.map((c) => [c.key.sex, c.victims, c.suppressed])).toEqual([['female', 10, false], ['male', null, 'complementary'], ['unknown', null, 'small_cell']]);
      expect(s.total.victims).toBe(17);
      const csv = await ctx.http().get(`/cases/${f.caseId}/statistics?by=sex&format=csv`).set(...bearer(f.observer.token)).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.text.replace(/^\uFEFF/, '').trim().split('\r\n')).toEqual(['sex,incidents,victims,acts,suppressed', 'female,1,10,10,', 'male,,,,complementary', 'unknown,,,,small_cell', 'TOTAL,1,17,17,']);
    });

    it('across the caller’s cases; members only; the query is checked', async () => {
      const mine = (await ctx.http().get('/statistics?by=violationType').set(...lead()).expect(200)).body as Stats;
      expect(mine.caseIds).toEqual([f.caseId]);
      expect(mine.cells[0]).toMatchObject({ key: { violationType: 'torture' }, victims: 17 });
      const outsider = (await ctx.http().get('/statistics').set(...bearer(f.outsider.token)).expect(200)).body as Stats;
      expect(outsider).toMatchObject({ caseIds: [], cells: [], total: { suppressed: true } });
      await ctx.http().get(`/cases/${f.caseId}/statistics`).set(...bearer(f.outsider.token)).expect(404);
      const bad = await ctx.http().get(`/cases/${f.caseId}/statistics?by=name`).set(...bearer(f.observer.token)).expect(400);
      expect(bad.body.details[0].field).toBe('by');
      await ctx.http().get(`/cases/${f.caseId}/statistics`).expect(401);
    });
  });
});
