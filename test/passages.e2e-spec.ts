import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, WITNESS_IDENTITY } from './helpers/case-fixtures';
import { waitFor } from './helpers/wait';
import { binaryBody, unzip } from './helpers/zip';

// Issue 13 items 1 and 3: exported passages point at the right words of the exported (redacted)
// text; a new transcript version re-anchors passages, re-runs redaction and keeps an export from
// saying "ready" without the transcript.
const VICTIM = { namesHangul: ['박영호'], namesRomanised: ['Pak Yong-ho'] };
const NAMES = ['김철수', 'Kim Chol-su', 'Chol-su', '박영호', 'Pak Yong-ho', '010-1234-5678'];
const ORIGINAL = '저는 김철수입니다. 1997년에 요덕에서 박영호 씨와 함께 강제노동을 했습니다. 보위원이 김철수와 박영호를 때렸습니다. 제 연락처는 010-1234-5678입니다.';
const TRANSLATION = 'I am Kim Chol-su. In 1997 I did forced labour at Yodok with Pak Yong-ho. A guard beat Kim Chol-su and Pak Yong-ho in front of everyone. My number is 010-1234-5678.';
// A one-word fix: the sentence of one passage changes, the other passage's words only move.
const TRANSLATION_2 = TRANSLATION.replace('forced labour', 'forced labor');
const UN = { recipient: { kind: 'un_mechanism', name: 'OHCHR Seoul', deathPenaltyJurisdiction: 'false' }, purpose: 'share_un_mechanisms', profile: 'un' };

interface Passage { transcriptVersionId: string; path: string; start: number; end: number; quote: string }

describe('passages that survive redaction, export and transcript edits', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let reviewer: { id: string; token: string };
  let dir: string;
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};

  const lead = () => bearer(f.lead.token);
  const post = (path: string, body: object, token = f.lead.token) => ctx.http().post(`/cases/${f.caseId}${path}`).set(...bearer(token)).send(body);
  const get = async (path: string, token = f.lead.token) => (await ctx.http().get(`/cases/${f.caseId}${path}`).set(...bearer(token)).expect(200)).body;
  const exportDone = (id: string) => waitFor(async () => get(`/exports/${id}`), (e) => e.status === 'ready' || e.status === 'failed', 90_000);
  const redactions = async (): Promise<Array<{ id: string; version: number; status: string; transcriptVersionId: string }>> => (await get(`/redactions?testimonyId=${ids.testimony}&profile=un&limit=100`)).items;
  const approveProposed = async () => {
    for (const r of (await redactions()).filter((x) => x.status === 'proposed')) {
      await ctx.http().post(`/cases/${f.caseId}/redactions/${r.id}/approve`).set(...bearer(reviewer.token)).send({ version: r.version }).expect(200);
    }
  };
  const build = async () => {
    const accepted = await post('/exports', UN).expect(202);
    return exportDone(accepted.body.id);
  };
  const packageOf = async (exportId: string) => {
    const res = await ctx.http().get(`/cases/${f.caseId}/exports/${exportId}/download`).set(...lead()).buffer(true).parse(binaryBody).expect(200);
    const path = join(dir, `${exportId}.zip`);
    writeFileSync(path, res.body as Buffer);
    const files = await unzip(path);
    const root = [...files.keys()][0].split('/')[0];
    return (name: string) => {
      const content = files.get(`${root}/${name}`);
      if (!content) throw new Error(`${name} is not in the package`);
      return content.toString('utf8');
    };
  };
  /** Every passage of items.json and incidents.json, checked against the text file it names. */
  const checkEveryPassage = (read: (name: string) => string): Map<string, Passage> => {
    const items = JSON.parse(read('data/evidence/items.json')) as Array<{ code: string; kind: string; sha256: string | null; passage: Passage | null }>;
    const incidents = JSON.parse(read('data/incidents.json')) as Array<{ code: string; sources: Array<{ passage: Passage | null }> }>;
    const passages = new Map<string, Passage>();
    for (const i of items) {
      if (i.kind !== 'transcript_passage') continue;
      passages.set(i.code, i.passage as Passage);
      // The hash in the package is of the quote it carries, never of the original words (guessable).
      expect(i.sha256, i.code).toBe(createHash('sha256').update((i.passage as Passage).quote, 'utf8').digest('hex'));
      expect(i.sha256, i.code).not.toBe(ids[`${i.code}Sha`]);
    }
    for (const i of incidents) i.sources.forEach((s, n) => { if (s.passage) passages.set(`${i.code}#${n}`, s.passage); });
    expect(passages.size).toBeGreaterThan(0);
    for (const [code, p] of passages) {
      expect(p, code).not.toBeNull();
      const text = read(p.path);
      expect(text.slice(p.start, p.end), code).toBe(p.quote);
      for (const name of NAMES) expect(p.quote, code).not.toContain(name);
    }
    return passages;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sillok-passages-e2e-'));
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    await ctx.startWorker();
    reviewer = await ctx.createUser('reviewer');
    await ctx.http().put(`/cases/${f.caseId}/members/${reviewer.id}`).set(...lead()).send({ role: 'reviewer', identityClearance: false }).expect(200);
    const witness = await post('/people', { kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
    const victim = await post('/people', { kind: 'victim', identity: VICTIM }).expect(201);
    Object.assign(codes, { witness: witness.body.code, victim: victim.body.code });
    const t = await post('/testimonies', { intervieweeId: witness.body.id, interviewDate: { date: '2024-05', precision: 'month' }, languages: ['ko', 'en'], modality: 'in_person', riskLevel: 'high' }).expect(201);
    ids.testimony = t.body.id;
    const original = await post(`/testimonies/${ids.testimony}/transcripts`, { kind: 'original', language: 'ko', text: ORIGINAL }).expect(201);
    ids.original = original.body.versions[0].id;
    const translation = await post(`/testimonies/${ids.testimony}/transcripts`, { kind: 'translation', language: 'en', text: TRANSLATION, translatesVersionId: ids.original }).expect(201);
    ids.translationTranscript = translation.body.id;
    ids.translation1 = translation.body.versions[0].id;
    await post(`/testimonies/${ids.testimony}/consents`, {
      recontactAllowed: false, method: 'signed_form', takenAt: '2024-05-03T09:00:00Z', purposes: ['share_un_mechanisms'], anonymityRequired: true, identityDisclosureAllowed: false, noDeathPenaltyProceedings: false, takenBy: f.lead.id,
    }).expect(201);

    const passage = async (key: string, versionId: string, text: string, start: number, end: number) => {
      expect(start).toBeGreaterThanOrEqual(0);
      const res = await post('/evidence', { kind: 'transcript_passage', title: `Passage ${key}`, passage: { transcriptVersionId: versionId, start, end } }).expect(201);
      ids[key] = res.body.id;
      codes[key] = res.body.code;
      ids[`${key}Sha`] = res.body.sha256;
      ids[`${res.body.code as string}Sha`] = res.body.sha256;
      expect(text.slice(start, end).length).toBe(end - start);
    };
    const span = (text: string, words: string) => [text.indexOf(words), text.indexOf(words) + words.length] as const;
    // Names inside, at the edges, and a passage that begins in the middle of a name.
    await passage('beating', ids.original, ORIGINAL, ...span(ORIGINAL, '보위원이 김철수와 박영호를 때렸습니다.'));
    await passage('midName', ids.original, ORIGINAL, ORIGINAL.indexOf('철수입니다'), ORIGINAL.indexOf('1997년에') + '1997년에'.length);
    await passage('phone', ids.original, ORIGINAL, ...span(ORIGINAL, '제 연락처는 010-1234-5678입니다.'));
    await passage('guard', ids.translation1, TRANSLATION, ...span(TRANSLATION, 'A guard beat Kim Chol-su and Pak Yong-ho in front of everyone.'));
    await passage('labour', ids.translation1, TRANSLATION, ...span(TRANSLATION, 'In 1997 I did forced labour at Yodok with Pak Yong-ho.'));
    const [s, e] = span(ORIGINAL, '1997년에 요덕에서 박영호 씨와 함께 강제노동을 했습니다.');
    const incident = await post('/incidents', {
      title: 'Forced labour at the camp', violationTypes: ['forced_labour'], date: { precision: 'year', date: '1997' },
      sources: [{ testimonyId: ids.testimony, passage: { transcriptVersionId: ids.original, start: s, end: e } }, { testimonyId: ids.testimony, passage: { transcriptVersionId: ids.translation1, start: TRANSLATION.indexOf('In 1997'), end: TRANSLATION.indexOf('Yodok') + 5 } },
        { testimonyId: ids.testimony, passage: { transcriptVersionId: ids.translation1, start: TRANSLATION.indexOf('A guard'), end: TRANSLATION.indexOf(' in front') } }],
    }).expect(201);
    ids.incident = incident.body.id;

    const job = await post('/redactions', { profile: 'un' }).expect(202);
    await waitFor(async () => (await ctx.http().get(`/jobs/${job.body.id}`).set(...lead()).expect(200)).body, (j) => j.status === 'completed', 60_000);
    expect(await redactions()).toHaveLength(2);
    await approveProposed();
  }, 180_000);
  afterAll(async () => {
    await ctx?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every exported passage carries its quote as redacted and offsets into the exported text file', async () => {
    const done = await build();
    expect(done).toMatchObject({ status: 'ready', error: null, excludedCount: 0 });
    const read = await packageOf(done.id);
    const passages = checkEveryPassage(read);
    expect(passages.size).toBe(8);
    const tid = ids.testimony.replace(/-/g, '').slice(0, 8);
    expect(passages.get(codes.beating)).toMatchObject({ transcriptVersionId: ids.original, path: `data/testimonies/${tid}/original-ko.txt` });
    expect(passages.get(codes.guard)).toMatchObject({ transcriptVersionId: ids.translation1, path: `data/testimonies/${tid}/translation-en.txt` });
    // Redacted words stay in the quote as their tokens; a passage begun inside a name begins at its token.
    expect(passages.get(codes.beating)?.quote).toMatch(new RegExp(`^보위원이 \\[${codes.witness}\\].* \\[${codes.victim}\\].*때렸습니다\\.$`));
    expect(passages.get(codes.midName)?.quote).toMatch(new RegExp(`^\\[${codes.witness}\\].*입니다\\. 1997년에$`));
    expect(passages.get(codes.guard)?.quote).toBe(`A guard beat [${codes.witness}] and [${codes.victim}] in front of everyone.`);
    expect(passages.get(codes.phone)?.quote).toMatch(/^제 연락처는 \[PHONE\]/);
    // The offsets are into the redacted text, not the original (names are longer than tokens here).
    expect(passages.get(codes.guard)?.start).not.toBe(TRANSLATION.indexOf('A guard'));
  });

  it('a new transcript version: old redactions stale, re-redaction queued, unchanged passages moved, changed ones flagged', async () => {
    const before = await get(`/evidence/${ids.guard}`);
    const res = await post(`/testimonies/${ids.testimony}/transcripts/${ids.translationTranscript}/versions`, { basedOnVersion: 1, text: TRANSLATION_2, translatesVersionId: ids.original, note: 'labour → labor' }).expect(201);
    ids.translation2 = res.body.versions.find((v: { version: number }) => v.version === 2).id;
    const states = await redactions();
    expect(states.find((r) => r.transcriptVersionId === ids.translation1)?.status).toBe('stale');
    expect(states.find((r) => r.transcriptVersionId === ids.original)?.status).toBe('approved');
    // Re-redaction of the new version was queued by the edit itself, as for registry changes.
    const rerun = await waitFor(redactions, (list) => list.some((r) => r.transcriptVersionId === ids.translation2), 60_000);
    expect(rerun.find((r) => r.transcriptVersionId === ids.translation2)?.status).toBe('proposed');

    const guard = await get(`/evidence/${ids.guard}`);
    const words = 'A guard beat Kim Chol-su and Pak Yong-ho in front of everyone.';
    expect(guard).toMatchObject({ needsReanchoring: false, sha256: ids.guardSha, version: before.version + 1, passage: { transcriptVersionId: ids.translation2, start: TRANSLATION_2.indexOf(words), end: TRANSLATION_2.indexOf(words) + words.length } });
    expect(guard.passage.start).toBe(TRANSLATION.indexOf(words) - 1);
    const labour = await get(`/evidence/${ids.labour}`);
    expect(labour).toMatchObject({ needsReanchoring: true, passage: { transcriptVersionId: ids.translation1 } });
    expect((await get(`/evidence/${ids.beating}`)).passage.transcriptVersionId).toBe(ids.original);
    const flagged = await get('/evidence?needsReanchoring=true');
    expect(flagged.items.map((i: { code: string }) => i.code)).toEqual([codes.labour]);
    expect((await ctx.http().get(`/cases/${f.caseId}/evidence?needsReanchoring=maybe`).set(...lead()).expect(400)).body.details[0].field).toBe('needsReanchoring');
    const audit = await ctx.sql<{ action: string; subject_id: string }>("SELECT action, subject_id FROM audit_log WHERE action IN ('evidence.reanchor', 'evidence.reanchor_needed', 'incident.reanchor') ORDER BY seq");
    expect(audit).toEqual([{ action: 'evidence.reanchor', subject_id: ids.guard }, { action: 'evidence.reanchor_needed', subject_id: ids.labour }, { action: 'incident.reanchor', subject_id: ids.incident }]);
    // Incident sources follow the same rule: the unchanged words move, the changed ones are flagged.
    const incident = await get(`/incidents/${ids.incident}`);
    expect(incident.sources.map((s: { needsReanchoring: boolean; passage: { transcriptVersionId: string } }) => [s.passage.transcriptVersionId, s.needsReanchoring])).toEqual([[ids.original, false], [ids.translation1, true], [ids.translation2, false]]);
    expect(incident.sources[2].passage.start).toBe(TRANSLATION_2.indexOf('A guard'));
  });

  it('the export is not "ready" while the new version waits for review; once approved, passages point into the new text', async () => {
    // The preview says so before anyone asks for a package, naming the transcript and why.
    const waitingPreview = (await post('/exports/preview', UN).expect(200)).body as { ready: boolean; waiting: Array<{ code: string; detail: string; reason: string; reasonText: string }>; leftOut: Array<{ code: string; reason: string }> };
    expect(waitingPreview.ready).toBe(false);
    expect(waitingPreview.waiting).toEqual([expect.objectContaining({ code: codes.witness, detail: 'translation en v2', reason: 'redaction_proposed', reasonText: "The new version's redaction awaits review" })]);
    const blocked = await build();
    expect(blocked).toMatchObject({ status: 'failed', packageSha256: null });
    expect(blocked.error).toContain(`${codes.witness} translation (en) v2: proposed, awaiting review`);
    expect(await ctx.sql("SELECT 1 FROM audit_log WHERE action = 'export.disclosure' AND subject_id = $1", [blocked.id])).toHaveLength(0);

    await approveProposed();
    const readyPreview = (await post('/exports/preview', UN).expect(200)).body as { ready: boolean; waiting: unknown[]; leftOut: Array<{ code: string; reason: string }> };
    expect(readyPreview).toMatchObject({ ready: true, waiting: [] });
    expect(readyPreview.leftOut).toContainEqual(expect.objectContaining({ code: codes.labour, reason: 'passage_transcript_not_exported' }));
    const done = await build();
    expect(done).toMatchObject({ status: 'ready', error: null });
    // The flagged passage is not in the package (its version is not): left out with its reason.
    expect(done.excluded).toEqual([expect.objectContaining({ code: codes.labour, kind: 'evidence_item', reason: 'passage_transcript_not_exported' })]);
    const read = await packageOf(done.id);
    const passages = checkEveryPassage(read);
    expect(passages.get(codes.guard)).toMatchObject({ transcriptVersionId: ids.translation2, quote: `A guard beat [${codes.witness}] and [${codes.victim}] in front of everyone.` });
    expect(passages.has(codes.labour)).toBe(false);
    // The incident's source on the superseded translation goes without its passage, saying why.
    const [incident] = JSON.parse(read('data/incidents.json')) as Array<{ sources: Array<{ passage: Passage | null; passageLeftOut?: string }> }>;
    expect(incident.sources.map((s) => s.passageLeftOut ?? null)).toEqual([null, 'passage_transcript_not_exported', null]);
    expect(incident.sources[2].passage).toMatchObject({ transcriptVersionId: ids.translation2, quote: `A guard beat [${codes.witness}] and [${codes.victim}]` });
  });
});
