import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recountAggregates, storedAggregates, type AggregateRow } from '../src/evidence/matrix.repository';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, TRANSCRIPT_TEXT } from './helpers/case-fixtures';

interface Counts { links: number; reviewed: number; sources: number; witnesses: number; documents: number; physicalItems: number }
interface ElementRow { code: string; textEn: string; textKo: string | null; status: string; qualifyingWitnesses: number; qualifyingOtherSources: number; supporting: Counts; independentSources: number; strongestItem: { itemCode: string } | null }
interface MatrixBody {
  computedFrom: string; filters: Record<string, string>; standardOfProof: { code: string; source: string; minWitnesses: number };
  totals: { witnesses: number; documents: number; physicalItems: number; independentSources: number; links: number; reviewedLinks: number; items: number; statuses: Record<string, number> };
  crimes: Array<{ elements: ElementRow[] }>;
  perpetratorModes: { rows: Array<{ perpetratorId: string }> };
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing sequence can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('case matrix: corroboration by witness, filters, standard of proof, aggregates', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let reviewer: { id: string; token: string };
  let analyst: { id: string; token: string };
  let caseId: string;
  let frameworkId: string;
  const el = new Map<string, string>();
  const items: Record<string, string> = {};
  const places: Record<string, string> = {};
  const incidents: Record<string, string> = {};
  const perps: Record<string, string> = {};

  const http = () => ctx.http();
  const as = (token: string) => bearer(token);
  const addLink = async (body: Record<string, unknown>, review = true) => {
    const res = await http().post(`/cases/${caseId}/evidence-links`).set(...as(f.lead.token))
      .send({ frameworkVersionId: frameworkId, relation: 'supports', probativeValue: 4, sourceReliability: 'B', informationCredibility: 2, ...body }).expect(201);
    if (review) await http().post(`/cases/${caseId}/evidence-links/${res.body.id}/review`).set(...as(reviewer.token)).send({ version: 1 }).expect(200);
    return res.body.id as string;
  };
  const matrix = async (query = '', token = f.observer.token): Promise<MatrixBody> =>
    (await http().get(`/cases/${caseId}/matrix?frameworkVersionId=${frameworkId}${query}`).set(...as(token)).expect(200)).body as MatrixBody;
  const row = (m: MatrixBody, code: string): ElementRow => m.crimes.flatMap((c) => c.elements).find((e) => e.code === code) as ElementRow;
  const manager = () => ({ query: (sql: string, params?: unknown[]) => ctx.sql(sql, params) }) as unknown as EntityManager;
  const normalise = (rows: AggregateRow[]) => rows.filter((r) => r.links > 0).map((r) => JSON.stringify(r)).sort();

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    reviewer = await ctx.createUser('reviewer');
    analyst = await ctx.createUser('analyst');
    const kase = await http().post('/cases').set(...as(f.lead.token)).send({ title: 'Matrix counting case' }).expect(201);
    caseId = kase.body.id;
    await http().put(`/cases/${caseId}/members/${reviewer.id}`).set(...as(f.lead.token)).send({ role: 'reviewer', identityClearance: false }).expect(200);
    await http().put(`/cases/${caseId}/members/${analyst.id}`).set(...as(f.lead.token)).send({ role: 'analyst', identityClearance: true }).expect(200);
    await http().put(`/cases/${caseId}/members/${f.observer.id}`).set(...as(f.lead.token)).send({ role: 'observer', identityClearance: false }).expect(200);
    const list = await http().get('/legal/frameworks?code=rome-statute&status=published').set(...as(f.lead.token)).expect(200);
    frameworkId = list.body.items[0].id;
    const rome = (await http().get(`/legal/frameworks/${frameworkId}`).set(...as(f.lead.token)).expect(200)).body as { crimes: Array<{ elements: Array<{ id: string; code: string }> }> };
    for (const c of rome.crimes) for (const e of c.elements) el.set(e.code, e.id);

    // Survivor A interviewed twice, witness B once: three testimonies, two witnesses.
    const passage = async (name: string, personId: string) => {
      const t = await http().post(`/cases/${caseId}/testimonies`).set(...as(f.lead.token))
        .send({ intervieweeId: personId, interviewDate: { date: '2020', precision: 'year' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
      const tr = await http().post(`/cases/${caseId}/testimonies/${t.body.id}/transcripts`).set(...as(f.lead.token)).send({ kind: 'original', language: 'ko', text: TRANSCRIPT_TEXT }).expect(201);
      const item = await http().post(`/cases/${caseId}/evidence`).set(...as(f.lead.token)).send({ kind: 'transcript_passage', title: name, passage: { transcriptVersionId: tr.body.versions[0].id, start: 0, end: 5 } }).expect(201);
      items[name] = item.body.id;
    };
    const a = await http().post(`/cases/${caseId}/people`).set(...as(f.lead.token)).send({ kind: 'survivor' }).expect(201);
    const b = await http().post(`/cases/${caseId}/people`).set(...as(f.lead.token)).send({ kind: 'witness' }).expect(201);
    await passage('A1', a.body.id);
    await passage('A2', a.body.id);
    await passage('B1', b.body.id);
    // The same order uploaded twice (same SHA-256) and an enhanced working copy: one document.
    const bytes = Buffer.from('detention order no. 15, 1997');
    for (const name of ['D1', 'D2']) {
      const file = await http().post(`/cases/${caseId}/files`).set(...as(f.lead.token)).field('kind', 'document').attach('file', bytes, { filename: `${name}.pdf`, contentType: 'application/pdf' }).expect(201);
      items[name] = (await http().post(`/cases/${caseId}/evidence`).set(...as(f.lead.token)).send({ kind: 'document', title: name, fileId: file.body.id }).expect(201)).body.id;
    }
    const enhanced = await http().post(`/cases/${caseId}/files`).set(...as(f.lead.token)).field('kind', 'document').attach('file', Buffer.from('enhanced scan'), { filename: 'D1-enh.pdf', contentType: 'application/pdf' }).expect(201);
    items.copy = (await http().post(`/cases/${caseId}/evidence`).set(...as(f.lead.token)).send({ kind: 'document', title: 'D1 enhanced', fileId: enhanced.body.id, derivedFromItemId: items.D1, derivation: 'contrast enhanced' }).expect(201)).body.id;
    items.P1 = (await http().post(`/cases/${caseId}/evidence`).set(...as(f.lead.token)).send({ kind: 'physical_item', title: 'Prison uniform' }).expect(201)).body.id;

    // Places (a province with a county inside it, another province), incidents and perpetrators, written directly.
    const [province] = await ctx.sql<{ id: string }>(`INSERT INTO places (kind, name, version) VALUES ('province', 'Test province N', 1) RETURNING id`);
    const [county] = await ctx.sql<{ id: string }>(`INSERT INTO places (parent_id, kind, name, version) VALUES ($1, 'county', 'Test county N1', 1) RETURNING id`, [province.id]);
    const [other] = await ctx.sql<{ id: string }>(`INSERT INTO places (kind, name, version) VALUES ('province', 'Test province S', 1) RETURNING id`);
    Object.assign(places, { province: province.id, county: county.id, other: other.id });
    const [i1] = await ctx.sql<{ id: string }>(`INSERT INTO incidents (case_id, code, title, date_precision, date_from, date_start, date_end, place_id, created_by, version) VALUES ($1, 'I-0001', 'Beating', 'month', '1997-05', '1997-05-01', '1997-05-31', $2, $3, 1) RETURNING id`, [caseId, county.id, f.lead.id]);
    const [i2] = await ctx.sql<{ id: string }>(`INSERT INTO incidents (case_id, code, title, date_precision, date_from, date_start, date_end, place_id, created_by, version) VALUES ($1, 'I-0002', 'Transfer', 'year', '2005', '2005-01-01', '2005-12-31', $2, $3, 1) RETURNING id`, [caseId, other.id, f.lead.id]);
    Object.assign(incidents, { i1: i1.id, i2: i2.id });
    for (const name of ['u1', 'u2']) {
      const [p] = await ctx.sql<{ id: string }>(`INSERT INTO perpetrators (case_id, kind, name, created_by, version) VALUES ($1, 'unit', $3, $2, 1) RETURNING id`, [caseId, f.lead.id, `Unit ${name}`]);
      perps[name] = p.id;
    }
  });
  afterAll(async () => { await ctx.close(); });

  it('counts witnesses (people) and documents (SHA-256) separately; working copies count as their original', async () => {
    const element = el.get('RS-7-1-c-E1');
    for (const name of ['A1', 'A2', 'B1', 'D1', 'D2', 'copy', 'P1']) await addLink({ itemId: items[name], elementId: element });
    const m = await matrix();
    expect(m.computedFrom).toBe('aggregates');
    const e = row(m, 'RS-7-1-c-E1');
    expect(e.supporting).toMatchObject({ links: 7, reviewed: 7, witnesses: 2, documents: 1, physicalItems: 1, sources: 4 });
    expect(e).toMatchObject({ independentSources: 4, status: 'supported', qualifyingWitnesses: 2, qualifyingOtherSources: 2 });
    expect(m.totals).toMatchObject({ witnesses: 2, documents: 1, physicalItems: 1, independentSources: 4, links: 7 });
    // Wording in English and (where translated) Korean; the seeded Rome Statute has no Korean element text yet.
    expect(e.textEn.length).toBeGreaterThan(10);
    expect(e.textKo).toBeNull();
  });

  it('a case lead sets the standard of proof; it turns the counts into a status per element; a what-if standard does not change the setting', async () => {
    const initial = await http().get(`/cases/${caseId}/matrix/standard-of-proof`).set(...as(f.observer.token)).expect(200);
    expect(initial.body).toMatchObject({ standard: { code: 'reasonable_grounds', source: 'default' }, version: 0 });
    expect(initial.body.available.map((s: { code: string }) => s.code)).toEqual(['reasonable_grounds', 'substantial_grounds', 'beyond_reasonable_doubt']);
    await http().put(`/cases/${caseId}/matrix/standard-of-proof`).set(...as(analyst.token)).send({ standardOfProof: 'beyond_reasonable_doubt' }).expect(403);
    const bad = await http().put(`/cases/${caseId}/matrix/standard-of-proof`).set(...as(f.lead.token)).send({ standardOfProof: 'balance_of_probabilities' }).expect(400);
    expect(bad.body.details[0].field).toBe('standardOfProof');
    const set = await http().put(`/cases/${caseId}/matrix/standard-of-proof`).set(...as(f.lead.token)).send({ standardOfProof: 'beyond_reasonable_doubt', version: 0 }).expect(200);
    expect(set.body).toMatchObject({ standard: { code: 'beyond_reasonable_doubt', source: 'case', minWitnesses: 2 }, updatedBy: f.lead.id, version: 1 });
    await http().put(`/cases/${caseId}/matrix/standard-of-proof`).set(...as(f.lead.token)).send({ standardOfProof: 'substantial_grounds', version: 0 }).expect(409);
    const audit = await ctx.sql<{ details: unknown }>(`SELECT details FROM audit_log WHERE action = 'matrix.standard_of_proof' AND case_id = $1`, [caseId]);
    expect(audit.map((a) => a.details)).toEqual([{ from: null, to: 'beyond_reasonable_doubt' }]);

    // One witness only, reviewed and strong: supported on reasonable grounds, weak beyond reasonable doubt (2 witnesses, 3 sources).
    await addLink({ itemId: items.B1, elementId: el.get('RS-7-1-a-E1') });
    // Reviewed but below every standard's probative value.
    await addLink({ itemId: items.A1, elementId: el.get('RS-7-1-e-E1'), probativeValue: 2 });
    // Proposed only.
    await addLink({ itemId: items.A1, elementId: el.get('RS-7-1-f-E1') }, false);
    const brd = await matrix();
    expect(brd.standardOfProof).toMatchObject({ code: 'beyond_reasonable_doubt', source: 'case' });
    expect(row(brd, 'RS-7-1-c-E1').status).toBe('supported');
    expect(row(brd, 'RS-7-1-a-E1').status).toBe('weak');
    expect(row(brd, 'RS-7-1-e-E1').status).toBe('weak');
    expect(row(brd, 'RS-7-1-f-E1').status).toBe('only_unreviewed');
    expect(row(brd, 'RS-7-1-d-E1').status).toBe('no_evidence');
    expect(brd.totals.statuses).toMatchObject({ supported: 1, weak: 2, only_unreviewed: 1 });
    const whatIf = await matrix('&standardOfProof=reasonable_grounds');
    expect(whatIf.standardOfProof).toMatchObject({ code: 'reasonable_grounds', source: 'request' });
    expect(row(whatIf, 'RS-7-1-a-E1').status).toBe('supported');
    const after = await http().get(`/cases/${caseId}/matrix/standard-of-proof`).set(...as(f.observer.token)).expect(200);
    expect(after.body.standard.code).toBe('beyond_reasonable_doubt');
    const badQuery = await http().get(`/cases/${caseId}/matrix?frameworkVersionId=${frameworkId}&standardOfProof=certainty`).set(...as(f.observer.token)).expect(400);
    expect(badQuery.body.details[0].field).toBe('standardOfProof');
  });

  it('filters by suspect, incident, period (overlapping dates with their precision) and place with its descendants', async () => {
    const murder = el.get('RS-7-1-a-E2');
    await addLink({ itemId: items.A2, elementId: murder, incidentId: incidents.i1, perpetratorId: perps.u1 });
    await addLink({ itemId: items.D1, elementId: murder, incidentId: incidents.i2, perpetratorId: perps.u2 });
    const all = await matrix();
    expect(row(all, 'RS-7-1-a-E2').supporting).toMatchObject({ links: 2, witnesses: 1, documents: 1 });

    const bySuspect = await matrix(`&perpetratorId=${perps.u1}`);
    expect(bySuspect.computedFrom).toBe('link_scan');
    expect(bySuspect.filters).toEqual({ perpetratorId: perps.u1 });
    expect(row(bySuspect, 'RS-7-1-a-E2').supporting).toMatchObject({ links: 1, witnesses: 1, documents: 0 });
    expect(row(bySuspect, 'RS-7-1-c-E1').supporting.links).toBe(0);
    expect(bySuspect.perpetratorModes.rows.map((r) => r.perpetratorId)).toEqual([perps.u1]);

    expect(row(await matrix(`&incidentId=${incidents.i2}`), 'RS-7-1-a-E2').supporting).toMatchObject({ links: 1, witnesses: 0, documents: 1 });
    // May 1997 overlaps the first half of 1997; the 2005 incident (year precision) overlaps 2005-06.
    expect(row(await matrix('&from=1997&to=1997-06'), 'RS-7-1-a-E2').supporting).toMatchObject({ links: 1, witnesses: 1 });
    expect(row(await matrix('&from=1997-06'), 'RS-7-1-a-E2').supporting).toMatchObject({ links: 1, documents: 1 });
    expect(row(await matrix('&from=2005-06&to=2005-06-15'), 'RS-7-1-a-E2').supporting).toMatchObject({ links: 1, documents: 1 });
    expect(row(await matrix('&to=1990'), 'RS-7-1-a-E2').supporting.links).toBe(0);
    // The county lies inside the province: filtering by the province finds the county's incident.
    expect(row(await matrix(`&placeId=${places.province}`), 'RS-7-1-a-E2').supporting).toMatchObject({ links: 1, witnesses: 1 });
    expect(row(await matrix(`&placeId=${places.other}`), 'RS-7-1-a-E2').supporting).toMatchObject({ links: 1, documents: 1 });
    expect(row(await matrix(`&placeId=${places.county}&perpetratorId=${perps.u2}`), 'RS-7-1-a-E2').supporting.links).toBe(0);

    const refusals: Array<[string, string]> = [
      ['&from=1997-13', 'from'], ['&to=19', 'to'], ['&from=2000&to=1999', 'to'], ['&perpetratorId=nope', 'perpetratorId'],
      [`&perpetratorId=${randomUUID()}`, 'perpetratorId'], [`&incidentId=${randomUUID()}`, 'incidentId'], [`&placeId=${randomUUID()}`, 'placeId'],
    ];
    for (const [query, field] of refusals) {
      const res = await http().get(`/cases/${caseId}/matrix?frameworkVersionId=${frameworkId}${query}`).set(...as(f.observer.token)).expect(400);
      expect(res.body.details[0].field).toBe(field);
    }
  });

  it('CSV: English and Korean wording, witnesses and documents, standard and status per element', async () => {
    const res = await http().get(`/cases/${caseId}/matrix?frameworkVersionId=${frameworkId}&format=csv`).set(...as(f.observer.token)).expect(200);
    const lines = (res.text as string).replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0].split(',');
    for (const column of ['element_text_en', 'element_text_ko', 'supporting_witnesses', 'supporting_documents', 'supporting_physical_items', 'standard_of_proof', 'qualifying_witnesses', 'qualifying_other_sources', 'status']) expect(header).toContain(column);
    const line = lines.find((l) => l.includes(',RS-7-1-c-E1,')) as string;
    expect(line).toMatch(/,beyond_reasonable_doubt,2,2,supported$/);
  });

  it('the aggregates equal a fresh recount after random create/update/review/delete sequences (single and multi-row, committed and rolled back)', async () => {
    const random = prng(14);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const elementIds = [...el.entries()].filter(([code]) => code.startsWith('RS-7-1-') || code.startsWith('RS-6-')).map(([, id]) => id);
    const alternativeElement = el.get('RS-7-1-i-E2') as string;
    const modes = (await ctx.sql<{ id: string }>(`SELECT id FROM legal_modes_of_liability WHERE framework_id = $1`, [frameworkId])).map((r) => r.id);
    const templates = await ctx.sql<{ id: string }>(`SELECT DISTINCT ON (item_id) id FROM evidence_links WHERE case_id = $1`, [caseId]);
    const check = async (label: string) => {
      const stored = normalise(await storedAggregates(manager(), caseId, frameworkId));
      const recount = normalise(await recountAggregates(manager(), caseId, frameworkId));
      expect(stored, label).toEqual(recount);
    };
    const insert = (templateId: string) => {
      const elementId = random() < 0.1 ? alternativeElement : pick(elementIds);
      const alternative = elementId === alternativeElement ? pick(['a', 'b']) : null;
      const reviewed = random() < 0.6;
      return ctx.sql(
        `INSERT INTO evidence_links (case_id, item_id, framework_id, element_id, alternative, incident_id, perpetrator_id, mode_id, relation, probative_value, source_reliability, information_credibility,
           status, source_key, independent_source, created_by, assessed_by, reviewed_by, reviewed_at, version)
         SELECT case_id, item_id, framework_id, $2, $3, incident_id, $4, $5, $6, $7, $8, $9, $10, source_key, independent_source, created_by, assessed_by, $11, CASE WHEN $11::uuid IS NULL THEN NULL ELSE now() END, 1
         FROM evidence_links WHERE id = $1 ON CONFLICT DO NOTHING`,
        [templateId, elementId, alternative, random() < 0.4 ? pick([perps.u1, perps.u2]) : null, random() < 0.5 ? pick(modes) : null, pick(['supports', 'supports', 'undermines', 'context']),
          1 + Math.floor(random() * 5), pick(['A', 'B', 'C', 'D', 'E', 'F']), 1 + Math.floor(random() * 6), reviewed ? 'reviewed' : 'proposed', reviewed ? reviewer.id : null],
      );
    };
    const someLink = async () => (await ctx.sql<{ id: string }>(`SELECT id FROM evidence_links WHERE case_id = $1 ORDER BY id OFFSET $2 LIMIT 1`, [caseId, Math.floor(random() * 20)]))[0]?.id;

    await check('before');
    for (let step = 0; step < 240; step++) {
      const op = random();
      if (op < 0.35) await insert(pick(templates).id);
      else if (op < 0.5) {
        const id = await someLink();
        if (id) await ctx.sql(`UPDATE evidence_links SET probative_value = $2, source_reliability = $3, information_credibility = $4, status = 'proposed', reviewed_by = NULL, reviewed_at = NULL WHERE id = $1`, [id, 1 + Math.floor(random() * 5), pick(['A', 'B', 'C', 'E']), 1 + Math.floor(random() * 6)]);
      } else if (op < 0.62) {
        const id = await someLink();
        if (id) await ctx.sql(`UPDATE evidence_links SET status = 'reviewed', reviewed_by = $2, reviewed_at = now() WHERE id = $1`, [id, reviewer.id]);
      } else if (op < 0.7) {
        const id = await someLink();
        if (id) await ctx.sql(`UPDATE evidence_links SET element_id = $2, alternative = NULL, relation = $3 WHERE id = $1`, [id, pick(elementIds), pick(['supports', 'undermines'])]).catch(() => undefined);
      } else if (op < 0.82) {
        const id = await someLink();
        if (id) await ctx.sql(`DELETE FROM evidence_links WHERE id = $1`, [id]);
      } else if (op < 0.88) {
        await ctx.sql(`UPDATE evidence_links SET probative_value = 1 + (probative_value % 5) WHERE case_id = $1 AND hashtext(id::text || $2) % 3 = 0`, [caseId, String(step)]);
      } else if (op < 0.92) {
        await ctx.sql(`DELETE FROM evidence_links WHERE case_id = $1 AND hashtext(id::text || $2) % 9 = 0`, [caseId, String(step)]);
      } else {
        // Changes inside a transaction that fails leave the aggregates as they were.
        await ctx.sql(`DO $$ BEGIN
            UPDATE evidence_links SET status = 'proposed', reviewed_by = NULL, reviewed_at = NULL WHERE case_id = '${caseId}';
            DELETE FROM evidence_links WHERE case_id = '${caseId}' AND relation = 'context';
            RAISE EXCEPTION 'rolled back on purpose';
          END $$`).catch(() => undefined);
      }
      if (step % 40 === 39) await check(`after step ${step}`);
    }
    // Through the API too: create, change, review, delete.
    const id = await addLink({ itemId: items.D2, elementId: el.get('RS-7-1-h-E1') }, false);
    await http().patch(`/cases/${caseId}/evidence-links/${id}`).set(...as(f.lead.token)).send({ version: 1, probativeValue: 5 }).expect(200);
    await http().post(`/cases/${caseId}/evidence-links/${id}/review`).set(...as(reviewer.token)).send({ version: 2 }).expect(200);
    await check('after API changes');
    await http().delete(`/cases/${caseId}/evidence-links/${id}?version=3`).set(...as(f.lead.token)).expect(204);
    await check('after API delete');
    const count = await ctx.sql<{ n: number }>(`SELECT count(*)::int AS n FROM evidence_links WHERE case_id = $1`, [caseId]);
    expect(count[0].n).toBeGreaterThan(0);
  });

  it('the unfiltered matrix is kept per matrix version: any committed change of links or items (by any process) is served at once, a rolled-back one changes nothing', async () => {
    const version = async () => (await ctx.sql<{ v: string }>(`SELECT version::text AS v FROM case_matrix_versions WHERE case_id = $1`, [caseId]))[0]?.v;
    const strip = (m: MatrixBody) => JSON.stringify({ ...m, generatedAt: undefined });
    // A reviewed link of its own (the random sequence above may leave none reviewed).
    const warCrimeElement = [...el.entries()].find(([code]) => code.startsWith('RS-8-'))?.[1];
    const ownLink = await addLink({ itemId: items.P1, elementId: warCrimeElement });
    const first = await matrix();
    const v1 = await version();
    expect(v1).toBeDefined();
    // A repeated read (served from the kept data) is the same matrix.
    expect(strip(await matrix())).toBe(strip(first));
    expect(await version()).toBe(v1);

    // A change written straight to the database, as another api replica or the worker would.
    await ctx.sql(`UPDATE evidence_links SET status = 'proposed', reviewed_by = NULL, reviewed_at = NULL WHERE id = $1`, [ownLink]);
    expect(BigInt((await version()) as string)).toBeGreaterThan(BigInt(v1 as string));
    const afterUpdate = await matrix();
    expect(afterUpdate.totals.reviewedLinks).toBe(first.totals.reviewedLinks - 1);
    const stored = normalise(await storedAggregates(manager(), caseId, frameworkId));
    expect(stored).toEqual(normalise(await recountAggregates(manager(), caseId, frameworkId)));

    // A new evidence item without links changes the item count.
    await http().post(`/cases/${caseId}/evidence`).set(...as(f.lead.token)).send({ kind: 'physical_item', title: 'Shackles' }).expect(201);
    expect((await matrix()).totals.items).toBe(first.totals.items + 1);

    // A change rolled back leaves the version and the matrix as they were.
    const before = await version();
    const settled = await matrix();
    await ctx.sql(`DO $$ BEGIN
        DELETE FROM evidence_links WHERE case_id = '${caseId}';
        RAISE EXCEPTION 'rolled back on purpose';
      END $$`).catch(() => undefined);
    expect(await version()).toBe(before);
    expect(strip(await matrix())).toBe(strip(settled));

    // Deleting links through SQL (another process) is seen on the next read.
    await ctx.sql(`DELETE FROM evidence_links WHERE id = $1`, [ownLink]);
    expect((await matrix()).totals.links).toBe(settled.totals.links - 1);
  });
});
