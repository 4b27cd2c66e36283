import { bearer, createTestContext, TestContext } from './helpers/test-app';

/*
 * Element counts transcribed independently from /work/shared/docs/legal-reference.md (§1.2 table
 * for art. 7, §2 table for art. 6), keyed by the EOC ids the reference uses. Checked here against
 * what the migration stored in the database, not against the seed data.
 */
const ART7_COUNTS: Record<string, number> = {
  '7(1)(a)': 3, '7(1)(b)': 4, '7(1)(c)': 3, '7(1)(d)': 5, '7(1)(e)': 5, '7(1)(f)': 5,
  '7(1)(g)-1': 4, '7(1)(g)-2': 4, '7(1)(g)-3': 4, '7(1)(g)-4': 3, '7(1)(g)-5': 4, '7(1)(g)-6': 5,
  '7(1)(h)': 6, '7(1)(i)': 8, '7(1)(j)': 7, '7(1)(k)': 5,
};
const ART6_COUNTS: Record<string, number> = { '6(a)': 4, '6(b)': 4, '6(c)': 5, '6(d)': 5, '6(e)': 7 };
/** §3: the art. 8 crimes listed in the reference (the three without a count included). */
const ART8_IDS = [
  '8(2)(a)(i)', '8(2)(a)(ii)-1', '8(2)(a)(ii)-2', '8(2)(a)(vi)', '8(2)(a)(vii)-1', '8(2)(a)(vii)-2', '8(2)(b)(i)', '8(2)(b)(ii)', '8(2)(b)(iv)', '8(2)(b)(vi)',
  '8(2)(b)(xii)', '8(2)(b)(xvi)', '8(2)(b)(xxi)', '8(2)(b)(xxv)', '8(2)(b)(xxvi)', '8(2)(e)(vii)', '8(2)(c)(i)-1', '8(2)(c)(i)-4', '8(2)(c)(ii)', '8(2)(c)(iv)',
];
/** §4: art. 25(3)(a)–(f) with the three forms of commission, and art. 28(a) and (b). */
const MODES = ['RS-25-3-a-direct', 'RS-25-3-a-joint', 'RS-25-3-a-indirect', 'RS-25-3-b', 'RS-25-3-c', 'RS-25-3-d', 'RS-25-3-e', 'RS-25-3-f', 'RS-28-a', 'RS-28-b'];

interface ElementBody { id: string; code: string; number: number; kind: string; sharedRef: string | null; alternatives: Array<{ code: string; letter: string }> }
interface CrimeBody { id: string; code: string; referenceId: string; group: string; titleKo: { text: string } | null; elements: ElementBody[]; details: Record<string, unknown>; revision: number }
interface FrameworkBody { id: string; code: string; version: string; status: string; builtin: boolean; revision: number; supersedesId: string | null; crimes: CrimeBody[]; modesOfLiability: Array<{ id: string; code: string; appliesTo: string[] | 'all'; revision: number; requirements: unknown[] }>; sharedRequirements: Array<{ code: string }>; reference: Record<string, unknown> }

describe('legal frameworks', () => {
  let ctx: TestContext;
  let analyst: { id: string; token: string };
  let investigator: { token: string };
  let rome: FrameworkBody;

  beforeAll(async () => {
    ctx = await createTestContext();
    analyst = await ctx.createUser('analyst');
    investigator = await ctx.createUser('investigator');
    const list = await ctx.http().get('/legal/frameworks?builtin=true').set(...bearer(analyst.token)).expect(200);
    expect(list.body.total).toBe(1);
    rome = (await ctx.http().get(`/legal/frameworks/${list.body.items[0].id}`).set(...bearer(investigator.token)).expect(200)).body as FrameworkBody;
  });
  afterAll(async () => { await ctx.close(); });

  it('the migration seeded the Rome Statute 2011 edition as a published, built-in framework', () => {
    expect(rome).toMatchObject({ code: 'rome-statute', version: '2011-icc-ed', status: 'published', builtin: true, supersedesId: null });
    expect(rome.reference).toMatchObject({ instrumentVersions: { statute: 'RS@2011-ICC-ed', elements: 'EOC@2011-ICC-ed' } });
  });

  it('the element count of every art. 6 and art. 7 crime in the database matches the reference table', async () => {
    const rows = await ctx.sql<{ reference_id: string; group_key: string; n: number }>(
      `SELECT c.reference_id, c.group_key, count(e.id)::int AS n
       FROM legal_crimes c JOIN legal_frameworks f ON f.id = c.framework_id LEFT JOIN legal_elements e ON e.crime_id = c.id
       WHERE f.code = 'rome-statute' AND f.version = '2011-icc-ed' GROUP BY c.reference_id, c.group_key`,
    );
    const stored = (group: string) => Object.fromEntries(rows.filter((r) => r.group_key === group).map((r) => [r.reference_id, r.n]));
    expect(stored('crimes-against-humanity')).toEqual(ART7_COUNTS);
    expect(stored('genocide')).toEqual(ART6_COUNTS);
    expect(Object.keys(stored('war-crimes')).sort()).toEqual([...ART8_IDS].sort());
    // Numbering is the EOC's: 1..n with no gaps, in every crime.
    const numbering = await ctx.sql<{ code: string; numbers: number[] }>(
      `SELECT c.code, array_agg(e.number ORDER BY e.number) AS numbers FROM legal_crimes c JOIN legal_elements e ON e.crime_id = c.id
       JOIN legal_frameworks f ON f.id = c.framework_id WHERE f.code = 'rome-statute' GROUP BY c.code`,
    );
    for (const r of numbering) expect(r.numbers, r.code).toEqual(r.numbers.map((_, i) => i + 1));
    // The API serves the same tree.
    const fromApi = Object.fromEntries(rome.crimes.filter((c) => c.group !== 'war-crimes').map((c) => [c.referenceId, c.elements.length]));
    expect(fromApi).toEqual({ ...ART7_COUNTS, ...ART6_COUNTS });
  });

  it('keeps the structure: alternatives, sub-crimes, persecution grounds, contextual elements, Korean labels, modes', () => {
    const crime = (ref: string) => rome.crimes.find((c) => c.referenceId === ref) as CrimeBody;
    const disappearance = crime('7(1)(i)');
    expect(disappearance.elements.slice(0, 3).map((e) => e.alternatives.map((a) => a.code))).toEqual([
      ['RS-7-1-i-E1a', 'RS-7-1-i-E1b'], ['RS-7-1-i-E2a', 'RS-7-1-i-E2b'], ['RS-7-1-i-E3a', 'RS-7-1-i-E3b'],
    ]);
    expect(disappearance.elements.slice(3).every((e) => e.alternatives.length === 0)).toBe(true);
    expect(rome.crimes.filter((c) => c.referenceId.startsWith('7(1)(g)-'))).toHaveLength(6);
    expect((crime('7(1)(h)').details.persecutionGrounds as Array<{ key: string }>).map((g) => g.key)).toEqual(
      ['political', 'racial', 'national', 'ethnic', 'cultural', 'religious', 'gender', 'other-universally-impermissible'],
    );
    for (const c of rome.crimes.filter((x) => x.group === 'crimes-against-humanity')) {
      expect(c.elements.slice(-2).map((e) => [e.kind, e.sharedRef]), c.code).toEqual([['contextual', 'RS-7-CTX-1'], ['contextual', 'RS-7-CTX-2']]);
    }
    expect(new Set(rome.crimes.flatMap((c) => c.elements.map((e) => e.kind)))).toEqual(new Set(['material', 'mental', 'contextual']));
    expect(crime('7(1)(c)').titleKo?.text).toBe('노예화');
    expect(rome.modesOfLiability.map((m) => m.code).sort()).toEqual([...MODES].sort());
    expect(rome.modesOfLiability.find((m) => m.code === 'RS-25-3-e')?.appliesTo).toEqual(['genocide']);
    expect(rome.modesOfLiability.find((m) => m.code === 'RS-28-b')?.requirements).toHaveLength(6);
    expect(rome.sharedRequirements.map((s) => s.code)).toContain('RS-6-GEN-INTENT');
  });

  it('a published version is immutable: every change answers 409, and the database refuses it too', async () => {
    const auth = bearer(analyst.token);
    const crime = rome.crimes[0];
    const body = { code: crime.code, group: crime.group, titleEn: 'Changed', elements: [{ kind: 'material', text: 'x' }], revision: crime.revision };
    const put = await ctx.http().put(`/legal/frameworks/${rome.id}/crimes/${crime.id}`).set(...auth).send(body).expect(409);
    expect(put.body.message).toMatch(/published and cannot change/);
    await ctx.http().post(`/legal/frameworks/${rome.id}/crimes`).set(...auth).send({ code: 'RS-X', group: 'genocide', titleEn: 'x', elements: [{ kind: 'material', text: 'x' }] }).expect(409);
    await ctx.http().delete(`/legal/frameworks/${rome.id}/crimes/${crime.id}?revision=1`).set(...auth).expect(409);
    await ctx.http().post(`/legal/frameworks/${rome.id}/modes`).set(...auth).send({ code: 'RS-M', titleEn: 'x', requirements: [{ kind: 'material', text: 'x' }] }).expect(409);
    await ctx.http().patch(`/legal/frameworks/${rome.id}`).set(...auth).send({ revision: rome.revision, titleEn: 'x' }).expect(409);
    await ctx.http().post(`/legal/frameworks/${rome.id}/publish`).set(...auth).send({ revision: rome.revision }).expect(409);
    await ctx.http().delete(`/legal/frameworks/${rome.id}?revision=${rome.revision}`).set(...auth).expect(409);
    await expect(ctx.sql("UPDATE legal_elements SET text = 'tampered' WHERE code = 'RS-7-1-c-E1'")).rejects.toThrow(/never change/);
    await expect(ctx.sql("UPDATE legal_frameworks SET title_en = 'tampered' WHERE code = 'rome-statute'")).rejects.toThrow(/never changes/);
    await expect(ctx.sql("DELETE FROM legal_frameworks WHERE code = 'rome-statute'")).rejects.toThrow(/never deleted/);
  });

  it('only admins and analysts build frameworks; bad input names the field', async () => {
    await ctx.http().post('/legal/frameworks').set(...bearer(investigator.token)).send({ code: 'x-law', version: '1', titleEn: 'X' }).expect(403);
    await ctx.http().post('/legal/frameworks').send({ code: 'x-law', version: '1', titleEn: 'X' }).expect(401);
    const bad = await ctx.http().post('/legal/frameworks').set(...bearer(analyst.token)).send({ code: 'Bad Code', version: '1', titleEn: 'X', extra: 1 }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'extra']);
    const taken = await ctx.http().post('/legal/frameworks').set(...bearer(analyst.token)).send({ code: 'rome-statute', version: 'mine', titleEn: 'X' }).expect(409);
    expect(taken.body.message).toMatch(/versions/);
    await ctx.http().get('/legal/frameworks?status=bogus').set(...bearer(analyst.token)).expect(400);
  });

  it('an organisation drafts, publishes and versions its own framework', async () => {
    const auth = bearer(analyst.token);
    const created = await ctx.http().post('/legal/frameworks').set(...auth).send({
      code: 'kr-criminal-act', version: '2023', titleEn: 'Criminal Act (Republic of Korea)', titleKo: { text: '형법', confidence: 'U' }, jurisdiction: 'KR',
      groups: [{ key: 'crimes-against-liberty', titleEn: 'Crimes against liberty' }],
      sharedRequirements: [{ code: 'KR-CTX-STATE', kind: 'contextual', text: 'Committed by a public official in the course of duty.' }],
    }).expect(201);
    let draft = created.body as FrameworkBody;
    expect(draft).toMatchObject({ status: 'draft', builtin: false, crimes: [] });

    // Publishing needs at least one crime.
    const empty = await ctx.http().post(`/legal/frameworks/${draft.id}/publish`).set(...auth).send({ revision: draft.revision }).expect(422);
    expect(empty.body.details[0].field).toBe('crimes');
    // References are checked as the draft is built.
    const unknownRef = await ctx.http().post(`/legal/frameworks/${draft.id}/crimes`).set(...auth)
      .send({ code: 'KR-CA-276', group: 'crimes-against-liberty', titleEn: 'Arrest and confinement', elements: [{ kind: 'contextual', text: 'x', sharedRef: 'KR-NOPE' }] }).expect(422);
    expect(unknownRef.body.details[0].field).toBe('crimes[KR-CA-276].elements[0].sharedRef');
    await ctx.http().post(`/legal/frameworks/${draft.id}/crimes`).set(...auth)
      .send({ code: 'KR-CA-276', group: 'no-such-group', titleEn: 'x', elements: [{ kind: 'material', text: 'x' }] }).expect(422);

    draft = (await ctx.http().post(`/legal/frameworks/${draft.id}/crimes`).set(...auth).send({
      code: 'KR-CA-276', referenceId: 'art. 276', group: 'crimes-against-liberty', titleEn: 'Arrest and confinement', titleKo: { text: '체포·감금', confidence: 'U' },
      elements: [
        { kind: 'material', text: 'The person arrested or confined another person.', alternatives: [{ text: 'arrested' }, { text: 'confined' }] },
        { kind: 'mental', text: 'Intentionally.', textKo: { text: '고의로.', confidence: 'U' } },
        { kind: 'contextual', text: 'As an official.', sharedRef: 'KR-CTX-STATE' },
      ],
    }).expect(201)).body as FrameworkBody;
    // Korean element wording where translated, null elsewhere.
    expect(draft.crimes[0].elements.map((e) => (e as unknown as { textKo: unknown }).textKo)).toEqual([null, { text: '고의로.', confidence: 'U' }, null]);
    expect(draft.crimes[0].elements.map((e) => [e.code, e.number])).toEqual([['KR-CA-276-E1', 1], ['KR-CA-276-E2', 2], ['KR-CA-276-E3', 3]]);
    expect(draft.crimes[0].elements[0].alternatives.map((a) => a.code)).toEqual(['KR-CA-276-E1a', 'KR-CA-276-E1b']);
    // A code is used once per version.
    await ctx.http().post(`/legal/frameworks/${draft.id}/modes`).set(...auth).send({ code: 'KR-CA-276', titleEn: 'x', requirements: [{ kind: 'material', text: 'x' }] }).expect(422);
    draft = (await ctx.http().post(`/legal/frameworks/${draft.id}/modes`).set(...auth)
      .send({ code: 'KR-CA-30', articleRef: 'art. 30', titleEn: 'Co-principals', requirements: [{ kind: 'material', text: 'Two or more persons jointly committed the crime.' }] }).expect(201)).body as FrameworkBody;

    // Replacing a crime needs its revision; the draft's revision moves with every change.
    const crime = draft.crimes[0];
    const replaced = await ctx.http().put(`/legal/frameworks/${draft.id}/crimes/${crime.id}`).set(...auth)
      .send({ code: crime.code, group: 'crimes-against-liberty', titleEn: 'Arrest and confinement', elements: [{ kind: 'material', text: 'Arrested or confined.' }, { kind: 'mental', text: 'Intentionally.' }], revision: crime.revision }).expect(200);
    expect(replaced.body.crimes[0]).toMatchObject({ revision: crime.revision + 1 });
    expect(replaced.body.crimes[0].elements).toHaveLength(2);
    await ctx.http().put(`/legal/frameworks/${draft.id}/crimes/${crime.id}`).set(...auth)
      .send({ code: crime.code, group: 'crimes-against-liberty', titleEn: 'Stale', elements: [{ kind: 'material', text: 'x' }], revision: crime.revision }).expect(409);
    await ctx.http().post(`/legal/frameworks/${draft.id}/publish`).set(...auth).send({ revision: draft.revision }).expect(409);

    const published = (await ctx.http().post(`/legal/frameworks/${draft.id}/publish`).set(...auth).send({ revision: replaced.body.revision }).expect(200)).body as FrameworkBody;
    expect(published.status).toBe('published');
    await ctx.http().post(`/legal/frameworks/${draft.id}/crimes`).set(...auth).send({ code: 'KR-CA-277', group: 'crimes-against-liberty', titleEn: 'x', elements: [{ kind: 'material', text: 'x' }] }).expect(409);

    // A new version copies it (same codes), and supersedes it once published.
    const v2 = (await ctx.http().post(`/legal/frameworks/${draft.id}/versions`).set(...auth).send({ version: '2024' }).expect(201)).body as FrameworkBody;
    expect(v2).toMatchObject({ code: 'kr-criminal-act', version: '2024', status: 'draft', supersedesId: draft.id });
    expect(v2.crimes.flatMap((c) => c.elements.map((e) => e.code))).toEqual(published.crimes.flatMap((c) => c.elements.map((e) => e.code)));
    expect(v2.crimes[0].id).not.toBe(published.crimes[0].id);
    expect(v2.modesOfLiability.map((m) => m.code)).toEqual(['KR-CA-30']);
    await ctx.http().post(`/legal/frameworks/${draft.id}/versions`).set(...auth).send({ version: '2024' }).expect(409);
    await ctx.http().post(`/legal/frameworks/${v2.id}/versions`).set(...auth).send({ version: '2025' }).expect(409);
    await ctx.http().post(`/legal/frameworks/${v2.id}/publish`).set(...auth).send({ revision: v2.revision }).expect(200);
    const old = await ctx.http().get(`/legal/frameworks/${draft.id}`).set(...auth).expect(200);
    expect(old.body).toMatchObject({ status: 'superseded' });
    expect(old.body.supersededAt).toEqual(expect.any(String));
    const listed = await ctx.http().get('/legal/frameworks?code=kr-criminal-act&sort=-createdAt').set(...auth).expect(200);
    expect(listed.body.items.map((f: FrameworkBody) => [f.version, f.status])).toEqual([['2024', 'published'], ['2023', 'superseded']]);

    const audit = await ctx.sql<{ action: string; details: Record<string, unknown> }>("SELECT action, details FROM audit_log WHERE action LIKE 'legal.%' ORDER BY seq");
    expect(audit.map((a) => a.action)).toEqual([
      'legal.framework.create', 'legal.crime.add', 'legal.mode.add', 'legal.crime.replace', 'legal.framework.publish', 'legal.framework.new_version', 'legal.framework.publish',
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Arrested or confined/);
  });

  it('a new version of the built-in framework starts as a draft copy; a draft can be deleted', async () => {
    const auth = bearer(analyst.token);
    const draft = (await ctx.http().post(`/legal/frameworks/${rome.id}/versions`).set(...auth).send({ version: '2019-amended' }).expect(201)).body as FrameworkBody;
    expect(draft).toMatchObject({ code: 'rome-statute', builtin: false, status: 'draft', supersedesId: rome.id });
    expect(draft.crimes).toHaveLength(rome.crimes.length);
    expect(draft.crimes.reduce((n, c) => n + c.elements.length, 0)).toBe(rome.crimes.reduce((n, c) => n + c.elements.length, 0));
    await ctx.http().delete(`/legal/frameworks/${draft.id}?revision=${draft.revision + 1}`).set(...auth).expect(409);
    await ctx.http().delete(`/legal/frameworks/${draft.id}?revision=${draft.revision}`).set(...auth).expect(204);
    await ctx.http().get(`/legal/frameworks/${draft.id}`).set(...auth).expect(404);
    const still = await ctx.http().get(`/legal/frameworks/${rome.id}`).set(...auth).expect(200);
    expect(still.body.status).toBe('published');
  });
});
