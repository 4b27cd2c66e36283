import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, TRANSCRIPT_TEXT, WITNESS_IDENTITY } from './helpers/case-fixtures';

describe('search of identities and raw transcripts (identity clearance only)', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let personId: string;
  let testimonyId: string;
  const raw = (q: string, token: string) => ctx.http().get(`/cases/${f.caseId}/search/raw?q=${encodeURIComponent(q)}`).set(...bearer(token));

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    const lead = bearer(f.lead.token);
    personId = (await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201)).body.id;
    await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'victim', identity: { namesHangul: ['박영호'] } }).expect(201);
    testimonyId = (await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({ intervieweeId: personId, interviewDate: { precision: 'unknown' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201)).body.id;
    await ctx.http().post(`/cases/${f.caseId}/testimonies/${testimonyId}/transcripts`).set(...lead).send({ kind: 'original', language: 'ko', text: TRANSCRIPT_TEXT }).expect(201);
  });
  afterAll(async () => { await ctx.close(); });

  it('finds a person by part of a Hangul name, a romanised name or a relative, naming only the fields that matched', async () => {
    const hangul = await raw('김철', f.lead.token).expect(200);
    expect(hangul.body.items.filter((h: { kind: string }) => h.kind === 'person')).toEqual([expect.objectContaining({ id: personId, code: 'W-0001', matchedFields: ['namesHangul'] })]);
    const latin = await raw('chol-su', f.lead.token).expect(200);
    expect(latin.body.items[0]).toMatchObject({ kind: 'person', code: 'W-0001', matchedFields: ['namesRomanised', 'aliases'] });
    const relative = await raw('김영희', f.lead.token).expect(200);
    expect(relative.body.items[0]).toMatchObject({ kind: 'person', code: 'W-0001', matchedFields: ['relatives'] });
    expect(JSON.stringify(hangul.body.items.filter((h: { kind: string }) => h.kind === 'person'))).not.toContain('Hoeryong');
  });

  it('finds raw transcript text by a Korean substring (요덕 in 요덕수용소에서) with a highlighted snippet', async () => {
    const res = await raw('요덕', f.lead.token).expect(200);
    const hit = res.body.items.find((h: { kind: string }) => h.kind === 'transcript');
    expect(hit).toMatchObject({ testimonyId, code: 'W-0001', version: 1, language: 'ko', matches: 1 });
    expect(hit.snippet).toContain('<mark>요덕</mark>수용소에서');
    expect(res.body).toMatchObject({ scanned: { people: 2, transcripts: 1 }, truncated: false });
  });

  it('is refused without identity clearance and hidden from non-members', async () => {
    await raw('김철수', f.investigator.token).expect(403);
    await raw('김철수', f.observer.token).expect(403);
    await raw('김철수', f.outsider.token).expect(404);
    const short = await raw('김', f.lead.token).expect(400);
    expect(short.body.details[0].field).toBe('q');
  });

  it('audits every search without keeping or logging the query', async () => {
    await raw('박영호', f.lead.token).expect(200);
    const rows = await ctx.sql<{ details: Record<string, unknown>; row: string }>("SELECT details, t::text AS row FROM audit_log t WHERE action = 'search.raw' AND actor_id = $1", [f.lead.id]);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) {
      expect(r.row).not.toContain('박영호');
      expect(r.row).not.toContain('김철');
    }
    expect(ctx.logs.join('\n')).not.toContain(encodeURIComponent('박영호'));
    expect(ctx.logs.join('\n')).not.toContain('박영호');
  });
});
