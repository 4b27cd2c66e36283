import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';
import { waitFor } from './helpers/wait';
import { binaryBody, unzip } from './helpers/zip';

// Issue 13, items 4, 5, 7 and 10: the preview, consent on derived material, the per-item
// disclosure register and the reading guide, on a case with a witness who refused publication
// and one who withdrew.
const PEOPLE = {
  a: { kind: 'witness', identity: { namesHangul: ['김철수'], namesRomanised: ['Kim Chol-su'] } },
  w: { kind: 'witness', identity: { namesHangul: ['박영호'], namesRomanised: ['Pak Yong-ho'], aliases: ['Yong-ho Abai'] } },
  r: { kind: 'survivor', identity: { namesHangul: ['이순희'], namesRomanised: ['Ri Sun-hui'] } },
  v: { kind: 'victim', identity: { namesHangul: ['한미영'], namesRomanised: ['Han Mi-yong'] } },
} as const;
const NAMES = Object.values(PEOPLE).flatMap((p) => [...p.identity.namesHangul, ...p.identity.namesRomanised, ...((p.identity as { aliases?: string[] }).aliases ?? [])]);
const text = (self: string) => `저는 ${self}입니다. 김철수, 박영호, 이순희 씨와 한미영은 1997년에 수용소에 있었습니다. Kim Chol-su and Han Mi-yong were beaten.`;
const CONSENT = { recontactAllowed: false, method: 'signed_form', takenAt: '2024-05-03T09:00:00Z', anonymityRequired: true, identityDisclosureAllowed: false, noDeathPenaltyProceedings: false };
const PUBLIC = { recipient: { kind: 'public', name: 'Annual public report', deathPenaltyJurisdiction: 'false' }, purpose: 'publication', profile: 'public' };
const ORG = 'Transitional Justice Working Group';
const ref = (id: string) => id.replace(/-/g, '').slice(0, 8);

interface Entry { kind: string; code: string; ref: string | null; detail?: string; reason?: string; reasonText?: string }

describe('export preview, consent on derived material, disclosure register, reading guide', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let dir: string;
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};
  let elementText = '';
  let preview: { included: Entry[]; leftOut: Entry[] };
  let done: { id: string; packageSha256: string; excluded: unknown[] };
  let files: Map<string, Buffer>;
  const get = (name: string) => {
    const key = [...files.keys()].find((k) => k.endsWith(`/${name}`));
    return key ? (files.get(key) as Buffer).toString('utf8') : undefined;
  };

  const lead = () => bearer(f.lead.token);
  const post = (path: string, body: object, token = f.lead.token) => ctx.http().post(`/cases/${f.caseId}${path}`).set(...bearer(token)).send(body);
  const finishedJob = (id: string) => waitFor(async () => (await ctx.http().get(`/jobs/${id}`).set(...lead()).expect(200)).body, (j) => j.status === 'completed' || j.status === 'failed', 60_000);
  const counts = async () => (await ctx.sql<{ n: string }>(`SELECT (SELECT count(*) FROM exports) + (SELECT count(*) FROM jobs) + (SELECT count(*) FROM disclosures) + (SELECT count(*) FROM audit_log WHERE action LIKE 'export%') AS n`))[0].n;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sillok-disclosure-e2e-'));
    ctx = await createTestContext({ EXPORT_SOURCE_ORGANIZATION: ORG, EXPORT_CONTACT_NAME: 'Evidence desk', EXPORT_CONTACT_EMAIL: 'evidence@example.org' });
    f = await createCaseFixture(ctx);
    await ctx.startWorker();
    const reviewer = await ctx.createUser('reviewer');
    await ctx.http().put(`/cases/${f.caseId}/members/${reviewer.id}`).set(...lead()).send({ role: 'reviewer', identityClearance: false }).expect(200);

    for (const [key, p] of Object.entries(PEOPLE)) {
      const res = await post('/people', p).expect(201);
      ids[key] = res.body.id;
      codes[key] = res.body.code;
    }
    for (const key of ['a', 'w', 'r'] as const) {
      const t = await post('/testimonies', { intervieweeId: ids[key], interviewDate: { date: '2024-05', precision: 'month' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
      ids[`t${key}`] = t.body.id;
      const tr = await post(`/testimonies/${t.body.id}/transcripts`, { kind: 'original', language: 'ko', text: text(PEOPLE[key].identity.namesHangul[0]) }).expect(201);
      ids[`version_${key}`] = tr.body.versions[0].id;
      ids[`transcript_${key}`] = tr.body.id;
    }
    await post(`/testimonies/${ids.ta}/consents`, { ...CONSENT, purposes: ['publication', 'share_un_mechanisms'], takenBy: f.lead.id }).expect(201);
    // R refused publication: only the UN.
    await post(`/testimonies/${ids.tr}/consents`, { ...CONSENT, purposes: ['share_un_mechanisms'], takenBy: f.lead.id }).expect(201);
    await post(`/testimonies/${ids.tw}/consents`, { ...CONSENT, purposes: ['publication', 'share_un_mechanisms'], takenBy: f.lead.id }).expect(201);
    await post(`/testimonies/${ids.tw}/consents/withdraw`, { withdrawnAt: '2025-01-10T00:00:00Z', reason: 'Family still inside' }).expect(201);

    // Built only from R (who refused publication): title, narrative and R as the victim.
    const onlyR = await post('/incidents', {
      title: `Beating of ${codes.r} at the work site`, description: `${codes.r} described the beating in detail.`, violationTypes: ['torture'], date: { precision: 'year', date: '1996' },
      victims: [{ personId: ids.r }], sources: [{ testimonyId: ids.tr }],
    }).expect(201);
    // From A and W (withdrawn): the facts go, the narrative does not.
    const mixed = await post('/incidents', {
      title: `Transfer seen by [${codes.w}]`, description: 'Narrative retelling both accounts.', violationTypes: ['torture'], date: { precision: 'year', date: '1997' },
      victims: [{ personId: ids.v }], sources: [{ testimonyId: ids.ta }, { testimonyId: ids.tw }],
    }).expect(201);
    // From A only, but the analyst wrote W's code into it.
    const fromA = await post('/incidents', {
      title: 'Forced labour in the mine', description: `Corroborated by [${codes.w}] and ${codes.w}.`, violationTypes: ['torture'], date: { precision: 'month', date: '1997-03' },
      sources: [{ testimonyId: ids.ta }],
    }).expect(201);
    Object.assign(ids, { onlyR: onlyR.body.id, mixed: mixed.body.id, fromA: fromA.body.id });
    Object.assign(codes, { onlyR: onlyR.body.code, mixed: mixed.body.code, fromA: fromA.body.code });

    const passageA = await post('/evidence', { kind: 'transcript_passage', title: `Account of A, corroborated by ${codes.w}`, description: `See also ${codes.r}.`, passage: { transcriptVersionId: ids.version_a, start: 0, end: 10 } }).expect(201);
    const passageR = await post('/evidence', { kind: 'transcript_passage', title: 'Account of R', passage: { transcriptVersionId: ids.version_r, start: 0, end: 10 } }).expect(201);
    Object.assign(ids, { passageA: passageA.body.id, passageR: passageR.body.id });
    Object.assign(codes, { passageA: passageA.body.code, passageR: passageR.body.code });
    const frameworks = await ctx.http().get('/legal/frameworks?code=rome-statute&status=published').set(...lead()).expect(200);
    ids.rome = frameworks.body.items[0].id;
    const rome = (await ctx.http().get(`/legal/frameworks/${ids.rome}`).set(...lead()).expect(200)).body as { crimes: Array<{ elements: Array<{ id: string; code: string; text: string }> }> };
    const element = rome.crimes.flatMap((c) => c.elements).find((e) => e.code === 'RS-7-1-c-E1') as { id: string; text: string };
    elementText = element.text;
    await post('/evidence-links', { frameworkVersionId: ids.rome, itemId: ids.passageA, elementId: element.id, relation: 'supports', probativeValue: 4, sourceReliability: 'B', informationCredibility: 2, note: `corroborated by [${codes.w}]` }).expect(201);

    const job = await post('/redactions', { profile: 'public' }).expect(202);
    expect((await finishedJob(job.body.id)).status).toBe('completed');
    for (const key of ['ta', 'tw', 'tr']) {
      const list = await ctx.http().get(`/cases/${f.caseId}/redactions?testimonyId=${ids[key]}&profile=public`).set(...lead()).expect(200);
      await ctx.http().post(`/cases/${f.caseId}/redactions/${list.body.items[0].id}/approve`).set(...bearer(reviewer.token)).send({ version: list.body.items[0].version }).expect(200);
    }
  }, 180_000);
  afterAll(async () => {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('preview: what would go and what would be left out, with reasons in en and ko; writes nothing', async () => {
    const before = await counts();
    const res = await post('/exports/preview', PUBLIC).expect(200);
    preview = res.body;
    expect(res.body.language).toBe('en');
    expect(preview.leftOut).toEqual(expect.arrayContaining([
      { kind: 'testimony', code: codes.r, ref: ref(ids.tr), reason: 'purpose_not_granted', reasonText: 'The witness did not consent to this purpose' },
      { kind: 'testimony', code: codes.w, ref: ref(ids.tw), reason: 'consent_withdrawn', reasonText: 'The witness withdrew consent' },
      { kind: 'incident', code: codes.onlyR, ref: ref(ids.onlyR), reason: 'all_sources_excluded', reasonText: 'Every testimony it rests on is left out' },
      expect.objectContaining({ kind: 'evidence_item', code: codes.passageR, reason: 'source_testimony_excluded' }),
      expect.objectContaining({ kind: 'person', code: codes.r, reason: 'purpose_not_granted' }),
      expect.objectContaining({ kind: 'person', code: codes.w, reason: 'consent_withdrawn' }),
    ]));
    expect(preview.included).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'testimony', code: codes.a, ref: ref(ids.ta) }),
      expect.objectContaining({ kind: 'transcript', code: codes.a, ref: ref(ids.transcript_a), detail: 'original ko' }),
      expect.objectContaining({ kind: 'evidence_item', code: codes.passageA }),
      expect.objectContaining({ kind: 'incident', code: codes.mixed, reason: 'narrative_from_excluded_source', reasonText: expect.stringContaining('without its narrative') }),
      expect.objectContaining({ kind: 'incident', code: codes.fromA }),
    ]));
    expect(preview.included.filter((e) => e.kind === 'person').map((e) => e.code).sort()).toEqual([codes.a, codes.v].sort());
    expect(preview.included.some((e) => e.code === codes.onlyR || e.code === codes.r || e.code === codes.w)).toBe(false);

    const ko = await post('/exports/preview', PUBLIC).set('Accept-Language', 'ko-KR,ko;q=0.9,en;q=0.5').expect(200);
    expect(ko.body.language).toBe('ko');
    expect(ko.body.leftOut).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: codes.w, kind: 'testimony', reason: 'consent_withdrawn', reasonText: '증언자가 동의를 철회했습니다' }),
      expect.objectContaining({ code: codes.r, kind: 'testimony', reason: 'purpose_not_granted', reasonText: '증언자가 이 목적에 동의하지 않았습니다' }),
    ]));
    // Same body rules as the export, and only those who may export.
    expect((await post('/exports/preview', { ...PUBLIC, purpose: 'share_icc' }).expect(422)).body.details[0].field).toBe('purpose');
    expect(JSON.stringify((await post('/exports/preview', { ...PUBLIC, recipient: { ...PUBLIC.recipient, kind: 'embassy' } }).expect(400)).body.details)).toContain('recipient.kind');
    await post('/exports/preview', PUBLIC, f.investigator.token).expect(403);
    await post('/exports/preview', PUBLIC, f.outsider.token).expect(404);
    // No package, no job, no disclosure entry, nothing in the audit log's export entries.
    expect(await counts()).toBe(before);
  });

  it('the built package holds exactly what the preview said, and consent reaches the derived material', async () => {
    const accepted = await post('/exports', PUBLIC).expect(202);
    done = await waitFor(async () => (await ctx.http().get(`/cases/${f.caseId}/exports/${accepted.body.id}`).set(...lead()).expect(200)).body, (e) => e.status === 'ready' || e.status === 'failed', 90_000);
    expect(done).toMatchObject({ status: 'ready', error: null });
    const res = await ctx.http().get(`/cases/${f.caseId}/exports/${done.id}/download`).set(...lead()).buffer(true).parse(binaryBody).expect(200);
    const path = join(dir, 'public.zip');
    writeFileSync(path, res.body as Buffer);
    files = await unzip(path);

    const json = <T>(name: string) => JSON.parse(get(name) as string) as T;
    const of = (kind: string) => preview.included.filter((e) => e.kind === kind);
    expect(json<Array<{ ref: string }>>('data/testimonies.json').map((t) => t.ref).sort()).toEqual(of('testimony').map((e) => e.ref).sort());
    expect(json<Array<{ code: string }>>('data/evidence/items.json').map((i) => i.code).sort()).toEqual(of('evidence_item').map((e) => e.code).sort());
    expect(json<Array<{ code: string }>>('data/incidents.json').map((i) => i.code).sort()).toEqual(of('incident').map((e) => e.code).sort());
    expect(json<Array<{ code: string }>>('data/people.json').map((p) => p.code).sort()).toEqual(of('person').map((e) => e.code).sort());
    const transcriptFiles = [...files.keys()].filter((k) => /\/data\/testimonies\/[0-9a-f]{8}\/.+\.txt$/.test(k));
    expect(transcriptFiles).toHaveLength(of('transcript').length);
    const filePaths = [...files.keys()].filter((k) => k.includes('/data/files/'));
    expect(filePaths.map((k) => k.split('/data/files/')[1].slice(0, 8)).sort()).toEqual(of('file').map((e) => e.ref).sort());
    const leftOutNotPeople = preview.leftOut.filter((e) => e.kind !== 'person').map(({ kind, code, ref: r, reason }) => ({ code, kind, ref: r, reason }));
    expect(json<unknown[]>('data/excluded.json')).toEqual(leftOutNotPeople);
    expect(done.excluded).toEqual(leftOutNotPeople);

    // Consent on derived material.
    const incidents = json<Array<{ code: string; title: string; description: string | null; narrativeWithheld?: string; victims: Array<{ person?: string }>; sources: Array<{ testimony: string }> }>>('data/incidents.json');
    expect(incidents.map((i) => i.code)).not.toContain(codes.onlyR);
    const mixed = incidents.find((i) => i.code === codes.mixed);
    expect(mixed).toMatchObject({ title: 'Transfer seen by [withheld]', description: null, narrativeWithheld: 'narrative_from_excluded_source', victims: [{ person: codes.v }], sources: [{ testimony: ref(ids.ta) }] });
    expect(incidents.find((i) => i.code === codes.fromA)).toMatchObject({ description: 'Corroborated by [withheld] and [withheld].' });
    const items = json<Array<{ code: string; title: string; description: string }>>('data/evidence/items.json');
    expect(items).toEqual([expect.objectContaining({ code: codes.passageA, title: 'Account of A, corroborated by [withheld]', description: 'See also [withheld].' })]);
    expect(json<Array<{ note: string }>>('data/evidence/links.json')).toEqual([expect.objectContaining({ note: 'corroborated by [withheld]' })]);
    // Neither withheld code appears anywhere in the data but the left-out list (and its reading in report.html).
    for (const [name, content] of files) {
      if (name.endsWith('/excluded.json') || name.endsWith('/report.html') || !name.includes('/data/')) continue;
      for (const code of [codes.w, codes.r]) expect(content.toString('utf8'), `${name} mentions ${code}`).not.toMatch(new RegExp(`(?<![A-Z])${code}(?!\\d)`));
    }
  });

  it('the disclosure register answers who received what: by testimony, person code, evidence item and recipient', async () => {
    const list = async (query: string, token = f.lead.token) => (await ctx.http().get(`/cases/${f.caseId}/disclosures${query}`).set(...bearer(token)).expect(200)).body as { total: number; items: Array<Record<string, unknown>> };
    const all = await list('?limit=200');
    // One row per thing carried: testimony, transcript, item, incidents, people.
    expect(all.total).toBe(preview.included.length);
    const ofA = await list(`?testimonyId=${ids.ta}`);
    expect(ofA.items.map((d) => d.subjectType).sort()).toEqual(['evidence_item', 'testimony', 'transcript']);
    for (const d of ofA.items) {
      expect(d).toMatchObject({
        exportId: done.id, recipient: { kind: 'public', name: 'Annual public report', deathPenaltyJurisdiction: 'false' }, purpose: 'publication', profile: 'public',
        packageSha256: done.packageSha256, disclosedBy: f.lead.id, testimonyId: ids.ta, personCode: codes.a, disclosedAt: expect.any(String),
      });
    }
    expect(await list(`?testimonyId=${ids.tw}`)).toMatchObject({ total: 0, items: [] });
    expect(await list(`?testimonyId=${ids.tr}`)).toMatchObject({ total: 0 });
    expect((await list(`?personCode=${codes.v}`)).items).toEqual([expect.objectContaining({ subjectType: 'person', subjectCode: codes.v })]);
    expect((await list(`?personCode=${codes.w}`)).total).toBe(0);
    expect((await list(`?evidenceItemId=${ids.passageA}`)).items).toEqual([expect.objectContaining({ subjectType: 'evidence_item', subjectId: ids.passageA, subjectCode: codes.passageA })]);
    expect((await list(`?evidenceItemId=${ids.passageR}`)).total).toBe(0);
    expect((await list('?recipient=annual%20PUBLIC&limit=200')).total).toBe(all.total);
    expect((await list('?recipient=OHCHR')).total).toBe(0);
    expect((await list('?recipientKind=un_mechanism')).total).toBe(0);
    // "Who has received this testimony"
    const received = (await ctx.http().get(`/cases/${f.caseId}/testimonies/${ids.ta}/disclosures`).set(...lead()).expect(200)).body;
    expect(received.items.map((d: { id: string }) => d.id).sort()).toEqual(ofA.items.map((d) => d.id).sort());
    await ctx.http().get(`/cases/${f.caseId}/testimonies/00000000-0000-4000-8000-000000000000/disclosures`).set(...lead()).expect(404);
    // Bad filters name the field; only case leads.
    expect((await ctx.http().get(`/cases/${f.caseId}/disclosures?personCode=kim`).set(...lead()).expect(400)).body.details).toEqual([{ field: 'personCode', problems: [expect.stringContaining('pseudonym code')] }]);
    await ctx.http().get(`/cases/${f.caseId}/disclosures`).set(...bearer(f.investigator.token)).expect(403);
    await ctx.http().get(`/cases/${f.caseId}/disclosures`).set(...bearer(f.observer.token)).expect(403);
    await ctx.http().get(`/cases/${f.caseId}/disclosures`).set(...bearer(f.outsider.token)).expect(404);
  });

  it('report.html is a bilingual reading guide with the deployment as sender, and no registered name', async () => {
    const html = get('data/report.html') as string;
    for (const section of ['id="incidents"', 'id="evidence"', 'id="matrix"', 'id="left-out"', 'id="verify"', '읽기 안내', '제외된 자료', '@media print']) expect(html, section).toContain(section);
    expect(html).toContain(ORG);
    expect(html).toContain('evidence@example.org');
    expect(html).not.toContain('Sillok case-management system');
    expect(html).toContain('bagit.py --validate');
    expect(html).toContain('openssl pkeyutl -verify -pubin -inkey sender.pub.pem -rawin');
    // Incidents with their dates, the item's title, the element's wording, left-out reasons in both languages.
    expect(html).toContain(codes.fromA);
    expect(html).toContain('1997-03');
    expect(html).toContain('Forced labour in the mine');
    expect(html).toContain('Account of A, corroborated by [withheld]');
    expect(html).toContain(elementText.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    expect(html).toContain('The witness withdrew consent');
    expect(html).toContain('증언자가 동의를 철회했습니다');
    expect(html).not.toContain('Beating of');
    for (const n of NAMES) expect(html).not.toContain(n);
    const bagInfo = get('bag-info.txt') as string;
    expect(bagInfo).toContain(`Source-Organization: ${ORG}`);
    expect(bagInfo).toContain('Contact-Name: Evidence desk');
    expect(bagInfo).toContain('Contact-Email: evidence@example.org');
    // The requesting lead's address is not the contact.
    const [me] = await ctx.sql<{ email: string }>('SELECT email FROM users WHERE id = $1', [f.lead.id]);
    expect(bagInfo).not.toContain(me.email);
  });
});
