import type { Browser, Page } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr, type Lang } from './support/browser';
import { addMember, createCase, createUser, startWebApp, type WebApp } from './support/web-app';

// Issue 16 item 3 (leftover): on the incident page, the victims by code with the acts done to each
// (violation, when, where) and their categories (sex, age group, status), added and removed there.

/** Picks `option` in the Mantine Select labelled `label`. */
async function choose(page: Page, label: string, option: RegExp) {
  await page.getByRole('textbox', { name: label, exact: true }).or(page.getByRole('combobox', { name: label, exact: true })).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('victims and acts per victim on the incident page', () => {
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
    const lead = await createUser(web, 'investigator', lang === 'ko' ? '이분석' : 'Lee Lead');
    const uncleared = await createUser(web, 'analyst', lang === 'ko' ? '한분석' : 'Una Uncleared');
    const caseId = await createCase(web, lead, lang === 'ko' ? '요덕 사건' : 'Yodok case');
    await addMember(web, caseId, lead, uncleared, 'analyst', false);
    const http = () => web.ctx.http();
    const as = bearer(lead.token);
    const witness = (await http().post(`/cases/${caseId}/people`).set(...as).send({ kind: 'witness' }).expect(201)).body as { id: string; code: string };
    const victim = (await http().post(`/cases/${caseId}/people`).set(...as).send({ kind: 'victim' }).expect(201)).body as { id: string; code: string };
    const camp15 = (await http().get('/places?code=kwanliso-15').set(...as).expect(200)).body.items[0].id as string;
    const incident = await http().post(`/cases/${caseId}/incidents`).set(...as)
      .send({ title: lang === 'ko' ? '채석장 구타' : 'Beatings at the quarry', violationTypes: ['torture', 'forced_labour'], date: { precision: 'range', from: '1997', to: '1998-06' }, placeId: camp15, victims: [{ personId: witness.id }] }).expect(201);
    return { lead, uncleared, caseId, witness, victim, incidentId: incident.body.id as string };
  }

  for (const lang of ['ko', 'en'] as const) {
    it(`[${lang}] an analyst adds a victim, two acts against them and their categories, sees them listed and counted, and removes an act`, async () => {
      const s = await seed(lang);
      const page = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(page, lang, s.lead, `/app/cases/${s.caseId}/incidents/${s.incidentId}`);
      const summary = page.getByTestId('victims-summary');
      await expect.poll(() => summary.textContent()).toBe(tr(lang, 'victims.summary', { victims: '1', acts: '0' }));

      // Add the victim (picked by code).
      await choose(page, tr(lang, 'victims.addLabel'), new RegExp(`^${s.victim.code}`));
      await page.getByRole('button', { name: tr(lang, 'victims.add'), exact: true }).click();
      const card = page.getByRole('group', { name: tr(lang, 'victims.victimLabel', { code: s.victim.code }) });
      await card.waitFor();
      await expect.poll(() => summary.textContent()).toBe(tr(lang, 'victims.summary', { victims: '2', acts: '0' }));
      await card.getByText(tr(lang, 'victims.acts.none')).waitFor();
      // Every person of the case is a victim now: nothing is left to pick.
      expect(await page.getByRole('button', { name: tr(lang, 'victims.add'), exact: true }).isDisabled()).toBe(true);

      // First act: torture, when and where the incident happened.
      await card.getByRole('button', { name: tr(lang, 'victims.acts.add', { code: s.victim.code }) }).click();
      const form = card.getByRole('form', { name: tr(lang, 'victims.acts.formLabel', { code: s.victim.code }) });
      await form.getByLabel(tr(lang, 'victims.acts.type'), { exact: true }).selectOption('torture');
      await expectAccessible(page);
      await form.getByRole('button', { name: tr(lang, 'victims.acts.save') }).click();
      const rows = card.getByTestId('act-row');
      await expect.poll(() => rows.count()).toBe(1);
      // Second act: forced labour in 1998; a malformed year is refused in words first.
      await card.getByRole('button', { name: tr(lang, 'victims.acts.add', { code: s.victim.code }) }).click();
      await form.getByLabel(tr(lang, 'victims.acts.type'), { exact: true }).selectOption('forced_labour');
      await form.getByLabel(tr(lang, 'victims.acts.when'), { exact: true }).selectOption('year');
      await form.getByLabel(tr(lang, 'incidents.date.value'), { exact: true }).fill('1998-03');
      await form.getByRole('button', { name: tr(lang, 'victims.acts.save') }).click();
      await form.getByText(tr(lang, 'incidents.date.format.year')).waitFor();
      await form.getByLabel(tr(lang, 'incidents.date.value'), { exact: true }).fill('1998');
      await form.getByRole('button', { name: tr(lang, 'victims.acts.save') }).click();
      await expect.poll(() => rows.count()).toBe(2);
      await expect.poll(() => summary.textContent()).toBe(tr(lang, 'victims.summary', { victims: '2', acts: '2' }));
      const year = (y: number) => new Intl.DateTimeFormat(lang, { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, 0, 1));
      const range = tr(lang, 'incidents.date.rangeValue', { from: year(1997), to: new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(1998, 5, 1)) });
      const cells = async (n: number) => rows.nth(n).locator('td').allTextContents();
      expect((await cells(0)).slice(0, 3)).toEqual([lang === 'ko' ? '고문' : 'Torture', range, 'Camp 15 (Yodok)']);
      expect((await cells(1)).slice(0, 3)).toEqual([lang === 'ko' ? '강제노동' : 'Forced labour', year(1998), 'Camp 15 (Yodok)']);
      // A victim with acts cannot be removed before their acts.
      expect(await card.getByRole('button', { name: tr(lang, 'victims.remove', { code: s.victim.code }) }).isDisabled()).toBe(true);

      // Categories (the lead is cleared for identities).
      await card.getByRole('button', { name: tr(lang, 'victims.attributes.recordOf', { code: s.victim.code }) }).click();
      const attrs = card.getByRole('form', { name: tr(lang, 'victims.attributes.formLabel', { code: s.victim.code }) });
      await attrs.getByLabel(tr(lang, 'victims.attributes.sex'), { exact: true }).selectOption('female');
      await attrs.getByLabel(tr(lang, 'victims.attributes.ageGroup'), { exact: true }).selectOption('18-29');
      await attrs.getByRole('checkbox', { name: tr(lang, 'victims.attributes.statusNames.christian') }).check();
      await attrs.getByRole('checkbox', { name: tr(lang, 'victims.attributes.statusNames.repatriated_detainee') }).check();
      await expectAccessible(page);
      await attrs.getByRole('button', { name: tr(lang, 'victims.attributes.save') }).click();
      const shown = [tr(lang, 'victims.attributes.sexes.female'), tr(lang, 'victims.attributes.ageValue', { group: tr(lang, 'victims.attributes.ageGroups.18-29') }), tr(lang, 'victims.attributes.statusNames.christian'), tr(lang, 'victims.attributes.statusNames.repatriated_detainee')];
      await expect.poll(() => card.getByTestId('victim-attributes').textContent()).toBe(shown.join(' · '));
      await expectAccessible(page);
      await page.evaluate('window.scrollTo(0, 0)');
      await screenshot(page, 'incident-victims', lang);

      // The API holds what the page shows.
      const as = bearer(s.lead.token);
      const acts = (await web.ctx.http().get(`/cases/${s.caseId}/incidents/${s.incidentId}/acts`).set(...as).expect(200)).body as Array<{ personCode: string; violationType: string; date: { precision: string; date: string | null } }>;
      expect(acts.map((a) => [a.personCode, a.violationType, a.date.precision, a.date.date])).toEqual([[s.victim.code, 'torture', 'range', null], [s.victim.code, 'forced_labour', 'year', '1998']]);
      const attributes = (await web.ctx.http().get(`/cases/${s.caseId}/people/${s.victim.id}/victim-attributes`).set(...as).expect(200)).body;
      expect(attributes).toMatchObject({ sex: 'female', ageGroup: '18-29', statuses: ['christian', 'repatriated_detainee'] });
      const incident = (await web.ctx.http().get(`/cases/${s.caseId}/incidents/${s.incidentId}`).set(...as).expect(200)).body as { victims: Array<{ person: { code: string } | null }> };
      expect(incident.victims.map((v) => v.person?.code)).toEqual([s.witness.code, s.victim.code]);

      // Removing an act: listed and counted one fewer.
      await card.getByRole('button', { name: tr(lang, 'victims.acts.remove', { n: '2', type: lang === 'ko' ? '강제노동' : 'Forced labour', code: s.victim.code }) }).click();
      await expect.poll(() => rows.count()).toBe(1);
      await expect.poll(() => summary.textContent()).toBe(tr(lang, 'victims.summary', { victims: '2', acts: '1' }));

      // A member without identity clearance sees the acts, is told categories are not for them, and never asks for them.
      const context = await newContext(browser, web, lang);
      const asked: string[] = [];
      context.on('request', (req) => asked.push(req.url()));
      const other = await context.newPage();
      await signInThroughUi(other, lang, s.uncleared, `/app/cases/${s.caseId}/incidents/${s.incidentId}`);
      const theirCard = other.getByRole('group', { name: tr(lang, 'victims.victimLabel', { code: s.victim.code }) });
      await theirCard.getByTestId('act-row').first().waitFor();
      expect(await theirCard.getByTestId('act-row').count()).toBe(1);
      await theirCard.getByText(tr(lang, 'victims.attributes.uncleared')).waitFor();
      expect(asked.filter((u) => u.includes('victim-attributes'))).toEqual([]);
      await context.close();
    }, 180_000);
  }
});
