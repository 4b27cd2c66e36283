import { placeNameKey } from 'src/places/place-names';
import { bearer, createTestContext, TestContext } from './helpers/test-app';

interface PlaceBody { id: string; code: string | null; name: string; kind: string; builtin: boolean; version: number; names: Array<{ system: string; name: string }>; parent: { code: string | null } | null }

describe('places gazetteer', () => {
  let ctx: TestContext;
  let analyst: { id: string; token: string };
  let reviewer: { id: string; token: string };
  const codes = async (query: string): Promise<string[]> =>
    ((await ctx.http().get(`/places?${query}`).set(...bearer(analyst.token)).expect(200)).body.items as PlaceBody[]).map((p) => p.code ?? p.name);

  beforeAll(async () => {
    ctx = await createTestContext();
    analyst = await ctx.createUser('analyst');
    reviewer = await ctx.createUser('reviewer');
  });
  afterAll(async () => { await ctx.close(); });

  it('is seeded with the provinces, special cities and the known detention facilities, with Hangul and romanisations', async () => {
    const provinces = await ctx.http().get('/places?kind=province&limit=50').set(...bearer(analyst.token)).expect(200);
    expect(provinces.body.total).toBe(9);
    const camp = await ctx.http().get('/places?code=kwanliso-15').set(...bearer(analyst.token)).expect(200);
    const body = camp.body.items[0] as PlaceBody;
    expect(body).toMatchObject({ kind: 'facility', facilityType: 'kwanliso', builtin: true, parent: { code: 'county-yodok' } });
    const systems = Object.fromEntries(body.names.map((n) => [n.system, n.name]));
    expect(Object.keys(systems)).toEqual(expect.arrayContaining(['hangul', 'mr', 'rr', 'kps', 'en']));
    expect(body.names.map((n) => n.name)).toEqual(expect.arrayContaining(['요덕 제15호 관리소', 'Yodŏk kwalliso', 'Yodeok gwalliso']));
    for (const type of ['kyohwaso', 'jipkyulso', 'rodong_danryeondae']) {
      expect((await ctx.http().get(`/places?facilityType=${type}`).set(...bearer(analyst.token)).expect(200)).body.total, type).toBeGreaterThan(0);
    }
  });

  it('any spelling finds the place: Yodok, Yoduk, Yodeok, Yodŏk, 요덕', async () => {
    for (const q of ['Yodok', 'Yoduk', 'Yodeok', 'Yodŏk', '요덕', 'YODOK']) {
      expect(await codes(`q=${encodeURIComponent(q)}&facilityType=kwanliso`), q).toEqual(['kwanliso-15']);
    }
    expect(await codes(`q=${encodeURIComponent("Ch'ŏngjin")}&kind=city`)).toEqual(['city-chongjin']);
    expect(await codes(`q=Cheongjin&facilityType=kwanliso`)).toEqual(['kwanliso-25']);
    expect(await codes(`q=${encodeURIComponent('노동단련대')}`)).toEqual(expect.arrayContaining(['rodong-danryeondae-onsong', 'rodong-danryeondae-yonggwang']));
    // An exact spelling ranks before partial ones.
    const hoeryong = await codes('q=Hoeryong');
    expect(hoeryong[0]).toBe('city-hoeryong');
    expect(hoeryong).toContain('kwanliso-22');
  });

  it('hierarchy: a place’s ancestors, and everything within a province', async () => {
    const [camp] = (await ctx.http().get('/places?code=kwanliso-15').set(...bearer(analyst.token)).expect(200)).body.items as PlaceBody[];
    const detail = await ctx.http().get(`/places/${camp.id}`).set(...bearer(analyst.token)).expect(200);
    expect(detail.body.ancestors.map((a: { code: string }) => a.code)).toEqual(['KP', 'KP-08', 'county-yodok']);
    expect(detail.body.childCount).toBe(0);
    const [province] = (await ctx.http().get('/places?code=KP-08').set(...bearer(analyst.token)).expect(200)).body.items as PlaceBody[];
    const inside = await codes(`within=${province.id}&kind=facility&limit=100`);
    expect(inside).toEqual(expect.arrayContaining(['kwanliso-15', 'rodong-danryeondae-yonggwang', 'kyohwaso-77']));
    expect(inside).not.toContain('kwanliso-25');
  });

  it('staff add the organisation’s own places (with spellings, coordinates, parent); built-in ones are read-only', async () => {
    const [city] = (await ctx.http().get('/places?code=city-chongjin').set(...bearer(analyst.token)).expect(200)).body.items as PlaceBody[];
    const created = await ctx.http().post('/places').set(...bearer(analyst.token)).send({
      name: 'Susong interrogation facility', kind: 'facility', facilityType: 'kuryujang', parentId: city.id, code: 'org-susong-kuryujang',
      names: [{ system: 'hangul', name: '수성 구류장' }, { system: 'rr', name: 'Suseong guryujang' }], coordinates: { latitude: 41.8, longitude: 129.7 },
    }).expect(201);
    expect(created.body).toMatchObject({ builtin: false, parent: { code: 'city-chongjin' }, coordinates: { latitude: 41.8, longitude: 129.7 }, version: 1 });
    expect(await codes('q=Susong%20guryujang')).toContain('org-susong-kuryujang');
    const [row] = await ctx.sql<{ key: string }>("SELECT key FROM place_names WHERE name = '수성 구류장'");
    expect(row.key).toBe(placeNameKey('수성 구류장'));

    const updated = await ctx.http().patch(`/places/${created.body.id}`).set(...bearer(analyst.token)).send({ version: 1, name: 'Susong jail' }).expect(200);
    expect(updated.body.version).toBe(2);
    expect(updated.body.names.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining(['Susong jail', '수성 구류장']));
    await ctx.http().patch(`/places/${created.body.id}`).set(...bearer(analyst.token)).send({ version: 1, name: 'stale' }).expect(409);
    await ctx.http().patch(`/places/${created.body.id}`).set(...bearer(analyst.token)).send({ version: 2, parentId: created.body.id }).expect(400);

    const refused = await ctx.http().patch(`/places/${city.id}`).set(...bearer(analyst.token)).send({ version: city.version, name: 'x' }).expect(409);
    expect(refused.body.message).toMatch(/read-only/);
    const audit = await ctx.sql<{ action: string }>("SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY seq", [created.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['place.create', 'place.update']);
  });

  it('bad input names the field; reviewers cannot add places; duplicate codes conflict', async () => {
    const bad = await ctx.http().post('/places').set(...bearer(analyst.token)).send({ name: 'x', kind: 'planet', coordinates: { latitude: 200, longitude: 0 } }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['kind', 'coordinates.latitude']));
    const facilityTypeOnCounty = await ctx.http().post('/places').set(...bearer(analyst.token)).send({ name: 'x', kind: 'county', facilityType: 'kwanliso' }).expect(400);
    expect(facilityTypeOnCounty.body.details[0].field).toBe('facilityType');
    await ctx.http().post('/places').set(...bearer(reviewer.token)).send({ name: 'x', kind: 'other' }).expect(403);
    await ctx.http().post('/places').set(...bearer(analyst.token)).send({ name: 'x', kind: 'other', code: 'KP-09' }).expect(409);
    await ctx.http().get('/places?q=%20-%20').set(...bearer(analyst.token)).expect(400);
    await ctx.http().get('/places').expect(401);
  });

  it('lists the violation-type vocabulary (seeded data)', async () => {
    const res = await ctx.http().get('/vocabularies/violation-types?limit=100').set(...bearer(reviewer.token)).expect(200);
    const vocabulary = res.body.items.map((v: { code: string }) => v.code);
    expect(vocabulary).toEqual(expect.arrayContaining(['arbitrary_detention', 'torture', 'execution', 'forced_labour', 'sexual_violence', 'enforced_disappearance', 'forced_repatriation', 'religious_persecution', 'starvation']));
    expect(res.body.items[0]).toEqual({ code: 'arbitrary_detention', label: 'Arbitrary detention', description: expect.any(String), labelKo: '자의적 구금', descriptionKo: expect.any(String), coiCategory: 'COI-E' });
    for (const v of res.body.items as Array<{ label: string; labelKo: string; descriptionKo: string }>) {
      expect(v.labelKo, `${v.label} has a Korean label of its own`).toMatch(/[가-힣]/);
      expect(v.descriptionKo).toMatch(/[가-힣]/);
    }
    const page = await ctx.http().get('/vocabularies/violation-types?limit=2&offset=2').set(...bearer(reviewer.token)).expect(200);
    expect(page.body).toMatchObject({ limit: 2, offset: 2, total: res.body.total });
    expect(page.body.items).toHaveLength(2);
  });

  it('every seeded search key in the database is what the normaliser gives', async () => {
    const rows = await ctx.sql<{ name: string; key: string }>('SELECT name, key FROM place_names');
    expect(rows.length).toBeGreaterThan(200);
    for (const r of rows) expect(r.key, r.name).toBe(placeNameKey(r.name));
  });
});
