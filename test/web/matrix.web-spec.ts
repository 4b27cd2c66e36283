import type { Browser, Page } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr } from './support/browser';
import { addMember, createCase, createUser, startWebApp, type WebApp } from './support/web-app';

// Issue 16 item 6: the matrix as a picture. A passage an analyst linked to 7(1)(e) imprisonment
// shows as "only unreviewed"; once a different reviewer approves the link, the cell is supported.

const TEXT = 'In the spring of 1997 I was put in a punishment cell for three months without any trial. Nobody told my family.';

/** Selects `fragment` in the reader text like a mouse does (a DOM range, then the mouseup the reader listens for). */
async function selectText(page: Page, label: string, fragment: string) {
  await page.getByRole('document', { name: label }).waitFor();
  await page.evaluate(`(() => {
    const el = [...document.querySelectorAll('[role="document"]')].find((d) => d.getAttribute('aria-label') === ${JSON.stringify(label)});
    const fragment = ${JSON.stringify(fragment)};
    const start = el.textContent.indexOf(fragment);
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
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  })()`);
}

describe('case matrix (crimes × elements, cell evidence, liability view)', () => {
  let web: WebApp;
  let browser: Browser;
  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`[${lang}] a 7(1)(e) element turns from only unreviewed to supported once another reviewer approves its link`, async () => {
      const lead = await createUser(web, 'investigator', lang === 'ko' ? '이사건' : 'Lee Lead');
      const analyst = await createUser(web, 'analyst', lang === 'ko' ? '한분석' : 'Ana Analyst');
      const reviewer = await createUser(web, 'analyst', lang === 'ko' ? '정검토' : 'Rex Reviewer');
      const caseId = await createCase(web, lead, lang === 'ko' ? '요덕 구금 사건' : 'Yodok detention');
      await addMember(web, caseId, lead, analyst, 'analyst', true);
      await addMember(web, caseId, lead, reviewer, 'reviewer', false);
      const http = () => web.ctx.http();
      const auth = bearer(lead.token);
      const list = await http().get('/legal/frameworks?code=rome-statute&status=published').set(...auth).expect(200);
      const frameworkVersionId = list.body.items[0].id as string;
      const rome = (await http().get(`/legal/frameworks/${frameworkVersionId}`).set(...auth).expect(200)).body as { crimes: Array<{ code: string; elements: Array<{ id: string; code: string }> }> };
      const allElements = rome.crimes.flatMap((c) => c.elements);
      const imprisonment = rome.crimes.find((c) => c.code === 'RS-7-1-e')!.elements[0]!;

      const person = await http().post(`/cases/${caseId}/people`).set(...auth).send({ kind: 'perpetrator_individual' }).expect(201);
      const guard = await http().post(`/cases/${caseId}/perpetrators`).set(...auth).send({ kind: 'individual', personId: person.body.id }).expect(201);
      const witness = await http().post(`/cases/${caseId}/people`).set(...auth).send({ kind: 'witness' }).expect(201);
      const testimony = await http().post(`/cases/${caseId}/testimonies`).set(...auth)
        .send({ intervieweeId: witness.body.id, interviewDate: { date: '2024-05-03', precision: 'day' }, languages: ['en'], modality: 'in_person', riskLevel: 'high' }).expect(201);
      const transcript = await http().post(`/cases/${caseId}/testimonies/${testimony.body.id}/transcripts`).set(...auth).send({ kind: 'original', language: 'en', text: TEXT }).expect(201);
      const start = TEXT.indexOf('I was put');
      const end = TEXT.indexOf('trial.') + 'trial.'.length;
      const item = await http().post(`/cases/${caseId}/evidence`).set(...bearer(analyst.token))
        .send({ kind: 'transcript_passage', title: lang === 'ko' ? '재판 없는 징벌방 구금' : 'Punishment cell without trial', passage: { transcriptVersionId: transcript.body.versions[0].id, start, end } }).expect(201);
      const link = await http().post(`/cases/${caseId}/evidence-links`).set(...bearer(analyst.token))
        .send({ itemId: item.body.id, frameworkVersionId, elementId: imprisonment.id, relation: 'supports', probativeValue: 4, sourceReliability: 'B', informationCredibility: 2 }).expect(201);

      const page = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(page, lang, lead, `/app/cases/${caseId}`);
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.matrix') }).click();
      const grid = page.getByRole('table', { name: tr(lang, 'matrix.gridLabel') });
      await grid.waitFor();
      // Every element of the Rome Statute is drawn at once, one plain button each.
      expect(await grid.locator('button[data-status]').count()).toBe(allElements.length);
      expect(allElements.length).toBeGreaterThanOrEqual(200);
      const cellName = (status: string) => tr(lang, 'matrix.cellLabel', { code: imprisonment.code, status: tr(lang, `matrix.status.${status}`), witnesses: '1', documents: '0' });
      const before = grid.getByRole('button', { name: cellName('only_unreviewed'), exact: true });
      await before.waitFor();
      expect(await before.getAttribute('data-status')).toBe('only_unreviewed');
      // Legend: a word per status, not only a colour.
      for (const s of ['no_evidence', 'only_unreviewed', 'weak', 'supported']) await page.getByRole('list', { name: tr(lang, 'matrix.legend') }).getByText(tr(lang, `matrix.status.${s}`), { exact: true }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'matrix', lang);

      // The cell's drawer: the evidence link, its review status, a link to the item.
      await before.click();
      const drawer = page.getByRole('dialog', { name: imprisonment.code });
      await drawer.waitFor();
      await drawer.getByText(tr(lang, 'matrix.linkStatus.proposed')).waitFor();
      await drawer.getByRole('link', { name: 'E-0001' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'matrix-cell', lang);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      // A reviewer who did not make the assessment approves it; the cell is no longer a gap.
      await http().post(`/cases/${caseId}/evidence-links/${link.body.id}/review`).set(...bearer(reviewer.token)).send({ version: link.body.version }).expect(200);
      await page.reload();
      const after = page.getByRole('table', { name: tr(lang, 'matrix.gridLabel') }).getByRole('button', { name: cellName('supported'), exact: true });
      await after.waitFor();
      expect(await after.getAttribute('data-status')).toBe('supported');
      await after.click();
      await page.getByRole('dialog', { name: imprisonment.code }).getByRole('cell', { name: tr(lang, 'matrix.linkStatus.reviewed'), exact: true }).waitFor();
      await page.keyboard.press('Escape');

      // What-if: under "beyond reasonable doubt" one witness is not enough: weak, not supported.
      await page.getByText(tr(lang, 'matrix.standards.beyond_reasonable_doubt'), { exact: true }).click();
      await page.getByRole('button', { name: cellName('weak'), exact: true }).waitFor();
      await page.getByText(tr(lang, 'matrix.standard.whatIf', { standard: tr(lang, 'matrix.standards.reasonable_grounds') })).waitFor();
      // The rule is stated in the user's language.
      await page.getByText(lang === 'ko' ? /^합리적 의심의 여지가 없는 증명 \(유죄 판결/ : /^Beyond reasonable doubt \(conviction/).waitFor();
      // The case lead makes it the case's standard.
      await page.getByRole('button', { name: tr(lang, 'matrix.standard.set') }).click();
      await page.getByText(tr(lang, 'matrix.standard.caseSetting')).waitFor();
      const std = await http().get(`/cases/${caseId}/matrix/standard-of-proof`).set(...auth).expect(200);
      expect(std.body.standard.code).toBe('beyond_reasonable_doubt');

      // The CSV link downloads the same matrix.
      const href = await page.getByRole('link', { name: tr(lang, 'matrix.csv') }).getAttribute('href');
      expect(href).toContain('format=csv');
      const csv = await http().get(href!).set(...auth).expect(200);
      expect(csv.text).toContain(imprisonment.code);

      // The liability view answers (nothing alleged against an individual here).
      await page.getByRole('tab', { name: tr(lang, 'matrix.views.liability') }).click();
      await page.getByText(tr(lang, 'matrix.liability.none')).waitFor();
      await expectAccessible(page);

      // Item 4: in the reader, the analyst links a sentence to a crime element and, for the
      // individual guard and command responsibility, to a requirement of that mode.
      const reader = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(reader, lang, analyst, `/app/cases/${caseId}/testimonies/${testimony.body.id}/reader`);
      const english = new Intl.DisplayNames([lang], { type: 'language' }).of('en') ?? 'en';
      const textLabel = tr(lang, 'reader.textOf', { language: english });
      await selectText(reader, textLabel, 'Nobody told my family.');
      await reader.getByRole('button', { name: tr(lang, 'reader.newEvidence') }).click();
      const dialog = reader.getByRole('dialog', { name: tr(lang, 'reader.form.title') });
      await dialog.waitFor();
      await dialog.getByLabel(tr(lang, 'reader.form.element')).first().fill(lang === 'ko' ? '구금 또는' : 'Imprisonment');
      await reader.getByRole('option', { name: /RS 7\(1\)\(e\)\) · 2\./ }).first().click();
      await dialog.getByLabel(tr(lang, 'reader.form.perpetrator')).first().fill(guard.body.code);
      await reader.getByRole('option', { name: new RegExp(`^${guard.body.code}`) }).first().click();
      await dialog.getByLabel(tr(lang, 'reader.form.mode')).first().fill('RS-28-b');
      await reader.getByRole('option', { name: /^RS-28-b / }).first().click();
      await dialog.getByLabel(tr(lang, 'reader.form.requirement')).first().click();
      await reader.getByRole('option', { name: /^4\. / }).first().click();
      await expectAccessible(reader);
      await screenshot(reader, 'reader-requirement', lang);
      await dialog.getByRole('button', { name: tr(lang, 'reader.form.save') }).click();
      await reader.getByRole('status').filter({ hasText: 'E-0002' }).waitFor();
      const liabilityLinks = await web.ctx.sql<{ perpetrator_id: string; status: string }>('SELECT perpetrator_id, status FROM liability_links WHERE case_id = $1', [caseId]);
      expect(liabilityLinks).toEqual([{ perpetrator_id: guard.body.id, status: 'proposed' }]);
      await reader.context().close();

      // The lead's liability view: the guard under art. 28(b), requirement 4 supported but not reviewed, the others gaps.
      await page.reload();
      await page.getByRole('tab', { name: tr(lang, 'matrix.views.liability') }).click();
      await page.getByRole('heading', { name: guard.body.code }).waitFor();
      const modeTable = page.getByRole('table', { name: `${guard.body.code} · RS-28-b` });
      await modeTable.waitFor();
      await modeTable.getByText(tr(lang, 'matrix.liability.gaps.not_reviewed'), { exact: false }).first().waitFor();
      await modeTable.getByText(tr(lang, 'matrix.liability.gaps.no_evidence'), { exact: false }).first().waitFor();
      await expectAccessible(page);
      await screenshot(page, 'matrix-liability', lang);
      await page.context().close();
    }, 300_000);
  }
});
