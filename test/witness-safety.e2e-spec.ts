import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, IDENTIFYING_STRINGS, TRANSCRIPT_TEXT, WITNESS_IDENTITY } from './helpers/case-fixtures';
import { waitFor } from './helpers/wait';

describe('witness safety', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let ids: Record<string, string>;

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    const lead = bearer(f.lead.token);
    const person = await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
    const testimony = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({
      intervieweeId: person.body.id,
      interviewerIds: [f.lead.id],
      interviewDate: { date: '2024-05-03', precision: 'day' },
      languages: ['ko'],
      modality: 'in_person',
      riskLevel: 'high',
      sensitive: { placeOfInterview: 'Hanawon annex room 3', interpreter: 'Interpreter Pak', riskNotes: 'family in Hoeryong' },
      consent: { purposes: ['internal_analysis', 'share_un_mechanisms'], anonymityRequired: true, identityDisclosureAllowed: false, noDeathPenaltyProceedings: true, recontactAllowed: true, method: 'signed_form', takenBy: f.lead.id, takenAt: '2024-05-03T09:00:00Z' },
    }).expect(201);
    const transcript = await ctx.http().post(`/cases/${f.caseId}/testimonies/${testimony.body.id}/transcripts`).set(...lead).send({ kind: 'original', language: 'ko', text: TRANSCRIPT_TEXT }).expect(201);
    const file = await ctx.http().post(`/cases/${f.caseId}/files`).set(...lead).field('kind', 'audio').field('testimonyId', testimony.body.id).attach('file', Buffer.from('RIFF fake audio of 김철수'), { filename: 'kim-chol-su-interview.wav', contentType: 'audio/wav' }).expect(201);
    // Evidence: a passage of the transcript linked to an element, and the matrix over them.
    const frameworks = await ctx.http().get('/legal/frameworks?code=rome-statute&status=published').set(...lead).expect(200);
    const frameworkVersionId = frameworks.body.items[0].id as string;
    const tree = await ctx.http().get(`/legal/frameworks/${frameworkVersionId}`).set(...lead).expect(200);
    const item = await ctx.http().post(`/cases/${f.caseId}/evidence`).set(...lead).send({ kind: 'transcript_passage', title: 'Passage on forced labour', passage: { transcriptVersionId: transcript.body.versions[0].id, start: 0, end: 12 } }).expect(201);
    const link = await ctx.http().post(`/cases/${f.caseId}/evidence-links`).set(...lead)
      .send({ itemId: item.body.id, frameworkVersionId, elementId: tree.body.crimes[0].elements[0].id, relation: 'supports', probativeValue: 3, sourceReliability: 'B', informationCredibility: 2 }).expect(201);
    QUERIES['/cases/{caseId}/matrix'] = `?frameworkVersionId=${frameworkVersionId}`;
    QUERIES['/cases/{caseId}/liability'] = `?frameworkVersionId=${frameworkVersionId}`;
    // A redaction through the real queue, so its routes are walked with a real id too.
    await ctx.startWorker();
    const job = await ctx.http().post(`/cases/${f.caseId}/redactions`).set(...lead).send({ testimonyId: testimony.body.id, profile: 'internal' }).expect(202);
    await waitFor(async () => (await ctx.http().get(`/jobs/${job.body.id}`).set(...lead)).body.status as string, (s) => s === 'completed' || s === 'failed');
    const redaction = await ctx.http().get(`/cases/${f.caseId}/redactions`).set(...lead).expect(200);
    // An incident sourced from the testimony, a unit that perpetrated it, and an import.
    const unit = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', name: 'Camp 15 guard unit', unitType: 'guard_unit' }).expect(201);
    const incident = await ctx.http().post(`/cases/${f.caseId}/incidents`).set(...lead).send({
      title: 'Forced labour at the work site', violationTypes: ['forced_labour'], date: { precision: 'year', date: '1997' },
      perpetrators: [{ perpetratorId: unit.body.id, involvement: 'direct', confidence: 'probable' }],
      sources: [{ testimonyId: testimony.body.id, passage: { transcriptVersionId: transcript.body.versions[0].id, start: 0, end: 6 } }],
    }).expect(201);
    // A case-file export built by the worker, so the export routes (status, download) are walked with a real id.
    const exported = await ctx.http().post(`/cases/${f.caseId}/exports`).set(...lead)
      .send({ recipient: { kind: 'un_mechanism', name: 'OHCHR Seoul', deathPenaltyJurisdiction: 'false' }, purpose: 'share_un_mechanisms', profile: 'internal' }).expect(202);
    await waitFor(async () => (await ctx.http().get(`/cases/${f.caseId}/exports/${exported.body.id}`).set(...lead)).body.status as string, (s) => s === 'ready' || s === 'failed');
    const imported = await ctx.http().post(`/cases/${f.caseId}/imports`).set(...lead).field('entityType', 'perpetrators').field('dryRun', 'true')
      .attach('file', Buffer.from('external_id,kind,name,unit_type\nu1,unit,Prisons bureau,camp_administration\n'), { filename: 'units.csv', contentType: 'text/csv' }).expect(202);
    // Approved by another member, so the transcript reader answers uncleared members with its text.
    const approver = await ctx.createUser('reviewer');
    await ctx.http().put(`/cases/${f.caseId}/members/${approver.id}`).set(...lead).send({ role: 'reviewer', identityClearance: false }).expect(200);
    await ctx.http().post(`/cases/${f.caseId}/redactions/${redaction.body.items[0].id}/approve`).set(...bearer(approver.token)).send({ version: redaction.body.items[0].version }).expect(200);
    ids = {
      versionId: transcript.body.versions[0].id,
      caseId: f.caseId, personId: person.body.id, testimonyId: testimony.body.id, transcriptId: transcript.body.id, fileId: file.body.id, userId: f.investigator.id,
      version: '1', itemId: item.body.id, linkId: link.body.id, redactionId: redaction.body.items[0].id,
      incidentId: incident.body.id, perpetratorId: unit.body.id, id: unit.body.id, importId: imported.body.id, exportId: exported.body.id,
    };
  });
  afterAll(async () => { await ctx.close(); });

  function caseRoutes(): Array<{ method: string; path: string }> {
    const document = SwaggerModule.createDocument(ctx.app, new DocumentBuilder().build());
    return Object.entries(document.paths).filter(([path]) => path.startsWith('/cases/{caseId}')).flatMap(([path, item]) =>
      Object.keys(item).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((method) => ({ method, path })),
    );
  }

  // Query strings that make GET routes valid, so they answer with data rather than 400.
  const QUERIES: Record<string, string> = { '/cases/{caseId}/testimonies/{testimonyId}/consent-decision': '?recipientKind=un_mechanism&purpose=share_un_mechanisms&deathPenaltyJurisdiction=false', '/cases/{caseId}/search': `?q=${encodeURIComponent('김철수')}`, '/cases/{caseId}/search/raw': `?q=${encodeURIComponent('김철수')}` };

  function fill(path: string): string {
    return path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? '00000000-0000-4000-8000-000000000000') + (QUERIES[path] ?? '');
  }

  it('a non-member gets 404 on every case route, with real ids', async () => {
    const routes = caseRoutes();
    expect(routes.length).toBeGreaterThan(15);
    for (const { method, path } of routes) {
      const res = await ctx.http()[method as 'get'](fill(path)).set(...bearer(f.outsider.token)).send({});
      expect(res.status, `${method.toUpperCase()} ${path}`).toBe(404);
      for (const s of IDENTIFYING_STRINGS) expect(JSON.stringify(res.body), `${method} ${path}`).not.toContain(s);
    }
  });

  it('a member without identity clearance never sees a name, place or contact in any response', async () => {
    for (const token of [f.investigator.token, f.observer.token]) {
      for (const { path } of caseRoutes().filter((r) => r.method === 'get')) {
        const res = await ctx.http().get(fill(path)).set(...bearer(token));
        expect([200, 403], `GET ${path}`).toContain(res.status);
        const body = typeof res.body === 'object' && Object.keys(res.body).length ? JSON.stringify(res.body) : (res.text ?? '');
        for (const s of IDENTIFYING_STRINGS) expect(body, `GET ${path}`).not.toContain(s);
      }
    }
    await ctx.http().get(fill('/cases/{caseId}/people/{personId}/identity')).set(...bearer(f.investigator.token)).expect(403);
    await ctx.http().get(fill('/cases/{caseId}/testimonies/{testimonyId}/sensitive')).set(...bearer(f.investigator.token)).expect(403);
    await ctx.http().get(fill('/cases/{caseId}/testimonies/{testimonyId}/transcripts/{transcriptId}/versions/1')).set(...bearer(f.investigator.token)).expect(403);
    await ctx.http().get(fill('/cases/{caseId}/files/{fileId}/content')).set(...bearer(f.investigator.token)).expect(403);
  });

  it('an uncleared member cannot record identity data either', async () => {
    await ctx.http().post(`/cases/${f.caseId}/people`).set(...bearer(f.investigator.token)).send({ kind: 'victim', identity: { namesHangul: ['박영수'] } }).expect(403);
    const ok = await ctx.http().post(`/cases/${f.caseId}/people`).set(...bearer(f.investigator.token)).send({ kind: 'victim' }).expect(201);
    expect(ok.body).toMatchObject({ kind: 'victim', hasIdentity: false });
    expect(ok.body.code).toMatch(/^V-\d{4}$/);
    await ctx.http().post(`/cases/${f.caseId}/people`).set(...bearer(f.observer.token)).send({ kind: 'victim' }).expect(403);
  });

  it('a cleared member reads the identity, and each read leaves an audit entry', async () => {
    const before = await ctx.sql<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'person.identity_read' AND subject_id = $1", [ids.personId]);
    const res = await ctx.http().get(fill('/cases/{caseId}/people/{personId}/identity')).set(...bearer(f.lead.token)).expect(200);
    expect(res.body.identity).toMatchObject({ namesHangul: ['김철수'], namesRomanised: ['Kim Chol-su'], birthDate: { date: '1968-04', precision: 'month' } });
    const after = await ctx.sql<{ n: number; actor: string }>("SELECT count(*)::int AS n, max(actor_id::text) AS actor FROM audit_log WHERE action = 'person.identity_read' AND subject_id = $1", [ids.personId]);
    expect(after[0].n).toBe(before[0].n + 1);
    expect(after[0].actor).toBe(f.lead.id);
    const sensitive = await ctx.http().get(fill('/cases/{caseId}/testimonies/{testimonyId}/sensitive')).set(...bearer(f.lead.token)).expect(200);
    expect(sensitive.body).toMatchObject({ placeOfInterview: 'Hanawon annex room 3', interpreter: 'Interpreter Pak' });
    const text = await ctx.http().get(fill('/cases/{caseId}/testimonies/{testimonyId}/transcripts/{transcriptId}/versions/1')).set(...bearer(f.lead.token)).expect(200);
    expect(text.body.text).toBe(TRANSCRIPT_TEXT);
    const reads = await ctx.sql<{ action: string }>("SELECT DISTINCT action FROM audit_log WHERE actor_id = $1 AND action IN ('testimony.sensitive_read', 'transcript.read')", [f.lead.id]);
    expect(reads.map((r) => r.action).sort()).toEqual(['testimony.sensitive_read', 'transcript.read']);
  });

  it('no table row holds a name, place, contact or transcript text in plaintext', async () => {
    const tables = ['people', 'testimonies', 'transcripts', 'transcript_versions', 'consent_versions', 'files', 'audit_log', 'jobs', 'cases'];
    for (const table of tables) {
      const rows = await ctx.sql<{ row: string }>(`SELECT t::text AS row FROM ${table} t`);
      const dump = rows.map((r) => r.row).join('\n');
      for (const s of [...IDENTIFYING_STRINGS, '요덕수용소에서', 'kim-chol-su-interview']) {
        expect(dump, `${table} holds "${s}"`).not.toContain(s);
        // bytea prints as hex: look for the UTF-8 bytes too.
        expect(dump, `${table} holds "${s}" as bytes`).not.toContain(Buffer.from(s, 'utf8').toString('hex'));
      }
    }
  });

  it('logs hold no identity', async () => {
    const logs = ctx.logs.join('\n');
    for (const s of IDENTIFYING_STRINGS) expect(logs).not.toContain(s);
  });

  it('erasing an identity destroys the ciphertext and keeps the pseudonym', async () => {
    const person = await ctx.http().get(fill('/cases/{caseId}/people/{personId}')).set(...bearer(f.lead.token)).expect(200);
    await ctx.http().post(fill('/cases/{caseId}/people/{personId}/identity/erase')).set(...bearer(f.investigator.token)).send({ version: person.body.version, reason: 'consent_withdrawn' }).expect(403);
    const erased = await ctx.http().post(fill('/cases/{caseId}/people/{personId}/identity/erase')).set(...bearer(f.lead.token)).send({ version: person.body.version, reason: 'consent_withdrawn' }).expect(200);
    expect(erased.body).toMatchObject({ code: person.body.code, hasIdentity: false, identityErasedAt: expect.any(String) });
    const [row] = await ctx.sql<{ identity_sealed: Buffer | null }>('SELECT identity_sealed FROM people WHERE id = $1', [ids.personId]);
    expect(row.identity_sealed).toBeNull();
    const read = await ctx.http().get(fill('/cases/{caseId}/people/{personId}/identity')).set(...bearer(f.lead.token)).expect(200);
    expect(read.body.identity).toBeNull();
    await ctx.http().put(fill('/cases/{caseId}/people/{personId}/identity')).set(...bearer(f.lead.token)).send({ version: erased.body.version, identity: { namesHangul: ['김철수'] } }).expect(409);
  });
});
