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

describe('imports: dry run with a per-row report, then the real run', () => {
  let web: WebApp;
  let browser: Browser;
  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
    await web.ctx.startWorker();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const CSV = [
    'external_id,kind,name,name_hangul,aliases,unit_type,parent',
    'MSS-2,unit,State Security,국가보위성,bowibu,security_agency,',
    'GUARDS-15,unit,Camp 15 guard unit,,Yodok guards,guard_unit,MSS-2',
    'ORPHAN,unit,Orphan unit,,,guard_unit,LATER-UNIT',
    'LATER-UNIT,unit,Listed too late,,,other,',
    'BRIGADE-7,unit,Border brigade 7,,,military,',
    'POLICE-1,unit,Onsong police,,,police,',
    'GUARDS-15,unit,Duplicate,,,other,',
    'SHORT,unit',
  ].join('\n');

  for (const lang of ['ko', 'en'] as const) {
    it(`[${lang}] an import with bad rows shows exactly those rows, offers the report as CSV, then imports for real`, async () => {
      const lead = await createUser(web, 'investigator', lang === 'ko' ? '박가져' : 'Ina Importer');
      const caseId = await createCase(web, lead, lang === 'ko' ? '보위부 구조' : 'Security apparatus structure');
      const context = await newContext(browser, web, lang);
      const page = await context.newPage();
      await signInThroughUi(page, lang, lead, `/app/cases/${caseId}/imports`);
      await page.getByText(tr(lang, 'imports.explain')).waitFor();

      await page.locator('input[type=file]').setInputFiles({ name: 'perpetrators.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
      await page.getByRole('combobox', { name: tr(lang, 'imports.kind') }).click();
      await page.getByRole('option', { name: tr(lang, 'imports.kinds.perpetrators') }).click();
      await expect(page.getByRole('button', { name: tr(lang, 'imports.runForReal') }).isDisabled()).resolves.toBe(true);
      await page.getByRole('button', { name: tr(lang, 'imports.dryRun') }).click();

      const table = page.getByRole('table', { name: tr(lang, 'imports.reportLabel') });
      await table.waitFor({ timeout: 30_000 });
      await page.getByRole('status').filter({ hasText: tr(lang, 'imports.status.completed') }).waitFor({ timeout: 30_000 });
      const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from((r as unknown as { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }).querySelectorAll('td'), (td) => td.textContent ?? '').slice(0, 2)));
      expect(cells).toEqual([
        ['3', 'parent'],
        ['7', 'external_id'],
        ['8', 'row'],
      ]);
      await expect(table.locator('tbody tr').nth(1).textContent()).resolves.toContain('repeats the external_id of row 2');
      // Nothing stored by the dry run.
      await expect(web.ctx.sql('SELECT 1 FROM perpetrators WHERE case_id = $1', [caseId])).resolves.toHaveLength(0);

      await expectAccessible(page);
      await screenshot(page, 'imports-dry-run', lang);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: tr(lang, 'imports.download') }).click()]);
      const { readFile } = await import('node:fs/promises');
      const report = await readFile((await download.path()) ?? '', 'utf8');
      expect(report.trim().split('\n').map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['row,field', '3,parent', '7,external_id', '8,row']);

      await page.getByRole('button', { name: tr(lang, 'imports.runForReal') }).click();
      await page.getByText(tr(lang, 'imports.realBadge'), { exact: true }).waitFor();
      await page.getByRole('status').filter({ hasText: tr(lang, 'imports.status.completed') }).waitFor({ timeout: 30_000 });
      await page.getByText(tr(lang, 'imports.counts', { processed: '8', created: '5', skipped: '0', failed: '3' })).waitFor();
      await expect(web.ctx.sql('SELECT 1 FROM perpetrators WHERE case_id = $1', [caseId])).resolves.toHaveLength(5);
      await context.close();
    });
  }
});
