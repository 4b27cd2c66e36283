import { createHash } from 'node:crypto';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, WITNESS_IDENTITY } from './helpers/case-fixtures';
import { waitFor } from './helpers/wait';

// Issue 13 item 2 and issue 16 item 4: an analyst without identity clearance chooses a passage on
// de-identified text (mapped to the original through the span log), reads the transcript through
// the reader endpoint, and a reviewer finds the link in the review inbox, sends it back with a
// comment, and approves it after the change.

const SENTENCE = 'Kim Chol-su saw Pak Yong-su beaten in 1998 at the camp.';
const TEXT = `I was held at the camp from 1997. ${SENTENCE} Nobody was allowed to leave.`;
const VICTIM = { namesHangul: ['박영수'], namesRomanised: ['Pak Yong-su'] };
const SECRETS = [...WITNESS_IDENTITY.namesHangul, ...WITNESS_IDENTITY.namesRomanised, ...WITNESS_IDENTITY.aliases, ...VICTIM.namesRomanised, ...VICTIM.namesHangul, 'Chol-su', 'Yong-su'];
const COMMENT = 'The probative value is too high for a single hearsay line; please reassess.';

interface Reading { view: string; redactionId: string | null; text: string; passages: Array<{ itemId: string; code: string; start: number; end: number; links: number }> }

describe('transcript reader, passages on de-identified text, review inbox', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let analyst: { id: string; token: string };
  let reviewer: { id: string; token: string };
  let testimonyId: string;
  let versionId: string;
  let unRedactionId: string;
  let internalRedactionId: string;
  let elementId: string;
  let frameworkId: string;
  let uncleared: Set<string>;
  const seenByUncleared: string[] = [];

  async function call(token: string, method: 'get' | 'post' | 'patch', path: string, body?: object) {
    const req = ctx.http()[method](path).set(...bearer(token));
    const res = body === undefined ? await req : await req.send(body);
    if (uncleared.has(token)) seenByUncleared.push(res.text);
    return res;
  }
  const finished = (id: string) => waitFor(async () => (await ctx.http().get(`/jobs/${id}`).set(...bearer(f.lead.token))).body, (j) => j.status === 'completed' || j.status === 'failed', 60_000);
  const reading = async (token: string, query = '') => call(token, 'get', `/cases/${f.caseId}/transcript-versions/${versionId}/reading${query}`);

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    await ctx.startWorker();
    const lead = bearer(f.lead.token);
    analyst = await ctx.createUser('analyst');
    reviewer = await ctx.createUser('reviewer');
    const cleared = await ctx.createUser('reviewer');
    await ctx.http().put(`/cases/${f.caseId}/members/${analyst.id}`).set(...lead).send({ role: 'analyst', identityClearance: false }).expect(200);
    await ctx.http().put(`/cases/${f.caseId}/members/${reviewer.id}`).set(...lead).send({ role: 'reviewer', identityClearance: false }).expect(200);
    await ctx.http().put(`/cases/${f.caseId}/members/${cleared.id}`).set(...lead).send({ role: 'reviewer', identityClearance: true }).expect(200);
    uncleared = new Set([analyst.token, reviewer.token, f.observer.token]);

    const witness = await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
    await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'victim', identity: VICTIM }).expect(201);
    const testimony = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({
      intervieweeId: witness.body.id, interviewDate: { date: '2024-05-03', precision: 'day' }, languages: ['en'], modality: 'in_person', riskLevel: 'high',
      consent: { purposes: ['internal_analysis'], anonymityRequired: true, identityDisclosureAllowed: false, noDeathPenaltyProceedings: true, recontactAllowed: false, method: 'signed_form', takenBy: f.lead.id, takenAt: '2024-05-03T09:00:00Z' },
    }).expect(201);
    testimonyId = testimony.body.id;
    const transcript = await ctx.http().post(`/cases/${f.caseId}/testimonies/${testimonyId}/transcripts`).set(...lead).send({ kind: 'original', language: 'en', text: TEXT }).expect(201);
    versionId = transcript.body.versions[0].id;
    for (const profile of ['internal', 'un']) {
      const job = await ctx.http().post(`/cases/${f.caseId}/redactions`).set(...lead).send({ testimonyId, profile }).expect(202);
      expect((await finished(job.body.id)).status).toBe('completed');
      const list = await ctx.http().get(`/cases/${f.caseId}/redactions?profile=${profile}`).set(...lead).expect(200);
      if (profile === 'un') unRedactionId = list.body.items[0].id;
      else internalRedactionId = list.body.items[0].id;
    }
    const un = await ctx.http().get(`/cases/${f.caseId}/redactions/${unRedactionId}`).set(...bearer(cleared.token)).expect(200);
    await ctx.http().post(`/cases/${f.caseId}/redactions/${unRedactionId}/approve`).set(...bearer(cleared.token)).send({ version: un.body.version }).expect(200);

    const list = await ctx.http().get('/legal/frameworks?code=rome-statute&status=published').set(...lead).expect(200);
    const rome = (await ctx.http().get(`/legal/frameworks/${list.body.items[0].id}`).set(...lead).expect(200)).body as { id: string; crimes: Array<{ code: string; elements: Array<{ id: string; code: string }> }> };
    frameworkId = rome.id;
    elementId = rome.crimes.find((c) => c.code === 'RS-7-1-e')!.elements[0].id;
  }, 120_000);
  afterAll(async () => {
    await ctx?.close();
  });

  let itemId: string;
  let redactedText: string;

  it('an uncleared member reads the approved redaction; a cleared one the original (audited); asking for the original without clearance is 403', async () => {
    const res = await reading(analyst.token);
    expect(res.status).toBe(200);
    const r = res.body as Reading;
    expect(r.view).toBe('redacted');
    expect(r.redactionId).toBe(unRedactionId);
    for (const s of SECRETS) expect(r.text).not.toContain(s);
    expect(r.text).toContain('beaten in 1998 at the camp.');
    redactedText = r.text;
    expect((await reading(analyst.token, '?view=original')).status).toBe(403);
    const before = await ctx.sql<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND action = 'transcript.read'", [f.caseId]);
    const original = await call(f.lead.token, 'get', `/cases/${f.caseId}/transcript-versions/${versionId}/reading`);
    expect(original.status).toBe(200);
    expect(original.body).toMatchObject({ view: 'original', redactionId: null, text: TEXT, testimonyId, kind: 'original', language: 'en', version: 1 });
    const after = await ctx.sql<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND action = 'transcript.read'", [f.caseId]);
    expect(after[0].n).toBe(before[0].n + 1);
    expect((await reading(f.outsider.token)).status).toBe(404);
  });

  it('an uncleared analyst records a passage selected in the redaction: stored with original and redacted offsets, de-identified quote only', async () => {
    const sentenceStart = redactedText.indexOf('[');
    const sentenceEnd = redactedText.indexOf('camp.', sentenceStart) + 'camp.'.length;
    const res = await call(analyst.token, 'post', `/cases/${f.caseId}/evidence`, { kind: 'transcript_passage', title: 'Beating in 1998', passage: { transcriptVersionId: versionId, redactionId: unRedactionId, start: sentenceStart, end: sentenceEnd } });
    expect(res.status, res.text).toBe(201);
    itemId = res.body.id;
    expect(res.body.passage).toMatchObject({ transcriptVersionId: versionId, start: null, end: null, redactionId: unRedactionId, redactedStart: sentenceStart, redactedEnd: sentenceEnd, quote: redactedText.slice(sentenceStart, sentenceEnd) });
    expect(res.body.sha256).toBeNull();
    const [row] = await ctx.sql<{ passage_start: number; passage_end: number; sha256: string; redacted_quote: string }>('SELECT passage_start, passage_end, sha256, redacted_quote FROM evidence_items WHERE id = $1', [itemId]);
    expect(TEXT.slice(row.passage_start, row.passage_end)).toBe(SENTENCE);
    expect(row.sha256).toBe(createHash('sha256').update(SENTENCE, 'utf8').digest('hex'));
    // A cleared member sees the original offsets and the hash.
    const cleared = await call(f.lead.token, 'get', `/cases/${f.caseId}/evidence/${itemId}`);
    expect(cleared.body.passage).toMatchObject({ start: row.passage_start, end: row.passage_end, quote: row.redacted_quote });
    expect(cleared.body.sha256).toBe(row.sha256);
    const listed = await call(analyst.token, 'get', `/cases/${f.caseId}/evidence?kind=transcript_passage`);
    expect(listed.body.items[0]).toMatchObject({ id: itemId, sha256: null, passage: { start: null, quote: row.redacted_quote } });
  });

  it('widens a selection that starts inside a token to the whole token', async () => {
    const token = redactedText.indexOf('[');
    const res = await call(analyst.token, 'post', `/cases/${f.caseId}/evidence`, { kind: 'transcript_passage', title: 'Widened', passage: { transcriptVersionId: versionId, redactionId: unRedactionId, start: token + 2, end: token + 12 } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.passage.redactedStart).toBe(token);
    expect(res.body.passage.quote.startsWith('[')).toBe(true);
    const [row] = await ctx.sql<{ passage_start: number }>('SELECT passage_start FROM evidence_items WHERE id = $1', [res.body.id]);
    expect(row.passage_start).toBe(TEXT.indexOf('Kim Chol-su'));
  });

  it('refuses a redaction that is not approved (422), another version (400) and offsets outside the text (400), naming the field', async () => {
    const proposed = await call(analyst.token, 'post', `/cases/${f.caseId}/evidence`, { kind: 'transcript_passage', title: 'x', passage: { transcriptVersionId: versionId, redactionId: internalRedactionId, start: 0, end: 5 } });
    expect(proposed.status).toBe(422);
    expect(proposed.body.details[0].field).toBe('passage.redactionId');
    const wrongVersion = await call(analyst.token, 'post', `/cases/${f.caseId}/evidence`, { kind: 'transcript_passage', title: 'x', passage: { transcriptVersionId: '00000000-0000-4000-8000-000000000000', redactionId: unRedactionId, start: 0, end: 5 } });
    expect(wrongVersion.status).toBe(400);
    expect(wrongVersion.body.details[0].field).toBe('passage.transcriptVersionId');
    const tooLong = await call(analyst.token, 'post', `/cases/${f.caseId}/evidence`, { kind: 'transcript_passage', title: 'x', passage: { transcriptVersionId: versionId, redactionId: unRedactionId, start: 0, end: redactedText.length + 1 } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details[0].field).toBe('passage.end');
    // Without a redaction, offsets point into the raw text: identity clearance, as before.
    expect((await call(analyst.token, 'post', `/cases/${f.caseId}/evidence`, { kind: 'transcript_passage', title: 'x', passage: { transcriptVersionId: versionId, start: 0, end: 5 } })).status).toBe(403);
  });

  it('the reader shows the passages as offsets into the text each member reads', async () => {
    const lead = (await reading(f.lead.token)).body as Reading;
    const mine = lead.passages.find((p) => p.itemId === itemId)!;
    expect(lead.text.slice(mine.start, mine.end)).toBe(SENTENCE);
    const r = (await reading(analyst.token)).body as Reading;
    const same = r.passages.find((p) => p.itemId === itemId)!;
    expect(r.text.slice(same.start, same.end)).toContain('beaten in 1998 at the camp.');
    expect(r.passages).toHaveLength(2);
    // A passage chosen by a cleared member on the original shows too, widened over hidden names.
    const byLead = await call(f.lead.token, 'post', `/cases/${f.caseId}/evidence`, { kind: 'transcript_passage', title: 'Names', passage: { transcriptVersionId: versionId, start: TEXT.indexOf('Chol-su saw'), end: TEXT.indexOf(' beaten') } });
    expect(byLead.status).toBe(201);
    const again = (await reading(analyst.token)).body as Reading;
    const mapped = again.passages.find((p) => p.itemId === byLead.body.id)!;
    expect(again.text.slice(mapped.start, mapped.end)).toMatch(/^\[[^\]]+\] saw \[[^\]]+\]$/);
  });

  describe('review inbox and link comments', () => {
    let linkId: string;
    const inbox = async (token: string) => (await call(token, 'get', '/me/reviews')).body as { items: Array<{ kind: string; id: string; caseTitle: string; elementCode: string | null; quote: string | null; intervieweeCode: string | null }>; total: number };

    beforeAll(async () => {
      const res = await call(analyst.token, 'post', `/cases/${f.caseId}/evidence-links`, { itemId, frameworkVersionId: frameworkId, elementId, relation: 'supports', probativeValue: 5, sourceReliability: 'B', informationCredibility: 2 });
      expect(res.status, res.text).toBe(201);
      linkId = res.body.id;
    });

    it('lists what waits for me, oldest first: the proposed redaction, then the link; never my own work; nothing for a role without review', async () => {
      const r = await inbox(reviewer.token);
      expect(r.items.map((i) => [i.kind, i.id])).toEqual([['redaction', internalRedactionId], ['evidence_link', linkId]]);
      expect(r.total).toBe(2);
      expect(r.items[1]).toMatchObject({ caseTitle: 'Kwanliso 15 detention', elementCode: expect.stringMatching(/^RS-7-1-e-/), quote: expect.stringContaining('beaten in 1998') });
      expect(r.items[0].intervieweeCode).toMatch(/^W-/);
      // The lead requested the redaction: only the link waits for them.
      expect((await inbox(f.lead.token)).items.map((i) => i.id)).toEqual([linkId]);
      expect((await inbox(analyst.token)).items).toEqual([]);
      const only = (await call(reviewer.token, 'get', '/me/reviews?kind=evidence_link&limit=1')).body;
      expect(only).toMatchObject({ total: 1, limit: 1, items: [{ id: linkId }] });
      expect((await call(reviewer.token, 'get', '/me/reviews?kind=nope')).status).toBe(400);
      const summary = (await call(reviewer.token, 'get', '/me/summary')).body;
      expect(summary).toMatchObject({ linksToReview: 1, redactionsToReview: 1 });
    });

    it('a reviewer sends the link back with a comment; the author answers and changes it; the reviewer approves it', async () => {
      const link = (await call(reviewer.token, 'get', `/cases/${f.caseId}/evidence-links/${linkId}`)).body;
      expect((await call(analyst.token, 'post', `/cases/${f.caseId}/evidence-links/${linkId}/return`, { version: link.version, comment: COMMENT })).status).toBe(403);
      expect((await call(reviewer.token, 'post', `/cases/${f.caseId}/evidence-links/${linkId}/return`, { version: link.version, comment: '   ' })).status).toBe(400);
      const returned = await call(reviewer.token, 'post', `/cases/${f.caseId}/evidence-links/${linkId}/return`, { version: link.version, comment: COMMENT });
      expect(returned.status, returned.text).toBe(200);
      expect(returned.body.status).toBe('returned');
      expect((await inbox(reviewer.token)).items.map((i) => i.id)).toEqual([internalRedactionId]);
      expect((await call(reviewer.token, 'post', `/cases/${f.caseId}/evidence-links/${linkId}/return`, { version: returned.body.version, comment: COMMENT })).status).toBe(409);

      expect((await call(f.observer.token, 'post', `/cases/${f.caseId}/evidence-links/${linkId}/comments`, { comment: 'x' })).status).toBe(403);
      const thread = await call(analyst.token, 'post', `/cases/${f.caseId}/evidence-links/${linkId}/comments`, { comment: 'Lowered to 3.' });
      expect(thread.status).toBe(201);
      expect(thread.body.map((c: { kind: string; body: string; authorId: string }) => [c.kind, c.body, c.authorId])).toEqual([['returned', COMMENT, reviewer.id], ['comment', 'Lowered to 3.', analyst.id]]);
      expect(thread.body[0].authorName).toEqual(expect.any(String));
      const changed = await call(analyst.token, 'patch', `/cases/${f.caseId}/evidence-links/${linkId}`, { version: returned.body.version, probativeValue: 3 });
      expect(changed.body.status).toBe('proposed');
      expect((await inbox(reviewer.token)).items.map((i) => i.id)).toContain(linkId);
      const approved = await call(reviewer.token, 'post', `/cases/${f.caseId}/evidence-links/${linkId}/review`, { version: changed.body.version });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('reviewed');
      expect((await inbox(reviewer.token)).items.map((i) => i.id)).toEqual([internalRedactionId]);
      const history = (await call(f.observer.token, 'get', `/cases/${f.caseId}/evidence-links/${linkId}/comments`)).body;
      expect(history).toHaveLength(2);
      // The comment text is stored on the link, never in the audit log.
      const audit = await ctx.sql<{ details: unknown }>("SELECT details FROM audit_log WHERE case_id = $1 AND action IN ('evidence_link.return', 'evidence_link.comment')", [f.caseId]);
      expect(audit).toHaveLength(2);
      expect(JSON.stringify(audit)).not.toContain('probative value is too high');
      expect(JSON.stringify(audit)).not.toContain('Lowered');
      const custody = (await call(f.observer.token, 'get', `/cases/${f.caseId}/evidence/${itemId}/custody`)).body as Array<{ action: string }>;
      expect(custody.map((c) => c.action)).toEqual(['evidence.create', 'evidence_link.create', 'evidence_link.return', 'evidence_link.comment', 'evidence_link.update', 'evidence_link.review']);
      expect((await call(f.outsider.token, 'get', `/cases/${f.caseId}/evidence/${itemId}/custody`)).status).toBe(404);
    });
  });

  // Last: a new version marks the earlier redactions stale and queues new ones, which would change the inbox above.
  it('a version without an approved redaction answers 409 with its reason to the uncleared', async () => {
    const t = await ctx.http().get(`/cases/${f.caseId}/testimonies/${testimonyId}/transcripts`).set(...bearer(f.lead.token)).expect(200);
    const v2 = await ctx.http().post(`/cases/${f.caseId}/testimonies/${testimonyId}/transcripts/${t.body[0].id}/versions`).set(...bearer(f.lead.token)).send({ text: `${TEXT} More.`, basedOnVersion: 1 }).expect(201);
    const newVersion = v2.body.versions[v2.body.versions.length - 1].id;
    const res = await call(analyst.token, 'get', `/cases/${f.caseId}/transcript-versions/${newVersion}/reading`);
    expect(res.status).toBe(409);
    expect(res.body.details).toMatchObject({ reason: 'no_approved_redaction' });
  });

  it('no uncleared member received an identity in any response of this file', () => {
    expect(seenByUncleared.length).toBeGreaterThan(10);
    for (const body of seenByUncleared) for (const s of SECRETS) expect(body).not.toContain(s);
  });
});
