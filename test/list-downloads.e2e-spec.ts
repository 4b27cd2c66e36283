import { parse } from 'csv-parse/sync';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, IDENTIFYING_STRINGS, WITNESS_IDENTITY } from './helpers/case-fixtures';

type Row = Record<string, string>;

describe('list downloads: incidents, people and evidence as CSV and JSON', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let lead: [string, string];
  const ids: Record<string, string> = {};

  /** A download as the lead (cleared); the body as text, whatever its type. */
  const download = (path: string, token = f.lead.token) => ctx.http().get(`/cases/${f.caseId}/${path}`).set(...bearer(token)).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
  });
  const csv = (text: string): Row[] => parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Row[];

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    lead = bearer(f.lead.token);
    const post = (path: string, body: Record<string, unknown>) => ctx.http().post(`/cases/${f.caseId}/${path}`).set(...lead).send(body).expect(201);
    const witness = await post('people', { kind: 'witness', identity: WITNESS_IDENTITY });
    const victim = await post('people', { kind: 'victim', identity: { namesHangul: ['박영수'], namesRomanised: ['Pak Yong-su'] } });
    await post('people', { kind: 'survivor' });
    Object.assign(ids, { witness: witness.body.id, witnessCode: witness.body.code, victimCode: victim.body.code });
    await post('incidents', { title: 'Beating during interrogation', violationTypes: ['torture'], date: { precision: 'month', date: '1997-03' }, victims: [{ personId: victim.body.id }, { groupCount: 30, groupDescription: 'prisoners, work team 3' }] });
    await post('incidents', { title: '=HYPERLINK("http://evil.example","x")', violationTypes: ['forced_labour'], date: { precision: 'year', date: '2001' } });
    await post('incidents', { title: '+Forced labour, "logging" brigade', description: '-2+3', violationTypes: ['forced_labour', 'torture'], date: { precision: 'year', date: '2003' } });
    await post('evidence', { kind: 'physical_item', title: 'Prison uniform' });
    await post('evidence', { kind: 'physical_item', title: '@SUM(A1:A9)', description: 'Photographed, line one\nline two' });
  });
  afterAll(async () => { await ctx.close(); });

  it('incidents as CSV: the list’s filters and order apply, every cell formula-safe, the file parses', async () => {
    const all = await download('incidents/download?format=csv&sort=code').expect(200);
    expect(all.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(all.headers['content-disposition']).toBe(`attachment; filename="incidents-${f.caseId}.csv"`);
    expect(all.headers['cache-control']).toBe('no-store');
    const rows = csv(all.body as string);
    expect(rows.map((r) => r.code)).toEqual(['I-0001', 'I-0002', 'I-0003']);
    expect(rows[0]).toMatchObject({ title: 'Beating during interrogation', violation_types: 'torture', date_precision: 'month', date: '1997-03', earliest: '1997-03-01', latest: '1997-03-31', victim_codes: ids.victimCode, victim_groups: '30 prisoners, work team 3' });
    expect(rows[1].title).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(rows[2]).toMatchObject({ title: '\'+Forced labour, "logging" brigade', description: '\'-2+3', violation_types: 'forced_labour torture' });

    const torture = csv((await download('incidents/download?violationType=torture&sort=code').expect(200)).body as string);
    expect(torture.map((r) => r.code)).toEqual(['I-0001', 'I-0003']);
    const dated = csv((await download('incidents/download?dateFrom=2000&sort=-code').expect(200)).body as string);
    expect(dated.map((r) => r.code)).toEqual(['I-0003', 'I-0002']);
    const words = csv((await download('incidents/download?q=interrogation').expect(200)).body as string);
    expect(words.map((r) => r.code)).toEqual(['I-0001']);
  });

  it('incidents as JSON: the list’s items, filtered the same way', async () => {
    const res = await download('incidents/download?format=json&violationType=forced_labour&sort=code').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const items = JSON.parse(res.body as string) as Array<{ code: string; title: string }>;
    expect(items.map((i) => i.code)).toEqual(['I-0002', 'I-0003']);
    const listed = (await ctx.http().get(`/cases/${f.caseId}/incidents?violationType=forced_labour&sort=code`).set(...lead).expect(200)).body.items;
    expect(items).toEqual(listed);
    expect(JSON.parse((await download('incidents/download?format=json&q=nothing-like-this').expect(200)).body as string)).toEqual([]);
  });

  it('people: pseudonym codes and non-identifying attributes only, never an identity, even for the cleared lead', async () => {
    const text = (await download('people/download').expect(200)).body as string;
    const rows = csv(text);
    expect(Object.keys(rows[0])).toEqual(['code', 'kind', 'has_identity', 'identity_erased_at', 'created_at', 'version']);
    expect(rows.map((r) => [r.code, r.kind, r.has_identity])).toEqual([['S-0001', 'survivor', 'false'], ['V-0001', 'victim', 'true'], ['W-0001', 'witness', 'true']]);
    const json = (await download('people/download?format=json&kind=witness').expect(200)).body as string;
    expect(JSON.parse(json)).toEqual([expect.objectContaining({ code: ids.witnessCode, kind: 'witness', hasIdentity: true })]);
    for (const body of [text, json]) {
      for (const s of [...IDENTIFYING_STRINGS, '박영수', 'Pak Yong-su']) expect(body).not.toContain(s);
      expect(body).not.toContain(ids.witness);
    }
    expect(csv((await download('people/download?code=V-').expect(200)).body as string).map((r) => r.code)).toEqual(['V-0001']);
  });

  it('evidence items: filters apply, CSV parses with line breaks and formula-safe cells', async () => {
    const rows = csv((await download('evidence/download').expect(200)).body as string);
    expect(rows.map((r) => [r.code, r.title])).toEqual([['E-0001', 'Prison uniform'], ['E-0002', '\'@SUM(A1:A9)']]);
    expect(rows[1].description).toBe('Photographed, line one\nline two');
    expect(rows[0]).toMatchObject({ kind: 'physical_item', role: 'original', needs_reanchoring: 'false', version: '1' });
    const filtered = JSON.parse((await download('evidence/download?format=json&code=E-0002').expect(200)).body as string) as Array<{ code: string }>;
    expect(filtered.map((i) => i.code)).toEqual(['E-0002']);
  });

  it('bad filters and formats are a 400 naming the field, before anything is sent', async () => {
    const format = await ctx.http().get(`/cases/${f.caseId}/incidents/download?format=xlsx`).set(...lead).expect(400);
    expect(format.body.details).toEqual([{ field: 'format', problems: ['format must be one of: csv, json'] }]);
    const paging = await ctx.http().get(`/cases/${f.caseId}/people/download?limit=5`).set(...lead).expect(400);
    expect(paging.body.details[0].field).toBe('limit');
    const kind = await ctx.http().get(`/cases/${f.caseId}/evidence/download?kind=tape`).set(...lead).expect(400);
    expect(kind.body.details[0].field).toBe('kind');
  });

  it('refuses members without identity clearance (403) and non-members (404, as for a missing case); only allowed downloads are audited', async () => {
    for (const list of ['incidents', 'people', 'evidence']) {
      const uncleared = await ctx.http().get(`/cases/${f.caseId}/${list}/download`).set(...bearer(f.investigator.token)).expect(403);
      expect(uncleared.body.error).toBe('IDENTITY_CLEARANCE_REQUIRED');
      await ctx.http().get(`/cases/${f.caseId}/${list}/download`).set(...bearer(f.observer.token)).expect(403);
      const outsider = await ctx.http().get(`/cases/${f.caseId}/${list}/download`).set(...bearer(f.outsider.token)).expect(404);
      expect(outsider.body.error).toBe('NOT_FOUND');
      await ctx.http().get(`/cases/${f.caseId}/${list}/download`).expect(401);
    }
    const refused = await ctx.sql("SELECT 1 FROM audit_log WHERE action = 'list.download' AND actor_id = ANY($1::uuid[])", [[f.investigator.id, f.observer.id, f.outsider.id]]);
    expect(refused).toHaveLength(0);
  });

  it('audits each download as a download: which list, the format and the filters’ names, never their values', async () => {
    await download('incidents/download?format=json&q=interrogation&violationType=torture').expect(200);
    const [entry] = await ctx.sql<{ details: Record<string, unknown>; subject_type: string; case_id: string }>(
      "SELECT details, subject_type, case_id FROM audit_log WHERE action = 'list.download' AND actor_id = $1 ORDER BY seq DESC LIMIT 1", [f.lead.id]);
    expect(entry).toMatchObject({ subject_type: 'case', case_id: f.caseId, details: { list: 'incidents', format: 'json', filters: expect.arrayContaining(['q', 'violationType']) } });
    expect(JSON.stringify(entry.details)).not.toContain('interrogation');
    const trail = await ctx.http().get(`/cases/${f.caseId}/audit?highlight=download`).set(...lead).expect(200);
    expect(trail.body.items.some((e: { action: string }) => e.action === 'list.download')).toBe(true);
  });
});
