import type { Browser, Locator, Page } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr, type Lang } from './support/browser';
import { createCase, createUser, startWebApp, type TestUser, type WebApp } from './support/web-app';

// Issue 17 item 5: statistics for case leads. Counts of a seeded case with a cell under the
// threshold withheld; the timeline (a range shows as a range); the map of incident places drawn
// from the shipped outline, with no request leaving the app's origin during the whole visit.

interface Seeded { caseId: string; labels: Record<string, string>; codes: string[] }

/** 19 victims: torture 8, forced labour 6, arbitrary detention 3, sexual violence 2 (k = 5). */
async function seed(web: WebApp, lead: TestUser, lang: Lang): Promise<Seeded> {
  const http = () => web.ctx.http();
  const auth = bearer(lead.token);
  const caseId = await createCase(web, lead, lang === 'ko' ? '개천·청진 수용소 통계' : 'Kaechon and Chongjin camps');
  const place = async (code: string) => (await http().get(`/places?code=${code}`).set(...auth).expect(200)).body.items[0].id as string;
  const camp14 = await place('kwanliso-14');
  const camp25 = await place('kwanliso-25');
  const people: string[] = [];
  for (let i = 0; i < 19; i++) people.push((await http().post(`/cases/${caseId}/people`).set(...auth).send({ kind: 'victim' }).expect(201)).body.id);
  const codes: string[] = [];
  const incident = async (title: string, violationType: string, date: object, victims: string[], placeId?: string) => {
    const res = await http().post(`/cases/${caseId}/incidents`).set(...auth).send({ title, violationTypes: [violationType], date, placeId, victims: victims.map((personId) => ({ personId })) }).expect(201);
    for (const personId of victims) await http().post(`/cases/${caseId}/incidents/${res.body.id}/acts`).set(...auth).send({ personId, violationType }).expect(201);
    codes.push(res.body.code);
  };
  await incident('Beatings in the interrogation room', 'torture', { precision: 'range', from: '1995', to: '1997-06' }, people.slice(0, 8), camp14);
  await incident('Forced labour in the mine', 'forced_labour', { precision: 'year', date: '1998' }, people.slice(8, 14), camp25);
  await incident('Detention without trial', 'arbitrary_detention', { precision: 'month', date: '1999-03' }, people.slice(14, 17), camp14);
  await incident('Assault during transfer', 'sexual_violence', { precision: 'approximate', date: '2001' }, people.slice(17, 19));
  const types = (await http().get('/vocabularies/violation-types?limit=200').set(...auth).expect(200)).body.items as Array<{ code: string; label: string; labelKo: string }>;
  const labels = Object.fromEntries(types.map((v) => [v.code, lang === 'ko' ? v.labelKo : v.label]));
  return { caseId, labels, codes };
}

/** The cells of the table's row headed `label`, once that row is shown (labels come with the vocabulary). */
async function cellsOf(page: Page, table: Locator, label: string): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  await row.waitFor();
  return row.getByRole('cell').allTextContents();
}

/** Every URL the page requests, from the first navigation on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

describe('statistics: counts with small cells withheld, timeline, map without leaving the origin', () => {
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
    it(`[${lang}] a lead reads the counts, the timeline and the map of a case`, async () => {
      const lead = await createUser(web, 'investigator', lang === 'ko' ? '박통계' : 'Sam Stats');
      const { caseId, labels, codes } = await seed(web, lead, lang);
      const page = await (await newContext(browser, web, lang)).newPage();
      const requests = recordRequests(page);
      await signInThroughUi(page, lang, lead, `/app/cases/${caseId}`);
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.statistics') }).click();

      // Counts by violation type: published cells with their numbers, small cells withheld.
      const byType = page.getByRole('table', { name: tr(lang, 'statistics.tableLabel', { dimension: tr(lang, 'statistics.dimensions.violationType') }) });
      await byType.waitFor();
      // Victims, incidents, acts.
      expect(await cellsOf(page, byType, labels.torture!)).toEqual(['8', '1', '8']);
      expect(await cellsOf(page, byType, labels.forced_labour!)).toEqual(['6', '1', '6']);
      for (const code of ['arbitrary_detention', 'sexual_violence']) {
        expect(await cellsOf(page, byType, labels[code]!)).toEqual([tr(lang, 'statistics.suppressed.small_cell')]);
      }
      // No number of a withheld cell reaches the page; the total is 19 victims.
      const footer = byType.locator('tfoot');
      expect(await footer.getByRole('cell').allTextContents()).toEqual(['19', '4', '19']);
      await page.getByTestId('statistics-withheld').waitFor();
      await page.getByRole('img', { name: tr(lang, 'statistics.chartLabel', { dimension: tr(lang, 'statistics.dimensions.violationType') }) }).waitFor();
      // The CSV link gives the same table, the withheld cells empty.
      const href = await page.getByRole('link', { name: tr(lang, 'statistics.csv', { dimension: tr(lang, 'statistics.dimensions.violationType') }) }).getAttribute('href');
      expect(href).toBe(`/cases/${caseId}/statistics?by=violationType&format=csv`);
      const csv = (await web.ctx.http().get(href!).set(...bearer(lead.token)).expect(200)).text;
      expect(csv).toContain('torture,1,8,8,');
      expect(csv).toContain('arbitrary_detention,,,,small_cell');
      await expectAccessible(page);
      await screenshot(page, 'statistics', lang);

      // Another grouping: by year (a range over several years has no single year).
      await page.getByText(tr(lang, 'statistics.dimensions.year'), { exact: true }).click();
      const byYear = page.getByRole('table', { name: tr(lang, 'statistics.tableLabel', { dimension: tr(lang, 'statistics.dimensions.year') }) });
      await byYear.getByRole('rowheader', { name: '1998', exact: true }).waitFor();
      await byYear.getByRole('rowheader', { name: tr(lang, 'statistics.notRecorded'), exact: true }).waitFor();

      // The timeline, oldest first; the range shows both of its ends.
      const timeline = page.getByRole('list', { name: tr(lang, 'incidents.timelineLabel') });
      await timeline.waitFor();
      const dates = await timeline.getByTestId('timeline-date').allTextContents();
      expect(dates).toHaveLength(4);
      expect(dates[0]).toMatch(/1995.*–.*1997/);
      expect(await timeline.getByRole('link').allTextContents()).toEqual([
        `${codes[0]} · Beatings in the interrogation room`, `${codes[1]} · Forced labour in the mine`, `${codes[2]} · Detention without trial`, `${codes[3]} · Assault during transfer`,
      ]);

      // The map: two places (Camp 14 with two incidents, Camp 25 with one), sized by count; one incident has no place.
      const map = page.getByTestId('incident-map');
      await map.waitFor();
      expect(await map.locator('path').count()).toBeGreaterThanOrEqual(4);
      const points = map.getByTestId('map-point');
      expect(await points.count()).toBe(2);
      const camp14 = map.getByRole('button', { name: tr(lang, 'statistics.map.pointLabel', { place: 'Camp 14 (Kaechon)', count: '2' }) });
      const camp25 = map.getByRole('button', { name: tr(lang, 'statistics.map.pointLabel', { place: 'Camp 25 (Chongjin)', count: '1' }) });
      expect(Number(await camp14.getAttribute('r'))).toBeGreaterThan(Number(await camp25.getAttribute('r')));
      await page.getByText(tr(lang, 'statistics.map.unplaced', { count: '1' })).waitFor();
      await page.getByText(tr(lang, 'statistics.map.attribution')).waitFor();
      await camp14.click();
      const listed = page.getByRole('list', { name: tr(lang, 'statistics.map.incidentsAt', { place: 'Camp 14 (Kaechon)' }) });
      await listed.waitFor();
      expect(await listed.getByRole('link').allTextContents()).toEqual([`${codes[0]} · Beatings in the interrogation room`, `${codes[2]} · Detention without trial`]);
      await expectAccessible(page);
      await screenshot(page, 'statistics-map', lang);
      await listed.getByRole('link', { name: `${codes[2]} · Detention without trial` }).click();
      await page.waitForURL(new RegExp(`/app/cases/${caseId}/incidents/[0-9a-f-]{36}$`));

      // Across the lead's cases (here, this one).
      await page.getByRole('link', { name: tr(lang, 'nav.statistics') }).click();
      await page.getByRole('heading', { name: tr(lang, 'statistics.acrossTitle') }).waitFor();
      const across = page.getByRole('table', { name: tr(lang, 'statistics.tableLabel', { dimension: tr(lang, 'statistics.dimensions.violationType') }) });
      expect(await cellsOf(page, across, labels.torture!)).toEqual(['8', '1', '8']);
      await expectAccessible(page);
      await screenshot(page, 'statistics-across', lang);

      // Nothing left the app's origin during the whole visit: no tiles, fonts or scripts from elsewhere.
      const origin = new URL(web.baseUrl).origin;
      expect(requests.length).toBeGreaterThan(10);
      expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
      await page.context().close();
    }, 300_000);
  }
});
