import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';

interface MapIncident { id: string; code: string; title: string; date: { precision: string; date: string | null; from: string | null; to: string | null } }
interface Point { latitude: number; longitude: number; place: { id: string; code: string | null; name: string } | null; approximate: boolean; incidents: MapIncident[] }
interface IncidentMap { points: Point[]; unplaced: number; total: number }

describe('the incident map: incidents as points at their gazetteer coordinates', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let lead: [string, string];
  const place = async (code: string) => (await ctx.http().get(`/places?code=${code}`).set(...lead).expect(200)).body.items[0].id as string;
  const incident = async (body: Record<string, unknown>) => (await ctx.http().post(`/cases/${f.caseId}/incidents`).set(...lead).send({ violationTypes: ['torture'], ...body }).expect(201)).body as { id: string; code: string };

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    lead = bearer(f.lead.token);
  });
  afterAll(async () => { await ctx.close(); });

  it('groups incidents by place (or an enclosing place with coordinates), counts the unplaced; members only', async () => {
    const camp14 = await place('kwanliso-14');
    const camp25 = await place('kwanliso-25');
    // A place of the organisation inside Camp 25 with no coordinates of its own: drawn at the camp, marked approximate.
    const cell = (await ctx.http().post('/places').set(...lead).send({ name: 'Camp 25 punishment block', kind: 'other', parentId: camp25 }).expect(201)).body.id as string;
    const a = await incident({ title: 'Beatings at Camp 14', date: { precision: 'range', from: '1995', to: '1997-06' }, placeId: camp14 });
    const b = await incident({ title: 'Starvation rations at Camp 14', date: { precision: 'year', date: '1996' }, placeId: camp14 });
    const c = await incident({ title: 'Solitary confinement', date: { precision: 'day', date: '1999-02-03' }, placeId: cell });
    const d = await incident({ title: 'Arrest at the border', date: { precision: 'month', date: '2001-04' }, coordinates: { latitude: 42.0, longitude: 128.2 } });
    await incident({ title: 'Somewhere in North Hamgyong', date: { precision: 'unknown' }, placeId: await place('KP-09') });
    await incident({ title: 'Nowhere recorded', date: { precision: 'unknown' } });

    const map = (await ctx.http().get(`/cases/${f.caseId}/incident-map`).set(...bearer(f.observer.token)).expect(200)).body as IncidentMap;
    expect(map.total).toBe(6);
    // KP-09 has no coordinates in the gazetteer and nothing above it has any.
    expect(map.unplaced).toBe(2);
    expect(map.points).toHaveLength(3);
    const [first, ...rest] = map.points;
    expect(first).toMatchObject({ latitude: 39.57, longitude: 126.06, place: { id: camp14, code: 'kwanliso-14' }, approximate: false });
    // Oldest first within a point; a range keeps both ends.
    expect(first.incidents.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(first.incidents[0].date).toMatchObject({ precision: 'range', from: '1995', to: '1997-06', date: null });
    const at25 = rest.find((p) => p.place?.id === camp25);
    expect(at25).toMatchObject({ latitude: 41.834384, longitude: 129.72528, approximate: true, incidents: [{ id: c.id, code: c.code, title: 'Solitary confinement' }] });
    const own = rest.find((p) => p.place === null);
    expect(own).toMatchObject({ latitude: 42.0, longitude: 128.2, approximate: false, incidents: [{ id: d.id }] });

    await ctx.http().get(`/cases/${f.caseId}/incident-map`).set(...bearer(f.outsider.token)).expect(404);
    await ctx.http().get(`/cases/${f.caseId}/incident-map`).expect(401);
    // Not a case id: the same 404 as a case one is not a member of (the guard answers before any pipe).
    await ctx.http().get('/cases/not-a-uuid/incident-map').set(...lead).expect(404);
  });
});
