import type { Browser } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { WITNESS_IDENTITY, IDENTIFYING_STRINGS } from '../helpers/case-fixtures';
import { expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr } from './support/browser';
import { addMember, createCase, createUser, startWebApp, type WebApp } from './support/web-app';

describe('audit trail: a case lead reads the trail, filtered, with identity reads standing out', () => {
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

  for (const lang of ['ko', 'en'] as const) {
    it(`[${lang}] a lead filters the case's trail by action and sees the identity read highlighted; a non-lead member has no audit tab`, async () => {
      const lead = await createUser(web, 'investigator', lang === 'ko' ? '김감사' : 'Lena Lead');
      const member = await createUser(web, 'investigator', lang === 'ko' ? '이조사' : 'Ivan Member');
      const caseId = await createCase(web, lead, lang === 'ko' ? '정치범수용소 증언' : 'Political prison camp testimonies');
      await addMember(web, caseId, lead, member, 'investigator', false);
      const person = await web.ctx.http().post(`/cases/${caseId}/people`).set(...bearer(lead.token)).send({ kind: 'witness', identity: WITNESS_IDENTITY }).expect(201);
      await web.ctx.http().get(`/cases/${caseId}/people/${person.body.id as string}/identity`).set(...bearer(lead.token)).expect(200);

      const context = await newContext(browser, web, lang);
      const page = await context.newPage();
      const bodies: Array<Promise<string>> = [];
      page.on('response', (r) => {
        if (new URL(r.url()).pathname.includes('/audit')) bodies.push(r.text().catch(() => ''));
      });
      await signInThroughUi(page, lang, lead, `/app/cases/${caseId}/audit`);
      const table = page.getByRole('table', { name: tr(lang, 'audit.tableLabel') });
      await table.waitFor();
      // Unfiltered: membership changes, the person's creation, the identity read (and more).
      await table.getByText('case.member', { exact: false }).first().waitFor();

      await page.getByRole('textbox', { name: tr(lang, 'audit.action') }).fill('person.');
      await page.getByRole('button', { name: tr(lang, 'audit.apply') }).click();
      await page.getByRole('status').filter({ hasText: tr(lang, 'audit.count', { n: '2' }) }).waitFor();
      const rows = table.locator('tbody tr');
      await expect(rows.count()).resolves.toBe(2);
      const read = rows.nth(0);
      await expect(read.textContent()).resolves.toContain('person.identity_read');
      await expect(read.getAttribute('data-highlight')).resolves.toBe('identity_read');
      await read.getByText(tr(lang, 'audit.highlights.identity_read'), { exact: true }).waitFor();
      await expect(rows.nth(1).textContent()).resolves.toContain('person.create');
      await expect(rows.nth(1).getAttribute('data-highlight')).resolves.toBeNull();
      await expect(rows.nth(1).textContent()).resolves.not.toContain(tr(lang, 'audit.highlights.identity_read'));

      await expectAccessible(page);
      await screenshot(page, 'case-audit-trail', lang);

      const received = (await Promise.all(bodies)).join('\n');
      expect(received).toContain('person.identity_read');
      for (const s of IDENTIFYING_STRINGS) expect(received).not.toContain(s);

      // A member who is not a lead sees no audit tab.
      const memberContext = await newContext(browser, web, lang);
      const memberPage = await memberContext.newPage();
      await signInThroughUi(memberPage, lang, member, `/app/cases/${caseId}/people`);
      await memberPage.getByRole('tab', { name: tr(lang, 'case.tabs.people') }).waitFor();
      await expect(memberPage.getByRole('tab', { name: tr(lang, 'case.tabs.audit') }).count()).resolves.toBe(0);
      await expect(page.getByRole('tab', { name: tr(lang, 'case.tabs.audit') }).count()).resolves.toBe(1);
      await memberContext.close();
      await context.close();
    });
  }
});
