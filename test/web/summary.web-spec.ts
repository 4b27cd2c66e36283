import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { expectAccessible, launchBrowser, newContext, screenshot, SCREENS_DIR, signInThroughUi, tr, type Lang } from './support/browser';
import { addMember, createCase, createUser, startWebApp, type WebApp } from './support/web-app';

// Issue 17 item 6: one page per case that a lead prints or saves as PDF — counts, the matrix by
// crime, the incident timeline — with no identity on it, even for a lead cleared for identities.

/** The witness's real name, in Hangul and romanised; also typed by an analyst into free text. */
const NAME = '김철수';
const ROMANISED = 'Kim Chol-su';
const TEXT = `In the spring of 1997 I was put in a punishment cell for three months without any trial. The guards beat me every night. My name is ${ROMANISED}.`;

const sentence = (fragment: string) => ({ start: TEXT.indexOf(fragment), end: TEXT.indexOf(fragment) + fragment.length });

describe('case summary for print', () => {
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

  async function seed(lang: Lang) {
    const lead = await createUser(web, 'investigator', lang === 'ko' ? '이책임' : 'Lee Lead');
    const reviewer = await createUser(web, 'analyst', lang === 'ko' ? '정검토' : 'Rex Reviewer');
    const caseId = await createCase(web, lead, lang === 'ko' ? '요덕 구금 사건' : 'Yodok detention');
    await addMember(web, caseId, lead, reviewer, 'reviewer', true);
    const http = () => web.ctx.http();
    const as = bearer(lead.token);
    const person = async (kind: string, identity?: object) => (await http().post(`/cases/${caseId}/people`).set(...as).send(identity ? { kind, identity } : { kind }).expect(201)).body as { id: string; code: string };
    const witness = await person('witness', { namesHangul: [NAME], namesRomanised: [ROMANISED] });
    const victims = [await person('victim'), await person('victim')];
    const perpetrator = await person('perpetrator_individual');
    // The premise: the lead may read the name (cleared), and it is on file.
    const identity = await http().get(`/cases/${caseId}/people/${witness.id}/identity`).set(...as).expect(200);
    expect(JSON.stringify(identity.body)).toContain(NAME);

    const testimony = await http().post(`/cases/${caseId}/testimonies`).set(...as)
      .send({ intervieweeId: witness.id, interviewDate: { date: '2024-05-03', precision: 'day' }, languages: ['en'], modality: 'in_person', riskLevel: 'high' }).expect(201);
    const transcript = await http().post(`/cases/${caseId}/testimonies/${testimony.body.id}/transcripts`).set(...as).send({ kind: 'original', language: 'en', text: TEXT }).expect(201);
    const versionId = transcript.body.versions[0].id as string;
    const frameworkVersionId = (await http().get('/legal/frameworks?code=rome-statute&status=published').set(...as).expect(200)).body.items[0].id as string;
    const rome = (await http().get(`/legal/frameworks/${frameworkVersionId}`).set(...as).expect(200)).body as { crimes: Array<{ code: string; elements: Array<{ id: string }> }> };
    const element = (code: string) => rome.crimes.find((c) => c.code === code)!.elements[0]!.id;
    const item = async (title: string, fragment: string) =>
      (await http().post(`/cases/${caseId}/evidence`).set(...as).send({ kind: 'transcript_passage', title, passage: { transcriptVersionId: versionId, ...sentence(fragment) } }).expect(201)).body.id as string;
    const cell = await item(`Punishment cell (${NAME})`, 'I was put in a punishment cell');
    const beatings = await item(`Beatings of ${NAME}`, 'The guards beat me every night.');
    const link = async (itemId: string, code: string) =>
      (await http().post(`/cases/${caseId}/evidence-links`).set(...as).send({ itemId, frameworkVersionId, elementId: element(code), relation: 'supports', probativeValue: 4, sourceReliability: 'B', informationCredibility: 2, note: `${NAME} said so` }).expect(201)).body;
    const imprisonment = await link(cell, 'RS-7-1-e');
    await link(beatings, 'RS-7-1-f');
    // A reviewer who did not assess it approves the imprisonment link: that element is supported.
    await http().post(`/cases/${caseId}/evidence-links/${imprisonment.id}/review`).set(...bearer(reviewer.token)).send({ version: imprisonment.version }).expect(200);

    const camp15 = (await http().get('/places?code=kwanliso-15').set(...as).expect(200)).body.items[0].id as string;
    const incident = (body: object) => http().post(`/cases/${caseId}/incidents`).set(...as).send(body).expect(201);
    // Free text that names the witness: none of it may reach the summary.
    await incident({
      title: `Beatings of ${NAME} at the quarry`, description: `${ROMANISED} was beaten.`, violationTypes: ['forced_labour', 'torture'], date: { precision: 'range', from: '1997', to: '1998-06' }, placeId: camp15,
      victims: [{ personId: witness.id }, { personId: victims[0]!.id }, { groupCount: 30, groupDescription: `${NAME}'s work team` }],
    });
    await incident({ title: `Arrival of ${NAME}`, violationTypes: ['arbitrary_detention'], date: { precision: 'day', date: '1996-11-02' }, victims: [{ personId: witness.id }] });
    await incident({ title: 'Public execution', violationTypes: ['execution'], date: { precision: 'approximate', date: '1999' } });
    return { lead, reviewer, caseId, witness, victims, perpetrator };
  }

  for (const lang of ['ko', 'en'] as const) {
    it(`[${lang}] a cleared lead opens the summary from the case page: the counts, the matrix by crime and the timeline are right, and no name is anywhere on it, on screen, in print or in PDF`, async () => {
      const s = await seed(lang);
      const context = await newContext(browser, web, lang);
      const page = await context.newPage();
      await signInThroughUi(page, lang, s.lead, `/app/cases/${s.caseId}`);

      // Every response the browser receives once the summary is asked for.
      let recording = false;
      const received: Promise<{ url: string; body: string }>[] = [];
      context.on('response', (res) => {
        if (recording) received.push(res.body().then((b) => ({ url: res.url(), body: b.toString('utf8') }), () => ({ url: res.url(), body: '' })));
      });
      recording = true;
      await page.getByRole('link', { name: tr(lang, 'summary.open') }).click();
      await page.getByRole('heading', { level: 1, name: tr(lang, 'summary.heading', { title: lang === 'ko' ? '요덕 구금 사건' : 'Yodok detention' }) }).waitFor();
      const text = (testId: string) => page.getByTestId(testId).first().textContent();

      // Title, case code, date printed.
      expect(await text('summary-case-code')).toBe(s.caseId.replace(/-/g, '').slice(0, 8));
      expect(await text('summary-printed')).toContain(new Intl.DateTimeFormat(lang, { year: 'numeric', timeZone: 'UTC' }).format(new Date()));
      // Counts.
      await expect.poll(() => text('count-testimonies')).toBe('1');
      expect(await text('count-people')).toBe('4');
      expect(await text('count-incidents')).toBe('3');
      expect(await text('count-evidence')).toBe('2');
      expect(await text('count-links-proposed')).toBe('1');
      expect(await text('count-links-reviewed')).toBe('1');
      expect(await text('count-links-returned')).toBe('0');
      // People by role, codes only.
      expect(await text('people-codes-witness')).toBe(s.witness.code);
      expect(await text('people-codes-victim')).toBe(s.victims.map((v) => v.code).join(', '));
      expect(await text('people-codes-perpetrator_individual')).toBe(s.perpetrator.code);
      expect(await page.getByTestId('people-survivor').count()).toBe(0);
      // The matrix by crime under the case's standard of proof: imprisonment supported, torture only unreviewed.
      expect(await text('summary-standard')).toBe(tr(lang, 'matrix.standards.reasonable_grounds'));
      const counts = async (code: string) => Object.fromEntries(await page.getByTestId(`matrix-${code}`).locator('td[data-status]').evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-status'), td.textContent])));
      await page.getByTestId('matrix-RS-7-1-e').waitFor();
      expect(await counts('RS-7-1-e')).toMatchObject({ supported: '1', weak: '0', only_unreviewed: '0' });
      expect(await counts('RS-7-1-f')).toMatchObject({ supported: '0', weak: '0', only_unreviewed: '1' });
      expect(await page.locator('[data-testid^="matrix-RS-"]').count()).toBe(2);
      expect(await text('matrix-without-evidence')).toMatch(/\d/);
      // The timeline: oldest first, each date at its precision, the range as a range.
      const year = (y: number) => new Intl.DateTimeFormat(lang, { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, 0, 1));
      expect(await page.getByTestId('summary-incident-date').allTextContents()).toEqual([
        new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(1996, 10, 2)),
        tr(lang, 'incidents.date.rangeValue', { from: year(1997), to: new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(1998, 5, 1)) }),
        tr(lang, 'incidents.date.approximateValue', { date: year(1999) }),
      ]);
      const range = page.getByTestId('summary-incident').nth(1);
      expect(await range.textContent()).toContain('Camp 15 (Yodok)');
      expect(await range.textContent()).toContain(`${s.witness.code}, ${s.victims[0]!.code}, ${tr(lang, 'summary.timeline.group', { n: '30' })}`);
      await expectAccessible(page);
      await screenshot(page, 'case-summary', lang);

      // Printed: no navigation, no buttons; the page still holds everything and no name.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('banner').isVisible()).toBe(false);
      expect(await page.getByRole('navigation', { name: tr(lang, 'nav.label') }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: tr(lang, 'summary.print') }).isVisible()).toBe(false);
      expect(await page.getByTestId('summary-incident').nth(2).isVisible()).toBe(true);
      await screenshot(page, 'case-summary-print', lang);
      const html = await page.content();
      for (const secret of [NAME, ROMANISED, 'quarry', 'work team', 'Punishment cell', 'said so']) expect(html.includes(secret), `the page carries "${secret}"`).toBe(false);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      mkdirSync(SCREENS_DIR, { recursive: true });
      writeFileSync(join(SCREENS_DIR, `case-summary-${lang}.pdf`), pdf);
      await page.emulateMedia({ media: 'screen' });

      // The summary never asks for an identity (free text such as titles may arrive; it is not shown).
      recording = false;
      const bodies = await Promise.all(received);
      expect(bodies.some((b) => b.url.includes('/matrix'))).toBe(true);
      for (const { url, body } of bodies) {
        expect(url).not.toMatch(/\/identity/);
        if (url.includes('/people')) expect(body.includes(NAME) || body.includes(ROMANISED), `${url} carried the witness's name`).toBe(false);
      }
      await context.close();

      // A member who is not a lead is offered no summary, and is told so at its address.
      const other = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(other, lang, s.reviewer, `/app/cases/${s.caseId}`);
      await other.getByRole('tab', { name: tr(lang, 'case.tabs.people') }).waitFor();
      expect(await other.getByRole('link', { name: tr(lang, 'summary.open') }).count()).toBe(0);
      await other.goto(`/app/cases/${s.caseId}/summary`);
      await other.getByText(tr(lang, 'summary.leadsOnly')).waitFor();
    }, 180_000);
  }
});
