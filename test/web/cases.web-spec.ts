import type { Browser, Page } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr, type Lang } from './support/browser';
import { createCase, createUser, startWebApp, type WebApp } from './support/web-app';

/** Issue 15 items 2 and 3: home, cases (create, edit with conflicts, archive/reopen), members. */
describe('cases, members and home', () => {
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

  const dialog = (page: Page, lang: Lang, key: string, vars: Record<string, string> = {}) => page.getByRole('dialog', { name: tr(lang, key, vars) });

  for (const lang of ['ko', 'en'] as const) {
    it(`[${lang}] a lead creates a case, adds a member by name with clearance, and the member sees it at home`, async () => {
      const ko = lang === 'ko';
      const leadName = ko ? '김책임' : 'Lena Lead';
      const lead = await createUser(web, 'investigator', leadName);
      const memberName = ko ? `박분석 ${Date.now()}` : `Petra Analyst ${Date.now()}`;
      const member = await createUser(web, 'analyst', memberName);
      const title = ko ? `개천 수용소 증언 ${lang}` : `Kaechon camp testimonies ${lang}`;
      const page = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(page, lang, lead, '/app/cases');

      // The case list, then a new case through its form.
      await page.getByRole('heading', { name: tr(lang, 'cases.title'), level: 1 }).waitFor();
      await page.getByRole('button', { name: tr(lang, 'cases.create.open') }).click();
      const create = dialog(page, lang, 'cases.create.title');
      await create.getByRole('button', { name: tr(lang, 'cases.create.submit') }).click();
      await create.getByText(tr(lang, 'cases.fields.titleRequired')).waitFor();
      await create.getByLabel(tr(lang, 'cases.fields.title')).fill(title);
      await create.getByLabel(tr(lang, 'cases.fields.description')).fill(ko ? '14호 관리소 강제노동' : 'Kwanliso 14 forced labour');
      await expectAccessible(page);
      await screenshot(page, 'case-create', lang);
      await create.getByRole('button', { name: tr(lang, 'cases.create.submit') }).click();

      // The creator lands on the members tab of the new case, as its lead.
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/members$/);
      const caseId = /\/cases\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';

      // Find the analyst by typing part of the name, pick them, ask for clearance.
      const person = page.getByRole('combobox', { name: tr(lang, 'members.add.person') });
      await person.click();
      await person.pressSequentially(ko ? '분석' : 'petra');
      await page.getByRole('option', { name: new RegExp(memberName) }).click();
      await page.getByRole('checkbox', { name: tr(lang, 'members.add.clearance') }).check();
      await page.getByRole('button', { name: tr(lang, 'members.add.submit') }).click();

      // Granting clearance asks first, and says what it allows and that it is recorded.
      const grant = dialog(page, lang, 'members.grant.title', { name: memberName });
      await grant.getByText(tr(lang, 'members.grant.recorded')).waitFor();
      await grant.getByText(tr(lang, 'members.grant.explain', { name: memberName })).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'members-grant', lang);
      await grant.getByRole('button', { name: tr(lang, 'members.grant.confirm') }).click();
      await grant.waitFor({ state: 'hidden' });

      // The member is listed as cleared, and the history says clearance was granted.
      const row = page.getByRole('row', { name: new RegExp(memberName) });
      await row.getByRole('switch', { name: tr(lang, 'members.clearanceOf', { name: memberName }) }).waitFor();
      expect(await row.getByRole('switch').isChecked()).toBe(true);
      const history = page.getByRole('table', { name: tr(lang, 'members.history.title') });
      const added = history.getByRole('row', { name: new RegExp(memberName) });
      await added.getByText(tr(lang, 'members.history.addedCleared', { role: tr(lang, 'caseRoles.investigator') })).waitFor();
      await added.getByText(tr(lang, 'members.history.clearanceGranted')).waitFor();
      await added.getByText(leadName).waitFor();
      const members = await web.ctx.http().get(`/cases/${caseId}/members`).set(...bearer(lead.token)).expect(200);
      expect(members.body).toEqual(expect.arrayContaining([expect.objectContaining({ userId: member.id, role: 'investigator', identityClearance: true })]));

      // The only lead cannot remove themself: the refusal is said in words.
      await page.getByRole('button', { name: tr(lang, 'members.removeOf', { name: leadName }) }).click();
      const removeDialog = dialog(page, lang, 'members.removeTitle', { name: leadName });
      await removeDialog.getByRole('button', { name: tr(lang, 'members.remove') }).click();
      await page.getByRole('alert').getByText(tr(lang, 'errors.LAST_CASE_LEAD')).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'members', lang);

      // The member signs in and finds the case on their home page, with their role and clearance.
      const memberPage = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(memberPage, lang, member);
      await memberPage.getByRole('heading', { name: tr(lang, 'home.title'), level: 1 }).waitFor();
      const homeRow = memberPage.getByRole('table', { name: tr(lang, 'home.casesTable') }).getByRole('row', { name: new RegExp(title) });
      await homeRow.getByRole('link', { name: title }).waitFor();
      await homeRow.getByText(tr(lang, 'caseRoles.investigator')).waitFor();
      await homeRow.getByText(tr(lang, 'members.cleared')).waitFor();
      // A member who is not a lead sees the list, without the controls or the history.
      await homeRow.getByRole('link', { name: title }).click();
      await memberPage.getByRole('tab', { name: tr(lang, 'case.tabs.members') }).click();
      await memberPage.getByRole('table', { name: tr(lang, 'members.listTitle') }).getByText(memberName).waitFor();
      expect(await memberPage.getByRole('button', { name: tr(lang, 'members.add.submit') }).count()).toBe(0);
      expect(await memberPage.getByRole('table', { name: tr(lang, 'members.history.title') }).count()).toBe(0);
      await memberPage.context().close();

      // The lead's own activity, in words, linking to the case.
      await page.getByRole('link', { name: tr(lang, 'nav.cases') }).click();
      const activity = page.getByRole('table', { name: tr(lang, 'home.activityTitle') });
      await activity.getByText(tr(lang, 'activity.actions.case.member.clearance_granted')).waitFor();
      await activity.getByRole('row', { name: new RegExp(tr(lang, 'activity.actions.case.create')) }).getByRole('link', { name: title }).waitFor();
      // axe judges the page at rest: not the hover colours of the link just clicked.
      await page.mouse.move(1200, 780);
      await expectAccessible(page);
      await screenshot(page, 'home-lead', lang);
      await page.context().close();
    });

    it(`[${lang}] a stale edit shows both versions; the merged save keeps what the user chose`, async () => {
      const ko = lang === 'ko';
      const lead = await createUser(web, 'investigator', ko ? '이편집' : 'Ed Itor');
      const caseId = await createCase(web, lead, ko ? '요덕 사건' : 'Yodok case', ko ? '처음 설명' : 'First description');
      const page = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(page, lang, lead, `/app/cases/${caseId}/members`);
      await page.getByRole('heading', { name: ko ? '요덕 사건' : 'Yodok case', level: 1 }).waitFor();

      await page.getByRole('button', { name: tr(lang, 'cases.edit.open') }).click();
      const edit = dialog(page, lang, 'cases.edit.title');
      const mineTitle = ko ? '요덕 정치범수용소 사건' : 'Yodok political prison camp';
      await edit.getByLabel(tr(lang, 'cases.fields.title')).fill(mineTitle);
      await edit.getByLabel(tr(lang, 'cases.fields.description')).fill(ko ? '내 설명' : 'My description');

      // Unsaved changes are not dropped silently: closing asks first (here: stay).
      const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.message()))));
      await edit.getByRole('button', { name: tr(lang, 'cases.close') }).click();
      expect(await asked).toBe(tr(lang, 'cases.edit.leave'));
      await edit.getByLabel(tr(lang, 'cases.fields.title')).waitFor();
      expect(await edit.getByLabel(tr(lang, 'cases.fields.title')).inputValue()).toBe(mineTitle);

      // Meanwhile someone else saves both fields.
      const theirTitle = ko ? '요덕 (15호 관리소)' : 'Yodok (Kwanliso 15)';
      const theirDescription = ko ? '다른 사람의 설명' : 'Their description';
      await web.ctx.http().patch(`/cases/${caseId}`).set(...bearer(lead.token)).send({ version: 1, title: theirTitle, description: theirDescription }).expect(200);

      await edit.getByRole('button', { name: tr(lang, 'cases.save') }).click();
      const conflict = dialog(page, lang, 'cases.conflict.title');
      await conflict.getByText(tr(lang, 'cases.conflict.explain')).waitFor();
      await conflict.getByText(theirTitle).waitFor();
      await conflict.getByText(mineTitle).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'case-conflict', lang);

      // Keep my title, their description.
      const descriptionChoice = conflict.getByRole('radiogroup', { name: tr(lang, 'cases.conflict.choose', { field: tr(lang, 'cases.fields.description') }) });
      await descriptionChoice.getByRole('radio', { name: tr(lang, 'cases.conflict.theirs') }).check();
      await conflict.getByRole('button', { name: tr(lang, 'cases.conflict.save') }).click();
      await conflict.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { name: mineTitle, level: 1 }).waitFor();
      const saved = await web.ctx.http().get(`/cases/${caseId}`).set(...bearer(lead.token)).expect(200);
      expect(saved.body).toMatchObject({ title: mineTitle, description: theirDescription, version: 3 });
      await page.context().close();
    });

    it(`[${lang}] archiving says what it does; the case is read-only until reopened`, async () => {
      const ko = lang === 'ko';
      const lead = await createUser(web, 'analyst', ko ? '최보관' : 'Archie Vist');
      const title = ko ? '회령 사건' : 'Hoeryong case';
      const caseId = await createCase(web, lead, title);
      const page = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(page, lang, lead, `/app/cases/${caseId}/members`);
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();

      await page.getByRole('button', { name: tr(lang, 'cases.archive.open'), exact: true }).click();
      const archive = dialog(page, lang, 'cases.archive.title', { title });
      await archive.getByText(tr(lang, 'cases.archive.readOnly')).waitFor();
      await archive.getByText(tr(lang, 'cases.archive.kept')).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'case-archive', lang);
      await archive.getByRole('button', { name: tr(lang, 'cases.archive.confirm') }).click();
      await archive.waitFor({ state: 'hidden' });
      await page.getByText(tr(lang, 'cases.archivedNotice')).waitFor();
      expect(await page.getByRole('button', { name: tr(lang, 'cases.edit.open') }).count()).toBe(0);
      expect((await web.ctx.http().get(`/cases/${caseId}`).set(...bearer(lead.token)).expect(200)).body.status).toBe('archived');

      // The list filters by status: the case is among the archived ones.
      await page.getByRole('link', { name: tr(lang, 'cases.nav') }).click();
      await page.getByRole('heading', { name: tr(lang, 'cases.title'), level: 1 }).waitFor();
      await page.getByRole('combobox', { name: tr(lang, 'cases.filter.status') }).click();
      await page.getByRole('option', { name: tr(lang, 'case.statuses.archived') }).click();
      await page.getByRole('textbox', { name: tr(lang, 'cases.filter.words') }).fill(ko ? '회령' : 'hoeryong');
      const list = page.getByRole('table', { name: tr(lang, 'cases.table') });
      await list.getByRole('link', { name: title }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'cases', lang);

      await list.getByRole('link', { name: title }).click();
      await page.getByRole('button', { name: tr(lang, 'cases.reopen.open'), exact: true }).click();
      const reopen = dialog(page, lang, 'cases.reopen.title', { title });
      await reopen.getByRole('button', { name: tr(lang, 'cases.reopen.confirm') }).click();
      await reopen.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: tr(lang, 'cases.edit.open') }).waitFor();
      expect(await page.getByText(tr(lang, 'cases.archivedNotice')).count()).toBe(0);
      expect((await web.ctx.http().get(`/cases/${caseId}`).set(...bearer(lead.token)).expect(200)).body.status).toBe('active');
      await page.context().close();
    });
  }
});
