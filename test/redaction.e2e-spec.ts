import { createHash } from 'node:crypto';
import { JobsService } from 'src/jobs/jobs.service';
import { PrivateRefTokens1795380100000 } from '../migrations/1795380100000-PrivateRefTokens';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, WITNESS_IDENTITY } from './helpers/case-fixtures';
import { waitFor } from './helpers/wait';

const TEXT = '저는 김철수입니다. 김철수는 1997년에 요덕에 있었습니다. 제 번호는 010-1234-5678 입니다. Kim Chol-su was moved in 1998.';

describe('redaction through the queue', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let testimonyId: string;
  let reviewer: { id: string; token: string };

  const job = async (id: string) => (await ctx.http().get(`/jobs/${id}`).set(...bearer(f.lead.token)).expect(200)).body;
  const finished = (id: string) => waitFor(() => job(id), (j) => j.status === 'completed' || j.status === 'failed');
  const redactions = async (query = '') => (await ctx.http().get(`/cases/${f.caseId}/redactions?testimonyId=${testimonyId}${query}`).set(...bearer(f.lead.token)).expect(200)).body;

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    await ctx.startWorker();
    reviewer = await ctx.createUser('reviewer');
    // Span edits on approval rebuild the text from the original: they need identity clearance
    // (test/redaction-clearance.e2e-spec.ts covers a reviewer without it).
    await ctx.http().put(`/cases/${f.caseId}/members/${reviewer.id}`).set(...bearer(f.lead.token)).send({ role: 'reviewer', identityClearance: true }).expect(200);
    const person = await ctx.http().post(`/cases/${f.caseId}/people`).set(...bearer(f.lead.token)).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
    const t = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...bearer(f.lead.token)).send({ intervieweeId: person.body.id, interviewDate: { precision: 'unknown' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
    testimonyId = t.body.id;
    await ctx.http().post(`/cases/${f.caseId}/testimonies/${testimonyId}/transcripts`).set(...bearer(f.lead.token)).send({ kind: 'original', language: 'ko', text: TEXT }).expect(201);
  });
  afterAll(async () => { await ctx.close(); });

  it('POST answers 202 with a job; the worker writes the redacted text and the span log', async () => {
    const accepted = await ctx.http().post(`/cases/${f.caseId}/redactions`).set(...bearer(f.lead.token)).send({ testimonyId, profile: 'un' }).expect(202);
    expect(accepted.body).toMatchObject({ status: 'queued', name: 'redaction.run', caseId: f.caseId, testimonyIds: [testimonyId] });
    // The case's job list names the testimony, so a screen finds its job again after a reload.
    const listed = (await ctx.http().get(`/cases/${f.caseId}/jobs?queue=redaction`).set(...bearer(f.lead.token)).expect(200)).body;
    expect(listed.items.find((j: { id: string }) => j.id === accepted.body.id)).toMatchObject({ testimonyIds: [testimonyId] });
    const done = await finished(accepted.body.id);
    expect(done).toMatchObject({ status: 'completed', progress: 100, result: { created: 1, skipped: 0 } });
    const list = await redactions();
    expect(list.items).toHaveLength(1);
    const detail = (await ctx.http().get(`/cases/${f.caseId}/redactions/${list.items[0].id}`).set(...bearer(f.investigator.token)).expect(200)).body;
    expect(detail.status).toBe('proposed');
    expect(detail.text).toContain('[W-0001]');
    for (const s of ['김철수', 'Kim Chol-su', '010-1234-5678']) expect(detail.text).not.toContain(s);
    expect(detail.spans.map((s: { category: string }) => s.category)).toEqual(expect.arrayContaining(['person', 'phone']));
    expect(JSON.stringify(detail.spans)).not.toContain('김철수');
  });

  it('is idempotent: the same version, profile and dictionary give no second row', async () => {
    const again = await ctx.http().post(`/cases/${f.caseId}/redactions`).set(...bearer(f.lead.token)).send({ profile: 'un' }).expect(202);
    expect(await finished(again.body.id)).toMatchObject({ status: 'completed', result: { created: 0, skipped: 1 } });
    expect((await redactions('&profile=un')).total).toBe(1);
  });

  it('refuses an unknown profile at the door, and a job with invalid input fails without retry', async () => {
    const res = await ctx.http().post(`/cases/${f.caseId}/redactions`).set(...bearer(f.lead.token)).send({ testimonyId, profile: 'nonexistent' }).expect(400);
    expect(res.body.details).toEqual([{ field: 'profile', problems: ['is not a known profile'] }]);
    const direct = await ctx.app.get(JobsService).enqueue('redaction.run', { caseId: f.caseId, testimonyIds: null, profile: 'nonexistent' }, { id: f.lead.id }, f.caseId);
    const failed = await finished(direct.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('nonexistent') });
  });

  it('a reviewer approves, may drop or add spans (recorded), and the approved text is hashed and linked to its original', async () => {
    const [summary] = (await redactions('&profile=un')).items;
    const detail = (await ctx.http().get(`/cases/${f.caseId}/redactions/${summary.id}`).set(...bearer(f.lead.token)).expect(200)).body;
    // The lead requested the job: four eyes.
    await ctx.http().post(`/cases/${f.caseId}/redactions/${summary.id}/approve`).set(...bearer(f.lead.token)).send({ version: detail.version }).expect(403);
    await ctx.http().post(`/cases/${f.caseId}/redactions/${summary.id}/approve`).set(...bearer(f.investigator.token)).send({ version: detail.version }).expect(403);
    const yodok = TEXT.indexOf('요덕');
    await ctx.http().post(`/cases/${f.caseId}/redactions/${summary.id}/approve`).set(...bearer(reviewer.token)).send({ version: detail.version, addSpans: [{ start: 0, end: 9999, category: 'place' }] }).expect(400);
    const phone = detail.spans.findIndex((s: { category: string }) => s.category === 'phone');
    const approved = (await ctx.http().post(`/cases/${f.caseId}/redactions/${summary.id}/approve`).set(...bearer(reviewer.token))
      .send({ version: detail.version, removeSpans: [phone], addSpans: [{ start: yodok, end: yodok + 2, category: 'place' }] }).expect(200)).body;
    expect(approved).toMatchObject({ status: 'approved', reviewedBy: reviewer.id, reviewChanges: { removed: [{ category: 'phone' }], added: [{ start: yodok, end: yodok + 2, category: 'place' }] } });
    expect(approved.text).toContain('010-1234-5678');
    expect(approved.text).toContain('[PLACE]');
    expect(approved.text).not.toContain('요덕');
    const [row] = await ctx.sql<{ sha: string; source: string; version_sha: string }>(
      `SELECT encode(sha256(convert_to(r.redacted_text, 'UTF8')), 'hex') AS sha, r.source_sha256 AS source, v.text_sha256 AS version_sha
         FROM redactions r JOIN transcript_versions v ON v.id = r.transcript_version_id WHERE r.id = $1`, [summary.id]);
    expect(approved.redactedSha256).toBe(row.sha);
    expect(row.source).toBe(row.version_sha);
    const audit = await ctx.sql<{ details: { spansRemoved: number; spansAdded: number } }>("SELECT details FROM audit_log WHERE action = 'redaction.approve' AND subject_id = $1", [summary.id]);
    expect(audit[0].details).toMatchObject({ spansRemoved: 1, spansAdded: 1 });
    await ctx.http().post(`/cases/${f.caseId}/redactions/${summary.id}/approve`).set(...bearer(reviewer.token)).send({ version: approved.version }).expect(409);
  });

  it('adding a person marks approved redactions stale and queues re-redaction that catches the new name', async () => {
    await ctx.http().post(`/cases/${f.caseId}/testimonies/${testimonyId}/transcripts`).set(...bearer(f.lead.token)).send({ kind: 'translation', language: 'en', text: 'Also there: Pak Yong-ho.', translatesVersionId: (await ctx.sql<{ id: string }>("SELECT v.id FROM transcript_versions v JOIN transcripts t ON t.id = v.transcript_id WHERE t.testimony_id = $1 AND t.kind = 'original'", [testimonyId]))[0].id }).expect(201);
    await ctx.http().post(`/cases/${f.caseId}/people`).set(...bearer(f.lead.token)).send({ kind: 'victim', identity: { namesRomanised: ['Pak Yong-ho'] } }).expect(201);
    const stale = await redactions('&status=stale');
    expect(stale.total).toBe(1);
    const requeued = await ctx.sql<{ id: string }>("SELECT id FROM jobs WHERE name = 'redaction.run' ORDER BY created_at DESC LIMIT 1");
    expect((await finished(requeued[0].id)).status).toBe('completed');
    const proposed = await redactions('&status=proposed');
    expect(proposed.total).toBe(2);
    const texts = await Promise.all(proposed.items.map(async (r: { id: string }) => (await ctx.http().get(`/cases/${f.caseId}/redactions/${r.id}`).set(...bearer(f.lead.token))).body.text as string));
    expect(texts.join('\n')).toContain('[V-0001]');
    expect(texts.join('\n')).not.toContain('Pak Yong-ho');
  });

  it('per-case terms are sealed and redacted; custom profiles apply', async () => {
    await ctx.http().post(`/cases/${f.caseId}/redaction-terms`).set(...bearer(f.investigator.token)).send({ term: '요덕', category: 'place' }).expect(403);
    const term = await ctx.http().post(`/cases/${f.caseId}/redaction-terms`).set(...bearer(f.lead.token)).send({ term: '요덕', category: 'place' }).expect(201);
    expect(term.body).toMatchObject({ ref: 'T-0001', category: 'place' });
    const rows = await ctx.sql<{ row: string }>('SELECT t::text AS row FROM redaction_terms t');
    expect(rows[0].row).not.toContain(Buffer.from('요덕').toString('hex'));
    await ctx.http().post(`/cases/${f.caseId}/redaction-profiles`).set(...bearer(f.lead.token)).send({ name: 'ngo', base: 'public', actions: { place: 'bogus' } }).expect(400);
    await ctx.http().post(`/cases/${f.caseId}/redaction-profiles`).set(...bearer(f.lead.token)).send({ name: 'ngo', base: 'public', actions: { person: 'pseudonym' } }).expect(201);
    const accepted = await ctx.http().post(`/cases/${f.caseId}/redactions`).set(...bearer(f.lead.token)).send({ testimonyId, profile: 'ngo' }).expect(202);
    expect((await finished(accepted.body.id)).status).toBe('completed');
    const ngo = await redactions('&profile=ngo');
    const texts = await Promise.all(ngo.items.map(async (r: { id: string }) => (await ctx.http().get(`/cases/${f.caseId}/redactions/${r.id}`).set(...bearer(f.lead.token))).body.text as string));
    const all = texts.join('\n');
    expect(all).toContain('[W-0001]');
    expect(all).toContain('[PLACE]');
    expect(all).not.toContain('요덕');
  });
  it('a redaction made by engine 1 with relation tokens ([W-0001.R1]) is scrubbed and marked stale by the migration', async () => {
    // What engine 1 wrote for "저는 김철수입니다. 누나 김영희는 … 010-1234-5678" under a profile with phone pseudonyms.
    const oldText = '저는 [W-0001]입니다. 누나 [W-0001.R1]는 회령에 있습니다. 제 번호는 [W-0001.C1] 입니다.';
    const at = (token: string) => ({ outputStart: oldText.indexOf(token), outputEnd: oldText.indexOf(token) + token.length });
    const spans = [
      { start: 3, end: 6, ...at('[W-0001]'), category: 'person', rule: 'person.hangul', action: 'pseudonym', replacement: '[W-0001]', personRef: 'W-0001' },
      { start: 15, end: 18, ...at('[W-0001.R1]'), category: 'person', rule: 'person.hangul', action: 'pseudonym', replacement: '[W-0001.R1]', personRef: 'W-0001.R1' },
      { start: 37, end: 50, ...at('[W-0001.C1]'), category: 'phone', rule: 'term.custom', action: 'pseudonym', replacement: '[W-0001.C1]', ref: 'W-0001.C1' },
    ];
    const insert = (status: string, configKey: string) => ctx.sql<{ id: string }>(
      `INSERT INTO redactions (case_id, testimony_id, transcript_id, transcript_version_id, source_sha256, profile, dictionary_version, engine_version, config_key, status, redacted_text, redacted_sha256, spans, version)
       SELECT case_id, testimony_id, transcript_id, transcript_version_id, source_sha256, 'internal', dictionary_version, 'sillok-redaction-engine/1', $2, $3, $4, encode(sha256(convert_to($4, 'UTF8')), 'hex'), $5::jsonb, 1
         FROM redactions WHERE testimony_id = $1 LIMIT 1 RETURNING id`, [testimonyId, configKey, status, oldText, JSON.stringify(spans)]);
    const [approved] = await insert('approved', 'engine-1-approved');
    const [stale] = await insert('stale', 'engine-1-stale');
    const [indexed] = await ctx.sql<{ body: string }>("SELECT body FROM search_documents WHERE kind = 'testimony' AND ref_id = $1", [testimonyId]);
    expect(indexed.body).toContain('[W-0001.R1]');

    const others = () => ctx.sql('SELECT id, status, version, redacted_text, spans FROM redactions WHERE id <> ALL($1::uuid[]) ORDER BY id', [[approved.id, stale.id]]);
    const othersBefore = await others();
    expect(othersBefore.length).toBeGreaterThan(0);
    const runner = ctx.dataSource.createQueryRunner();
    try {
      await new PrivateRefTokens1795380100000().up(runner);
    } finally {
      await runner.release();
    }

    const rows = await ctx.sql<{ id: string; status: string; version: number; redacted_text: string; redacted_sha256: string; spans: Array<{ replacement: string; personRef?: string; ref?: string; outputStart: number; outputEnd: number }> }>(
      'SELECT id, status, version, redacted_text, redacted_sha256, spans FROM redactions WHERE id = ANY($1::uuid[])', [[approved.id, stale.id]]);
    const scrubbed = '저는 [W-0001]입니다. 누나 [PERSON]는 회령에 있습니다. 제 번호는 [PHONE] 입니다.';
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'stale', version: 2, redacted_text: scrubbed });
      expect(row.redacted_sha256).toBe(createHash('sha256').update(scrubbed, 'utf8').digest('hex'));
      // The span log keeps the refs (cleared members only) and points at the new output.
      expect(row.spans.map((s) => s.personRef ?? s.ref)).toEqual(['W-0001', 'W-0001.R1', 'W-0001.C1']);
      for (const s of row.spans) expect(scrubbed.slice(s.outputStart, s.outputEnd)).toBe(s.replacement);
    }
    // Stale: out of the index and exports; an uncleared member reading it sees no relation token.
    const [after] = await ctx.sql<{ body: string }>("SELECT body FROM search_documents WHERE kind = 'testimony' AND ref_id = $1", [testimonyId]);
    expect(after.body).not.toMatch(/W-0001\./);
    const read = (await ctx.http().get(`/cases/${f.caseId}/redactions/${approved.id}`).set(...bearer(f.investigator.token)).expect(200)).body;
    expect(read).toMatchObject({ status: 'stale', spanLog: 'generic', text: scrubbed });
    // Redactions without relation tokens (every one the current engine made) are left alone.
    expect(await others()).toEqual(othersBefore);
  });

  it('people imported with identities make current redactions stale and queue re-redaction', async () => {
    const before = (await redactions('&status=stale')).total as number;
    const current = (await redactions('&status=proposed')).total as number;
    expect(current).toBeGreaterThan(0);
    const accepted = await ctx.http().post(`/cases/${f.caseId}/imports`).set(...bearer(f.lead.token)).field('entityType', 'people')
      .attach('file', Buffer.from(JSON.stringify([{ external_id: 'imp-1', kind: 'witness', names_romanised: 'Choe Myong-nam' }])), { filename: 'people.json', contentType: 'application/json' }).expect(202);
    await waitFor(async () => (await ctx.http().get(`/cases/${f.caseId}/imports/${accepted.body.id}`).set(...bearer(f.lead.token))).body.status as string, (st) => st === 'completed' || st === 'failed');
    expect((await redactions('&status=stale')).total).toBe(before + current);
    const [requeued] = await ctx.sql<{ id: string; created_by: string }>("SELECT id, created_by FROM jobs WHERE name = 'redaction.run' ORDER BY created_at DESC LIMIT 1");
    expect(requeued.created_by).toBe(f.lead.id);
    expect((await finished(requeued.id)).status).toBe('completed');
  });
});
