import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, IDENTIFYING_STRINGS, TRANSCRIPT_TEXT } from './helpers/case-fixtures';

interface ImportBody {
  id: string;
  status: string;
  progress: number;
  error: string | null;
  dryRun: boolean;
  counts: { processed: number; created: number; skipped: number; failed: number };
  report: { items: Array<{ row: number; field: string; message: string }>; total: number; limit: number; offset: number };
}

/** 10,000 incident rows; rows whose number is in BAD carry one problem each, of five kinds. */
const ROWS = 10_000;
const BAD = new Map<number, string>();
for (let i = 0; i < 50; i++) BAD.set(97 + i * 199, ['date', 'violation_types', 'title', 'place', 'sources'][i % 5]);

function incidentsCsv(testimonyId: string, versionId: string): string {
  const lines = ['External ID,title,violation_types,date_precision,date,date_from,date_to,place,victims,victim_group_count,perpetrators,sources'];
  for (let row = 1; row <= ROWS; row++) {
    const bad = BAD.get(row);
    const range = row % 4 === 0 && bad !== 'date';
    const place = row % 2 ? 'kwanliso-15' : 'kwanliso-25';
    const cells = [
      `INC-${row}`,
      bad === 'title' ? '' : `"Incident ${row}, reported by a witness"`,
      bad === 'violation_types' ? 'torture;not_a_violation' : row % 3 ? 'torture;arbitrary_detention' : 'forced_labour',
      range ? 'range' : 'year',
      range ? '' : bad === 'date' ? '3000' : String(1990 + (row % 20)),
      range ? '1995' : '',
      range ? '1998-06' : '',
      bad === 'place' ? 'nowhere-42' : place,
      row % 10 === 0 ? 'V-0001' : '',
      row % 7 === 0 ? '12' : '',
      row % 5 === 0 ? 'U-0001:commanded:probable' : '',
      bad === 'sources' ? `${testimonyId}@${versionId}:0-${TRANSCRIPT_TEXT.length + 1}` : row % 11 === 0 ? `${testimonyId}@${versionId}:0-10` : '',
    ];
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('bulk import of people, incidents and perpetrators', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let lead: [string, string];
  let testimonyId: string;
  let versionId: string;

  const upload = (entityType: string, content: string, filename: string, opts: { dryRun?: boolean; token?: string } = {}) => {
    const req = ctx.http().post(`/cases/${f.caseId}/imports`).set(...bearer(opts.token ?? f.lead.token)).field('entityType', entityType);
    if (opts.dryRun !== undefined) req.field('dryRun', String(opts.dryRun));
    return req.attach('file', Buffer.from(content, 'utf8'), { filename, contentType: filename.endsWith('.csv') ? 'text/csv' : 'application/json' });
  };

  const finished = async (id: string, query = ''): Promise<ImportBody> => {
    const deadline = Date.now() + 50_000;
    for (;;) {
      const body = (await ctx.http().get(`/cases/${f.caseId}/imports/${id}${query}`).set(...lead).expect(200)).body as ImportBody;
      if (body.status === 'completed' || body.status === 'failed' || Date.now() > deadline) return body;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const run = async (entityType: string, content: string, filename: string, opts: { dryRun?: boolean; token?: string } = {}, query = '') => {
    const accepted = await upload(entityType, content, filename, opts).expect(202);
    expect(accepted.body).toMatchObject({ status: 'queued', entityType, dryRun: opts.dryRun ?? false });
    return finished(accepted.body.id, query);
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.startWorker();
    f = await createCaseFixture(ctx);
    lead = bearer(f.lead.token);
    const witness = await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'witness' }).expect(201);
    const testimony = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({ intervieweeId: witness.body.id, interviewDate: { precision: 'unknown' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
    const transcript = await ctx.http().post(`/cases/${f.caseId}/testimonies/${testimony.body.id}/transcripts`).set(...lead).send({ kind: 'original', language: 'ko', text: TRANSCRIPT_TEXT }).expect(201);
    testimonyId = testimony.body.id;
    versionId = transcript.body.versions[0].id;
    await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'victim' }).expect(201);
    await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', name: 'Ministry of State Security' }).expect(201);
  });
  afterAll(async () => { await ctx.close(); });

  it('10,000 incident rows with 50 bad ones: a dry run stores nothing; the real run stores 9,950 and reports exactly the 50; a second run adds nothing', async () => {
    const csv = incidentsCsv(testimonyId, versionId);

    const dry = await run('incidents', csv, 'incidents.csv', { dryRun: true }, '?limit=200');
    expect(dry).toMatchObject({ status: 'completed', dryRun: true, counts: { processed: ROWS, created: ROWS - 50, skipped: 0, failed: 50 } });
    expect(new Set(dry.report.items.map((e) => e.row))).toEqual(new Set(BAD.keys()));
    expect((await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM incidents'))[0].n).toBe(0);

    const first = await run('incidents', csv, 'incidents.csv', {}, '?limit=200');
    expect(first).toMatchObject({ status: 'completed', progress: 100, error: null, counts: { processed: ROWS, created: ROWS - 50, skipped: 0, failed: 50 } });
    expect(first.report.total).toBe(50);
    expect(first.report.items.map((e) => [e.row, e.field])).toEqual([...BAD.entries()].map(([row, field]) => [row, field]));
    const passage = first.report.items.find((e) => e.field === 'sources');
    expect(passage?.message).toBe(`item 1: end is beyond the end of the transcript version (its length is ${TRANSCRIPT_TEXT.length})`);
    expect(first.report.items.find((e) => e.field === 'date')?.message).toBe('is out of range');
    expect((await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM incidents WHERE case_id = $1', [f.caseId]))[0].n).toBe(ROWS - 50);
    // Paging the report.
    const page = (await ctx.http().get(`/cases/${f.caseId}/imports/${first.id}?limit=10&offset=45`).set(...lead).expect(200)).body as ImportBody;
    expect(page.report).toMatchObject({ total: 50, limit: 10, offset: 45 });
    expect(page.report.items).toHaveLength(5);

    const second = await run('incidents', csv, 'incidents-again.csv');
    expect(second).toMatchObject({ status: 'completed', counts: { processed: ROWS, created: 0, skipped: ROWS - 50, failed: 50 } });
    expect((await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM incidents WHERE case_id = $1', [f.caseId]))[0].n).toBe(ROWS - 50);

    // Imported incidents are ordinary incidents: filters work on them.
    const southHamgyong = (await ctx.http().get('/places?code=KP-08').set(...lead).expect(200)).body.items[0].id;
    const inProvince = await ctx.http().get(`/cases/${f.caseId}/incidents?placeId=${southHamgyong}&limit=1`).set(...lead).expect(200);
    const odd = [...Array(ROWS).keys()].map((i) => i + 1).filter((r) => r % 2 === 1 && !BAD.has(r)).length;
    expect(inProvince.body.total).toBe(odd);
    const mss = (await ctx.http().get(`/cases/${f.caseId}/perpetrators?q=U-0001`).set(...lead).expect(200)).body.items[0].id;
    const [{ n: commanded }] = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM incident_perpetrators WHERE perpetrator_id = $1', [mss]);
    expect((await ctx.http().get(`/cases/${f.caseId}/incidents?perpetratorId=${mss}&limit=1`).set(...lead).expect(200)).body.total).toBe(commanded);
    const [sample] = (await ctx.http().get(`/cases/${f.caseId}/incidents?q=Incident%20110,&limit=1`).set(...lead).expect(200)).body.items;
    expect(sample).toMatchObject({
      title: 'Incident 110, reported by a witness', violationTypes: ['torture', 'arbitrary_detention'], date: { precision: 'year', date: '2000' }, place: { code: 'kwanliso-25' },
      victims: [{ person: { code: 'V-0001' } }], perpetrators: [{ perpetrator: { code: 'U-0001' }, involvement: 'commanded', confidence: 'probable' }], sources: [{ testimonyId, passage: { start: 0, end: 10 } }],
    });

    // One audit entry per batch, with counts only.
    const batches = await ctx.sql<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE subject_id = $1 AND action = 'import.batch' ORDER BY seq", [first.id]);
    expect(batches).toHaveLength(10);
    expect(batches[0].details).toEqual({ entityType: 'incidents', fromRow: 1, toRow: 1000, created: 995, skipped: 0, failed: 5 });
    const actions = await ctx.sql<{ action: string }>("SELECT DISTINCT action FROM audit_log WHERE subject_id = $1", [dry.id]);
    expect(actions.map((a) => a.action).sort()).toEqual(['import.create']);
  });

  it('people from JSON: identities sealed exactly like the API, only for importers with identity clearance', async () => {
    const rows = [
      { external_id: 'W-EXT-1', kind: 'witness', names_hangul: ['김철수'], names_romanised: 'Kim Chol-su;Kim Cheol-su', birth_date: '1968-04', contacts: ['phone:010-1234-5678'], current_location: 'Seoul, Nowon-gu' },
      { external_id: 'V-EXT-2', kind: 'victim' },
      { external_id: 'V-EXT-3', kind: 'ghost' },
      { external_id: 'P-EXT-4', kind: 'perpetrator_individual' },
    ];
    const done = await run('people', JSON.stringify(rows), 'people.json');
    expect(done).toMatchObject({ status: 'completed', counts: { processed: 4, created: 3, failed: 1 } });
    expect(done.report.items).toEqual([{ row: 3, field: 'kind', message: expect.stringContaining('must be one of') }]);
    const [imported] = (await ctx.http().get(`/cases/${f.caseId}/people?kind=witness&sort=-code&limit=1`).set(...lead).expect(200)).body.items;
    expect(imported).toMatchObject({ code: 'W-0002', hasIdentity: true });
    const identity = await ctx.http().get(`/cases/${f.caseId}/people/${imported.id}/identity`).set(...lead).expect(200);
    expect(identity.body.identity).toEqual({ namesHangul: ['김철수'], namesRomanised: ['Kim Chol-su', 'Kim Cheol-su'], birthDate: { date: '1968-04', precision: 'month' }, contacts: [{ kind: 'phone', value: '010-1234-5678' }], currentLocation: 'Seoul, Nowon-gu' });
    expect(identity.body.code).toMatch(/^W-\d{4}$/);

    // An uncleared investigator may import people, but not their identities.
    const uncleared = await run('people', JSON.stringify([{ external_id: 'W-EXT-5', kind: 'witness', aliases: ['Chol-su Aba'] }, { external_id: 'V-EXT-6', kind: 'victim' }]), 'more.jsonl', { token: f.investigator.token });
    expect(uncleared).toMatchObject({ status: 'completed', counts: { created: 1, failed: 1 } });
    expect(uncleared.report.items).toEqual([{ row: 1, field: 'aliases', message: expect.stringMatching(/identity clearance/) }]);

    for (const table of ['people', 'imports', 'import_row_errors', 'external_refs', 'audit_log', 'jobs']) {
      const dump = (await ctx.sql<{ row: string }>(`SELECT t::text AS row FROM ${table} t`)).map((r) => r.row).join('\n');
      // External ids are kept only as keyed hashes: a spreadsheet's id column may hold a name.
      for (const s of [...IDENTIFYING_STRINGS, 'Seoul', 'W-EXT-1', 'INC-1']) {
        expect(dump, `${table} holds "${s}"`).not.toContain(s);
        expect(dump, `${table} holds "${s}" as bytes`).not.toContain(Buffer.from(s, 'utf8').toString('hex'));
      }
    }
  });

  it('perpetrators from CSV: units with parents listed above them, individuals by a people import’s external id; incidents then refer to them', async () => {
    const csv = [
      'external_id,kind,name,name_hangul,aliases,unit_type,parent,person,position_title,position_unit,position_from,position_to',
      'MSS-2,unit,State Security (imported),국가보위성,bowibu,security_agency,,,,,,',
      'GUARDS-15,unit,Camp 15 guard unit,,Yodok guards,guard_unit,MSS-2,,,,,',
      'ORPHAN,unit,Orphan unit,,,guard_unit,LATER-UNIT,,,,,',
      'LATER-UNIT,unit,Listed too late,,,other,,,,,,',
      'GUARD-IND,individual,,,,,,P-EXT-4,guard,GUARDS-15,1995,1999',
      'NAMED-IND,individual,Kim Chol-su,,,,,V-EXT-2,,,,',
      'GUARDS-15,unit,Duplicate,,,other,,,,,,',
      'SHORT,unit',
    ].join('\n');
    const done = await run('perpetrators', csv, 'perpetrators.csv');
    expect(done).toMatchObject({ status: 'completed', counts: { processed: 8, created: 4, failed: 4 } });
    expect(done.report.items).toEqual([
      { row: 3, field: 'parent', message: expect.stringContaining('list parent units above') },
      { row: 6, field: 'name', message: expect.stringContaining('sealed identity') },
      { row: 7, field: 'external_id', message: 'repeats the external_id of row 2' },
      { row: 8, field: 'row', message: 'has a different number of fields than the header' },
    ]);
    const guards = (await ctx.http().get(`/cases/${f.caseId}/perpetrators?q=Yoduk%20guards`).set(...lead).expect(200)).body.items[0];
    const page = await ctx.http().get(`/cases/${f.caseId}/perpetrators/${guards.id}`).set(...lead).expect(200);
    expect(page.body.chains[0].units.map((u: { name: string }) => u.name)).toEqual(['State Security (imported)']);
    const individual = (await ctx.http().get(`/cases/${f.caseId}/perpetrators?kind=individual`).set(...lead).expect(200)).body.items[0];
    expect(individual).toMatchObject({ name: null, positions: [{ title: 'guard', unit: { id: guards.id }, from: '1995', to: '1999' }] });

    const incidents = [
      'external_id,title,violation_types,date_precision,date,perpetrators',
      'BY-GUARD,Beating by a guard,torture,year,1996,GUARD-IND:direct:confirmed',
      'BY-UNIT,Forced labour,forced_labour,year,1996,GUARDS-15:commanded:probable;MSS-2:ordered:possible',
      'BY-NOBODY,Unknown unit,torture,year,1996,NO-SUCH-UNIT:direct:possible',
    ].join('\n');
    const linked = await run('incidents', incidents, 'linked.csv');
    expect(linked).toMatchObject({ counts: { created: 2, failed: 1 } });
    expect(linked.report.items).toEqual([{ row: 3, field: 'perpetrators', message: expect.stringContaining('item 1 is not a perpetrator of this case') }]);
    const mss = (await ctx.http().get(`/cases/${f.caseId}/perpetrators?q=bowibu`).set(...lead).expect(200)).body.items[0];
    const viaUnit = await ctx.http().get(`/cases/${f.caseId}/perpetrators/${mss.id}/incidents`).set(...lead).expect(200);
    expect(viaUnit.body.items.map((i: { title: string }) => i.title)).toEqual(['Forced labour']);
  });

  it('a failed attempt is retried and resumes after the last committed batch: every row counted once, nothing duplicated', async () => {
    // A real failure in the database, not a mock: a trigger refuses one row until it is dropped.
    await ctx.sql(`CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.title = 'BOOM' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await ctx.sql('CREATE TRIGGER refuse_boom BEFORE INSERT ON incidents FOR EACH ROW EXECUTE FUNCTION refuse_boom()');
    const lines = ['external_id,title,violation_types,date_precision'];
    for (let row = 1; row <= 2500; row++) lines.push(`RETRY-${row},${row === 1500 ? 'BOOM' : `Retry ${row}`},torture,unknown`);
    const accepted = await upload('incidents', lines.join('\n'), 'retry.csv').expect(202);
    const deadline = Date.now() + 20_000;
    let job: { status: string; attempts: number; error: string | null } = { status: 'queued', attempts: 0, error: null };
    while (Date.now() < deadline && !job.error) {
      job = (await ctx.http().get(`/jobs/${(accepted.body as { jobId: string }).jobId}`).set(...lead).expect(200)).body;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(job.error).toMatch(/injected failure/);
    const [mid] = await ctx.sql<{ rows_processed: number; rows_created: number }>('SELECT rows_processed, rows_created FROM imports WHERE id = $1', [accepted.body.id]);
    expect(mid).toEqual({ rows_processed: 1000, rows_created: 1000 });
    await ctx.sql('DROP TRIGGER refuse_boom ON incidents');
    const done = await finished(accepted.body.id);
    expect(done).toMatchObject({ status: 'completed', counts: { processed: 2500, created: 2500, skipped: 0, failed: 0 } });
    const [{ n }] = await ctx.sql<{ n: number }>("SELECT count(*)::int AS n FROM incidents WHERE title LIKE 'Retry %' OR title = 'BOOM'");
    expect(n).toBe(2500);
    const [final] = await ctx.sql<{ attempts: number }>('SELECT attempts FROM jobs WHERE id = $1', [(accepted.body as { jobId: string }).jobId]);
    expect(final.attempts).toBeGreaterThanOrEqual(2);
  });

  it('a file that does not fit is refused as a whole: the job fails, the report says why, nothing is stored', async () => {
    const before = (await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM incidents'))[0].n;
    const bad = await run('incidents', 'external_id,title,colour\nX,y,red\n', 'bad.csv');
    expect(bad.status).toBe('failed');
    expect(bad.error).toMatch(/header does not fit incidents imports/);
    expect(bad.report.items).toEqual(expect.arrayContaining([
      { row: 0, field: 'colour', message: expect.stringContaining('is not a column of incidents imports') },
      { row: 0, field: 'violation_types', message: 'is a required column and is missing' },
    ]));
    const broken = await run('incidents', '[{"external_id":"J1","title":"t","violation_types":["torture"],"date_precision":"unknown"}, {"external_id":', 'broken.json');
    expect(broken.status).toBe('failed');
    expect(broken.report.items).toEqual([{ row: 0, field: 'file', message: expect.stringMatching(/not closed|ends inside/) }]);
    expect(broken.counts.created).toBe(1);
    expect((await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM incidents'))[0].n).toBe(before + 1);
  });

  it('bad requests name the field; only members who record or analyse may import; logs hold no content', async () => {
    const missing = await ctx.http().post(`/cases/${f.caseId}/imports`).set(...lead).attach('file', Buffer.from('a,b\n'), { filename: 'x.csv' }).expect(400);
    expect(missing.body.details[0].field).toBe('entityType');
    const wrongType = await upload('testimonies', 'a\n', 'x.csv').expect(400);
    expect(wrongType.body.details[0].field).toBe('entityType');
    const format = await ctx.http().post(`/cases/${f.caseId}/imports`).set(...lead).field('entityType', 'incidents').attach('file', Buffer.from('a\n'), { filename: 'x.txt', contentType: 'text/plain' }).expect(400);
    expect(format.body.details[0].field).toBe('format');
    const dry = await ctx.http().post(`/cases/${f.caseId}/imports`).set(...lead).field('entityType', 'incidents').field('dryRun', 'perhaps').attach('file', Buffer.from('a\n'), { filename: 'x.csv' }).expect(400);
    expect(dry.body.details[0].field).toBe('dryRun');
    const noFile = await ctx.http().post(`/cases/${f.caseId}/imports`).set(...lead).field('entityType', 'incidents').expect(400);
    expect(noFile.body.details[0].field).toBe('file');
    await ctx.http().post(`/cases/${f.caseId}/imports`).set(...lead).send({ entityType: 'incidents' }).expect(400);
    await upload('incidents', 'a\n', 'x.csv', { token: f.observer.token }).expect(403);
    await upload('incidents', 'a\n', 'x.csv', { token: f.outsider.token }).expect(404);
    const list = await ctx.http().get(`/cases/${f.caseId}/imports?limit=2`).set(...bearer(f.observer.token)).expect(200);
    expect(list.body.total).toBeGreaterThanOrEqual(8);
    expect(list.body.items).toHaveLength(2);
    await ctx.http().get(`/cases/${f.caseId}/imports/00000000-0000-4000-8000-000000000000`).set(...lead).expect(404);
    const logs = ctx.logs.join('\n');
    for (const s of [...IDENTIFYING_STRINGS, 'reported by a witness', 'Listed too late']) expect(logs).not.toContain(s);
  });
});
