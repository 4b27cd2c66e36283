import type { Browser, Page } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { waitFor } from '../helpers/wait';
import { expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr, type Lang } from './support/browser';
import { addMember, createCase, createUser, startWebApp, type TestUser, type WebApp } from './support/web-app';

// Issue 16, items 3, 5 and 7: incidents with the place picker, perpetrators and the timeline;
// redaction review by a cleared and an uncleared reviewer; search in any spelling.

/** The witness's registered name (redacted by the engine); a name nobody registered (missed); a custom term that should not have been redacted. */
const WITNESS = '김철수';
const MISSED = '박순이';
const WRONG = '강제노동';
const TEXT = `저는 ${WITNESS}입니다. 1997년에 요덕수용소에서 ${MISSED}와 함께 ${WRONG}을 했습니다. 보위원들이 밤마다 때렸습니다.`;

async function shoot(page: Page, name: string, lang: Lang) {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name, lang);
}

/** A field's accessible name: its label, with the asterisk of a required field. */
const named = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

/** Picks `option` in a Mantine MultiSelect or Select labelled `label`. */
async function choose(page: Page, label: string, option: string | RegExp, typed?: string) {
  const input = page.getByRole('textbox', { name: named(label) }).or(page.getByRole('combobox', { name: named(label) })).first();
  await input.click();
  if (typed !== undefined) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

interface Seeded {
  lead: TestUser;
  cleared: TestUser;
  uncleared: TestUser;
  caseId: string;
  testimonyId: string;
  witnessCode: string;
  redactions: { un: string; internal: string };
  units: { mss: string; guards: string };
}

describe('incidents, perpetrators, redaction review and search', () => {
  let web: WebApp;
  let browser: Browser;
  beforeAll(async () => {
    web = await startWebApp();
    await web.ctx.startWorker();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function seed(lang: Lang): Promise<Seeded> {
    const lead = await createUser(web, 'investigator', lang === 'ko' ? '이조사' : 'Lee Lead');
    const cleared = await createUser(web, 'reviewer', lang === 'ko' ? '정검토' : 'Cleo Cleared');
    const uncleared = await createUser(web, 'reviewer', lang === 'ko' ? '한검토' : 'Una Uncleared');
    const caseId = await createCase(web, lead, lang === 'ko' ? '요덕 수용소 사안' : 'Yodok camp case');
    await addMember(web, caseId, lead, cleared, 'reviewer', true);
    await addMember(web, caseId, lead, uncleared, 'reviewer', false);
    const as = bearer(lead.token);
    const http = () => web.ctx.http();
    const witness = await http().post(`/cases/${caseId}/people`).set(...as).send({ kind: 'witness', identity: { namesHangul: [WITNESS], namesRomanised: ['Kim Chol-su'] } }).expect(201);
    const testimony = await http().post(`/cases/${caseId}/testimonies`).set(...as).send({
      intervieweeId: witness.body.id, interviewDate: { date: '2024-05-03', precision: 'day' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high',
      consent: { purposes: ['internal_analysis', 'share_un_mechanisms'], anonymityRequired: true, identityDisclosureAllowed: false, noDeathPenaltyProceedings: true, recontactAllowed: false, method: 'signed_form', takenBy: lead.id, takenAt: '2024-05-03T09:00:00Z' },
    }).expect(201);
    await http().post(`/cases/${caseId}/testimonies/${testimony.body.id}/transcripts`).set(...as).send({ kind: 'original', language: 'ko', text: TEXT }).expect(201);
    // A case term that catches words it should not (the reviewer removes that span).
    await http().post(`/cases/${caseId}/redaction-terms`).set(...as).send({ term: WRONG, category: 'custom' }).expect(201);
    const redactions = { un: '', internal: '' };
    for (const profile of ['un', 'internal'] as const) {
      const job = await http().post(`/cases/${caseId}/redactions`).set(...as).send({ testimonyId: testimony.body.id, profile }).expect(202);
      const done = await waitFor(async () => (await http().get(`/jobs/${job.body.id}`).set(...as)).body, (j) => j.status === 'completed' || j.status === 'failed', 60_000);
      expect(done.status).toBe('completed');
      redactions[profile] = (await http().get(`/cases/${caseId}/redactions?profile=${profile}`).set(...as).expect(200)).body.items[0].id;
    }
    const mss = await http().post(`/cases/${caseId}/perpetrators`).set(...as).send({ kind: 'unit', name: 'Ministry of State Security', nameHangul: '국가보위성', unitType: 'security_agency' }).expect(201);
    const guards = await http().post(`/cases/${caseId}/perpetrators`).set(...as).send({ kind: 'unit', name: 'Camp 15 guard unit', nameHangul: '15호 관리소 경비대', unitType: 'guard_unit', parentId: mss.body.id }).expect(201);
    return { lead, cleared, uncleared, caseId, testimonyId: testimony.body.id, witnessCode: witness.body.code, redactions, units: { mss: mss.body.id, guards: guards.body.id } };
  }

  for (const lang of ['ko', 'en'] as const) {
    it(`[${lang}] an analyst records an incident at a place typed "Yoduk", sees it on the timeline and under its unit, and search finds it by 요덕 and by Yodok`, async () => {
      const s = await seed(lang);
      const page = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(page, lang, s.lead, `/app/cases/${s.caseId}/incidents`);
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.incidents') }).waitFor();
      await page.getByText(tr(lang, 'incidents.none')).waitFor();
      await page.getByRole('link', { name: tr(lang, 'incidents.new') }).click();

      // Submitting empty names the missing fields.
      await page.getByRole('button', { name: tr(lang, 'incidents.form.create') }).click();
      await page.getByText(tr(lang, 'incidents.form.titleRequired')).waitFor();
      await page.getByText(tr(lang, 'incidents.form.typesRequired')).waitFor();

      const title = lang === 'ko' ? '채석장 강제노동 중 구타' : 'Beatings during forced labour at the quarry';
      await page.getByRole('textbox', { name: named(tr(lang, 'incidents.fields.title')) }).fill(title);
      // The text is searched (in any spelling); the place is a filter.
      await page.getByRole('textbox', { name: named(tr(lang, 'incidents.fields.description')) }).fill(lang === 'ko' ? '요덕수용소 채석장에서 경비대원들이 작업반을 구타했다.' : 'Guards beat the work team at the quarry of Yoduk camp.');
      await choose(page, tr(lang, 'incidents.fields.violationTypes'), lang === 'ko' ? '강제노동' : 'Forced labour');
      await choose(page, tr(lang, 'incidents.fields.violationTypes'), lang === 'ko' ? '고문' : 'Torture');
      await page.keyboard.press('Escape');
      // A range: 1997 to June 1998; a malformed end is refused in words first.
      await page.getByLabel(tr(lang, 'incidents.date.precision'), { exact: true }).selectOption('range');
      await page.getByLabel(tr(lang, 'incidents.date.from'), { exact: true }).fill('1997');
      await page.getByLabel(tr(lang, 'incidents.date.to'), { exact: true }).fill('1998/06');
      await page.getByRole('button', { name: tr(lang, 'incidents.form.create') }).click();
      await page.getByText(tr(lang, 'incidents.date.partialFormat')).waitFor();
      await page.getByLabel(tr(lang, 'incidents.date.to'), { exact: true }).fill('1998-06');
      // The place, typed in another romanisation than the gazetteer's.
      await choose(page, tr(lang, 'incidents.fields.place'), /^Camp 15 \(Yodok\)/, 'Yoduk');
      await choose(page, tr(lang, 'incidents.fields.victims'), new RegExp(`^${s.witnessCode}`));
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: tr(lang, 'incidents.form.addPerpetrator') }).click();
      await choose(page, tr(lang, 'incidents.form.perpetratorN', { n: '1' }), /Camp 15 guard unit/);
      await page.getByLabel(tr(lang, 'incidents.form.involvementN', { n: '1' }), { exact: true }).selectOption('direct');
      await page.getByLabel(tr(lang, 'incidents.form.confidenceN', { n: '1' }), { exact: true }).selectOption('confirmed');
      await choose(page, tr(lang, 'incidents.fields.sources'), new RegExp(s.witnessCode));
      await page.keyboard.press('Escape');
      await expectAccessible(page);
      await shoot(page, 'incident-form', lang);
      await page.getByRole('button', { name: tr(lang, 'incidents.form.create') }).click();

      // The detail page: the range shows as a range, the gazetteer place, the unit with involvement and confidence, the source.
      await page.getByRole('heading', { level: 2, name: new RegExp(title) }).waitFor();
      const dateText = await page.getByTestId('incident-date').textContent();
      const expectedRange = tr(lang, 'incidents.date.rangeValue', {
        from: new Intl.DateTimeFormat(lang, { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(1997, 0, 1)),
        to: new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(1998, 5, 1)),
      });
      expect(dateText).toBe(expectedRange);
      expect(await page.getByTestId('incident-place').textContent()).toBe('Camp 15 (Yodok)');
      const perps = page.getByRole('table', { name: tr(lang, 'incidents.fields.perpetrators') });
      await perps.getByRole('cell', { name: tr(lang, 'incidents.involvements.direct') }).waitFor();
      await perps.getByRole('cell', { name: tr(lang, 'incidents.confidences.confirmed') }).waitFor();
      await page.getByRole('link', { name: tr(lang, 'incidents.testimonyOf', { code: s.witnessCode }) }).waitFor();
      await page.getByRole('link', { name: s.witnessCode, exact: true }).waitFor();
      await expectAccessible(page);
      await shoot(page, 'incident', lang);
      const [stored] = (await web.ctx.http().get(`/cases/${s.caseId}/incidents`).set(...bearer(s.lead.token)).expect(200)).body.items;
      expect(stored).toMatchObject({ title, violationTypes: ['forced_labour', 'torture'], date: { precision: 'range', from: '1997', to: '1998-06' }, place: { code: 'kwanliso-15' } });
      expect(stored.perpetrators).toEqual([expect.objectContaining({ involvement: 'direct', confidence: 'confirmed', perpetrator: expect.objectContaining({ id: s.units.guards }) })]);
      expect(stored.sources).toEqual([expect.objectContaining({ testimonyId: s.testimonyId })]);

      // A second incident on a single day, then the case's timeline: oldest first, the range as a range.
      await web.ctx.http().post(`/cases/${s.caseId}/incidents`).set(...bearer(s.lead.token)).send({ title: lang === 'ko' ? '요덕 도착' : 'Arrival at Yodok', violationTypes: ['arbitrary_detention'], date: { precision: 'day', date: '1996-11-02' } }).expect(201);
      await page.getByRole('link', { name: tr(lang, 'incidents.backToList') }).click();
      await page.getByText(tr(lang, 'incidents.views.timeline'), { exact: true }).click();
      const dates = page.getByTestId('timeline-date');
      await expect.poll(() => dates.allTextContents()).toEqual([new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(1996, 10, 2)), expectedRange]);
      await expectAccessible(page);
      await shoot(page, 'incident-timeline', lang);

      // The unit tree: the guard unit under the ministry; its page lists the incident.
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.perpetrators') }).click();
      const tree = page.getByRole('tree', { name: tr(lang, 'perpetrators.unitTree') });
      await tree.getByRole('treeitem', { name: /Ministry of State Security/ }).getByRole('treeitem', { name: /Camp 15 guard unit/ }).waitFor();
      await expectAccessible(page);
      await shoot(page, 'perpetrators', lang);
      await tree.getByRole('link', { name: 'Camp 15 guard unit' }).click();
      await page.getByRole('navigation', { name: tr(lang, 'perpetrators.chain') }).getByRole('link', { name: 'Ministry of State Security' }).waitFor();
      await page.getByRole('link', { name: new RegExp(title) }).waitFor();

      // Search: one box, any spelling; the result opens the incident.
      await page.getByRole('link', { name: tr(lang, 'nav.search') }).click();
      for (const q of ['요덕', 'Yodok']) {
        await page.getByLabel(tr(lang, 'search.box'), { exact: true }).fill(q);
        await page.getByRole('button', { name: tr(lang, 'search.go'), exact: true }).click();
        await page.getByRole('link', { name: new RegExp(title) }).waitFor();
      }
      // A filter narrows: only incidents of forced labour; the arrival (arbitrary detention) is gone.
      await page.getByRole('checkbox', { name: tr(lang, 'search.kindNames.incident') }).check();
      await choose(page, tr(lang, 'search.violationType'), lang === 'ko' ? '강제노동' : 'Forced labour');
      await expect.poll(() => page.getByTestId('search-hit').count()).toBe(1);
      await page.getByTestId('search-hit').locator('mark').first().waitFor();
      await expectAccessible(page);
      await shoot(page, 'search', lang);
      await page.getByRole('link', { name: new RegExp(title) }).click();
      await page.getByTestId('incident-date').waitFor();
      expect(page.url()).toContain(`/cases/${s.caseId}/incidents/${stored.id}`);
    }, 180_000);

    it(`[${lang}] a cleared reviewer removes a wrong span and adds a missed name by selecting it; an uncleared reviewer sees the proposal only, sends it back and approves — and never receives the original`, async () => {
      const s = await seed(lang);
      const before = (await web.ctx.http().get(`/cases/${s.caseId}/redactions/${s.redactions.un}`).set(...bearer(s.cleared.token)).expect(200)).body;
      // The premise: the name is caught, the custom term is (wrongly) caught, the other name is missed.
      expect(before.text).not.toContain(WITNESS);
      expect(before.text).not.toContain(WRONG);
      expect(before.text).toContain(MISSED);

      // 1. The cleared reviewer.
      const page = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(page, lang, s.cleared, `/app/cases/${s.caseId}/redactions`);
      await page.getByRole('table', { name: tr(lang, 'redactions.listLabel') }).waitFor();
      await page.getByRole('row', { name: new RegExp(tr(lang, 'transcripts.redaction.profiles.un')) }).getByRole('link', { name: tr(lang, 'redactions.review') }).click();
      const original = page.getByTestId('original-text');
      await original.waitFor();
      expect(await original.textContent()).toBe(TEXT);
      // Every span highlighted in the proposal, by category.
      const proposal = page.getByTestId('proposal-text');
      expect(await proposal.textContent()).toBe(before.text);
      expect(await proposal.locator('mark[data-category="person"]').count()).toBeGreaterThanOrEqual(1);
      expect(await proposal.locator('mark[data-category="custom"]').count()).toBe(1);
      await expectAccessible(page);
      await shoot(page, 'redaction-review-cleared', lang);

      // Remove the wrong span by clicking it.
      const wrongSpan = page.getByRole('button', { name: tr(lang, 'redactions.span', { category: tr(lang, 'redactions.categories.custom'), text: WRONG }) });
      await wrongSpan.click();
      expect(await wrongSpan.getAttribute('aria-pressed')).toBe('true');
      // Add the missed name by selecting it in the original.
      // A string, not a function: the api's tsconfig has no DOM types.
      await page.evaluate(`(() => {
        const name = ${JSON.stringify(MISSED)};
        const pre = document.querySelector('[data-testid="original-text"]');
        const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.indexOf(name);
          if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + name.length);
            document.getSelection().removeAllRanges();
            document.getSelection().addRange(range);
            return;
          }
        }
        throw new Error('name not in the original');
      })()`);
      await page.getByText(tr(lang, 'redactions.selected', { text: MISSED })).waitFor();
      await page.getByLabel(tr(lang, 'redactions.category'), { exact: true }).selectOption('person');
      await page.getByRole('button', { name: tr(lang, 'redactions.redactSelection') }).click();
      await page.getByRole('button', { name: tr(lang, 'redactions.undoAdded', { category: tr(lang, 'redactions.categories.person'), text: MISSED }) }).waitFor();
      const preview = await page.getByTestId('preview-text').textContent();
      expect(preview).toContain(WRONG);
      expect(preview).not.toContain(MISSED);
      await expectAccessible(page);
      await shoot(page, 'redaction-review-changes', lang);
      await page.getByRole('button', { name: tr(lang, 'redactions.approveWithChanges') }).click();
      await expect.poll(() => page.getByTestId('redaction-status').textContent()).toBe(tr(lang, 'transcripts.redaction.statuses.approved'));

      // The approved text has both changes (from the API), and it is what the page shows.
      const approved = (await web.ctx.http().get(`/cases/${s.caseId}/redactions/${s.redactions.un}`).set(...bearer(s.lead.token)).expect(200)).body;
      expect(approved.status).toBe('approved');
      expect(approved.text).toContain(WRONG);
      expect(approved.text).not.toContain(MISSED);
      expect(approved.text).not.toContain(WITNESS);
      expect(approved.reviewChanges).toMatchObject({ removed: [expect.objectContaining({ category: 'custom' })], added: [expect.objectContaining({ category: 'person', start: TEXT.indexOf(MISSED), end: TEXT.indexOf(MISSED) + MISSED.length })] });
      expect(await proposal.textContent()).toBe(approved.text);

      // 2. The uncleared reviewer: every response body the browser receives is recorded.
      const context = await newContext(browser, web, lang);
      const received: Promise<{ url: string; body: string }>[] = [];
      context.on('response', (res) => {
        received.push(res.body().then((b) => ({ url: res.url(), body: b.toString('utf8') }), () => ({ url: res.url(), body: '' })));
      });
      const upage = await context.newPage();
      await signInThroughUi(upage, lang, s.uncleared, `/app/cases/${s.caseId}/redactions`);
      await upage.getByRole('row', { name: new RegExp(tr(lang, 'transcripts.redaction.profiles.internal')) }).getByRole('link', { name: tr(lang, 'redactions.review') }).click();
      const uproposal = upage.getByTestId('proposal-text');
      await uproposal.waitFor();
      await upage.getByText(tr(lang, 'redactions.unclearedHelp')).waitFor();
      expect(await upage.getByTestId('original-text').count()).toBe(0);
      expect(await upage.getByRole('button', { name: tr(lang, 'redactions.redactSelection') }).count()).toBe(0);
      expect(await uproposal.locator('mark[data-category="person"]').count()).toBeGreaterThanOrEqual(1);
      await expectAccessible(upage);
      await shoot(upage, 'redaction-review-uncleared', lang);
      // Send back without a comment: refused in words; with one: sent back, the comment listed.
      await upage.getByRole('button', { name: tr(lang, 'redactions.sendBack') }).click();
      await upage.getByText(tr(lang, 'redactions.commentRequired')).waitFor();
      const comment = lang === 'ko' ? '세 번째 문장의 사람 이름을 확인해 주세요.' : 'Please check the person named in the second sentence.';
      await upage.getByLabel(tr(lang, 'redactions.comment'), { exact: true }).fill(comment);
      await upage.getByRole('button', { name: tr(lang, 'redactions.sendBack') }).click();
      await expect.poll(() => upage.getByTestId('redaction-status').textContent()).toBe(tr(lang, 'transcripts.redaction.statuses.returned'));
      await upage.getByText(comment).waitFor();
      // Then approves it as it is.
      await upage.getByRole('button', { name: tr(lang, 'redactions.approve'), exact: true }).click();
      await expect.poll(() => upage.getByTestId('redaction-status').textContent()).toBe(tr(lang, 'transcripts.redaction.statuses.approved'));
      // Search switched on for the case offers no raw search to the uncleared.
      await upage.getByRole('link', { name: tr(lang, 'nav.search') }).click();
      await choose(upage, tr(lang, 'search.case'), lang === 'ko' ? '요덕 수용소 사안' : 'Yodok camp case');
      expect(await upage.getByRole('switch', { name: tr(lang, 'search.rawSwitch') }).count()).toBe(0);
      await upage.getByLabel(tr(lang, 'search.box'), { exact: true }).fill('요덕');
      await upage.getByRole('button', { name: tr(lang, 'search.go'), exact: true }).click();
      await upage.getByTestId('search-hit').first().waitFor();

      const bodies = await Promise.all(received);
      expect(bodies.length).toBeGreaterThan(5);
      for (const { url, body } of bodies) {
        expect(body.includes(WITNESS), `${url} carried the witness's name`).toBe(false);
        expect(body.includes('Kim Chol-su'), `${url} carried the witness's romanised name`).toBe(false);
        expect(body.includes(TEXT.slice(0, 20)), `${url} carried the original text`).toBe(false);
        expect(url).not.toMatch(/\/transcripts\/[^/]+\/versions\/\d+/);
        expect(url).not.toMatch(/\/search\/raw/);
      }
      await context.close();

      // 3. The cleared reviewer's raw search of the case finds the witness's name in the original (audited).
      await page.getByRole('link', { name: tr(lang, 'nav.search') }).click();
      await choose(page, tr(lang, 'search.case'), lang === 'ko' ? '요덕 수용소 사안' : 'Yodok camp case');
      await page.getByRole('switch', { name: tr(lang, 'search.rawSwitch') }).check({ force: true });
      await page.getByLabel(tr(lang, 'search.box'), { exact: true }).fill(WITNESS);
      await page.getByRole('button', { name: tr(lang, 'search.go'), exact: true }).click();
      await page.getByTestId('raw-hit').first().waitFor();
      await page.getByTestId('raw-hit').locator('mark', { hasText: WITNESS }).first().waitFor();
      await expectAccessible(page);
      await shoot(page, 'search-raw', lang);
      const audits = await web.ctx.sql<{ action: string }>("SELECT action FROM audit_log WHERE actor_id = $1 AND action = 'search.raw'", [s.cleared.id]);
      expect(audits.length).toBeGreaterThanOrEqual(1);
    }, 180_000);
  }
});
