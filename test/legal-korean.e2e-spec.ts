import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';

// Issue 16 (reader leftovers) item 4: the seeded Rome Statute shows in Korean wherever it has
// Korean at all — no crime, variant, ground, mode or requirement left in English only (RS-8-2-b-xii
// "Denying quarter" was) — and the standard-of-proof rule the matrix states comes in Korean too.

interface Ko { text: string; confidence: string; note?: string }
interface Alternative { letter: string; text: string; textKo?: Ko | null }
interface Framework {
  id: string; code: string; builtin: boolean; titleKo: Ko | null;
  groups: Array<{ key: string; titleKo: Ko | null }>;
  crimes: Array<{
    code: string; titleKo: Ko | null;
    details: { notes?: Array<{ text: string }>; variants?: Array<{ code: string; titleKo: Ko | null }>; persecutionGrounds?: Array<{ key: string; labelKo: Ko | null }> };
    elements: Array<{ code: string; textKo: Ko | null; alternatives: Alternative[] }>;
  }>;
  modesOfLiability: Array<{ code: string; titleKo: Ko | null; requirements: Array<{ code: string; textKo: Ko | null; alternatives: Alternative[] }> }>;
}

const HANGUL = /[가-힣]/;

/** Of each kind of text, the codes without Korean — where at least one of that kind has Korean. */
function missingKorean(f: Framework): Record<string, string[]> {
  const kinds: Record<string, Array<[string, Ko | null | undefined]>> = {
    'framework title': [[f.code, f.titleKo]],
    'group title': f.groups.map((g) => [g.key, g.titleKo]),
    'crime title': f.crimes.map((c) => [c.code, c.titleKo]),
    'crime variant title': f.crimes.flatMap((c) => (c.details.variants ?? []).map((v): [string, Ko | null] => [v.code, v.titleKo])),
    'persecution ground label': f.crimes.flatMap((c) => (c.details.persecutionGrounds ?? []).map((g): [string, Ko | null] => [`${c.code}/${g.key}`, g.labelKo])),
    'element text': f.crimes.flatMap((c) => c.elements.map((e): [string, Ko | null] => [e.code, e.textKo])),
    'element alternative': f.crimes.flatMap((c) => c.elements.flatMap((e) => e.alternatives.map((a): [string, Ko | null | undefined] => [`${e.code}${a.letter}`, a.textKo]))),
    'mode title': f.modesOfLiability.map((m) => [m.code, m.titleKo]),
    'requirement text': f.modesOfLiability.flatMap((m) => m.requirements.map((r): [string, Ko | null] => [r.code, r.textKo])),
    'requirement alternative': f.modesOfLiability.flatMap((m) => m.requirements.flatMap((r) => r.alternatives.map((a): [string, Ko | null | undefined] => [`${r.code}${a.letter}`, a.textKo]))),
  };
  const out: Record<string, string[]> = {};
  for (const [kind, rows] of Object.entries(kinds)) {
    const has = (k: Ko | null | undefined) => !!k && HANGUL.test(k.text);
    if (!rows.some(([, k]) => has(k))) continue;
    out[kind] = rows.filter(([, k]) => !has(k)).map(([code]) => code);
  }
  return out;
}

describe('Korean text of the seeded Rome Statute and of the standards of proof', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let rome: Framework;

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    const list = await ctx.http().get('/legal/frameworks?code=rome-statute&status=published').set(...bearer(f.lead.token)).expect(200);
    rome = (await ctx.http().get(`/legal/frameworks/${list.body.items[0].id}`).set(...bearer(f.lead.token)).expect(200)).body as Framework;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('every kind of text the built-in framework has in Korean is in Korean everywhere (none left in English only)', () => {
    expect(rome.builtin).toBe(true);
    const missing = missingKorean(rome);
    // The kinds checked: crime titles, their variants and grounds, modes and requirements have Korean.
    expect(Object.keys(missing)).toEqual(expect.arrayContaining(['crime title', 'crime variant title', 'persecution ground label', 'mode title', 'requirement text']));
    for (const [kind, codes] of Object.entries(missing)) expect(codes, kind).toEqual([]);
  });

  it('the checker itself fails on a crime left without Korean', () => {
    const copy = structuredClone(rome);
    copy.crimes[0]!.titleKo = null;
    expect(missingKorean(copy)['crime title']).toEqual([copy.crimes[0]!.code]);
  });

  it('RS-8-2-b-xii "Denying quarter" has its Korean wording, marked as our paraphrase, and no longer the note that it had none', () => {
    const crime = rome.crimes.find((c) => c.code === 'RS-8-2-b-xii')!;
    expect(crime.titleKo).toMatchObject({ text: expect.stringContaining('항복'), confidence: 'U' });
    expect(crime.titleKo!.text).toContain('생존자');
    const notes = (crime.details.notes ?? []).map((n) => n.text).join('\n');
    expect(notes).not.toMatch(/^No Korean title/m);
    expect(notes).toMatch(/paraphrase/);
  });

  it('the standard of proof and the matrix state their rule in English and in Korean', async () => {
    const standard = await ctx.http().get(`/cases/${f.caseId}/matrix/standard-of-proof`).set(...bearer(f.observer.token)).expect(200);
    for (const rule of [standard.body.standard, ...standard.body.available]) {
      expect(rule.rule, rule.code).toMatch(/^[A-Z][a-z]/);
      expect(rule.ruleKo, rule.code).toMatch(HANGUL);
    }
    const matrix = await ctx.http().get(`/cases/${f.caseId}/matrix?frameworkVersionId=${rome.id}&standardOfProof=beyond_reasonable_doubt`).set(...bearer(f.observer.token)).expect(200);
    expect(matrix.body.standardOfProof).toMatchObject({ code: 'beyond_reasonable_doubt', rule: expect.stringContaining('Beyond reasonable doubt'), ruleKo: expect.stringContaining('합리적 의심') });
  });
});
