import type { Browser, Page, Response } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { waitFor } from '../helpers/wait';
import { expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr, type Lang } from './support/browser';
import { addMember, createCase, createUser, startWebApp, type WebApp } from './support/web-app';

// Issue 16 items 1, 2, 4: an analyst without identity clearance selects a sentence in the
// de-identified transcript and links it to 7(1)(e) imprisonment; a reviewer who did not make it
// approves it from the review inbox. Neither browser ever receives the original text.

const WITNESS = { namesHangul: ['김철수'], namesRomanised: ['Kim Chol-su'], aliases: ['Chol-su Aba'] };
const GUARD = { namesHangul: ['박영수'], namesRomanised: ['Pak Yong-su'] };
const SENTENCE_ORIGINAL = 'Pak Yong-su locked Kim Chol-su in a punishment cell for three months without trial.';
const TEXT = `I arrived at the camp in the spring of 1997. ${SENTENCE_ORIGINAL} Nobody told my family where I was.\n\nLater we were moved to the mine.`;
const SECRETS = ['김철수', 'Kim Chol-su', 'Chol-su', '박영수', 'Pak Yong-su', 'Yong-su', SENTENCE_ORIGINAL];

async function shoot(page: Page, name: string, lang: Lang) {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name, lang);
}

/** Records every JSON/text body the page receives, to search it for identities afterwards. */
function recordResponses(page: Page): Array<Promise<string>> {
  const bodies: Array<Promise<string>> = [];
  page.on('response', (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    if (/json|html|text\/plain/.test(type)) bodies.push(response.text().then((body) => `${response.url()}\n${body}`, () => ''));
  });
  return bodies;
}

/**
 * Selects `fragment` inside the reader text the way a mouse does: a DOM Range over the rendered
 * text nodes (whatever marks split them), then the mouseup the reader listens for.
 */
async function selectText(page: Page, label: string, fragment: string) {
  const container = page.getByRole('document', { name: label });
  await container.waitFor();
  await page.evaluate(`(() => {
    const el = [...document.querySelectorAll('[role="document"]')].find((d) => d.getAttribute('aria-label') === ${JSON.stringify(label)});
    const fragment = ${JSON.stringify(fragment)};
    const full = el.textContent;
    const start = full.indexOf(fragment);
    if (start < 0) throw new Error('fragment not in the text');
    const end = start + fragment.length;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let at = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.data.length;
      if (start >= at && start <= at + len) range.setStart(node, start - at);
      if (end >= at && end <= at + len) { range.setEnd(node, end - at); break; }
      at += len;
    }
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return window.getSelection().toString();
  })()`);
}

describe('transcript reader and review inbox (analyst without clearance, then a reviewer)', () => {
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

  async function seed(lang: Lang) {
    const lead = await createUser(web, 'investigator', lang === 'ko' ? '이사건' : 'Lee Lead');
    const approver = await createUser(web, 'investigator');
    const analyst = await createUser(web, 'analyst', lang === 'ko' ? '한분석' : 'Ana Analyst');
    const reviewer = await createUser(web, 'analyst', lang === 'ko' ? '정검토' : 'Rex Reviewer');
    const caseId = await createCase(web, lead, lang === 'ko' ? '요덕 구금 사건' : 'Yodok detention');
    await addMember(web, caseId, lead, approver, 'reviewer', true);
    await addMember(web, caseId, lead, analyst, 'analyst', false);
    await addMember(web, caseId, lead, reviewer, 'reviewer', false);
    const auth = bearer(lead.token);
    const witness = await web.ctx.http().post(`/cases/${caseId}/people`).set(...auth).send({ kind: 'witness', identity: WITNESS }).expect(201);
    await web.ctx.http().post(`/cases/${caseId}/people`).set(...auth).send({ kind: 'perpetrator_individual', identity: GUARD }).expect(201);
    const testimony = await web.ctx.http().post(`/cases/${caseId}/testimonies`).set(...auth).send({
      intervieweeId: witness.body.id, interviewDate: { date: '2024-05-03', precision: 'day' }, languages: ['en'], modality: 'in_person', riskLevel: 'high',
    }).expect(201);
    const testimonyId = testimony.body.id as string;
    await web.ctx.http().post(`/cases/${caseId}/testimonies/${testimonyId}/transcripts`).set(...auth).send({ kind: 'original', language: 'en', text: TEXT }).expect(201);
    const job = await web.ctx.http().post(`/cases/${caseId}/redactions`).set(...auth).send({ testimonyId, profile: 'un' }).expect(202);
    await waitFor(async () => (await web.ctx.http().get(`/jobs/${job.body.id}`).set(...auth)).body.status as string, (s) => s === 'completed' || s === 'failed', 60_000);
    const redactions = await web.ctx.http().get(`/cases/${caseId}/redactions?profile=un`).set(...auth).expect(200);
    for (const r of redactions.body.items as Array<{ id: string; version: number }>) {
      await web.ctx.http().post(`/cases/${caseId}/redactions/${r.id}/approve`).set(...bearer(approver.token)).send({ version: r.version }).expect(200);
    }
    return { caseId, testimonyId, lead, analyst, reviewer };
  }

  for (const lang of ['ko', 'en'] as const) {
    it(`[${lang}] an uncleared analyst links a de-identified sentence to 7(1)(e) imprisonment; another reviewer approves it from the inbox`, async () => {
      const { caseId, testimonyId, analyst, reviewer } = await seed(lang);
      const english = new Intl.DisplayNames([lang], { type: 'language' }).of('en') ?? 'en';
      const textLabel = tr(lang, 'reader.textOf', { language: english });

      // 1. The analyst opens the reader from the testimony page.
      const page = await (await newContext(browser, web, lang)).newPage();
      const analystBodies = recordResponses(page);
      await signInThroughUi(page, lang, analyst, `/app/cases/${caseId}/testimonies/${testimonyId}`);
      await page.getByRole('link', { name: tr(lang, 'reader.open') }).click();
      await page.getByRole('heading', { name: tr(lang, 'reader.title'), level: 1 }).waitFor();
      const text = page.getByRole('document', { name: textLabel });
      await text.waitFor();
      const shown = (await text.textContent()) ?? '';
      for (const s of SECRETS) expect(shown).not.toContain(s);
      // The sentence as the analyst reads it: names replaced by pseudonym tokens.
      const sentence = shown.slice(shown.indexOf(' [') + 1, shown.indexOf('without trial.') + 'without trial.'.length);
      expect(sentence).toMatch(/^\[[^\]]+\] locked \[[^\]]+\] in a punishment cell for three months without trial\.$/);

      // 2. Select it, "New evidence", find the element by searching the crime's wording.
      await selectText(page, textLabel, sentence);
      await page.getByRole('region', { name: tr(lang, 'reader.selectionLabel') }).getByText(sentence, { exact: false }).waitFor();
      await page.getByRole('button', { name: tr(lang, 'reader.newEvidence') }).click();
      const dialog = page.getByRole('dialog', { name: tr(lang, 'reader.form.title') });
      await dialog.waitFor();
      await dialog.getByLabel(tr(lang, 'reader.form.itemTitle')).first().fill(lang === 'ko' ? '재판 없는 징벌방 구금' : 'Punishment cell without trial');
      const search = lang === 'ko' ? '구금 또는' : 'Imprisonment';
      await dialog.getByLabel(tr(lang, 'reader.form.element')).first().fill(search);
      await page.getByRole('option', { name: /RS 7\(1\)\(e\)\) · 1\./ }).first().click();
      await dialog.getByLabel(tr(lang, 'reader.form.probative'), { exact: true }).selectOption('4');
      await dialog.getByLabel(tr(lang, 'reader.form.note'), { exact: true }).fill(lang === 'ko' ? '재판 없이 석 달 동안 구금됨.' : 'Three months without trial.');
      await expectAccessible(page);
      await shoot(page, 'reader-new-evidence', lang);
      await dialog.getByRole('button', { name: tr(lang, 'reader.form.save') }).click();
      const created = page.getByRole('status').filter({ hasText: 'E-0001' });
      await created.waitFor();
      // 3. The passage is highlighted in the text and listed with its link.
      await text.locator('mark', { hasText: 'punishment cell' }).waitFor();
      await page.getByRole('link', { name: 'E-0001' }).waitFor();
      await expectAccessible(page);
      await shoot(page, 'reader', lang);

      // The stored passage points at the original sentence (mapped through the span log).
      const [item] = await web.ctx.sql<{ passage_start: number; passage_end: number; redaction_id: string | null }>('SELECT passage_start, passage_end, redaction_id FROM evidence_items WHERE case_id = $1', [caseId]);
      expect(TEXT.slice(item!.passage_start, item!.passage_end)).toBe(SENTENCE_ORIGINAL);
      expect(item!.redaction_id).not.toBeNull();

      // 4. The evidence detail: de-identified quote, no hash of the original words, custody.
      await page.getByRole('link', { name: 'E-0001' }).click();
      await page.getByRole('heading', { name: tr(lang, 'evidence.custody') }).waitFor();
      await page.getByText(sentence).first().waitFor();
      await expectAccessible(page);
      await shoot(page, 'evidence-detail', lang);

      // 5. A reviewer who did not make it: home shows what waits, the inbox approves it.
      const page2 = await (await newContext(browser, web, lang)).newPage();
      const reviewerBodies = recordResponses(page2);
      await signInThroughUi(page2, lang, reviewer, '/app/');
      await page2.getByRole('link', { name: tr(lang, 'home.reviewInbox', { n: '1' }) }).click();
      await page2.getByRole('heading', { name: tr(lang, 'reviews.title'), level: 1 }).waitFor();
      const card = page2.getByRole('article', { name: /E-0001 → RS-7-1-e-/ });
      await card.waitFor();
      await card.getByText(sentence, { exact: false }).waitFor();
      await expectAccessible(page2);
      await shoot(page2, 'review-inbox', lang);
      await card.getByRole('button', { name: tr(lang, 'reviews.approve'), exact: true }).click();
      await page2.getByRole('status').filter({ hasText: 'E-0001' }).waitFor();
      await page2.getByText(tr(lang, 'reviews.empty')).waitFor();
      const links = await web.ctx.sql<{ status: string; reviewed_by: string }>('SELECT status, reviewed_by FROM evidence_links WHERE case_id = $1', [caseId]);
      expect(links).toEqual([{ status: 'reviewed', reviewed_by: reviewer.id }]);

      // 6. Keyboard only (no mouse): back in the reader, the analyst selects two sentences with
      // the documented keys, opens "New evidence" with Enter, fills it in and saves it by keyboard.
      await page.goBack();
      await text.waitFor();
      await page.getByText(tr(lang, 'reader.keyboardHint')).first().waitFor();
      expect(await text.getAttribute('aria-describedby')).toBeTruthy();
      await text.focus(); // where Tab brings a keyboard user; nothing below clicks
      await page.keyboard.press('Alt+ArrowUp'); // nothing selected: the last sentence
      await page.keyboard.press('Alt+ArrowUp'); // the one before it
      await page.keyboard.press('Alt+Shift+ArrowDown'); // and the next one added
      const twoSentences = 'Nobody told my family where I was.\n\nLater we were moved to the mine.';
      expect(await page.evaluate('window.getSelection().toString()')).toBe(twoSentences);
      const region = page.getByRole('region', { name: tr(lang, 'reader.selectionLabel') });
      await region.getByText('Later we were moved to the mine.', { exact: false }).waitFor();
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.waitForFunction(`(document.activeElement?.labels?.[0]?.textContent ?? '').startsWith(${JSON.stringify(tr(lang, 'reader.form.itemTitle'))})`);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(lang === 'ko' ? '광산으로 이송' : 'Moved to the mine');
      await page.keyboard.press('Tab');
      await page.keyboard.type(search);
      await page.getByRole('option', { name: /RS 7\(1\)\(e\)\) · 1\./ }).first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      expect(await dialog.getByLabel(tr(lang, 'reader.form.element')).first().inputValue()).toMatch(/RS 7\(1\)\(e\)\) · 1\./);
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate<string>("document.activeElement?.labels?.[0]?.textContent ?? ''")).toContain(tr(lang, 'reader.form.itemTitle'));
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'E-0002' }).waitFor();
      await text.locator('mark', { hasText: 'moved to the mine' }).waitFor();
      const [second] = await web.ctx.sql<{ redacted_quote: string; title: string }>("SELECT redacted_quote, title FROM evidence_items WHERE case_id = $1 AND code = 'E-0002'", [caseId]);
      expect(second).toEqual({ redacted_quote: twoSentences, title: lang === 'ko' ? '광산으로 이송' : 'Moved to the mine' });
      const [linked] = await web.ctx.sql<{ n: number }>("SELECT count(*)::int AS n FROM evidence_links l JOIN evidence_items i ON i.id = l.item_id WHERE i.case_id = $1 AND i.code = 'E-0002'", [caseId]);
      expect(linked!.n).toBe(1);
      await expectAccessible(page);
      await shoot(page, 'reader-keyboard', lang);

      // 7. Neither uncleared browser ever received a name or the original sentence.
      for (const bodies of [analystBodies, reviewerBodies]) {
        const all = (await Promise.all(bodies)).join('\n');
        expect(all.length).toBeGreaterThan(1000);
        for (const s of SECRETS) expect(all, s).not.toContain(s);
      }
      for (const p of [page, page2]) for (const s of SECRETS) expect(await p.content()).not.toContain(s);
      await page.context().close();
      await page2.context().close();
    }, 240_000);
  }
});

