import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, IDENTIFYING_STRINGS, TRANSCRIPT_TEXT, WITNESS_IDENTITY } from './helpers/case-fixtures';

describe('incidents: who did what to whom, when and where', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let lead: [string, string];
  const ids: Record<string, string> = {};
  const place = async (code: string) => (await ctx.http().get(`/places?code=${code}`).set(...lead).expect(200)).body.items[0].id as string;
  const create = (body: Record<string, unknown>, token = f.lead.token) => ctx.http().post(`/cases/${f.caseId}/incidents`).set(...bearer(token)).send(body);
  const list = async (query: string) => (await ctx.http().get(`/cases/${f.caseId}/incidents?${query}`).set(...lead).expect(200)).body as { items: Array<{ code: string; id: string }>; total: number };
  const base = { title: 'Beating during interrogation', violationTypes: ['torture'], date: { precision: 'month', date: '1997-03' } };

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    lead = bearer(f.lead.token);
    const witness = await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
    const victim = await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'victim' }).expect(201);
    const testimony = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({ intervieweeId: witness.body.id, interviewDate: { date: '2024-05-03', precision: 'day' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
    const transcript = await ctx.http().post(`/cases/${f.caseId}/testimonies/${testimony.body.id}/transcripts`).set(...lead).send({ kind: 'original', language: 'ko', text: TRANSCRIPT_TEXT }).expect(201);
    const other = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({ intervieweeId: victim.body.id, interviewDate: { precision: 'unknown' }, languages: ['ko'], modality: 'phone', riskLevel: 'low' }).expect(201);
    const otherTranscript = await ctx.http().post(`/cases/${f.caseId}/testimonies/${other.body.id}/transcripts`).set(...lead).send({ kind: 'original', language: 'ko', text: '짧은 글' }).expect(201);
    const mss = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', name: 'Ministry of State Security', unitType: 'security_agency' }).expect(201);
    const guards = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', name: 'Camp 15 guard unit', unitType: 'guard_unit', parentId: mss.body.id }).expect(201);
    const kpa = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', name: 'KPA unit 10215', unitType: 'military' }).expect(201);
    Object.assign(ids, {
      witness: witness.body.id, witnessCode: witness.body.code, victim: victim.body.id, victimCode: victim.body.code,
      testimony: testimony.body.id, version: transcript.body.versions[0].id, otherTestimony: other.body.id, otherVersion: otherTranscript.body.versions[0].id,
      mss: mss.body.id, guards: guards.body.id, kpa: kpa.body.id,
      camp15: await place('kwanliso-15'), camp25: await place('kwanliso-25'), southHamgyong: await place('KP-08'), northHamgyong: await place('KP-09'), yodokCounty: await place('county-yodok'),
    });
  });
  afterAll(async () => { await ctx.close(); });

  it('records an incident with date precision, place, victims (people and a counted group), perpetrators and sourced passages', async () => {
    const res = await create({
      title: 'Public beating at the Camp 15 work site',
      description: 'Prisoners of a work team were beaten in front of the others.',
      violationTypes: ['torture', 'forced_labour'],
      date: { precision: 'month', date: '1997-03' },
      placeId: ids.camp15,
      coordinates: { latitude: 39.7, longitude: 127.3 },
      victims: [{ personId: ids.victim }, { groupCount: 30, groupDescription: 'prisoners of work team 3' }],
      perpetrators: [{ perpetratorId: ids.guards, involvement: 'direct', confidence: 'confirmed' }, { perpetratorId: ids.mss, involvement: 'commanded', confidence: 'probable' }],
      sources: [{ testimonyId: ids.testimony, passage: { transcriptVersionId: ids.version, start: 11, end: TRANSCRIPT_TEXT.length } }, { testimonyId: ids.otherTestimony }],
    }).expect(201);
    ids.first = res.body.id;
    expect(res.body).toMatchObject({
      code: 'I-0001',
      violationTypes: ['torture', 'forced_labour'],
      date: { precision: 'month', date: '1997-03', from: null, to: null, earliest: '1997-03-01', latest: '1997-03-31' },
      place: { id: ids.camp15, code: 'kwanliso-15', kind: 'facility' },
      coordinates: { latitude: 39.7, longitude: 127.3 },
      victims: [{ person: { id: ids.victim, code: ids.victimCode }, groupCount: null }, { person: null, groupCount: 30, groupDescription: 'prisoners of work team 3' }],
      perpetrators: expect.arrayContaining([
        { perpetrator: { id: ids.guards, kind: 'unit', code: 'U-0002', name: 'Camp 15 guard unit' }, involvement: 'direct', confidence: 'confirmed' },
        { perpetrator: expect.objectContaining({ id: ids.mss }), involvement: 'commanded', confidence: 'probable' },
      ]),
      sources: [
        { testimonyId: ids.testimony, intervieweeCode: ids.witnessCode, passage: { transcriptVersionId: ids.version, start: 11, end: TRANSCRIPT_TEXT.length } },
        { testimonyId: ids.otherTestimony, intervieweeCode: ids.victimCode, passage: null },
      ],
      version: 1,
    });
    for (const s of IDENTIFYING_STRINGS) expect(JSON.stringify(res.body)).not.toContain(s);
    const got = await ctx.http().get(`/cases/${f.caseId}/incidents/${ids.first}`).set(...bearer(f.observer.token)).expect(200);
    expect(got.body).toEqual(res.body);
  });

  it('refuses a passage outside the transcript version’s length, naming the field', async () => {
    const length = TRANSCRIPT_TEXT.length;
    const beyond = await create({ ...base, sources: [{ testimonyId: ids.testimony, passage: { transcriptVersionId: ids.version, start: 5, end: length + 1 } }] }).expect(400);
    expect(beyond.body.details).toEqual([{ field: 'sources.0.passage.end', problems: [`is beyond the end of the transcript version (its length is ${length})`] }]);
    const startOutside = await create({ ...base, sources: [{ testimonyId: ids.testimony, passage: { transcriptVersionId: ids.version, start: length, end: length + 3 } }] }).expect(400);
    expect(startOutside.body.details[0].field).toBe('sources.0.passage.start');
    const empty = await create({ ...base, sources: [{ testimonyId: ids.testimony, passage: { transcriptVersionId: ids.version, start: 5, end: 5 } }] }).expect(400);
    expect(empty.body.details[0].field).toBe('sources.0.passage.end');
    const negative = await create({ ...base, sources: [{ testimonyId: ids.testimony, passage: { transcriptVersionId: ids.version, start: -1, end: 5 } }] }).expect(400);
    expect(negative.body.details[0].field).toBe('sources.0.passage.start');
    // A version of another testimony is not a passage of this one.
    const wrongVersion = await create({ ...base, sources: [{ testimonyId: ids.testimony, passage: { transcriptVersionId: ids.otherVersion, start: 0, end: 2 } }] }).expect(400);
    expect(wrongVersion.body.details[0].field).toBe('sources.0.passage.transcriptVersionId');
    const count = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM incidents WHERE case_id = $1', [f.caseId]);
    expect(count[0].n).toBe(1);
  });

  it('validates dates with precision, vocabulary codes, victims and references, naming the field', async () => {
    const other = await ctx.http().post('/cases').set(...lead).send({ title: 'Another case' }).expect(201);
    const stranger = await ctx.http().post(`/cases/${other.body.id}/people`).set(...lead).send({ kind: 'victim' }).expect(201);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ date: { precision: 'range', from: '1995' } }, 'date.to'],
      [{ date: { precision: 'range', from: '1999', to: '1995' } }, 'date.to'],
      [{ date: { precision: 'day', date: '1997-03' } }, 'date.date'],
      [{ date: { precision: 'year' } }, 'date.date'],
      [{ date: { precision: 'unknown', date: '1997' } }, 'date.date'],
      [{ date: { precision: 'exact', date: '1997-03-01' } }, 'date.precision'],
      [{ violationTypes: ['torture', 'beheading'] }, 'violationTypes'],
      [{ violationTypes: [] }, 'violationTypes'],
      [{ placeId: ids.victim }, 'placeId'],
      [{ victims: [{ personId: stranger.body.id }] }, 'victims.0.personId'],
      [{ victims: [{ personId: ids.victim, groupCount: 3 }] }, 'victims.0.groupCount'],
      [{ victims: [{}] }, 'victims.0'],
      [{ victims: [{ groupCount: 0 }] }, 'victims.0.groupCount'],
      [{ perpetrators: [{ perpetratorId: ids.victim, involvement: 'direct', confidence: 'confirmed' }] }, 'perpetrators.0.perpetratorId'],
      [{ perpetrators: [{ perpetratorId: ids.mss, involvement: 'watched', confidence: 'confirmed' }] }, 'perpetrators.0.involvement'],
      [{ perpetrators: [{ perpetratorId: ids.mss, involvement: 'direct', confidence: 'sure' }] }, 'perpetrators.0.confidence'],
      [{ sources: [{ testimonyId: ids.victim }] }, 'sources.0.testimonyId'],
      [{ coordinates: { latitude: 95, longitude: 0 } }, 'coordinates.latitude'],
    ];
    for (const [patch, field] of cases) {
      const res = await create({ ...base, ...patch }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field), JSON.stringify(patch)).toContain(field);
    }
  });

  it('filters: a province finds incidents at facilities inside it; dates overlap; violation type; perpetrator with its sub-units; victim; testimony', async () => {
    await create({ ...base, title: 'Execution at Camp 25', violationTypes: ['execution'], date: { precision: 'range', from: '2001', to: '2003-06' }, placeId: ids.camp25, perpetrators: [{ perpetratorId: ids.kpa, involvement: 'present', confidence: 'possible' }] }).expect(201);
    await create({ ...base, title: 'Arrest in Yodok county', violationTypes: ['arbitrary_detention'], date: { precision: 'year', date: '1995' }, placeId: ids.yodokCounty, victims: [{ personId: ids.victim }] }).expect(201);
    await create({ ...base, title: 'Disappearance, date unknown', violationTypes: ['enforced_disappearance'], date: { precision: 'unknown' } }).expect(201);

    expect((await list(`placeId=${ids.southHamgyong}&sort=code`)).items.map((i) => i.code)).toEqual(['I-0001', 'I-0003']);
    expect((await list(`placeId=${ids.northHamgyong}`)).items.map((i) => i.code)).toEqual(['I-0002']);
    expect((await list(`placeId=${ids.camp15}`)).items.map((i) => i.code)).toEqual(['I-0001']);
    expect((await list('dateFrom=1996&dateTo=1997-03-15&sort=code')).items.map((i) => i.code)).toEqual(['I-0001']);
    expect((await list('dateFrom=2002-01&sort=code')).items.map((i) => i.code)).toEqual(['I-0002']);
    expect((await list('dateTo=1995-12-31&sort=code')).items.map((i) => i.code)).toEqual(['I-0003']);
    expect((await list('violationType=execution')).items.map((i) => i.code)).toEqual(['I-0002']);
    expect((await list('violationType=torture')).items.map((i) => i.code)).toEqual(['I-0001']);
    // The ministry finds the incident of its guard unit; without sub-units it finds only its own.
    expect((await list(`perpetratorId=${ids.mss}`)).items.map((i) => i.code)).toEqual(['I-0001']);
    expect((await list(`perpetratorId=${ids.guards}`)).items.map((i) => i.code)).toEqual(['I-0001']);
    expect((await list(`perpetratorId=${ids.kpa}`)).items.map((i) => i.code)).toEqual(['I-0002']);
    const onlyOwn = await ctx.http().patch(`/cases/${f.caseId}/incidents/${ids.first}`).set(...lead).send({ version: 1, perpetrators: [{ perpetratorId: ids.guards, involvement: 'direct', confidence: 'confirmed' }] }).expect(200);
    expect(onlyOwn.body.version).toBe(2);
    expect((await list(`perpetratorId=${ids.mss}`)).total).toBe(1);
    expect((await list(`perpetratorId=${ids.mss}&includeSubUnits=false`)).total).toBe(0);
    expect((await list(`victimId=${ids.victim}&sort=code`)).items.map((i) => i.code)).toEqual(['I-0001', 'I-0003']);
    expect((await list(`testimonyId=${ids.otherTestimony}`)).items.map((i) => i.code)).toEqual(['I-0001']);
    expect((await list('q=camp%2025')).items.map((i) => i.code)).toEqual(['I-0002']);
    // Combined filters and pagination.
    expect((await list(`placeId=${ids.southHamgyong}&violationType=torture`)).total).toBe(1);
    const page = await list('sort=code&limit=2&offset=1');
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.items.map((i) => i.code)).toEqual(['I-0002', 'I-0003']);
    expect((await list('sort=-date')).items.map((i) => i.code)).toEqual(['I-0002', 'I-0001', 'I-0003', 'I-0004']);
    await ctx.http().get(`/cases/${f.caseId}/incidents?dateFrom=1997-3`).set(...lead).expect(400);
    await ctx.http().get(`/cases/${f.caseId}/incidents?includeSubUnits=maybe`).set(...lead).expect(400);
  });

  it('the perpetrator’s page lists its incidents, with those of its sub-units', async () => {
    const page = await ctx.http().get(`/cases/${f.caseId}/perpetrators/${ids.mss}/incidents`).set(...lead).expect(200);
    expect(page.body.items.map((i: { code: string }) => i.code)).toEqual(['I-0001']);
    const own = await ctx.http().get(`/cases/${f.caseId}/perpetrators/${ids.mss}/incidents?includeSubUnits=false`).set(...lead).expect(200);
    expect(own.body.total).toBe(0);
    const guards = await ctx.http().get(`/cases/${f.caseId}/perpetrators/${ids.guards}`).set(...lead).expect(200);
    expect(guards.body.incidentCount).toBe(1);
    await ctx.http().get(`/cases/${f.caseId}/perpetrators/${ids.victim}/incidents`).set(...lead).expect(404);
  });

  it('updates need the version read; sub-collections are replaced; every write is audited without names or text', async () => {
    const current = await ctx.http().get(`/cases/${f.caseId}/incidents/${ids.first}`).set(...lead).expect(200);
    const updated = await ctx.http().patch(`/cases/${f.caseId}/incidents/${ids.first}`).set(...lead).send({
      version: current.body.version, date: { precision: 'range', from: '1997-03', to: '1997-05' }, victims: [{ groupCount: 12 }], placeId: null,
    }).expect(200);
    expect(updated.body).toMatchObject({ version: current.body.version + 1, date: { precision: 'range', date: null, from: '1997-03', to: '1997-05', earliest: '1997-03-01', latest: '1997-05-31' }, victims: [{ person: null, groupCount: 12 }], place: null });
    const stale = await ctx.http().patch(`/cases/${f.caseId}/incidents/${ids.first}`).set(...lead).send({ version: current.body.version, title: 'stale' }).expect(409);
    expect(stale.body.error).toBe('VERSION_CONFLICT');
    const unchanged = await ctx.http().patch(`/cases/${f.caseId}/incidents/${ids.first}`).set(...lead).send({ version: updated.body.version, sources: [{ testimonyId: ids.testimony, passage: { transcriptVersionId: ids.version, start: 0, end: 999 } }] }).expect(400);
    expect(unchanged.body.details[0].field).toBe('sources.0.passage.end');
    const after = await ctx.http().get(`/cases/${f.caseId}/incidents/${ids.first}`).set(...lead).expect(200);
    expect(after.body.version).toBe(updated.body.version);
    expect(after.body.sources).toHaveLength(2);
    const audit = await ctx.sql<{ action: string; details: Record<string, unknown> }>("SELECT action, details FROM audit_log WHERE case_id = $1 AND action LIKE 'incident.%' ORDER BY seq", [f.caseId]);
    expect(audit.map((a) => a.action)).toEqual(['incident.create', 'incident.create', 'incident.create', 'incident.create', 'incident.update', 'incident.update']);
    expect(audit[0].details).toMatchObject({ code: 'I-0001', violationTypes: ['torture', 'forced_labour'], victims: 2, perpetrators: 2, sources: 2 });
    expect(audit[5].details).toEqual({ code: 'I-0001', changed: ['date', 'placeId', 'victims'] });
    const dump = JSON.stringify(audit);
    for (const s of [...IDENTIFYING_STRINGS, 'beaten', 'work team', 'Beating']) expect(dump).not.toContain(s);
  });

  it('walks every GET route of incidents, perpetrators and imports with real ids: members without clearance get data and never an identity; non-members get 404', async () => {
    const individual = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'individual', personId: ids.witness }).expect(201);
    const imported = await ctx.http().post(`/cases/${f.caseId}/imports`).set(...lead).field('entityType', 'incidents').field('dryRun', 'true')
      .attach('file', Buffer.from('external_id,title,violation_types,date_precision\nX,Kim Chol-su was beaten,torture,unknown\n'), { filename: 'x.csv', contentType: 'text/csv' }).expect(202);
    const real: Record<string, string> = { caseId: f.caseId, incidentId: ids.first, perpetratorId: individual.body.id, importId: imported.body.id };
    const document = SwaggerModule.createDocument(ctx.app, new DocumentBuilder().build());
    const routes = Object.entries(document.paths).filter(([path, item]) => /^\/cases\/\{caseId\}\/(incidents|perpetrators|imports)/.test(path) && item.get).map(([path]) => path);
    expect(routes.length).toBe(9); // with GET …/incidents/{incidentId}/acts (acts per victim) and …/incidents/download
    // Bulk downloads (data leaving the system) need identity clearance on the case, though they hold no identity.
    const bulkDownload = (path: string) => path.endsWith('/download');
    for (const path of routes) {
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => real[name]);
      for (const token of [f.investigator.token, f.observer.token]) {
        const res = await ctx.http().get(url).set(...bearer(token));
        expect(res.status, path).toBe(bulkDownload(path) ? 403 : 200);
        for (const s of IDENTIFYING_STRINGS) expect(JSON.stringify(res.body), path).not.toContain(s);
      }
      expect((await ctx.http().get(url).set(...bearer(f.outsider.token))).status, path).toBe(404);
    }
  });

  it('observers read but cannot record; non-members get 404; an uncleared member sees no identity', async () => {
    await create(base, f.observer.token).expect(403);
    await ctx.http().get(`/cases/${f.caseId}/incidents`).set(...bearer(f.outsider.token)).expect(404);
    await ctx.http().get(`/cases/${f.caseId}/incidents/${ids.first}`).set(...bearer(f.outsider.token)).expect(404);
    const seen = await ctx.http().get(`/cases/${f.caseId}/incidents?limit=100`).set(...bearer(f.investigator.token)).expect(200);
    for (const s of IDENTIFYING_STRINGS) expect(JSON.stringify(seen.body)).not.toContain(s);
    const created = await create({ ...base, title: 'Recorded by an uncleared investigator' }, f.investigator.token).expect(201);
    expect(created.body.code).toBe('I-0005');
    const logs = ctx.logs.join('\n');
    for (const s of [...IDENTIFYING_STRINGS, 'Public beating']) expect(logs).not.toContain(s);
  });
});
