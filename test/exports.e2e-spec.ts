import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerifyCli } from 'src/exports/bagit/verify-cli';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, WITNESS_IDENTITY } from './helpers/case-fixtures';
import { waitFor } from './helpers/wait';
import { binaryBody, unzip } from './helpers/zip';

// Four witnesses, a victim and an individual perpetrator, every one with Hangul and romanised names.
const PEOPLE = {
  a: { kind: 'witness', identity: WITNESS_IDENTITY },
  b: { kind: 'witness', identity: { namesHangul: ['박영호'], namesRomanised: ['Pak Yong-ho'], aliases: ['Yong-ho Abai'] } },
  c: { kind: 'witness', identity: { namesHangul: ['이순희'], namesRomanised: ['Ri Sun-hui'], aliases: ['Sunhui Omoni'] } },
  d: { kind: 'witness', identity: { namesHangul: ['최명남'], namesRomanised: ['Choe Myong-nam'] } },
  victim: { kind: 'victim', identity: { namesHangul: ['한미영'], namesRomanised: ['Han Mi-yong'] } },
  perp: { kind: 'perpetrator_individual', identity: { namesHangul: ['리철호'], namesRomanised: ['Ri Chol-ho'], aliases: ['Guard Ri'] } },
} as const;

/** Every registered name, alias and relative's name: none may appear in a public-profile package. */
const NAMES = Object.values(PEOPLE).flatMap((p) => {
  const identity = p.identity as { namesHangul?: readonly string[]; namesRomanised?: readonly string[]; aliases?: readonly string[]; relatives?: ReadonlyArray<{ name?: string }> };
  return [...(identity.namesHangul ?? []), ...(identity.namesRomanised ?? []), ...(identity.aliases ?? []), ...(identity.relatives ?? []).map((r) => r.name ?? '')].filter(Boolean);
});

const text = (self: string) =>
  `저는 ${self}입니다. 김철수, 박영호, 이순희, 최명남 씨와 한미영은 1997년에 수용소에 있었습니다. 보위원 리철호가 때렸습니다. ` +
  'Kim Chol-su, Pak Yong-ho, Ri Sun-hui, Choe Myong-nam and Han Mi-yong were beaten by Ri Chol-ho.';

const CONSENT = { recontactAllowed: false, method: 'signed_form', takenAt: '2024-05-03T09:00:00Z' };
const PURPOSES = ['share_un_mechanisms', 'share_national_prosecutors', 'publication'];

describe('case-file export (BagIt, consent-checked, signed)', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let reviewer: { id: string; token: string };
  /** A case lead without identity clearance. */
  let unclearedLead: { id: string; token: string };
  let dir: string;
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};
  const documentBytes = randomBytes(64 * 1024);
  const recordingBytes = randomBytes(8 * 1024);

  const lead = () => bearer(f.lead.token);
  const post = (path: string, body: object, token = f.lead.token) => ctx.http().post(`/cases/${f.caseId}${path}`).set(...bearer(token)).send(body);
  const finishedJob = (id: string) => waitFor(async () => (await ctx.http().get(`/jobs/${id}`).set(...lead()).expect(200)).body, (j) => j.status === 'completed' || j.status === 'failed', 60_000);
  const exportDone = (id: string) => waitFor(async () => (await ctx.http().get(`/cases/${f.caseId}/exports/${id}`).set(...lead()).expect(200)).body, (e) => e.status === 'ready' || e.status === 'failed', 90_000);
  const download = async (id: string): Promise<{ path: string; bytes: Buffer }> => {
    const res = await ctx.http().get(`/cases/${f.caseId}/exports/${id}/download`).set(...lead()).buffer(true).parse(binaryBody).expect(200);
    const bytes = res.body as Buffer;
    const path = join(dir, `${id}.zip`);
    writeFileSync(path, bytes);
    return { path, bytes };
  };
  const exportFor = async (body: object) => {
    const accepted = await post('/exports', body).expect(202);
    expect(accepted.body).toMatchObject({ status: 'queued', caseId: f.caseId });
    const done = await exportDone(accepted.body.id);
    expect(done.error).toBeNull();
    expect(done.status).toBe('ready');
    return done;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sillok-export-e2e-'));
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    await ctx.startWorker();
    reviewer = await ctx.createUser('reviewer');
    await ctx.http().put(`/cases/${f.caseId}/members/${reviewer.id}`).set(...lead()).send({ role: 'reviewer', identityClearance: false }).expect(200);
    unclearedLead = await ctx.createUser('investigator');
    await ctx.http().put(`/cases/${f.caseId}/members/${unclearedLead.id}`).set(...lead()).send({ role: 'lead', identityClearance: false }).expect(200);

    // Everyone is registered before any redaction runs, so every dictionary has every name.
    for (const [key, p] of Object.entries(PEOPLE)) {
      const res = await post('/people', p).expect(201);
      ids[key] = res.body.id;
      codes[key] = res.body.code;
    }
    const testimonies: Record<string, string> = {};
    for (const key of ['a', 'b', 'c', 'd']) {
      const t = await post('/testimonies', { intervieweeId: ids[key], interviewDate: { date: '2024-05', precision: 'month' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
      testimonies[key] = t.body.id;
      const tr = await post(`/testimonies/${t.body.id}/transcripts`, { kind: 'original', language: 'ko', text: text((PEOPLE[key as 'a'].identity.namesHangul as readonly string[])[0]) }).expect(201);
      ids[`version_${key}`] = tr.body.versions[0].id;
    }
    Object.assign(ids, { ta: testimonies.a, tb: testimonies.b, tc: testimonies.c, td: testimonies.d });
    const anonymous = { ...CONSENT, purposes: PURPOSES, anonymityRequired: true, identityDisclosureAllowed: false, noDeathPenaltyProceedings: false, takenBy: f.lead.id };
    await post(`/testimonies/${ids.ta}/consents`, anonymous).expect(201);
    await post(`/testimonies/${ids.tb}/consents`, anonymous).expect(201);
    await post(`/testimonies/${ids.tb}/consents/withdraw`, { withdrawnAt: '2025-01-10T00:00:00Z', reason: 'Family still inside' }).expect(201);
    // C allows identity disclosure but not for proceedings that can impose the death penalty.
    await post(`/testimonies/${ids.tc}/consents`, { ...CONSENT, purposes: PURPOSES, anonymityRequired: false, identityDisclosureAllowed: true, noDeathPenaltyProceedings: true, takenBy: f.lead.id }).expect(201);
    await post(`/testimonies/${ids.td}/consents`, anonymous).expect(201);

    // A recording of C's interview, and a document that belongs to no testimony.
    const recording = await ctx.http().post(`/cases/${f.caseId}/files`).set(...lead()).field('kind', 'audio').field('testimonyId', ids.tc).attach('file', recordingBytes, { filename: 'ri-sun-hui-interview.wav', contentType: 'audio/wav' }).expect(201);
    const document = await ctx.http().post(`/cases/${f.caseId}/files`).set(...lead()).field('kind', 'document').attach('file', documentBytes, { filename: 'camp-register.pdf', contentType: 'application/pdf' }).expect(201);
    ids.recording = recording.body.id;
    ids.document = document.body.id;

    const perp = await post('/perpetrators', { kind: 'individual', personId: ids.perp }).expect(201);
    ids.perpetrator = perp.body.id;
    const incident = await post('/incidents', {
      title: 'Beating at the work site', description: 'Prisoners were beaten in front of the others.', violationTypes: ['torture'], date: { precision: 'year', date: '1997' },
      victims: [{ personId: ids.victim }], perpetrators: [{ perpetratorId: ids.perpetrator, involvement: 'direct', confidence: 'probable' }],
      sources: [{ testimonyId: ids.ta }, { testimonyId: ids.tb }],
    }).expect(201);
    ids.incident = incident.body.id;

    const passageA = await post('/evidence', { kind: 'transcript_passage', title: 'Beating described', passage: { transcriptVersionId: ids.version_a, start: 0, end: 10 } }).expect(201);
    const passageB = await post('/evidence', { kind: 'transcript_passage', title: 'Second account', passage: { transcriptVersionId: ids.version_b, start: 0, end: 10 } }).expect(201);
    const doc = await post('/evidence', { kind: 'document', title: 'Camp register scan', fileId: ids.document, locator: { kind: 'pages', from: 3, to: 4 }, mediaExtent: { pages: 12 } }).expect(201);
    const rec = await post('/evidence', { kind: 'audio', title: 'Interview recording', fileId: ids.recording, locator: { kind: 'time', startSeconds: 61.5, endSeconds: 95 } }).expect(201);
    Object.assign(ids, { passageA: passageA.body.id, passageB: passageB.body.id, docItem: doc.body.id, recItem: rec.body.id });
    Object.assign(codes, { passageA: passageA.body.code, passageB: passageB.body.code, docItem: doc.body.code, recItem: rec.body.code });
    const frameworks = await ctx.http().get('/legal/frameworks?code=rome-statute&status=published').set(...lead()).expect(200);
    ids.rome = frameworks.body.items[0].id;
    const rome = (await ctx.http().get(`/legal/frameworks/${ids.rome}`).set(...lead()).expect(200)).body as { crimes: Array<{ elements: Array<{ id: string; code: string }> }> };
    const element = rome.crimes.flatMap((c) => c.elements).find((e) => e.code === 'RS-7-1-c-E1');
    for (const itemId of [ids.passageA, ids.passageB]) {
      await post('/evidence-links', { frameworkVersionId: ids.rome, itemId, elementId: element?.id, relation: 'supports', probativeValue: 4, sourceReliability: 'B', informationCredibility: 2, perpetratorId: ids.perpetrator }).expect(201);
    }

    // Redactions for two profiles; the reviewer approves A, B and C but not D.
    for (const profile of ['un', 'public']) {
      const job = await post('/redactions', { profile }).expect(202);
      expect((await finishedJob(job.body.id)).status).toBe('completed');
      for (const key of ['ta', 'tb', 'tc']) {
        const list = await ctx.http().get(`/cases/${f.caseId}/redactions?testimonyId=${ids[key]}&profile=${profile}`).set(...lead()).expect(200);
        expect(list.body.items).toHaveLength(1);
        await ctx.http().post(`/cases/${f.caseId}/redactions/${list.body.items[0].id}/approve`).set(...bearer(reviewer.token)).send({ version: list.body.items[0].version }).expect(200);
      }
    }
  }, 180_000);
  afterAll(async () => {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses bad requests naming the field, and anyone but a case lead', async () => {
    const ok = { recipient: { kind: 'un_mechanism', name: 'OHCHR Seoul', deathPenaltyJurisdiction: 'false' }, purpose: 'share_un_mechanisms', profile: 'un' };
    const bad = await post('/exports', { ...ok, recipient: { ...ok.recipient, kind: 'embassy' } }).expect(400);
    expect(JSON.stringify(bad.body.details)).toContain('recipient.kind');
    expect((await post('/exports', { ...ok, recipient: { ...ok.recipient, name: 'two\nlines' } }).expect(400)).body.message).toContain('recipient.name');
    expect((await post('/exports', { ...ok, purpose: 'gossip' }).expect(400)).body.details).toEqual([{ field: 'purpose', problems: [expect.stringContaining('purpose must be one of')] }]);
    const misfit = await post('/exports', { ...ok, purpose: 'publication' }).expect(422);
    expect(misfit.body).toMatchObject({ error: 'UNPROCESSABLE', details: [{ field: 'purpose', problems: ['does not fit a recipient of kind un_mechanism; fitting purposes: one of share_un_mechanisms'] }] });
    expect((await post('/exports', { ...ok, recipient: { ...ok.recipient, kind: 'other' }, purpose: 'share_un_mechanisms' }).expect(422)).body.details[0].problems[0]).toContain('no consent scope covers');
    expect((await post('/exports', { ...ok, profile: 'nonexistent' }).expect(400)).body.details).toEqual([{ field: 'profile', problems: ['is not a known profile'] }]);
    expect((await post('/exports', { ...ok, frameworkVersionId: '00000000-0000-4000-8000-000000000000' }).expect(400)).body.details).toEqual([{ field: 'frameworkVersionId', problems: ['is not a legal framework version'] }]);
    await post('/exports', ok, f.investigator.token).expect(403);
    await post('/exports', ok, f.outsider.token).expect(404);
    expect(await ctx.sql('SELECT id FROM exports')).toHaveLength(0);
  });

  it('UN export: withdrawn consent and a missing approved redaction are left out with their reason; the package verifies with the pinned key', async () => {
    const done = await exportFor({ recipient: { kind: 'un_mechanism', name: 'OHCHR Seoul', deathPenaltyJurisdiction: 'false' }, purpose: 'share_un_mechanisms', profile: 'un' });
    ids.unExport = done.id;
    expect(done.progress).toBe(100);
    expect(await finishedJob(done.jobId)).toMatchObject({ status: 'completed', progress: 100, result: { exportId: done.id, packageSha256: done.packageSha256 } });
    expect(done.excluded).toEqual(expect.arrayContaining([
      { code: codes.b, kind: 'testimony', ref: ids.tb.replace(/-/g, '').slice(0, 8), reason: 'consent_withdrawn' },
      { code: codes.d, kind: 'testimony', ref: ids.td.replace(/-/g, '').slice(0, 8), reason: 'no_approved_redaction' },
      expect.objectContaining({ code: codes.passageB, kind: 'evidence_item', reason: 'source_testimony_excluded' }),
    ]));
    expect(done.excluded).toHaveLength(3);
    // C consented to identified disclosure, so her recording goes to the UN (the un profile pseudonymises, it does not de-identify).
    expect(done.included).toMatchObject({ testimonies: 2, evidenceItems: 3, evidenceLinks: 1, files: 2, testimonyFiles: 1, incidents: 1, incidentSourcesLeftOut: 1 });

    const key = (await ctx.http().get('/exports/signing-key').set(...bearer(f.observer.token)).expect(200)).body;
    expect(done.keyFingerprint).toBe(key.fingerprint);
    const { path, bytes } = await download(done.id);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(done.packageSha256);
    expect(bytes.length).toBe(done.sizeBytes);
    const pem = join(dir, 'sender.pub.pem');
    writeFileSync(pem, key.publicKeyPem);
    let report = '';
    expect(await runVerifyCli([path, '--key', pem], { write: (s: string) => { report += s; return true; } })).toBe(0);
    expect(report).toContain(key.fingerprint);

    const files = await unzip(path);
    const root = [...files.keys()][0].split('/')[0];
    const get = (name: string) => files.get(`${root}/${name}`)?.toString('utf8');
    expect(get('bag-info.txt')).toMatch(/Sillok-Recipient: OHCHR Seoul/);
    expect(get('bag-info.txt')).toMatch(/Sillok-Purpose: share_un_mechanisms/);
    expect(get('bag-info.txt')).toMatch(/Payload-Oxum: \d+\.\d+/);
    for (const name of ['bagit.txt', 'manifest-sha256.txt', 'manifest-sha512.txt', 'tagmanifest-sha256.txt', 'tagmanifest-sha256.txt.sig', 'data/case.json', 'data/people.json', 'data/testimonies.json', 'data/incidents.json', 'data/perpetrators.json', 'data/evidence/items.json', 'data/evidence/links.json', 'data/matrix/elements.csv', 'data/custody-log.jsonl', 'data/custody-log.md', 'data/report.html', 'data/excluded.json']) {
      expect(files.has(`${root}/${name}`), name).toBe(true);
    }
    const testimonies = JSON.parse(get('data/testimonies.json') as string) as Array<{ id: string; disclosureForm: string; interviewee: string }>;
    expect(testimonies.map((t) => [t.id, t.disclosureForm]).sort()).toEqual([[ids.ta, 'pseudonymised'], [ids.tc, 'identified']].sort());
    const transcriptA = get(`data/testimonies/${ids.ta.replace(/-/g, '').slice(0, 8)}/original-ko.txt`);
    expect(transcriptA).toContain(`[${codes.a}]`);
    expect(transcriptA).not.toContain('김철수');
    const payloadFiles = [...files.entries()].filter(([n]) => n.startsWith(`${root}/data/files/`)).map(([, b]) => b);
    expect(payloadFiles.some((b) => b.equals(documentBytes))).toBe(true);
    expect(payloadFiles.some((b) => b.equals(recordingBytes))).toBe(true);
    // Locators travel with the items.
    const items = JSON.parse(get('data/evidence/items.json') as string) as Array<{ title: string; locator: unknown; mediaExtent: unknown }>;
    expect(items.find((i) => i.title === 'Camp register scan')).toMatchObject({ locator: { kind: 'pages', from: 3, to: 4 }, mediaExtent: { pages: 12, durationSeconds: null } });
    expect(items.find((i) => i.title === 'Interview recording')?.locator).toEqual({ kind: 'time', startSeconds: 61.5, endSeconds: 95 });
    const incidents = JSON.parse(get('data/incidents.json') as string) as Array<{ sources: Array<{ testimony: string }>; victims: Array<{ person?: string }> }>;
    expect(incidents[0].sources).toEqual([expect.objectContaining({ testimony: ids.ta.replace(/-/g, '').slice(0, 8) })]);
    expect(incidents[0].victims).toEqual([{ person: codes.victim }]);
    expect(JSON.parse(get('data/perpetrators.json') as string)).toEqual([expect.objectContaining({ kind: 'individual', code: codes.perp })]);
    // Custody entries of included items only: A's testimony is there, B's never.
    const custody = (get('data/custody-log.jsonl') as string).trim().split('\n').map((l) => JSON.parse(l) as { subjectId: string; hash: string });
    expect(custody.some((c) => c.subjectId === ids.ta)).toBe(true);
    expect(custody.some((c) => c.subjectId === ids.docItem)).toBe(true);
    expect(custody.some((c) => c.subjectId === ids.incident)).toBe(true);
    expect(custody.some((c) => c.subjectId === ids.perpetrator)).toBe(true);
    expect(custody.some((c) => c.subjectId === ids.tb || c.subjectId === ids.passageB)).toBe(false);
    const html = get('data/report.html') as string;
    expect(html).toContain('consent_withdrawn');
    expect(html).toContain(codes.b);
    const csv = get('data/matrix/elements.csv') as string;
    expect(csv).not.toContain(codes.passageB);

    // The disclosure register and the download are in the audit log.
    const [disclosure] = await ctx.sql<{ actor_id: string; details: Record<string, unknown> }>("SELECT actor_id, details FROM audit_log WHERE action = 'export.disclosure' AND subject_id = $1", [done.id]);
    expect(disclosure.actor_id).toBe(f.lead.id);
    expect(disclosure.details).toMatchObject({ recipientKind: 'un_mechanism', recipientName: 'OHCHR Seoul', purpose: 'share_un_mechanisms', profile: 'un', packageSha256: done.packageSha256, excludedCount: 3 });
    expect(await ctx.sql("SELECT 1 FROM audit_log WHERE action = 'export.download' AND subject_id = $1", [done.id])).toHaveLength(1);
    expect((await ctx.http().get('/audit/verify').set(...bearer((await ctx.createUser('admin')).token)).expect(200)).body.ok).toBe(true);

    // One changed byte in a payload file (stored, not deflated): the verifier refuses the package.
    const at = bytes.indexOf(documentBytes.subarray(0, 64));
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(bytes);
    tampered[at + 100] ^= 0x01;
    const tamperedPath = join(dir, 'tampered.zip');
    writeFileSync(tamperedPath, tampered);
    expect(await runVerifyCli([tamperedPath, '--key', pem], { write: () => true })).not.toBe(0);
  });

  it('the custody log can be checked from the package alone, following custody-log.md (no Sillok code)', async () => {
    const { path } = await download(ids.unExport);
    const files = await unzip(path);
    const root = [...files.keys()][0].split('/')[0];
    const jsonl = files.get(`${root}/data/custody-log.jsonl`)?.toString('utf8') as string;
    const readme = files.get(`${root}/data/custody-log.md`)?.toString('utf8') as string;
    expect(readme).toContain('How to recompute a hash');
    // An independent implementation of the encoding custody-log.md describes: members sorted by
    // name at every depth, no whitespace, JSON string escapes, SHA-256 of the UTF-8 bytes.
    const canonical = (v: unknown): string =>
      v === null ? 'null'
        : Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
          : typeof v === 'object' ? `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
            : JSON.stringify(v);
    const lines = jsonl.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown> & { seq: string; hash: string; prevHash: string; caseId: string });
    expect(lines.length).toBeGreaterThan(5);
    let gaps = 0;
    lines.forEach((line, i) => {
      expect(Object.keys(line).sort()).toEqual(['action', 'actorId', 'caseId', 'correlationId', 'details', 'hash', 'occurredAt', 'prevHash', 'seq', 'subjectId', 'subjectType']);
      expect(line.caseId).toBe(f.caseId);
      const { hash, ...covered } = line;
      expect(createHash('sha256').update(canonical(covered), 'utf8').digest('hex'), `line ${i + 1}`).toBe(hash);
      if (i === 0) return;
      const before = lines[i - 1];
      expect(BigInt(line.seq)).toBeGreaterThan(BigInt(before.seq));
      if (BigInt(line.seq) === BigInt(before.seq) + 1n) expect(line.prevHash).toBe(before.hash);
      else gaps++;
    });
    // Entries about what was left out (B's testimony, D's) and the case's administration are withheld: visible as gaps.
    expect(gaps).toBeGreaterThan(0);
    expect(readme).toContain(`${lines.length} entries (entries ${lines[0].seq} to ${lines[lines.length - 1].seq} of the log)`);
    expect(readme).toContain(`${gaps} gap(s)`);
    const omitted = Number(BigInt(lines[lines.length - 1].seq) - BigInt(lines[0].seq)) + 1 - lines.length;
    expect(readme).toContain(`${omitted} entries between the first and the last line are not here`);
    // The hashes are the sender's log's own; the gap before a line is fixed by its prevHash.
    const stored = await ctx.sql<{ seq: string; hash: string }>('SELECT seq::text, hash FROM audit_log WHERE seq = ANY($1::bigint[])', [lines.map((l) => l.seq)]);
    expect(new Map(stored.map((r) => [r.seq, r.hash]))).toEqual(new Map(lines.map((l) => [l.seq, l.hash])));
    const head = /last entry when this package was built: seq (\d+), hash `([0-9a-f]{64})`/.exec(readme);
    expect(head).not.toBeNull();
    expect(BigInt(head?.[1] ?? 0)).toBeGreaterThanOrEqual(BigInt(lines[lines.length - 1].seq));
    expect((await ctx.sql<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [head?.[1]]))[0].hash).toBe(head?.[2]);

    // The Python in custody-log.md, run as a recipient would, accepts the file and refuses an altered one.
    const python = /```python\n([\s\S]*?)```/.exec(readme)?.[1] as string;
    expect(python).toContain('hashlib.sha256');
    const work = mkdtempSync(join(dir, 'custody-'));
    writeFileSync(join(work, 'custody-log.jsonl'), jsonl);
    const ok = spawnSync('python3', ['-c', python], { cwd: work, encoding: 'utf8' });
    if (ok.error) {
      process.stdout.write(`python3 not available (${ok.error.message}); the TypeScript recomputation above stands\n`);
      return;
    }
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain(`custody log OK: ${lines.length} entries, every hash recomputed, ${gaps} gaps`);
    expect(ok.status).toBe(0);
    const altered = jsonl.replace(/"action":"([a-z_.]+)"/, '"action":"$1x"');
    expect(altered).not.toBe(jsonl);
    writeFileSync(join(work, 'custody-log.jsonl'), altered);
    const refused = spawnSync('python3', ['-c', python], { cwd: work, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('content does not match its hash');
  });

  it('only leads download; a download before the package is ready is refused; observers can read the status', async () => {
    await ctx.http().get(`/cases/${f.caseId}/exports/${ids.unExport}/download`).set(...bearer(f.observer.token)).expect(403);
    // The UN package carries C's interview recording: like GET …/files/:id/content, identity clearance.
    const refused = await ctx.http().get(`/cases/${f.caseId}/exports/${ids.unExport}/download`).set(...bearer(unclearedLead.token)).expect(403);
    expect(refused.body).toMatchObject({ error: 'IDENTITY_CLEARANCE_REQUIRED', message: expect.stringContaining('1 file(s) of testimonies') });
    expect(await ctx.sql("SELECT 1 FROM audit_log WHERE action = 'export.download' AND actor_id = $1", [unclearedLead.id])).toHaveLength(0);
    await ctx.http().get(`/cases/${f.caseId}/exports/${ids.unExport}/download`).set(...bearer(f.outsider.token)).expect(404);
    const list = await ctx.http().get(`/cases/${f.caseId}/exports?status=ready`).set(...bearer(f.observer.token)).expect(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(ids.unExport);
  });

  it('a recipient in a death-penalty jurisdiction does not get the testimony of a witness who set that condition', async () => {
    const done = await exportFor({ recipient: { kind: 'national_prosecutor', name: 'Prosecutor of State X', deathPenaltyJurisdiction: 'true' }, purpose: 'share_national_prosecutors', profile: 'un' });
    expect(done.excluded).toEqual(expect.arrayContaining([
      { code: codes.c, kind: 'testimony', ref: ids.tc.replace(/-/g, '').slice(0, 8), reason: 'death_penalty_jurisdiction' },
      expect.objectContaining({ code: codes.b, reason: 'consent_withdrawn' }),
      expect.objectContaining({ code: codes.d, reason: 'no_approved_redaction' }),
      expect.objectContaining({ code: codes.recItem, kind: 'evidence_item', reason: 'source_testimony_excluded' }),
    ]));
    expect(done.included).toMatchObject({ testimonies: 1, files: 1, testimonyFiles: 0 });
    // No testimony's file in it: a lead without identity clearance may download it.
    await ctx.http().get(`/cases/${f.caseId}/exports/${done.id}/download`).set(...bearer(unclearedLead.token)).expect(200);
    const { path } = await download(done.id);
    const files = await unzip(path);
    const all = [...files.values()].map((b) => b.toString('utf8')).join('\n');
    expect(all).not.toContain(ids.tc);
    expect([...files.values()].some((b) => b.equals(recordingBytes))).toBe(false);
  });

  it('a public-profile export contains no registered name of any person, anywhere in the package', async () => {
    const done = await exportFor({ recipient: { kind: 'public', name: 'Annual public report', deathPenaltyJurisdiction: 'false' }, purpose: 'publication', profile: 'public' });
    expect(done.included).toMatchObject({ testimonies: 2 });
    // C allows identified disclosure, but a de-identifying profile never carries a recording.
    expect(done.excluded).toEqual(expect.arrayContaining([expect.objectContaining({ code: codes.recItem, kind: 'evidence_item', reason: 'recording_identifies_witness' })]));
    const { path, bytes } = await download(done.id);
    const files = await unzip(path);
    expect(files.size).toBeGreaterThan(15);
    const leaks: string[] = [];
    for (const [name, content] of files) {
      for (const n of NAMES) if (content.includes(Buffer.from(n, 'utf8'))) leaks.push(`${name}: ${n}`);
      if (content.equals(recordingBytes)) leaks.push(`${name}: the recording`);
    }
    for (const n of NAMES) if (bytes.includes(Buffer.from(n, 'utf8'))) leaks.push(`zip: ${n}`);
    expect(leaks).toEqual([]);
    const testimonies = JSON.parse(files.get([...files.keys()].find((k) => k.endsWith('data/testimonies.json')) as string)?.toString('utf8') as string) as unknown[];
    expect(testimonies).toHaveLength(2);
    // Nothing identifying was logged by the api or the worker either.
    const logs = ctx.logs.join('\n');
    for (const n of NAMES) expect(logs).not.toContain(n);
  });

  it('the stored package is encrypted at rest', async () => {
    const [row] = await ctx.sql<{ storage_key: string; package_sha256: string }>('SELECT storage_key, package_sha256 FROM exports WHERE id = $1', [ids.unExport]);
    const stored = readFileSync(join(ctx.config.storageDir, row.storage_key));
    expect(stored.includes(Buffer.from('bagit.txt'))).toBe(false);
    expect(stored.includes(documentBytes.subarray(0, 64))).toBe(false);
  });

  it('a stored evidence file that no longer matches fails the export: nothing is stored, nothing is registered as disclosed', async () => {
    const [file] = await ctx.sql<{ storage_key: string }>('SELECT storage_key FROM files WHERE id = $1', [ids.document]);
    const blob = join(ctx.config.storageDir, file.storage_key);
    const bytes = readFileSync(blob);
    bytes[100] ^= 0x01;
    writeFileSync(blob, bytes);
    const accepted = await post('/exports', { recipient: { kind: 'un_mechanism', name: 'OHCHR Seoul', deathPenaltyJurisdiction: 'false' }, purpose: 'share_un_mechanisms', profile: 'un' }).expect(202);
    const failed = await exportDone(accepted.body.id);
    expect(failed).toMatchObject({ status: 'failed', packageSha256: null, sizeBytes: null, error: expect.stringContaining('integrity check') });
    expect((await ctx.http().get(`/jobs/${failed.jobId}`).set(...lead()).expect(200)).body).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await ctx.sql("SELECT 1 FROM audit_log WHERE action = 'export.disclosure' AND subject_id = $1", [failed.id])).toHaveLength(0);
    expect(await ctx.sql('SELECT 1 FROM disclosures WHERE export_id = $1', [failed.id])).toHaveLength(0);
    await ctx.http().get(`/cases/${f.caseId}/exports/${failed.id}/download`).set(...lead()).expect(409);
  });
});
