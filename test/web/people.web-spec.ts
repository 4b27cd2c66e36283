import type { Browser, Locator, Page, Response } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { browserStorageDump, expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr, type Lang } from './support/browser';
import { createCase, createUser, startWebApp, type TestUser, type WebApp } from './support/web-app';

/** A witness's identity as typed in the journey, different per language so each run checks its own strings. */
const WITNESS = {
  ko: { hangul: '박순녀', romanised: 'Pak Sun-nyo', alias: '순이', relativeName: '박철호', relativeNote: '함경북도에 남아 있음', phone: '+82 10-5550-0147', newAlias: '작은순이', theirAlias: '순녀언니' },
  en: { hangul: '리명옥', romanised: 'Ri Myong-ok', alias: 'Okhui', relativeName: '리영수', relativeNote: 'still in Onsong', phone: '+82 10-5550-0288', newAlias: 'Myongi', theirAlias: 'Ok-i' },
} as const;
const BIRTHPLACE = 'Hoeryong (회령시)';

/** Every identity string the journey records: none may reach an uncleared member. */
const identityStrings = (lang: Lang) => [...Object.values(WITNESS[lang]), BIRTHPLACE];

/** Records every response body the page receives (text), for checking that nothing leaked. */
function collectResponses(page: Page): () => Promise<string[]> {
  const pending: Array<Promise<string>> = [];
  page.on('response', (response: Response) => {
    pending.push(response.text().then((body) => `${response.url()}\n${body}`, () => `${response.url()}\n`));
  });
  return () => Promise.all(pending);
}

/** Waits until the page's running transitions have finished (axe must not see a half-faded dialog). */
async function settled(locator: Locator): Promise<void> {
  await locator.waitFor();
  // A string, not a function: the api's tsconfig has no DOM types.
  await locator.page().evaluate('Promise.all(document.getAnimations().map((a) => a.finished)).then(() => true)');
}

/** A full-page screenshot from the top (a scrolled page would draw the fixed header mid-page). */
async function shot(page: Page, name: string, lang: Lang): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name, lang);
}

/** Types a value into a Mantine TagsInput and commits it with Enter. */
async function addTag(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill(value);
  await input.press('Enter');
}

describe('people: the register, the identity panel (reveal, edit, merge, erase), and nothing for the uncleared', () => {
  let web: WebApp;
  let browser: Browser;
  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const identityOf = async (lead: TestUser, caseId: string, personId: string) =>
    (await web.ctx.http().get(`/cases/${caseId}/people/${personId}/identity`).set(...bearer(lead.token)).expect(200)).body as { version: number; identity: Record<string, unknown> | null };

  for (const lang of ['ko', 'en'] as const) {
    const w = WITNESS[lang];

    it(`[${lang}] a cleared lead registers a witness with the identity, reveals, edits and merges; an uncleared member receives none of it; erasing keeps the pseudonym`, async () => {
      const lead = await createUser(web, 'investigator', lang === 'ko' ? '김조사' : 'Lee Lead');
      const member = await createUser(web, 'investigator', lang === 'ko' ? '최분석' : 'Una Cleared');
      const caseId = await createCase(web, lead, lang === 'ko' ? '강제송환 증언 2019' : 'Forced repatriation testimonies 2019');
      await web.ctx.http().put(`/cases/${caseId}/members/${member.id}`).set(...bearer(lead.token)).send({ role: 'investigator', identityClearance: false }).expect(200);

      const context = await newContext(browser, web, lang);
      const page = await context.newPage();
      const identityRequests: string[] = [];
      page.on('request', (request) => {
        if (/\/people\/[0-9a-f-]{36}\/identity$/.test(new URL(request.url()).pathname) && request.method() === 'GET') identityRequests.push(request.url());
      });
      await signInThroughUi(page, lang, lead, `/app/cases/${caseId}/people`);
      await page.getByText(tr(lang, 'people.none')).waitFor();

      // Register a witness with the identity, in the same form.
      await page.getByRole('link', { name: tr(lang, 'people.register') }).click();
      await page.getByRole('heading', { name: tr(lang, 'people.newTitle') }).waitFor();
      await page.getByLabel(tr(lang, 'people.kind'), { exact: true }).selectOption('witness');
      await page.getByLabel(tr(lang, 'people.recordIdentityNow')).check();
      await addTag(page, tr(lang, 'people.identity.namesHangul'), w.hangul);
      await addTag(page, tr(lang, 'people.identity.namesRomanised'), w.romanised);
      await addTag(page, tr(lang, 'people.identity.aliases'), w.alias);
      await page.getByLabel(tr(lang, 'people.identity.sex'), { exact: true }).selectOption('female');
      await page.getByLabel(tr(lang, 'people.identity.precision')).selectOption('year');
      await page.getByLabel(tr(lang, 'people.identity.date'), { exact: true }).fill('1975');
      // The birthplace from the gazetteer, typed in a romanisation and picked.
      await page.getByRole('combobox', { name: tr(lang, 'people.identity.birthplace') }).fill('Hoeryong');
      await page.getByRole('option', { name: /^Hoeryong \(회령시\)/ }).click();
      expect(await page.getByRole('combobox', { name: tr(lang, 'people.identity.birthplace') }).inputValue()).toBe(BIRTHPLACE);
      await page.getByRole('button', { name: tr(lang, 'people.identity.addRelative') }).click();
      const relative = page.getByRole('group', { name: tr(lang, 'people.identity.relativeN', { n: '1' }) });
      await relative.getByLabel(tr(lang, 'people.identity.relation')).fill(lang === 'ko' ? '오빠' : 'brother');
      await relative.getByLabel(tr(lang, 'people.identity.relativeName')).fill(w.relativeName);
      await relative.getByLabel(tr(lang, 'people.identity.note')).fill(w.relativeNote);
      await page.getByRole('button', { name: tr(lang, 'people.identity.addContact') }).click();
      const contact = page.getByRole('group', { name: tr(lang, 'people.identity.contactN', { n: '1' }) });
      await contact.getByLabel(tr(lang, 'people.identity.contactKind')).selectOption('phone');
      await contact.getByLabel(tr(lang, 'people.identity.contactValue'), { exact: true }).fill(w.phone);
      await expectAccessible(page);
      await shot(page, 'person-new', lang);
      await page.getByRole('button', { name: tr(lang, 'people.create'), exact: true }).click();

      // The person page: the pseudonym, and the identity sealed until revealed.
      await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
      const personId = page.url().split('/').pop() as string;
      await page.getByRole('heading', { name: tr(lang, 'people.personTitle', { code: 'W-0001' }) }).waitFor();
      await page.getByRole('button', { name: tr(lang, 'people.reveal.button') }).waitFor();
      const saved = await identityOf(lead, caseId, personId);
      expect(saved.identity).toEqual({
        namesHangul: [w.hangul],
        namesRomanised: [w.romanised],
        aliases: [w.alias],
        sex: 'female',
        birthDate: { precision: 'year', date: '1975' },
        birthplace: BIRTHPLACE,
        relatives: [{ relation: lang === 'ko' ? '오빠' : 'brother', name: w.relativeName, note: w.relativeNote }],
        contacts: [{ kind: 'phone', value: w.phone }],
      });
      for (const s of identityStrings(lang)) expect(await page.content()).not.toContain(s);

      // The register lists the witness by code and kind and links to the page.
      await page.getByRole('link', { name: tr(lang, 'people.backToRegister') }).click();
      const row = page.getByRole('link', { name: tr(lang, 'people.openPerson', { code: 'W-0001' }) });
      await row.waitFor();
      await page.getByRole('cell', { name: tr(lang, 'people.kinds.witness') }).waitFor();
      await page.getByLabel(tr(lang, 'people.kindFilter')).selectOption('victim');
      await page.getByText(tr(lang, 'people.noneOfKind')).waitFor();
      await page.getByLabel(tr(lang, 'people.kindFilter')).selectOption('witness');
      await row.waitFor();
      await expectAccessible(page);
      await shot(page, 'people', lang);
      await row.click();
      await page.getByRole('button', { name: tr(lang, 'people.reveal.button') }).waitFor();
      await expectAccessible(page);
      await shot(page, 'person', lang);
      expect(identityRequests).toEqual([]);

      // Reveal: a dialog says it is recorded; only then is the identity requested (no-store).
      const revealed = page.waitForResponse((r) => r.url().endsWith(`/people/${personId}/identity`) && r.request().method() === 'GET');
      await page.getByRole('button', { name: tr(lang, 'people.reveal.button') }).click();
      const dialog = page.getByRole('dialog', { name: tr(lang, 'people.reveal.title', { code: 'W-0001' }) });
      await dialog.getByText(tr(lang, 'people.reveal.warning')).waitFor();
      expect(identityRequests).toEqual([]);
      await settled(dialog);
      await expectAccessible(page);
      await shot(page, 'person-reveal', lang);
      await dialog.getByRole('button', { name: tr(lang, 'people.reveal.confirm') }).click();
      expect((await revealed).headers()['cache-control']).toBe('no-store');
      const panel = page.getByRole('region', { name: tr(lang, 'people.identity.title') });
      await panel.getByText(w.hangul).waitFor();
      await panel.getByText(BIRTHPLACE).waitFor();
      await panel.getByText(`${tr(lang, 'people.contactKinds.phone')}: ${w.phone}`).waitFor();
      expect(identityRequests).toHaveLength(1);
      const audit = await web.ctx.sql<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'person.identity_read' AND subject_id = $1 AND actor_id = $2`, [personId, lead.id]);
      expect(Number(audit[0]?.n)).toBe(2); // the API check above and the reveal in the browser
      await expectAccessible(page);
      await shot(page, 'person-identity', lang);

      // Edit: add an alias and save.
      await panel.getByRole('button', { name: tr(lang, 'people.identity.edit') }).click();
      await addTag(page, tr(lang, 'people.identity.aliases'), w.newAlias);
      await page.getByRole('button', { name: tr(lang, 'people.identity.save') }).click();
      await panel.getByText(`${w.alias}, ${w.newAlias}`).waitFor();
      expect((await identityOf(lead, caseId, personId)).identity?.aliases).toEqual([w.alias, w.newAlias]);

      // A concurrent save meanwhile: the 409 shows both versions; the user keeps theirs where they choose.
      await panel.getByRole('button', { name: tr(lang, 'people.identity.edit') }).click();
      const current = await identityOf(lead, caseId, personId);
      await web.ctx.http().put(`/cases/${caseId}/people/${personId}/identity`).set(...bearer(lead.token))
        .send({ version: current.version, identity: { ...current.identity, aliases: [w.alias, w.newAlias, w.theirAlias] } }).expect(200);
      await page.getByLabel(tr(lang, 'people.identity.sex'), { exact: true }).selectOption('unknown');
      await page.getByRole('button', { name: tr(lang, 'people.identity.save') }).click();
      const merge = page.getByRole('table', { name: tr(lang, 'people.conflict.title') });
      await merge.waitFor();
      await merge.getByText(w.theirAlias).waitFor(); // their version of the aliases is shown
      await expectAccessible(page);
      await shot(page, 'person-conflict', lang);
      const sexChoice = page.getByRole('radiogroup', { name: tr(lang, 'people.conflict.choose', { field: tr(lang, 'people.fields.sex') }) });
      await sexChoice.getByLabel(tr(lang, 'people.conflict.keepMine')).check();
      await page.getByRole('button', { name: tr(lang, 'people.conflict.saveMerged') }).click();
      await panel.getByRole('button', { name: tr(lang, 'people.identity.edit') }).waitFor();
      const merged = (await identityOf(lead, caseId, personId)).identity;
      expect(merged?.aliases).toEqual([w.alias, w.newAlias, w.theirAlias]);
      expect(merged?.sex).toBe('unknown');

      // Hiding drops the identity from the page.
      await panel.getByRole('button', { name: tr(lang, 'people.reveal.hide') }).click();
      await panel.getByRole('button', { name: tr(lang, 'people.reveal.button') }).waitFor();
      for (const s of identityStrings(lang)) expect(await page.content()).not.toContain(s);
      // The app page that showed the identity is served no-store too.
      const reloaded = await page.reload();
      expect(reloaded?.headers()['cache-control']).toBe('no-store');

      // An uncleared member opens the same case: nothing of the identity reaches the browser.
      const otherContext = await newContext(browser, web, lang);
      const other = await otherContext.newPage();
      const bodies = collectResponses(other);
      const otherIdentityRequests: string[] = [];
      other.on('request', (request) => {
        if (request.url().includes('/identity')) otherIdentityRequests.push(request.url());
      });
      await signInThroughUi(other, lang, member, `/app/cases/${caseId}/people`);
      await other.getByText(tr(lang, 'people.unclearedNote')).waitFor();
      await other.getByRole('link', { name: tr(lang, 'people.openPerson', { code: 'W-0001' }) }).click();
      await other.getByRole('heading', { name: tr(lang, 'people.personTitle', { code: 'W-0001' }) }).waitFor();
      await other.getByText(tr(lang, 'people.unclearedNote')).waitFor();
      expect(await other.getByRole('button', { name: tr(lang, 'people.reveal.button') }).count()).toBe(0);
      await expectAccessible(other);
      await shot(other, 'person-uncleared', lang);
      const html = await other.content();
      const received = (await bodies()).join('\n');
      const storage = await browserStorageDump(other);
      for (const s of identityStrings(lang)) {
        expect(html).not.toContain(s);
        expect(received).not.toContain(s);
        expect(storage).not.toContain(s);
      }
      expect(received).toContain('W-0001'); // the bodies were really collected
      expect(otherIdentityRequests).toEqual([]);
      await otherContext.close();

      // Erase: the dialog names the consequence and wants the code typed; the pseudonym stays.
      await panel.getByRole('button', { name: tr(lang, 'people.erase.button') }).click();
      const erase = page.getByRole('dialog', { name: tr(lang, 'people.erase.title', { code: 'W-0001' }) });
      await erase.getByText(tr(lang, 'people.erase.destroyed')).waitFor();
      await erase.getByText(tr(lang, 'people.erase.pseudonymStays', { code: 'W-0001' })).waitFor();
      await erase.getByText(tr(lang, 'people.erase.redactionsStay')).waitFor();
      const confirm = erase.getByRole('button', { name: tr(lang, 'people.erase.confirm') });
      expect(await confirm.isDisabled()).toBe(true);
      await erase.getByLabel(tr(lang, 'people.erase.reason')).selectOption('witness_request');
      await erase.getByLabel(tr(lang, 'people.erase.confirmLabel', { code: 'W-0001' })).fill('W-0002');
      expect(await confirm.isDisabled()).toBe(true);
      await erase.getByLabel(tr(lang, 'people.erase.confirmLabel', { code: 'W-0001' })).fill('W-0001');
      await settled(erase);
      await expectAccessible(page);
      await shot(page, 'person-erase', lang);
      await confirm.click();
      await erase.waitFor({ state: 'hidden' });
      await page.getByText(tr(lang, 'people.status.erased'), { exact: true }).waitFor();
      await expectAccessible(page);
      await shot(page, 'person-erased', lang);
      await page.getByRole('heading', { name: tr(lang, 'people.personTitle', { code: 'W-0001' }) }).waitFor();
      const after = await identityOf(lead, caseId, personId);
      expect(after.identity).toBeNull();
      const person = await web.ctx.http().get(`/cases/${caseId}/people/${personId}`).set(...bearer(lead.token)).expect(200);
      expect(person.body).toMatchObject({ code: 'W-0001', hasIdentity: false });
      expect(person.body.identityErasedAt).not.toBeNull();
      await context.close();
    }, 180_000);

    it(`[${lang}] the register pages through many people and filters by kind, each row a link; typed identity is guarded on leaving`, async () => {
      const lead = await createUser(web, 'investigator');
      const caseId = await createCase(web, lead, lang === 'ko' ? '명부 페이지' : 'Register paging');
      for (let i = 0; i < 27; i++) await web.ctx.http().post(`/cases/${caseId}/people`).set(...bearer(lead.token)).send({ kind: 'witness' }).expect(201);
      await web.ctx.http().post(`/cases/${caseId}/people`).set(...bearer(lead.token)).send({ kind: 'victim' }).expect(201);
      const context = await newContext(browser, web, lang);
      const page = await context.newPage();
      await signInThroughUi(page, lang, lead, `/app/cases/${caseId}/people`);
      const table = page.getByRole('table', { name: tr(lang, 'people.tableLabel') });
      // Sorted by code: V-0001, then W-0001 … W-0024 on the first page; W-0025 … W-0027 on the second.
      await table.getByRole('link', { name: tr(lang, 'people.openPerson', { code: 'W-0024' }) }).waitFor();
      expect(await table.getByRole('link').count()).toBe(25);
      await page.getByText(tr(lang, 'people.total', { formatted: '28' })).waitFor();
      await page.getByRole('button', { name: tr(lang, 'people.pagination.next') }).click();
      await table.getByRole('link', { name: tr(lang, 'people.openPerson', { code: 'W-0027' }) }).waitFor();
      expect(await table.getByRole('link').count()).toBe(3);
      await page.getByLabel(tr(lang, 'people.kindFilter')).selectOption('victim');
      await page.getByText(tr(lang, 'people.total', { formatted: '1' })).waitFor();
      await table.getByRole('link', { name: tr(lang, 'people.openPerson', { code: 'V-0001' }) }).click();
      await page.getByRole('heading', { name: tr(lang, 'people.personTitle', { code: 'V-0001' }) }).waitFor();
      await page.getByRole('cell', { name: tr(lang, 'people.kinds.victim') }).waitFor();

      // Typed identity data is guarded: leaving asks first, and staying keeps what was typed.
      await page.getByRole('link', { name: tr(lang, 'people.backToRegister') }).click();
      await page.getByRole('link', { name: tr(lang, 'people.register') }).click();
      await page.getByLabel(tr(lang, 'people.recordIdentityNow')).check();
      await addTag(page, tr(lang, 'people.identity.namesHangul'), WITNESS[lang].hangul);
      const asked: string[] = [];
      page.once('dialog', (d) => {
        asked.push(d.message());
        void d.dismiss();
      });
      await page.getByRole('link', { name: tr(lang, 'people.backToRegister') }).click();
      await page.getByRole('heading', { name: tr(lang, 'people.newTitle') }).waitFor();
      expect(asked).toEqual([tr(lang, 'people.unsavedConfirm')]);
      expect(page.url()).toMatch(/\/people\/new$/);
      await page.getByText(WITNESS[lang].hangul, { exact: true }).waitFor();
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('link', { name: tr(lang, 'people.backToRegister') }).click();
      await page.waitForURL(/\/people$/);
      await context.close();
    }, 120_000);
  }
});
