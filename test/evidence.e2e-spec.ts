import { createHash } from 'node:crypto';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, TRANSCRIPT_TEXT } from './helpers/case-fixtures';

interface ElementBody { id: string; code: string; alternatives: Array<{ letter: string }> }
interface FrameworkBody { id: string; revision: number; crimes: Array<{ code: string; elements: ElementBody[] }>; modesOfLiability: Array<{ id: string; code: string }> }
interface ElementRow { code: string; gap: string | null; supporting: { links: number; reviewed: number; reviewedStrong: number }; undermining: { links: number }; independentSources: number; strongestItem: { itemCode: string; probativeValue: number } | null; sharedSupport: { links: number } | null; contested: boolean; alternatives: Array<{ letter: string; supporting: number }> }
interface MatrixBody { totals: Record<string, unknown>; crimes: Array<{ code: string; elements: ElementRow[] }>; perpetratorModes: { modes: Array<{ code: string | null }>; rows: Array<{ perpetratorId: string; label: string; kind: string; cells: Array<{ modeCode: string | null; supporting: number; crimeCodes: string[] }> }> } }

const NOTE = 'Witness W-0001 says the guard Pak beat her; see tape 3';

describe('evidence items, links to crime elements and the case matrix', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let reviewer: { id: string; token: string };
  let analyst: { id: string; token: string };
  let rome: FrameworkBody;
  let testimonyId: string;
  let versionId: string;
  const el = new Map<string, ElementBody>();
  const mode = new Map<string, string>();

  const post = (token: string, path: string, body: unknown) => ctx.http().post(`/cases/${f.caseId}${path}`).set(...bearer(token)).send(body as object);
  const link = (token: string, body: Record<string, unknown>) => post(token, '/evidence-links', { frameworkVersionId: rome.id, relation: 'supports', probativeValue: 4, sourceReliability: 'B', informationCredibility: 2, ...body });
  const matrix = async (caseId = f.caseId, token = f.observer.token): Promise<MatrixBody> =>
    (await ctx.http().get(`/cases/${caseId}/matrix?frameworkVersionId=${rome.id}`).set(...bearer(token)).expect(200)).body as MatrixBody;
  const row = (m: MatrixBody, code: string): ElementRow => m.crimes.flatMap((c) => c.elements).find((e) => e.code === code) as ElementRow;

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    reviewer = await ctx.createUser('reviewer');
    analyst = await ctx.createUser('analyst');
    await ctx.http().put(`/cases/${f.caseId}/members/${reviewer.id}`).set(...bearer(f.lead.token)).send({ role: 'reviewer', identityClearance: false }).expect(200);
    // Choosing a transcript passage reads the raw text (its SHA-256 is computed from it): identity
    // clearance (test/redaction-clearance.e2e-spec.ts covers an analyst without it).
    await ctx.http().put(`/cases/${f.caseId}/members/${analyst.id}`).set(...bearer(f.lead.token)).send({ role: 'analyst', identityClearance: true }).expect(200);
    const list = await ctx.http().get('/legal/frameworks?code=rome-statute&status=published').set(...bearer(f.lead.token)).expect(200);
    rome = (await ctx.http().get(`/legal/frameworks/${list.body.items[0].id}`).set(...bearer(f.lead.token)).expect(200)).body as FrameworkBody;
    for (const c of rome.crimes) for (const e of c.elements) el.set(e.code, e);
    for (const m of rome.modesOfLiability) mode.set(m.code, m.id);

    const person = await post(f.lead.token, '/people', { kind: 'witness' }).expect(201);
    const testimony = await post(f.lead.token, '/testimonies', { intervieweeId: person.body.id, interviewDate: { date: '2019-07-12', precision: 'day' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
    testimonyId = testimony.body.id;
    const transcript = await post(f.lead.token, `/testimonies/${testimonyId}/transcripts`, { kind: 'original', language: 'ko', text: TRANSCRIPT_TEXT }).expect(201);
    versionId = transcript.body.versions[0].id;
  });
  afterAll(async () => { await ctx.close(); });

  describe('evidence items', () => {
    it('a transcript passage: offsets validated against the version, SHA-256 of the passage fixed at intake', async () => {
      const start = TRANSCRIPT_TEXT.indexOf('1997');
      const end = TRANSCRIPT_TEXT.indexOf('했습니다') + 4;
      const tooLong = await post(analyst.token, '/evidence', { kind: 'transcript_passage', title: 'Forced labour', passage: { transcriptVersionId: versionId, start, end: TRANSCRIPT_TEXT.length + 1 } }).expect(400);
      expect(tooLong.body.details).toEqual([{ field: 'passage.end', problems: [`must be at most the version's length (${TRANSCRIPT_TEXT.length} UTF-16 code units)`] }]);
      const reversed = await post(analyst.token, '/evidence', { kind: 'transcript_passage', title: 'x', passage: { transcriptVersionId: versionId, start: 10, end: 10 } }).expect(400);
      expect(reversed.body.details[0].field).toBe('passage.end');
      const missing = await post(analyst.token, '/evidence', { kind: 'transcript_passage', title: 'x' }).expect(400);
      expect(missing.body.details[0].field).toBe('passage');
      const negative = await post(analyst.token, '/evidence', { kind: 'transcript_passage', title: 'x', passage: { transcriptVersionId: versionId, start: -1, end: 3 } }).expect(400);
      expect(negative.body.details[0].field).toBe('passage.start');

      const res = await post(analyst.token, '/evidence', {
        kind: 'transcript_passage', title: 'Forced labour in Yodok', passage: { transcriptVersionId: versionId, start, end },
        provenance: { source: 'Interview', collectedBy: 'Team A', collectedOn: { date: '2019-07-12', precision: 'day' }, method: 'recorded interview' },
      }).expect(201);
      expect(res.body).toMatchObject({
        code: 'E-0001', kind: 'transcript_passage', role: 'original', testimonyId, sourceKey: `testimony:${testimonyId}`,
        passage: { transcriptVersionId: versionId, start, end }, sha256: createHash('sha256').update(TRANSCRIPT_TEXT.slice(start, end), 'utf8').digest('hex'),
        provenance: { source: 'Interview', collectedBy: 'Team A', collectedOn: { date: '2019-07-12', precision: 'day' }, method: 'recorded interview', sourceUrl: null },
      });
      expect(JSON.stringify(res.body)).not.toContain(TRANSCRIPT_TEXT.slice(start, end));
      expect(ctx.logs.join('\n')).not.toContain('요덕수용소');
    });

    it('a passage must come from a transcript of this case', async () => {
      const other = await ctx.http().post('/cases').set(...bearer(f.lead.token)).send({ title: 'Other case' }).expect(201);
      const res = await ctx.http().post(`/cases/${other.body.id}/evidence`).set(...bearer(f.lead.token))
        .send({ kind: 'transcript_passage', title: 'x', passage: { transcriptVersionId: versionId, start: 0, end: 3 } }).expect(400);
      expect(res.body.details[0].field).toBe('passage.transcriptVersionId');
    });

    it('a file item carries the SHA-256 computed when the file was uploaded; a working copy names its original', async () => {
      const bytes = Buffer.from('satellite image of camp 15, 2014');
      const file = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).field('kind', 'image').attach('file', bytes, { filename: 'camp15.jpg', contentType: 'image/jpeg' }).expect(201);
      expect(file.body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      await post(analyst.token, '/evidence', { kind: 'image', title: 'Camp 15 imagery' }).expect(400);
      await post(analyst.token, '/evidence', { kind: 'image', title: 'x', fileId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      const original = await post(analyst.token, '/evidence', { kind: 'image', title: 'Camp 15 imagery', fileId: file.body.id, provenance: { source: 'Commercial satellite provider', sourceUrl: 'https://example.org/imagery/15' } }).expect(201);
      expect(original.body).toMatchObject({ code: 'E-0002', role: 'original', sha256: file.body.sha256, sourceKey: `file:${file.body.sha256}`, fileId: file.body.id });

      const enhancedBytes = Buffer.from('enhanced satellite image of camp 15');
      const enhanced = await ctx.http().post(`/cases/${f.caseId}/files`).set(...bearer(f.lead.token)).field('kind', 'image').attach('file', enhancedBytes, { filename: 'camp15-enh.jpg', contentType: 'image/jpeg' }).expect(201);
      const copy = await post(analyst.token, '/evidence', { kind: 'image', title: 'Camp 15, enhanced', fileId: enhanced.body.id, derivedFromItemId: original.body.id, derivation: 'contrast enhanced' }).expect(201);
      expect(copy.body).toMatchObject({ role: 'working_copy', derivedFromItemId: original.body.id, derivation: 'contrast enhanced', sha256: enhanced.body.sha256, sourceKey: original.body.sourceKey });
      const originals = await ctx.http().get(`/cases/${f.caseId}/evidence?role=original&kind=image`).set(...bearer(f.observer.token)).expect(200);
      expect(originals.body.items.map((i: { code: string }) => i.code)).toEqual(['E-0002']);
      // The original is untouched by the copy.
      const again = await ctx.http().get(`/cases/${f.caseId}/evidence/${original.body.id}`).set(...bearer(f.observer.token)).expect(200);
      expect(again.body).toEqual(original.body);
    });

    it('a physical item has no file; labels and provenance can be corrected, with a version check', async () => {
      await post(analyst.token, '/evidence', { kind: 'physical_item', title: 'Prison uniform', fileId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      const item = await post(analyst.token, '/evidence', { kind: 'physical_item', title: 'Prison uniform', physicalLocation: 'Evidence locker 2' }).expect(201);
      expect(item.body.sourceKey).toBe(`item:${item.body.id}`);
      const patched = await ctx.http().patch(`/cases/${f.caseId}/evidence/${item.body.id}`).set(...bearer(analyst.token)).send({ version: 1, title: 'Prison uniform, camp 15', provenance: { collectedBy: 'Team B' } }).expect(200);
      expect(patched.body).toMatchObject({ version: 2, title: 'Prison uniform, camp 15', provenance: { collectedBy: 'Team B' } });
      await ctx.http().patch(`/cases/${f.caseId}/evidence/${item.body.id}`).set(...bearer(analyst.token)).send({ version: 1, title: 'Stale' }).expect(409);
      await ctx.http().patch(`/cases/${f.caseId}/evidence/${item.body.id}`).set(...bearer(analyst.token)).send({ version: 2, kind: 'image' }).expect(400);
    });

    it('members with the analyse permission add items; others may only read; non-members see nothing', async () => {
      await post(f.observer.token, '/evidence', { kind: 'physical_item', title: 'x' }).expect(403);
      await post(reviewer.token, '/evidence', { kind: 'physical_item', title: 'x' }).expect(403);
      await post(f.outsider.token, '/evidence', { kind: 'physical_item', title: 'x' }).expect(404);
      await ctx.http().get(`/cases/${f.caseId}/evidence`).set(...bearer(f.outsider.token)).expect(404);
      const page = await ctx.http().get(`/cases/${f.caseId}/evidence?limit=2&sort=-code`).set(...bearer(reviewer.token)).expect(200);
      expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 0 });
      expect(page.body.items.map((i: { code: string }) => i.code)).toEqual(['E-0004', 'E-0003']);
      const audit = await ctx.sql<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND action = 'evidence.create'", [f.caseId]);
      expect(audit[0].n).toBe(4);
    });
  });

  describe('evidence links', () => {
    let passageId: string;
    let imageId: string;
    beforeAll(async () => {
      const items = await ctx.http().get(`/cases/${f.caseId}/evidence?sort=code`).set(...bearer(f.lead.token)).expect(200);
      passageId = items.body.items[0].id;
      imageId = items.body.items[1].id;
    });

    it('linking to an element of another framework version is refused, naming elementId', async () => {
      const draft = (await ctx.http().post(`/legal/frameworks/${rome.id}/versions`).set(...bearer(analyst.token)).send({ version: 'test-draft' }).expect(201)).body as FrameworkBody;
      const sameCodeOtherVersion = draft.crimes.flatMap((c) => c.elements).find((e) => e.code === 'RS-7-1-c-E1') as ElementBody;
      const refused = await link(analyst.token, { itemId: passageId, elementId: sameCodeOtherVersion.id }).expect(422);
      expect(refused.body.details).toEqual([{ field: 'elementId', problems: [expect.stringMatching(/belongs to another framework version \(rome-statute test-draft\)/)] }]);
      // Nor may a link be made under a draft version at all.
      const toDraft = await link(analyst.token, { frameworkVersionId: draft.id, itemId: passageId, elementId: sameCodeOtherVersion.id }).expect(422);
      expect(toDraft.body.details[0].field).toBe('frameworkVersionId');
      // A mode of liability must be of the same version too.
      const modeOfDraft = draft.modesOfLiability[0].id;
      const modeRefused = await link(analyst.token, { itemId: passageId, elementId: el.get('RS-7-1-c-E1')?.id, modeOfLiabilityId: modeOfDraft }).expect(422);
      expect(modeRefused.body.details[0].field).toBe('modeOfLiabilityId');
      // The database refuses it as well.
      await expect(ctx.sql(
        `INSERT INTO evidence_links (case_id, item_id, framework_id, element_id, relation, probative_value, source_reliability, information_credibility, status, source_key, created_by, assessed_by, version)
         VALUES ($1, $2, $3, $4, 'supports', 3, 'B', 2, 'proposed', 'x', $5, $5, 1)`,
        [f.caseId, passageId, rome.id, sameCodeOtherVersion.id, analyst.id],
      )).rejects.toThrow(/is not in framework version/);
      await ctx.http().delete(`/legal/frameworks/${draft.id}?revision=${draft.revision}`).set(...bearer(analyst.token)).expect(204);
    });

    it('checks the item, the element alternative, the mode against the crime group, and the incident/perpetrator', async () => {
      const elementId = el.get('RS-7-1-i-E1')?.id;
      const noItem = await link(analyst.token, { itemId: '00000000-0000-4000-8000-000000000000', elementId }).expect(400);
      expect(noItem.body.details[0].field).toBe('itemId');
      const badAlt = await link(analyst.token, { itemId: passageId, elementId, alternative: 'c' }).expect(400);
      expect(badAlt.body.details[0].field).toBe('alternative');
      await link(analyst.token, { itemId: passageId, elementId: el.get('RS-7-1-c-E1')?.id, alternative: 'a' }).expect(400);
      const genocideOnly = await link(analyst.token, { itemId: passageId, elementId, modeOfLiabilityId: mode.get('RS-25-3-e') }).expect(422);
      expect(genocideOnly.body.message).toMatch(/applies only to genocide/);
      const incident = await link(analyst.token, { itemId: passageId, elementId, incidentId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      expect(incident.body.details[0].field).toBe('incidentId');
      const perpetrator = await link(analyst.token, { itemId: passageId, elementId, perpetratorId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      expect(perpetrator.body.details[0].field).toBe('perpetratorId');
      const bad = await link(analyst.token, { itemId: passageId, elementId, probativeValue: 6, sourceReliability: 'G', informationCredibility: 0, relation: 'proves' }).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['informationCredibility', 'probativeValue', 'relation', 'sourceReliability']);
      const ok = await link(analyst.token, { itemId: passageId, elementId, alternative: 'b', modeOfLiabilityId: mode.get('RS-28-b') }).expect(201);
      expect(ok.body).toMatchObject({ elementCode: 'RS-7-1-i-E1', crimeCode: 'RS-7-1-i', alternative: 'b', modeCode: 'RS-28-b', status: 'proposed', itemCode: 'E-0001' });
      await link(analyst.token, { itemId: passageId, elementId, alternative: 'b', modeOfLiabilityId: mode.get('RS-28-b') }).expect(409);
      // Changing a link into a copy of another is refused too (a unique index backs the check).
      const other = await link(analyst.token, { itemId: passageId, elementId, alternative: 'a', modeOfLiabilityId: mode.get('RS-28-b') }).expect(201);
      await ctx.http().patch(`/cases/${f.caseId}/evidence-links/${other.body.id}`).set(...bearer(analyst.token)).send({ version: 1, alternative: 'b' }).expect(409);
      await ctx.http().delete(`/cases/${f.caseId}/evidence-links/${other.body.id}?version=1`).set(...bearer(analyst.token)).expect(204);
      await link(f.observer.token, { itemId: passageId, elementId }).expect(403);
      await link(f.outsider.token, { itemId: passageId, elementId }).expect(404);
    });

    it('the author cannot review their own link; a reviewer can; a change sends it back to proposed', async () => {
      const created = await link(f.lead.token, { itemId: imageId, elementId: el.get('RS-7-1-e-E1')?.id, note: NOTE }).expect(201);
      const id = created.body.id as string;
      const own = await post(f.lead.token, `/evidence-links/${id}/review`, { version: 1 }).expect(403);
      expect(own.body.message).toMatch(/another member with the review permission/);
      await post(analyst.token, `/evidence-links/${id}/review`, { version: 1 }).expect(403);
      await post(reviewer.token, `/evidence-links/${id}/review`, { version: 7 }).expect(409);
      const reviewed = await post(reviewer.token, `/evidence-links/${id}/review`, { version: 1 }).expect(200);
      expect(reviewed.body).toMatchObject({ status: 'reviewed', reviewedBy: reviewer.id, assessedBy: f.lead.id, version: 2 });
      await post(reviewer.token, `/evidence-links/${id}/review`, { version: 2 }).expect(409);

      const edited = await ctx.http().patch(`/cases/${f.caseId}/evidence-links/${id}`).set(...bearer(analyst.token)).send({ version: 2, probativeValue: 5 }).expect(200);
      expect(edited.body).toMatchObject({ status: 'proposed', reviewedBy: null, reviewedAt: null, assessedBy: analyst.id, probativeValue: 5, version: 3 });
      await ctx.http().patch(`/cases/${f.caseId}/evidence-links/${id}`).set(...bearer(analyst.token)).send({ version: 2, probativeValue: 1 }).expect(409);
      // Neither the creator nor the last assessor may review it.
      await post(f.lead.token, `/evidence-links/${id}/review`, { version: 3 }).expect(403);
      await post(reviewer.token, `/evidence-links/${id}/review`, { version: 3 }).expect(200);

      const audit = await ctx.sql<{ action: string; details: Record<string, unknown> }>('SELECT action, details FROM audit_log WHERE subject_id = $1 ORDER BY seq', [id]);
      expect(audit.map((a) => a.action)).toEqual(['evidence_link.create', 'evidence_link.review', 'evidence_link.update', 'evidence_link.review']);
      expect(audit[2].details).toMatchObject({ changed: ['probativeValue'], reviewReset: true });
      expect(JSON.stringify(audit)).not.toContain('Pak');
      expect(ctx.logs.join('\n')).not.toContain(NOTE);
    });

    it('lists links with filters, and deletes one with its version', async () => {
      const list = await ctx.http().get(`/cases/${f.caseId}/evidence-links?status=reviewed&frameworkVersionId=${rome.id}`).set(...bearer(f.observer.token)).expect(200);
      expect(list.body.items.map((l: { elementCode: string }) => l.elementCode)).toEqual(['RS-7-1-e-E1']);
      expect(list.body.items[0]).toMatchObject({ note: NOTE, weak: false });
      const byItem = await ctx.http().get(`/cases/${f.caseId}/evidence-links?itemId=${passageId}`).set(...bearer(f.observer.token)).expect(200);
      expect(byItem.body.total).toBe(1);
      const created = await link(analyst.token, { itemId: passageId, elementId: el.get('RS-7-1-k-E1')?.id, relation: 'context' }).expect(201);
      await ctx.http().delete(`/cases/${f.caseId}/evidence-links/${created.body.id}?version=2`).set(...bearer(analyst.token)).expect(409);
      await ctx.http().delete(`/cases/${f.caseId}/evidence-links/${created.body.id}?version=1`).set(...bearer(f.observer.token)).expect(403);
      await ctx.http().delete(`/cases/${f.caseId}/evidence-links/${created.body.id}?version=1`).set(...bearer(analyst.token)).expect(204);
      await ctx.http().get(`/cases/${f.caseId}/evidence-links/${created.body.id}`).set(...bearer(analyst.token)).expect(404);
    });
  });

  describe('case matrix', () => {
    let caseId: string;
    const items: string[] = [];
    const addLink = (body: Record<string, unknown>) => ctx.http().post(`/cases/${caseId}/evidence-links`).set(...bearer(f.lead.token))
      .send({ frameworkVersionId: rome.id, relation: 'supports', probativeValue: 4, sourceReliability: 'B', informationCredibility: 2, ...body }).expect(201);
    const review = (id: string) => ctx.http().post(`/cases/${caseId}/evidence-links/${id}/review`).set(...bearer(reviewer.token)).send({ version: 1 }).expect(200);

    beforeAll(async () => {
      const kase = await ctx.http().post('/cases').set(...bearer(f.lead.token)).send({ title: 'Matrix case' }).expect(201);
      caseId = kase.body.id;
      await ctx.http().put(`/cases/${caseId}/members/${reviewer.id}`).set(...bearer(f.lead.token)).send({ role: 'reviewer', identityClearance: false }).expect(200);
      const person = await ctx.http().post(`/cases/${caseId}/people`).set(...bearer(f.lead.token)).send({ kind: 'survivor' }).expect(201);
      const testimony = await ctx.http().post(`/cases/${caseId}/testimonies`).set(...bearer(f.lead.token))
        .send({ intervieweeId: person.body.id, interviewDate: { date: '2020', precision: 'year' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
      const transcript = await ctx.http().post(`/cases/${caseId}/testimonies/${testimony.body.id}/transcripts`).set(...bearer(f.lead.token)).send({ kind: 'original', language: 'ko', text: TRANSCRIPT_TEXT }).expect(201);
      const v = transcript.body.versions[0].id;
      for (const [start, end] of [[0, 5], [6, 20]]) {
        const item = await ctx.http().post(`/cases/${caseId}/evidence`).set(...bearer(f.lead.token)).send({ kind: 'transcript_passage', title: 'passage', passage: { transcriptVersionId: v, start, end } }).expect(201);
        items.push(item.body.id);
      }
      const doc = await ctx.http().post(`/cases/${caseId}/evidence`).set(...bearer(f.lead.token)).send({ kind: 'physical_item', title: 'Camp register' }).expect(201);
      items.push(doc.body.id);
    });

    it('shows a gap for an element with no evidence, and updates when a link is added and reviewed', async () => {
      const before = await matrix(caseId, reviewer.token);
      expect(before.totals).toMatchObject({ crimes: 41, elements: 203, elementsWithGaps: 203, links: 0 });
      expect(row(before, 'RS-7-1-c-E1')).toMatchObject({ gap: 'no_evidence', supporting: { links: 0 }, independentSources: 0, strongestItem: null });

      const first = await addLink({ itemId: items[0], elementId: el.get('RS-7-1-c-E1')?.id, probativeValue: 3 });
      const afterLink = await matrix(caseId, reviewer.token);
      expect(row(afterLink, 'RS-7-1-c-E1')).toMatchObject({ gap: 'only_unreviewed', supporting: { links: 1, reviewed: 0 }, independentSources: 1, strongestItem: { itemCode: 'E-0001', probativeValue: 3 } });
      expect(afterLink.totals).toMatchObject({ elementsWithGaps: 203, links: 1 });

      await review(first.body.id);
      const afterReview = await matrix(caseId, reviewer.token);
      expect(row(afterReview, 'RS-7-1-c-E1')).toMatchObject({ gap: null, supporting: { links: 1, reviewed: 1, reviewedStrong: 1 } });
      expect(afterReview.totals).toMatchObject({ elementsWithGaps: 202, gaps: { no_evidence: 202, only_unreviewed: 0, only_weak: 0 } });
    });

    it('counts independent sources, picks the strongest item, flags weak-only support and contested elements', async () => {
      const murder = el.get('RS-7-1-a-E1')?.id;
      await addLink({ itemId: items[0], elementId: murder, probativeValue: 2 });
      const second = await addLink({ itemId: items[1], elementId: murder, probativeValue: 5 });
      await addLink({ itemId: items[2], elementId: murder, probativeValue: 3, sourceReliability: 'E' });
      let m = await matrix(caseId, reviewer.token);
      // Two passages of one testimony are one source; the register is another.
      expect(row(m, 'RS-7-1-a-E1')).toMatchObject({ supporting: { links: 3 }, independentSources: 2, gap: 'only_unreviewed', strongestItem: { itemCode: 'E-0002', probativeValue: 5 } });

      const weak = await addLink({ itemId: items[2], elementId: el.get('RS-7-1-e-E1')?.id, probativeValue: 1 });
      await review(weak.body.id);
      const against = await addLink({ itemId: items[1], elementId: el.get('RS-7-1-c-E1')?.id, relation: 'undermines' });
      await review(against.body.id);
      await review(second.body.id);
      m = await matrix(caseId, reviewer.token);
      expect(row(m, 'RS-7-1-e-E1').gap).toBe('only_weak');
      expect(row(m, 'RS-7-1-c-E1')).toMatchObject({ gap: null, contested: true, undermining: { links: 1 } });
      expect(row(m, 'RS-7-1-a-E1')).toMatchObject({ gap: null, strongestItem: { itemCode: 'E-0002' } });
    });

    it('a contextual element counts the support given to its shared requirement through another crime', async () => {
      const attackViaMurder = await addLink({ itemId: items[2], elementId: el.get('RS-7-1-a-E2')?.id });
      await review(attackViaMurder.body.id);
      const m = await matrix(caseId, reviewer.token);
      expect(row(m, 'RS-7-1-c-E2')).toMatchObject({ supporting: { links: 0 }, sharedSupport: { links: 1 }, gap: null });
      expect(row(m, 'RS-7-1-c-E3')).toMatchObject({ gap: 'no_evidence' });
      const disappearance = await addLink({ itemId: items[2], elementId: el.get('RS-7-1-i-E2')?.id, alternative: 'a' });
      expect(disappearance.body.alternative).toBe('a');
      const again = await matrix(caseId, reviewer.token);
      expect(row(again, 'RS-7-1-i-E2').alternatives).toEqual([{ letter: 'a', code: 'RS-7-1-i-E2a', supporting: 1, reviewedStrong: 0 }, { letter: 'b', code: 'RS-7-1-i-E2b', supporting: 0, reviewedStrong: 0 }]);
    });

    it('perpetrator × mode of liability, labelled by unit name or pseudonym code', async () => {
      const present = await ctx.sql<{ present: boolean }>("SELECT to_regclass('public.perpetrators') IS NOT NULL AS present");
      if (!present[0].present) {
        // The perpetrators module is not migrated in this build: only the refusal can be checked.
        process.stdout.write('[evidence.e2e] perpetrators table absent: perpetrator × mode labels not checked\n');
        const refused = await ctx.http().post(`/cases/${caseId}/evidence-links`).set(...bearer(f.lead.token))
          .send({ frameworkVersionId: rome.id, itemId: items[0], elementId: el.get('RS-7-1-a-E1')?.id, perpetratorId: '00000000-0000-4000-8000-000000000000', relation: 'supports', probativeValue: 3, sourceReliability: 'B', informationCredibility: 2 }).expect(400);
        expect(refused.body.details[0].field).toBe('perpetratorId');
        const m = await matrix(caseId, reviewer.token);
        expect(m.perpetratorModes.rows).toEqual([]);
        expect(m.perpetratorModes.modes.map((c) => c.code)).toEqual(['RS-25-3-a-direct', 'RS-25-3-a-joint', 'RS-25-3-a-indirect', 'RS-25-3-b', 'RS-25-3-c', 'RS-25-3-d', 'RS-25-3-e', 'RS-25-3-f', 'RS-28-a', 'RS-28-b']);
        return;
      }
      const person = await ctx.http().post(`/cases/${caseId}/people`).set(...bearer(f.lead.token)).send({ kind: 'perpetrator_individual', identity: { namesHangul: ['박경비'] } }).expect(201);
      const [unit] = await ctx.sql<{ id: string }>("INSERT INTO perpetrators (case_id, kind, code, name, created_by, version) VALUES ($1, 'unit', 'U-0001', 'Ministry of State Security', $2, 1) RETURNING id", [caseId, f.lead.id]);
      const [individual] = await ctx.sql<{ id: string }>("INSERT INTO perpetrators (case_id, kind, person_id, created_by, version) VALUES ($1, 'individual', $2, $3, 1) RETURNING id", [caseId, person.body.id, f.lead.id]);
      // Art. 25(1): a unit is never the accused of a mode of liability; it can be linked as context, without a mode.
      const refusedUnit = await ctx.http().post(`/cases/${caseId}/evidence-links`).set(...bearer(f.lead.token))
        .send({ frameworkVersionId: rome.id, itemId: items[0], elementId: el.get('RS-7-1-e-E1')?.id, perpetratorId: unit.id, modeOfLiabilityId: mode.get('RS-28-b'), relation: 'supports', probativeValue: 3, sourceReliability: 'B', informationCredibility: 2 }).expect(422);
      expect(refusedUnit.body.details[0].field).toBe('perpetratorId');
      await addLink({ itemId: items[0], elementId: el.get('RS-7-1-e-E1')?.id, perpetratorId: unit.id });
      await addLink({ itemId: items[1], elementId: el.get('RS-7-1-a-E1')?.id, perpetratorId: individual.id, modeOfLiabilityId: mode.get('RS-25-3-a-direct') });
      await addLink({ itemId: items[2], elementId: el.get('RS-7-1-a-E1')?.id, perpetratorId: individual.id });
      const m = await matrix(caseId, reviewer.token);
      const labels = Object.fromEntries(m.perpetratorModes.rows.map((r) => [r.perpetratorId, r.label]));
      expect(labels).toEqual({ [unit.id]: 'Ministry of State Security', [individual.id]: person.body.code });
      expect(JSON.stringify(m)).not.toContain('박경비');
      const ind = m.perpetratorModes.rows.find((r) => r.perpetratorId === individual.id);
      expect(ind?.cells.map((c) => [c.modeCode, c.supporting, c.crimeCodes])).toEqual([['RS-25-3-a-direct', 1, ['RS-7-1-a']], [null, 1, ['RS-7-1-a']]]);
      expect(m.perpetratorModes.modes.at(-1)).toEqual({ id: null, code: null, titleEn: 'No mode of liability stated' });
      const csv = await ctx.http().get(`/cases/${caseId}/matrix?frameworkVersionId=${rome.id}&format=csv&view=perpetrators`).set(...bearer(reviewer.token)).expect(200);
      expect(csv.text).toContain(`${unit.id},Ministry of State Security,unit,,1,0,0,0,RS-7-1-e`);
    });

    it('serves CSV, checks the query, and is for members only', async () => {
      const csv = await ctx.http().get(`/cases/${caseId}/matrix?frameworkVersionId=${rome.id}&format=csv`).set(...bearer(reviewer.token)).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(csv.headers['content-disposition']).toBe('attachment; filename="matrix-rome-statute-2011-icc-ed-elements.csv"');
      const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines).toHaveLength(1 + 203);
      expect(lines.find((l) => l.includes(',RS-7-1-c-E1,'))).toMatch(/^rome-statute,2011-icc-ed,RS-7-1-c,7\(1\)\(c\),crimes-against-humanity,Enslavement,노예화,RS-7-1-c-E1,1,material,/);
      expect(lines.find((l) => l.includes(',RS-7-1-c-E3,'))).toMatch(/,no_evidence,false,reasonable_grounds,0,0,no_evidence$/);
      const missing = await ctx.http().get(`/cases/${caseId}/matrix`).set(...bearer(reviewer.token)).expect(400);
      expect(missing.body.details[0].field).toBe('frameworkVersionId');
      const unknown = await ctx.http().get(`/cases/${caseId}/matrix?frameworkVersionId=00000000-0000-4000-8000-000000000000`).set(...bearer(reviewer.token)).expect(400);
      expect(unknown.body.details[0].field).toBe('frameworkVersionId');
      await ctx.http().get(`/cases/${caseId}/matrix?frameworkVersionId=${rome.id}&format=xml`).set(...bearer(reviewer.token)).expect(400);
      await ctx.http().get(`/cases/${caseId}/matrix?frameworkVersionId=${rome.id}`).set(...bearer(f.outsider.token)).expect(404);
    });
  });
});
