import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, IDENTIFYING_STRINGS, TRANSCRIPT_TEXT, WITNESS_IDENTITY } from './helpers/case-fixtures';
import { waitFor } from './helpers/wait';
import { romanKey } from '../src/search/search-query';

interface Hit { kind: string; id: string; caseId: string | null; code: string | null; title: string; snippet: string; rank: number; date: { earliest: string | null; latest: string | null } | null; placeId: string | null; violationTypes: string[] }
interface SearchPage { items: Hit[]; limit: number; nextCursor: string | null }

const ENGLISH_TEXT = 'In 1998 the security agents were arresting people in the village near Yoduk. My cousin was taken away at night.';

describe('search: testimonies, incidents, perpetrators and places', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let lead: [string, string];
  let reviewer: { id: string; token: string };
  const ids: Record<string, string> = {};

  const search = async (query: string, token = f.lead.token, path = '/search'): Promise<SearchPage> =>
    (await ctx.http().get(`${path}?${query}`).set(...bearer(token)).expect(200)).body as SearchPage;
  const q = (text: string, extra = '') => `q=${encodeURIComponent(text)}&limit=100${extra}`;
  const refs = (page: SearchPage, kind?: string) => page.items.filter((h) => !kind || h.kind === kind).map((h) => h.id).sort();
  const sorted = (...values: string[]) => [...values].sort();
  const place = async (code: string) => (await ctx.http().get(`/places?code=${code}`).set(...lead).expect(200)).body.items[0].id as string;
  const redact = async (testimonyId: string) => {
    const job = await ctx.http().post(`/cases/${f.caseId}/redactions`).set(...lead).send({ testimonyId, profile: 'internal' }).expect(202);
    await waitFor(async () => (await ctx.http().get(`/jobs/${job.body.id}`).set(...lead)).body.status as string, (s) => s === 'completed' || s === 'failed');
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    lead = bearer(f.lead.token);
    await ctx.startWorker();
    reviewer = await ctx.createUser('reviewer');
    // The reviewer adds a span on approval, which rebuilds the text from the original: identity clearance.
    await ctx.http().put(`/cases/${f.caseId}/members/${reviewer.id}`).set(...lead).send({ role: 'reviewer', identityClearance: true }).expect(200);
    const witness = await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
    const victim = await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'victim' }).expect(201);
    const ko = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({ intervieweeId: witness.body.id, interviewDate: { date: '2024-05-03', precision: 'day' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
    const koTranscript = await ctx.http().post(`/cases/${f.caseId}/testimonies/${ko.body.id}/transcripts`).set(...lead).send({ kind: 'original', language: 'ko', text: TRANSCRIPT_TEXT }).expect(201);
    const en = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({ intervieweeId: victim.body.id, interviewDate: { date: '2019', precision: 'year' }, languages: ['en'], modality: 'phone', riskLevel: 'low' }).expect(201);
    await ctx.http().post(`/cases/${f.caseId}/testimonies/${en.body.id}/transcripts`).set(...lead).send({ kind: 'original', language: 'en', text: ENGLISH_TEXT }).expect(201);
    await redact(ko.body.id);
    await redact(en.body.id);
    const mss = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', name: 'Ministry of State Security', nameHangul: '국가보위성', aliases: ['Bowibu'], unitType: 'security_agency' }).expect(201);
    const guards = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', name: 'Camp 15 guard unit', unitType: 'guard_unit', parentId: mss.body.id }).expect(201);
    const kpa = await ctx.http().post(`/cases/${f.caseId}/perpetrators`).set(...lead).send({ kind: 'unit', name: 'KPA unit 10215', unitType: 'military' }).expect(201);
    Object.assign(ids, {
      ko: ko.body.id, en: en.body.id, koVersion: koTranscript.body.versions[0].id, witnessCode: witness.body.code,
      mss: mss.body.id, guards: guards.body.id, kpa: kpa.body.id,
      camp15: await place('kwanliso-15'), camp25: await place('kwanliso-25'), southHamgyong: await place('KP-08'), yodokCounty: await place('county-yodok'),
    });
    const incident = async (body: Record<string, unknown>) => (await ctx.http().post(`/cases/${f.caseId}/incidents`).set(...lead).send(body).expect(201)).body.id as string;
    ids.beating = await incident({
      title: 'Public beating at the Camp 15 work site', description: 'Prisoners were arrested after an escape attempt at Yodeok and beaten in front of the others.',
      violationTypes: ['torture'], date: { precision: 'month', date: '1997-03' }, placeId: ids.camp15,
      perpetrators: [{ perpetratorId: ids.guards, involvement: 'direct', confidence: 'confirmed' }], sources: [{ testimonyId: ids.ko }],
    });
    ids.labour = await incident({
      title: 'Forced labour in the mine', description: 'Twelve-hour shifts underground with no food.',
      violationTypes: ['forced_labour'], date: { precision: 'year', date: '2005' }, placeId: ids.camp25,
      perpetrators: [{ perpetratorId: ids.kpa, involvement: 'commanded', confidence: 'probable' }], sources: [{ testimonyId: ids.en }],
    });
    ids.arrest = await incident({ title: 'Arrest of a returnee', description: 'The arrest took place at the border crossing.', violationTypes: ['arbitrary_detention'], date: { precision: 'year', date: '2010' } });
    // Evidence: a passage of the Korean testimony and the labour incident, linked to two elements.
    const frameworks = await ctx.http().get('/legal/frameworks?code=rome-statute&status=published').set(...lead).expect(200);
    const frameworkVersionId = frameworks.body.items[0].id as string;
    const tree = await ctx.http().get(`/legal/frameworks/${frameworkVersionId}`).set(...lead).expect(200);
    ids.element = tree.body.crimes[0].elements[0].id;
    ids.otherElement = tree.body.crimes[0].elements[1].id;
    const item = await ctx.http().post(`/cases/${f.caseId}/evidence`).set(...lead).send({ kind: 'transcript_passage', title: 'Passage', passage: { transcriptVersionId: ids.koVersion, start: 0, end: 12 } }).expect(201);
    const link = { frameworkVersionId, relation: 'supports', probativeValue: 3, sourceReliability: 'B', informationCredibility: 2 };
    await ctx.http().post(`/cases/${f.caseId}/evidence-links`).set(...lead).send({ ...link, itemId: item.body.id, elementId: ids.element }).expect(201);
    await ctx.http().post(`/cases/${f.caseId}/evidence-links`).set(...lead).send({ ...link, itemId: item.body.id, elementId: ids.otherElement, incidentId: ids.labour }).expect(201);
    // A second case the investigator is not a member of, with a matching incident.
    const other = await ctx.http().post('/cases').set(...bearer(f.outsider.token)).send({ title: 'Other case' }).expect(201);
    ids.otherCase = other.body.id;
    ids.otherIncident = (await ctx.http().post(`/cases/${ids.otherCase}/incidents`).set(...bearer(f.outsider.token)).send({ title: 'Arrest at Yodok', violationTypes: ['arbitrary_detention'], date: { precision: 'year', date: '2001' } }).expect(201)).body.id;
  }, 60_000);
  afterAll(async () => { await ctx.close(); });

  describe('matching', () => {
    it('Korean matches substrings: 요덕 finds 요덕수용소에서, and so does a syllable pair inside a word', async () => {
      const page = await search(q('요덕'));
      expect(refs(page, 'testimony')).toContain(ids.ko);
      const hit = page.items.find((h) => h.id === ids.ko) as Hit;
      expect(hit).toMatchObject({ kind: 'testimony', caseId: f.caseId, code: ids.witnessCode, title: `Testimony ${ids.witnessCode}` });
      expect(hit.snippet).toContain('<mark>요덕</mark>수용소에서');
      expect(refs(await search(q('수용소')), 'testimony')).toEqual([ids.ko]);
      expect(refs(await search(q('용소에')), 'testimony')).toEqual([ids.ko]);
      // Bigrams that occur apart are not a substring.
      expect(refs(await search(q('요덕노동')), 'testimony')).toEqual([]);
    });

    it('English is stemmed: arrested finds arrest and arresting', async () => {
      const page = await search(q('arrested'));
      expect(refs(page)).toEqual(sorted(ids.beating, ids.arrest, ids.en));
      const snippets = Object.fromEntries(page.items.map((h) => [h.id, h.snippet]));
      expect(snippets[ids.en]).toContain('<mark>arresting</mark>');
      expect(snippets[ids.arrest]).toContain('<mark>arrest</mark>');
      expect(snippets[ids.beating]).toContain('<mark>arrested</mark>');
    });

    it('romanised names match every spelling the gazetteer knows, and Hangul: Yodok, Yoduk, Yodeok, 요덕', async () => {
      const expected = sorted(ids.beating, ids.en, ids.ko);
      for (const spelling of ['Yodok', 'yoduk', 'Yodeok', 'Yodŏk', '요덕']) {
        const page = await search(q(spelling, '&kind=testimony,incident'));
        expect(refs(page), spelling).toEqual(expected);
      }
      const places = await search(q('Yoduk', '&kind=place'));
      expect(refs(places)).toEqual(expect.arrayContaining([ids.camp15, ids.yodokCounty]));
      const en = (await search(q('요덕'))).items.find((h) => h.id === ids.en) as Hit;
      expect(en.snippet).toContain('<mark>Yoduk</mark>');
    });

    it('perpetrator names, Hangul names and aliases; units through their romanised aliases', async () => {
      expect(refs(await search(q('Bowibu')), 'perpetrator')).toEqual([ids.mss]);
      expect(refs(await search(q('보위')), 'perpetrator')).toEqual([ids.mss]);
      expect(refs(await search(q('"state security"')), 'perpetrator')).toEqual([ids.mss]);
      expect(refs(await search(q('guard unit')), 'perpetrator')).toEqual([ids.guards]);
    });

    it('phrases keep word order; all words must match', async () => {
      expect(refs(await search(q('"escape attempt"')))).toEqual([ids.beating]);
      expect(refs(await search(q('"attempt escape"')))).toEqual([]);
      expect(refs(await search(q('arrest border')))).toEqual([ids.arrest]);
    });

    it('ranks the best match first: a title hit over a passing mention', async () => {
      const page = await search(q('arrest'));
      expect(page.items[0].id).toBe(ids.arrest);
      const ranks = page.items.map((h) => h.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    });

    it('escapes HTML in snippets', async () => {
      const id = (await ctx.http().post(`/cases/${f.caseId}/incidents`).set(...lead).send({ title: 'Markup test', description: '<script>alert(1)</script> guards & "tortured" prisoners', violationTypes: ['torture'], date: { precision: 'unknown' } }).expect(201)).body.id as string;
      const hit = (await search(q('tortured'))).items.find((h) => h.id === id) as Hit;
      expect(hit.snippet).toBe('&lt;script&gt;alert(1)&lt;/script&gt; guards &amp; &quot;<mark>tortured</mark>&quot; prisoners');
    });
  });

  describe('filters', () => {
    it('case: only the caller’s cases, and one case when asked', async () => {
      expect(refs(await search(q('arrest', '&kind=incident')))).not.toContain(ids.otherIncident);
      expect(refs(await search(q('arrest', '&kind=incident'), f.outsider.token))).toEqual([ids.otherIncident]);
      expect(refs(await search(q('arrest', `&kind=incident&caseId=${ids.otherCase}`), f.outsider.token))).toEqual([ids.otherIncident]);
      await ctx.http().get(`/search?${q('arrest', `&caseId=${ids.otherCase}`)}`).set(...lead).expect(404);
      expect(refs(await search(q('arrest', '&kind=incident'), f.lead.token, `/cases/${f.caseId}/search`))).toEqual(sorted(ids.beating, ids.arrest));
      await ctx.http().get(`/cases/${ids.otherCase}/search?${q('arrest')}`).set(...lead).expect(404);
    });

    it('date range: incidents by when they happened, testimonies by interview date', async () => {
      expect(refs(await search(q('arrest', '&dateFrom=1997&dateTo=2000')))).toEqual([ids.beating]);
      expect(refs(await search(q('arrest', '&dateFrom=2009-06')))).toEqual(sorted(ids.arrest, ids.en));
      expect(refs(await search(q('Yodok', '&kind=testimony&dateTo=2020')))).toEqual([ids.en]);
    });

    it('place with its descendants (testimonies through the incidents they report)', async () => {
      for (const placeId of [ids.camp15, ids.yodokCounty, ids.southHamgyong]) {
        expect(refs(await search(q('요덕', `&placeId=${placeId}&kind=testimony,incident`)))).toEqual(sorted(ids.beating, ids.ko));
      }
      expect(refs(await search(q('요덕', `&placeId=${ids.camp25}&kind=testimony,incident`)))).toEqual([ids.en]);
    });

    it('violation type', async () => {
      expect(refs(await search(q('arrest', '&violationType=arbitrary_detention')))).toEqual([ids.arrest]);
      expect(refs(await search(q('Yodok', '&violationType=torture')))).toEqual(sorted(ids.beating, ids.ko));
    });

    it('crime element, through evidence links', async () => {
      expect(refs(await search(q('요덕', `&elementId=${ids.element}`)))).toEqual([ids.ko]);
      expect(refs(await search(q('mine', `&elementId=${ids.otherElement}`)))).toEqual([ids.labour]);
      expect(refs(await search(q('mine', `&elementId=${ids.element}`)))).toEqual([]);
    });

    it('perpetrator with its sub-units, or alone', async () => {
      expect(refs(await search(q('Yodok', `&perpetratorId=${ids.mss}`)))).toEqual(sorted(ids.beating, ids.ko));
      expect(refs(await search(q('Yodok', `&perpetratorId=${ids.mss}&includeSubUnits=false`)))).toEqual([]);
      expect(refs(await search(q('unit', `&perpetratorId=${ids.mss}&kind=perpetrator`)))).toEqual([ids.guards]);
    });

    it('bad input gets a 400 naming the field', async () => {
      const bad = async (query: string, field: string) => {
        const res = await ctx.http().get(`/search?${query}`).set(...lead).expect(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      };
      await bad('limit=5', 'q');
      await bad('q=%20%20', 'q');
      await bad(q('x', '&cursor=nope'), 'cursor');
      await bad(q('x', '&kind=people'), 'kind');
      await bad(q('x', '&dateFrom=1997-13-99x'), 'dateFrom');
      await bad(q('x', '&placeId=00000000-0000-4000-8000-000000000000'), 'placeId');
      await bad(q('x', `&perpetratorId=${ids.camp15}`), 'perpetratorId');
      await bad(q('x', `&elementId=${ids.camp15}`), 'elementId');
      await bad(q('x', '&dateFrom=2001&dateTo=2000'), 'dateTo');
      await ctx.http().get(`/search?${q('x')}`).expect(401);
    });
  });

  it('cursor pagination walks every hit once, best first', async () => {
    const all = await search(q('Yodok'));
    expect(all.items.length).toBeGreaterThan(3);
    const walked: Hit[] = [];
    let cursor: string | null = null;
    do {
      const page: SearchPage = await search(`q=Yodok&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      walked.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked.map((h) => h.id)).toEqual(all.items.map((h) => h.id));
  });

  it('keeps the index current: incident edits, and the approved redaction over the proposed one', async () => {
    const current = (await ctx.http().get(`/cases/${f.caseId}/incidents/${ids.arrest}`).set(...lead).expect(200)).body;
    await ctx.http().patch(`/cases/${f.caseId}/incidents/${ids.arrest}`).set(...lead).send({ version: current.version, title: 'Detention of a repatriated woman' }).expect(200);
    expect(refs(await search(q('repatriated')))).toEqual([ids.arrest]);
    expect(refs(await search(q('returnee')))).toEqual([]);

    expect(refs(await search(q('강제노동')))).toEqual([ids.ko]);
    const list = (await ctx.http().get(`/cases/${f.caseId}/redactions?testimonyId=${ids.ko}`).set(...lead).expect(200)).body;
    const detail = (await ctx.http().get(`/cases/${f.caseId}/redactions/${list.items[0].id}`).set(...lead).expect(200)).body;
    const at = TRANSCRIPT_TEXT.indexOf('강제노동');
    await ctx.http().post(`/cases/${f.caseId}/redactions/${detail.id}/approve`).set(...bearer(reviewer.token)).send({ version: detail.version, addSpans: [{ start: at, end: at + 4, category: 'phone' }] }).expect(200);
    expect(refs(await search(q('강제노동')))).toEqual([]);
    expect(refs(await search(q('요덕')), 'testimony')).toContain(ids.ko);
  });

  it('the database’s romanisation key (index side) equals the query side’s for every gazetteer spelling', async () => {
    const words = (await ctx.sql<{ w: string }>(`SELECT DISTINCT w FROM place_names, regexp_split_to_table(name, '[\\s()/,.;]+') w WHERE w ~ '^[A-Z]'`)).map((r) => r.w);
    expect(words.length).toBeGreaterThan(50);
    const keys = await ctx.sql<{ w: string; k: string }>('SELECT w, search_roman_key(w) AS k FROM unnest($1::text[]) w', [words]);
    for (const { w, k } of keys) expect(k, w).toBe(romanKey(w) ?? k);
  });

  it('logs hold neither the query nor any text', () => {
    for (const line of ctx.logs) for (const s of ['김철수', 'escape attempt', 'Bowibu', '강제노동']) expect(line).not.toContain(s);
  });

  it('never shows an identity or raw transcript text to anyone, cleared or not', async () => {
    // The index holds only redacted text: even the cleared lead finds the witness by pseudonym, not by name.
    for (const token of [f.investigator.token, f.observer.token, reviewer.token, f.lead.token]) {
      for (const text of ['김철수', 'Kim Chol-su', '김영희', 'Chol-su Aba', '010-1234-5678', '저는', '요덕', 'Yodok', ids.witnessCode]) {
        for (const path of ['/search', `/cases/${f.caseId}/search`]) {
          const res = await ctx.http().get(`${path}?q=${encodeURIComponent(text)}&limit=100`).set(...bearer(token)).expect(200);
          const body = JSON.stringify(res.body);
          for (const s of IDENTIFYING_STRINGS) expect(body, `${path} ${text}`).not.toContain(s);
        }
      }
    }
    expect((await search(q('김철수'), f.investigator.token)).items).toEqual([]);
    const byCode = await search(q(ids.witnessCode), f.investigator.token);
    expect(refs(byCode, 'testimony')).toEqual([ids.ko]);
    expect(byCode.items[0].snippet).toContain(`<mark>${ids.witnessCode}</mark>`);
  });
});
