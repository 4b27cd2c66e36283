import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, WITNESS_IDENTITY } from './helpers/case-fixtures';
import { waitFor } from './helpers/wait';
import { binaryBody, unzip } from './helpers/zip';

// The attack of issue 11 (item 1): a reviewer without identity clearance used span edits on
// approval to turn a redaction back into the raw transcript, which was then stored, indexed and
// exported. And item 9: the span log told uncleared members which spans were a relative or a
// contact and how long each hidden name was.

const VICTIM = { namesHangul: ['박영수'], namesRomanised: ['Pak Yong-su'] };

/** Every registered name, alias, relative and phone number of the two people. */
const NAMES = [
  ...WITNESS_IDENTITY.namesHangul, ...WITNESS_IDENTITY.namesRomanised, ...WITNESS_IDENTITY.aliases,
  ...WITNESS_IDENTITY.relatives.map((r) => r.name), ...WITNESS_IDENTITY.contacts.map((c) => c.value), ...VICTIM.namesHangul, ...VICTIM.namesRomanised,
];
/** Everything the registry seals for them: none of it may reach an uncleared member, the index or a package. */
const SECRETS = [...NAMES, WITNESS_IDENTITY.birthplace, WITNESS_IDENTITY.currentLocation];

const TEXT = '저는 김철수입니다. 1997년에 요덕수용소에서 강제노동을 했습니다. 누나 김영희는 아직 회령에 있습니다. 제 번호는 010-1234-5678 입니다. '
  + 'People called me Chol-su Aba. I was born in Hoeryong, North Hamgyong and now live in Seoul, Nowon-gu. Kim Chol-su saw Pak Yong-su beaten in 1998.';

/**
 * A token that ties a span to a registered person's relative, contact, birthplace or residence
 * (`[W-0001.R1]`, `W-0001.C1`): members without clearance, the index and packages must never get one.
 */
const RELATION_REF = /[A-Z]-\d{4,}\.(?:R\d|C\d|BP|LOC)/;
/** The keyed token a relative gets instead: consistent within the case, linked to nobody. */
const KEYED_PERSON = /^\[PERSON-[0-9a-f]{8}\]$/;

const COMMENT = 'Line 3 still reads like a family detail; please check the span around the sister before this goes out.';

interface Span { start?: number; end?: number; outputStart: number; outputEnd: number; category: string; ref?: string; personRef?: string; candidateRefs?: string[]; rule?: string }
interface Redaction { id: string; version: number; status: string; text: string; profile: string; spanLog: string; spans: Span[]; reviewChanges: Record<string, unknown> | null; comments: Array<{ authorId: string; body: string; createdAt: string }>; redactedSha256: string }

describe('redaction review and identity clearance', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let dir: string;
  /** Reviewer without identity clearance. */
  let reviewer: { id: string; token: string };
  /** Reviewer with identity clearance. */
  let cleared: { id: string; token: string };
  /** Analyst without identity clearance. */
  let analyst: { id: string; token: string };
  let witnessCode: string;
  let versionId: string;
  const redactionIds: Record<string, string> = {};
  /** Every response body an uncleared member received in this file. */
  const seenByUncleared: Array<{ request: string; body: string }> = [];
  let uncleared: Set<string>;

  async function call(token: string, method: 'get' | 'post', path: string, body?: object) {
    const req = ctx.http()[method](path).set(...bearer(token));
    const res = body === undefined ? await req : await req.send(body);
    if (uncleared.has(token)) seenByUncleared.push({ request: `${method.toUpperCase()} ${path} → ${res.status}`, body: res.text });
    return res;
  }
  const read = async (token: string, profile: string): Promise<Redaction> => {
    const res = await call(token, 'get', `/cases/${f.caseId}/redactions/${redactionIds[profile]}`);
    expect(res.status).toBe(200);
    return res.body as Redaction;
  };
  const row = async (id: string) => (await ctx.sql<{ status: string; version: number; redacted_text: string; spans: unknown; review_changes: unknown; redacted_sha256: string }>(
    'SELECT status, version, redacted_text, spans, review_changes, redacted_sha256 FROM redactions WHERE id = $1', [id]))[0];
  const finished = (id: string) => waitFor(async () => (await ctx.http().get(`/jobs/${id}`).set(...bearer(f.lead.token))).body, (j) => j.status === 'completed' || j.status === 'failed', 60_000);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sillok-redaction-clearance-'));
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    await ctx.startWorker();
    const lead = bearer(f.lead.token);
    reviewer = await ctx.createUser('reviewer');
    cleared = await ctx.createUser('reviewer');
    analyst = await ctx.createUser('analyst');
    await ctx.http().put(`/cases/${f.caseId}/members/${reviewer.id}`).set(...lead).send({ role: 'reviewer', identityClearance: false }).expect(200);
    await ctx.http().put(`/cases/${f.caseId}/members/${cleared.id}`).set(...lead).send({ role: 'reviewer', identityClearance: true }).expect(200);
    await ctx.http().put(`/cases/${f.caseId}/members/${analyst.id}`).set(...lead).send({ role: 'analyst', identityClearance: false }).expect(200);
    uncleared = new Set([reviewer.token, analyst.token, f.investigator.token, f.observer.token]);

    const witness = await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
    witnessCode = witness.body.code;
    await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'victim', identity: VICTIM }).expect(201);
    const testimony = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({
      intervieweeId: witness.body.id, interviewDate: { date: '2024-05-03', precision: 'day' }, languages: ['ko', 'en'], modality: 'in_person', riskLevel: 'high',
      consent: { purposes: ['internal_analysis', 'share_un_mechanisms'], anonymityRequired: true, identityDisclosureAllowed: false, noDeathPenaltyProceedings: true, recontactAllowed: false, method: 'signed_form', takenBy: f.lead.id, takenAt: '2024-05-03T09:00:00Z' },
    }).expect(201);
    const transcript = await ctx.http().post(`/cases/${f.caseId}/testimonies/${testimony.body.id}/transcripts`).set(...lead).send({ kind: 'original', language: 'ko', text: TEXT }).expect(201);
    versionId = transcript.body.versions[0].id;
    // The lead requests both redactions, so neither reviewer is the requester (four eyes).
    for (const profile of ['internal', 'un']) {
      const job = await ctx.http().post(`/cases/${f.caseId}/redactions`).set(...lead).send({ testimonyId: testimony.body.id, profile }).expect(202);
      expect((await finished(job.body.id)).status).toBe('completed');
      const list = await ctx.http().get(`/cases/${f.caseId}/redactions?profile=${profile}`).set(...lead).expect(200);
      redactionIds[profile] = list.body.items[0].id;
    }
  }, 120_000);
  afterAll(async () => {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the proposals are de-identified to begin with (otherwise the scans below prove nothing)', async () => {
    for (const profile of ['internal', 'un']) {
      const { text, spans } = await read(f.lead.token, profile);
      for (const s of SECRETS) expect(text, `${profile}: ${s}`).not.toContain(s);
      expect(spans.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('an uncleared reviewer cannot edit spans: 403 IDENTITY_CLEARANCE_REQUIRED, and nothing changes', async () => {
    for (const profile of ['internal', 'un']) {
      const id = redactionIds[profile];
      const before = await row(id);
      const { version, spans } = await read(reviewer.token, profile);
      const everySpan = spans.map((_s, i) => i);
      const attacks = [
        { version, removeSpans: everySpan },
        { version, addSpans: [{ start: 0, end: 2, category: 'person' }] },
        { version, removeSpans: everySpan, addSpans: [{ start: 0, end: 2, category: 'person' }] },
        { version, removeSpans: [0] },
      ];
      for (const attack of attacks) {
        const res = await call(reviewer.token, 'post', `/cases/${f.caseId}/redactions/${id}/approve`, attack);
        expect(res.status, JSON.stringify(attack)).toBe(403);
        expect(res.body).toMatchObject({ statusCode: 403, error: 'IDENTITY_CLEARANCE_REQUIRED', message: expect.stringContaining('identity clearance') });
        expect(res.body.message).toContain('/return');
      }
      expect(await row(id)).toEqual(before);
    }
    expect(await ctx.sql("SELECT 1 FROM audit_log WHERE action = 'redaction.approve'")).toHaveLength(0);
  });

  it('an uncleared reviewer approves unchanged', async () => {
    const { version, redactedSha256 } = await read(reviewer.token, 'un');
    const res = await call(reviewer.token, 'post', `/cases/${f.caseId}/redactions/${redactionIds.un}/approve`, { version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', reviewedBy: reviewer.id, redactedSha256, reviewChanges: null, spanLog: 'generic' });
    const [audit] = await ctx.sql<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'redaction.approve' AND subject_id = $1", [redactionIds.un]);
    expect(audit.details).toMatchObject({ spansRemoved: 0, spansAdded: 0 });
  });

  it('an uncleared reviewer sends a redaction back with a comment: returned, audited without the comment, out of the index', async () => {
    const [indexedBefore] = await ctx.sql<{ body: string }>("SELECT body FROM search_documents WHERE kind = 'testimony'");
    expect(indexedBefore.body.length).toBeGreaterThan(20);
    const { version } = await read(reviewer.token, 'internal');
    const path = `/cases/${f.caseId}/redactions/${redactionIds.internal}/return`;
    // Bad input names the field; no review permission → 403; a stale version → 409.
    const missing = await call(reviewer.token, 'post', path, { version });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'comment' })]));
    const blank = await call(reviewer.token, 'post', path, { version, comment: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.details).toEqual([{ field: 'comment', problems: ['comment must contain text and no NUL character'] }]);
    expect((await call(reviewer.token, 'post', path, { version, comment: 'a\u0000b' })).status).toBe(400);
    expect((await call(reviewer.token, 'post', path, { version, comment: 'x'.repeat(5001) })).status).toBe(400);
    expect((await call(f.investigator.token, 'post', path, { version, comment: COMMENT })).status).toBe(403);
    expect((await call(reviewer.token, 'post', path, { version: version + 1, comment: COMMENT })).status).toBe(409);
    expect(await ctx.sql('SELECT 1 FROM redaction_comments')).toHaveLength(0);

    const res = await call(reviewer.token, 'post', path, { version, comment: COMMENT });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'returned', version: version + 1, reviewedBy: null, comments: [{ authorId: reviewer.id, body: COMMENT, createdAt: expect.any(String) }] });
    // The comment is kept and shown to every member on the redaction.
    expect((await read(f.observer.token, 'internal')).comments).toEqual([expect.objectContaining({ authorId: reviewer.id, body: COMMENT })]);
    const list = await call(f.observer.token, 'get', `/cases/${f.caseId}/redactions?status=returned`);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([redactionIds.internal]);
    const [audit] = await ctx.sql<{ actor_id: string; details: Record<string, unknown> }>("SELECT actor_id, details FROM audit_log WHERE action = 'redaction.return' AND subject_id = $1", [redactionIds.internal]);
    expect(audit.actor_id).toBe(reviewer.id);
    expect(audit.details).toMatchObject({ from: 'proposed', profile: 'internal', commentLength: COMMENT.length });
    expect(JSON.stringify(audit.details)).not.toContain('sister');
    expect(ctx.logs.join('\n')).not.toContain('sister');
    // A returned proposal is not searchable any more (the index holds proposed and approved ones only).
    const [indexedAfter] = await ctx.sql<{ body: string }>("SELECT body FROM search_documents WHERE kind = 'testimony'");
    expect(indexedAfter.body).toBe('');
  });

  it('a cleared reviewer can still edit spans, on a returned redaction too', async () => {
    const { version, spans } = await read(cleared.token, 'internal');
    const yodok = TEXT.indexOf('요덕수용소');
    const res = await call(cleared.token, 'post', `/cases/${f.caseId}/redactions/${redactionIds.internal}/approve`, { version, addSpans: [{ start: yodok, end: yodok + 5, category: 'place' }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', reviewedBy: cleared.id, spanLog: 'full', reviewChanges: { removed: [], added: [{ start: yodok, end: yodok + 5, category: 'place' }] } });
    expect(res.body.spans).toHaveLength(spans.length + 1);
    expect(res.body.text).not.toContain('요덕수용소');
    expect(res.body.text).toContain('[PLACE]');
    expect(res.body.comments).toHaveLength(1);
    const [indexed] = await ctx.sql<{ body: string }>("SELECT body FROM search_documents WHERE kind = 'testimony'");
    expect(indexed.body).toBe(res.body.text);
  });

  it('uncleared members get a generic span log (output offsets and category); cleared members the full one', async () => {
    for (const profile of ['internal', 'un']) {
      const full = await read(f.lead.token, profile);
      expect(full.spanLog).toBe('full');
      // The full log says which spans are the witness's relative and contact, and where they sit in the original.
      const refs = full.spans.flatMap((s) => [s.ref, s.personRef, ...(s.candidateRefs ?? [])]).filter(Boolean);
      expect(refs).toEqual(expect.arrayContaining([`${witnessCode}.R1`, `${witnessCode}.C1`]));
      // …but the text, which every member reads, does not: the sister is a keyed token, the witness their code.
      expect(full.text).not.toMatch(RELATION_REF);
      expect(full.text).not.toContain(`${witnessCode}.`);
      expect(full.text).toContain(`[${witnessCode}]`);
      const sister = full.spans.find((s) => s.personRef === `${witnessCode}.R1`) as Span & { replacement: string };
      expect(sister.replacement).toMatch(KEYED_PERSON);
      expect(full.text.slice(sister.outputStart, sister.outputEnd)).toBe(sister.replacement);
      expect(full.spans.every((s) => typeof s.start === 'number' && typeof s.end === 'number' && typeof s.rule === 'string')).toBe(true);

      for (const token of [reviewer.token, analyst.token, f.investigator.token, f.observer.token]) {
        const generic = await read(token, profile);
        expect(generic.spanLog).toBe('generic');
        expect(generic.text).toBe(full.text);
        expect(generic.spans).toHaveLength(full.spans.length);
        for (const [i, s] of generic.spans.entries()) {
          expect(Object.keys(s).sort()).toEqual(['category', 'outputEnd', 'outputStart']);
          expect(s).toEqual({ outputStart: full.spans[i].outputStart, outputEnd: full.spans[i].outputEnd, category: full.spans[i].category });
        }
        const log = JSON.stringify(generic.spans);
        for (const leak of [`${witnessCode}.`, 'candidateRefs', 'personRef', '"ref"', '"start"', '"end"', 'rule', 'relative', 'contact']) expect(log).not.toContain(leak);
        if (generic.reviewChanges) {
          expect(generic.reviewChanges).toEqual({ removedCount: 0, addedCount: 1 });
          expect(full.reviewChanges).toMatchObject({ added: [expect.objectContaining({ start: expect.any(Number) })] });
        }
      }
    }
    // The list carries no span log at all.
    const list = await call(f.observer.token, 'get', `/cases/${f.caseId}/redactions`);
    expect(JSON.stringify(list.body)).not.toMatch(/"spans"|candidateRefs|"ref"/);
  });

  it('a relative gets the same keyed token in every redaction of the case, and it names nobody', async () => {
    const tokens = new Set<string>();
    for (const profile of ['internal', 'un']) {
      const { spans } = await read(cleared.token, profile);
      for (const s of spans) if (s.personRef === `${witnessCode}.R1`) tokens.add((s as Span & { replacement: string }).replacement);
    }
    expect(tokens.size).toBe(1);
    const [token] = [...tokens];
    expect(token).toMatch(KEYED_PERSON);
    expect(token).not.toContain(witnessCode);
    // The token leads nowhere: no person of the case has it as a code.
    expect(await ctx.sql('SELECT 1 FROM people WHERE code = $1', [token.slice(1, -1)])).toHaveLength(0);
  });

  it('a profile that keeps identifying categories as in the original is refused, naming each action', async () => {
    const res = await ctx.http().post(`/cases/${f.caseId}/redaction-profiles`).set(...bearer(f.lead.token)).send({ name: 'verbatim', base: 'internal', actions: { person: 'keep', phone: 'keep', place: 'keep' } }).expect(400);
    expect(res.body.details).toEqual([
      { field: 'actions.person', problems: [expect.stringContaining('cannot be keep')] },
      { field: 'actions.phone', problems: [expect.stringContaining('cannot be keep')] },
    ]);
    // One stored before the rule is never used to render text from the original.
    await ctx.sql("INSERT INTO redaction_profiles (case_id, name, spec, created_by) VALUES ($1, 'legacy-verbatim', $2, $3)", [f.caseId, JSON.stringify({ name: 'legacy-verbatim', base: 'internal', actions: { person: 'keep' } }), f.lead.id]);
    const refused = await ctx.http().post(`/cases/${f.caseId}/redactions`).set(...bearer(f.lead.token)).send({ profile: 'legacy-verbatim' }).expect(400);
    expect(refused.body.details).toEqual([{ field: 'profile', problems: ['keeps identifying categories'] }]);
    await ctx.http().post(`/cases/${f.caseId}/exports`).set(...bearer(f.lead.token))
      .send({ recipient: { kind: 'un_mechanism', name: 'OHCHR Seoul', deathPenaltyJurisdiction: 'false' }, purpose: 'share_un_mechanisms', profile: 'legacy-verbatim' }).expect(400);
    expect(await ctx.sql("SELECT 1 FROM redactions WHERE profile = 'legacy-verbatim'")).toHaveLength(0);
  });

  it('a transcript passage (hashed from the decrypted text) needs identity clearance: no SHA-256 oracle for uncleared analysts', async () => {
    const before = await ctx.sql('SELECT id FROM evidence_items');
    for (const token of [analyst.token, f.investigator.token]) {
      const res = await call(token, 'post', `/cases/${f.caseId}/evidence`, { kind: 'transcript_passage', title: 'One character', passage: { transcriptVersionId: versionId, start: 3, end: 4 } });
      expect(res.status).toBe(403);
      expect(res.body.error).toBe('IDENTITY_CLEARANCE_REQUIRED');
    }
    expect(await ctx.sql('SELECT id FROM evidence_items')).toEqual(before);
    await ctx.http().post(`/cases/${f.caseId}/evidence`).set(...bearer(f.lead.token)).send({ kind: 'transcript_passage', title: 'Forced labour', passage: { transcriptVersionId: versionId, start: 0, end: 10 } }).expect(201);
  });

  it('the other decrypting routes refuse uncleared members with IDENTITY_CLEARANCE_REQUIRED', async () => {
    const [testimony] = await ctx.sql<{ id: string }>('SELECT id FROM testimonies');
    const [transcript] = await ctx.sql<{ id: string }>('SELECT id FROM transcripts');
    const [person] = await ctx.sql<{ id: string }>("SELECT id FROM people WHERE kind = 'witness'");
    for (const path of [
      `/cases/${f.caseId}/people/${person.id}/identity`,
      `/cases/${f.caseId}/testimonies/${testimony.id}/sensitive`,
      `/cases/${f.caseId}/testimonies/${testimony.id}/transcripts/${transcript.id}/versions/1`,
      `/cases/${f.caseId}/search/raw?q=${encodeURIComponent('김철수')}`,
    ]) {
      const res = await call(f.investigator.token, 'get', path);
      expect(res.status, path).toBe(403);
      expect(res.body.error, path).toBe('IDENTITY_CLEARANCE_REQUIRED');
    }
  });

  it('no name, alias, relative, contact or place of birth or residence reaches the index, a search, or an uncleared member', async () => {
    const documents = await ctx.sql<{ row: string }>('SELECT d::text AS row FROM search_documents d');
    expect(documents.length).toBeGreaterThan(0);
    const dump = documents.map((d) => d.row).join('\n');
    for (const s of SECRETS) expect(dump, `search_documents holds "${s}"`).not.toContain(s);
    for (const s of SECRETS) {
      for (const token of [f.investigator.token, reviewer.token, f.lead.token]) {
        const res = await call(token, 'get', `/search?q=${encodeURIComponent(s)}&limit=100`);
        expect(res.status, s).toBe(200);
        expect(JSON.stringify(res.body), `search for "${s}"`).not.toContain(s);
        // (Places are not names: a romanised birthplace may find the gazetteer, or a testimony that names the town.)
        if (NAMES.includes(s)) expect(res.body.items.filter((h: { kind: string }) => h.kind === 'testimony'), `search for "${s}"`).toEqual([]);
      }
    }
    expect(dump, 'search_documents holds a relation ref').not.toMatch(RELATION_REF);
    expect(seenByUncleared.length).toBeGreaterThan(40);
    const leaks = seenByUncleared.flatMap(({ request, body }) => SECRETS.filter((s) => body.includes(s)).map((s) => `${s} in ${request}`));
    expect(leaks).toEqual([]);
    expect(seenByUncleared.filter(({ body }) => RELATION_REF.test(body)).map(({ request }) => request)).toEqual([]);
    const logs = ctx.logs.join('\n');
    for (const s of SECRETS) expect(logs).not.toContain(s);
  });

  it('a real export of the approved redaction to a UN mechanism holds none of them either', async () => {
    // Analysts' free text goes through the engine too: the sister named in an incident gets the same keyed token as in the transcript.
    await ctx.http().post(`/cases/${f.caseId}/incidents`).set(...bearer(f.lead.token))
      .send({ title: 'Family held', description: '누나 김영희는 회령에서 끌려갔다.', violationTypes: ['arbitrary_detention'], date: { precision: 'year', date: '1998' } }).expect(201);
    const accepted = await ctx.http().post(`/cases/${f.caseId}/exports`).set(...bearer(f.lead.token))
      .send({ recipient: { kind: 'un_mechanism', name: 'OHCHR Seoul', deathPenaltyJurisdiction: 'false' }, purpose: 'share_un_mechanisms', profile: 'un' }).expect(202);
    const done = await waitFor(async () => (await ctx.http().get(`/cases/${f.caseId}/exports/${accepted.body.id}`).set(...bearer(f.lead.token))).body, (e) => e.status === 'ready' || e.status === 'failed', 90_000);
    expect(done).toMatchObject({ status: 'ready', included: { testimonies: 1, transcripts: 1, testimonyFiles: 0 } });
    const res = await ctx.http().get(`/cases/${f.caseId}/exports/${done.id}/download`).set(...bearer(f.lead.token)).buffer(true).parse(binaryBody).expect(200);
    const path = join(dir, 'un.zip');
    writeFileSync(path, res.body as Buffer);
    const files = await unzip(path);
    const transcript = [...files.entries()].find(([name]) => name.endsWith('/original-ko.txt'));
    expect(transcript?.[1].toString('utf8')).toBe((await read(f.lead.token, 'un')).text);
    const leaks: string[] = [];
    for (const [name, content] of files) for (const s of SECRETS) if (content.includes(Buffer.from(s, 'utf8'))) leaks.push(`${name}: ${s}`);
    for (const s of SECRETS) if ((res.body as Buffer).includes(Buffer.from(s, 'utf8'))) leaks.push(`zip: ${s}`);
    for (const [name, content] of files) if (RELATION_REF.test(content.toString('utf8'))) leaks.push(`${name}: a relation ref`);
    expect(leaks).toEqual([]);
    const sister = (await read(f.lead.token, 'un')).spans.find((sp) => sp.personRef === `${witnessCode}.R1`) as Span & { replacement: string };
    expect(sister.replacement).toMatch(KEYED_PERSON);
    expect(transcript?.[1].toString('utf8')).toContain(sister.replacement);
    const incidents = JSON.parse([...files.entries()].find(([name]) => name.endsWith('data/incidents.json'))?.[1].toString('utf8') ?? '[]') as Array<{ description: string }>;
    expect(incidents.map((i) => i.description)).toContain(`누나 ${sister.replacement}는 회령에서 끌려갔다.`);
  });
});
