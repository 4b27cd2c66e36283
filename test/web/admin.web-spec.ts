import { readFileSync } from 'node:fs';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { browserStorageDump, expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr, type Lang } from './support/browser';
import { createUser, startWebApp, type WebApp } from './support/web-app';

// Issue 15 items 1 and 7: two-factor sign-in, the account page and administration, in a real browser.
const STEP_SECONDS = 30;
const codeAtStep = (secret: string, step: number) => generate({ secret, epoch: step * STEP_SECONDS });

async function fillSignIn(page: Page, lang: Lang, email: string, password: string): Promise<void> {
  await page.getByLabel(tr(lang, 'signIn.email')).fill(email);
  await page.getByLabel(tr(lang, 'signIn.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: tr(lang, 'signIn.submit'), exact: true }).click();
}

async function signOut(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: tr(lang, 'userMenu.label') }).click();
  await page.getByRole('menuitem', { name: tr(lang, 'userMenu.signOut') }).click();
  await page.getByRole('heading', { name: tr(lang, 'signIn.title') }).waitFor();
}

describe('two-factor sign-in, account and administration', () => {
  let web: WebApp;
  let browser: Browser;
  beforeAll(async () => {
    web = await startWebApp({ LOGIN_FAILURE_DELAY_MS: '0', LOGIN_ADDRESS_MAX_FAILURES: '100' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`[${lang}] an admin requires 2FA for investigators and creates one; the investigator enrols, signs in with a code and a recovery code; the admin resets it and verifies the audit chain`, async () => {
      const adminName = lang === 'ko' ? '최관리' : 'Ada Admin';
      const admin = await createUser(web, 'admin', adminName);
      const adminPage = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(adminPage, lang, admin);

      // Administration is in the navigation for admins; users first.
      await adminPage.getByRole('link', { name: tr(lang, 'nav.admin') }).click();
      await adminPage.getByRole('heading', { name: tr(lang, 'admin.title'), level: 1 }).waitFor();
      await adminPage.getByRole('table', { name: tr(lang, 'admin.users.tableLabel') }).getByRole('link', { name: adminName }).waitFor();
      await expectAccessible(adminPage);
      await screenshot(adminPage, 'admin-users', lang);

      // The two-factor policy: required for the investigator role.
      await adminPage.getByRole('tab', { name: tr(lang, 'admin.tabs.twoFactor') }).click();
      await adminPage.getByRole('heading', { name: tr(lang, 'admin.policy.title') }).waitFor();
      await adminPage.getByRole('radio', { name: tr(lang, 'admin.policy.roles') }).check();
      await adminPage.getByRole('checkbox', { name: tr(lang, 'roles.investigator') }).check();
      await expectAccessible(adminPage);
      await screenshot(adminPage, 'admin-two-factor', lang);
      await adminPage.getByRole('button', { name: tr(lang, 'admin.policy.save') }).click();
      await adminPage.getByText(tr(lang, 'admin.policy.saved')).waitFor();
      const policy = await web.ctx.http().get('/auth/2fa/policy').set(...bearer(admin.token)).expect(200);
      expect(policy.body.requiredRoles).toContain('investigator');

      // A new investigator: a weak initial password is refused with the strength feedback in words.
      const name = lang === 'ko' ? '박현장' : 'Pat Fieldworker';
      const email = `field-${lang}-${Date.now()}@example.org`;
      const password = 'Granite-Harbour-Lantern-Ninety';
      await adminPage.getByRole('tab', { name: tr(lang, 'admin.tabs.users') }).click();
      await adminPage.getByRole('link', { name: tr(lang, 'admin.users.new') }).click();
      // The form is a lazily loaded route: until it has replaced the list, "Name" and "E-mail"
      // would also match the list's "Find by name or e-mail" box (and "Role" its role filter),
      // and under load the typing went there, leaving the form empty and "Create user" disabled.
      await adminPage.getByRole('heading', { name: tr(lang, 'admin.users.new'), level: 2, exact: true }).waitFor();
      await adminPage.getByLabel(tr(lang, 'admin.users.name')).fill(name);
      await adminPage.getByLabel(tr(lang, 'admin.users.email')).fill(email);
      await adminPage.getByRole('combobox', { name: tr(lang, 'admin.users.role') }).click();
      await adminPage.getByRole('option', { name: tr(lang, 'roles.investigator') }).click();
      await adminPage.getByLabel(tr(lang, 'admin.users.initialPassword')).fill('password1234');
      await adminPage.getByRole('button', { name: tr(lang, 'admin.users.create') }).click();
      const feedback = adminPage.getByRole('alert').filter({ hasText: tr(lang, 'admin.password.refused') });
      await feedback.getByText(tr(lang, 'admin.password.weak')).waitFor();
      await expect(feedback.textContent()).resolves.toMatch(new RegExp(tr(lang, 'admin.password.strength', { score: '\\d', needed: '3' })));
      await expectAccessible(adminPage);
      await screenshot(adminPage, 'admin-new-user', lang);
      await adminPage.getByLabel(tr(lang, 'admin.users.initialPassword')).fill(password);
      await adminPage.getByRole('button', { name: tr(lang, 'admin.users.create') }).click();
      await adminPage.getByRole('heading', { name, level: 2 }).waitFor();
      await expectAccessible(adminPage);
      await screenshot(adminPage, 'admin-user', lang);

      // The investigator signs in and is sent straight to enrolment: nothing else is offered.
      const invContext = await newContext(browser, web, lang);
      const page = await invContext.newPage();
      await page.goto('/app/');
      await fillSignIn(page, lang, email, password);
      await page.getByRole('heading', { name: tr(lang, 'account.enrolmentRequired.title'), level: 1 }).waitFor();
      expect(await page.getByRole('navigation').count()).toBe(0);
      await page.getByRole('button', { name: tr(lang, 'account.twoFactor.start') }).click();
      await page.getByRole('img', { name: tr(lang, 'account.twoFactor.qrAlt') }).waitFor();
      const secret = (await page.getByLabel(tr(lang, 'account.twoFactor.secretLabel')).inputValue()).replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await expectAccessible(page);
      await screenshot(page, 'enrolment', lang);
      const step = Math.floor(Date.now() / 1000 / STEP_SECONDS);
      await page.getByLabel(tr(lang, 'account.twoFactor.codeLabel')).fill(await codeAtStep(secret, step));
      await page.getByRole('button', { name: tr(lang, 'account.twoFactor.confirm') }).click();

      // Recovery codes, once: downloaded as .txt, confirmed saved, then the app.
      const list = page.getByRole('list', { name: tr(lang, 'account.recovery.listLabel') });
      await list.waitFor();
      const codes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
      expect(codes).toHaveLength(10);
      for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: tr(lang, 'account.recovery.download') }).click()]);
      expect(download.suggestedFilename()).toBe('sillok-recovery-codes.txt');
      const file = readFileSync(await download.path(), 'utf8');
      for (const code of codes) expect(file).toContain(code);
      await expectAccessible(page);
      await screenshot(page, 'recovery-codes', lang);
      const done = page.getByRole('button', { name: tr(lang, 'account.recovery.done') });
      expect(await done.isDisabled()).toBe(true);
      await page.getByRole('checkbox', { name: tr(lang, 'account.recovery.savedCheck') }).check();
      await done.click();
      await page.getByRole('button', { name: tr(lang, 'userMenu.label') }).waitFor();
      const storage = await browserStorageDump(page);
      expect(storage).not.toContain(secret);
      for (const code of codes) expect(storage).not.toContain(code);

      // Not an admin: no Administration in the navigation, and the route refuses.
      expect(await page.getByRole('link', { name: tr(lang, 'nav.admin') }).count()).toBe(0);
      await page.goto('/app/admin/users');
      await page.getByRole('alert').getByText(tr(lang, 'admin.adminsOnly')).waitFor();

      // Sign out, then in again with the next authenticator code.
      await signOut(page, lang);
      await fillSignIn(page, lang, email, password);
      await page.getByLabel(tr(lang, 'signIn.totpCode')).fill(await codeAtStep(secret, step + 1));
      await page.getByRole('button', { name: tr(lang, 'signIn.submit'), exact: true }).click();
      await page.getByRole('button', { name: tr(lang, 'userMenu.label') }).waitFor();

      // Sign out, then in with a recovery code.
      await signOut(page, lang);
      await fillSignIn(page, lang, email, password);
      await page.getByRole('button', { name: tr(lang, 'signIn.useRecoveryCode') }).click();
      await page.getByLabel(tr(lang, 'signIn.recoveryCode')).fill(codes[0]);
      await page.getByRole('button', { name: tr(lang, 'signIn.submit'), exact: true }).click();
      await page.getByRole('button', { name: tr(lang, 'userMenu.label') }).waitFor();

      // The account page says two-factor is on with 9 codes left.
      await page.getByRole('link', { name: tr(lang, 'nav.account') }).click();
      await page.getByRole('heading', { name: tr(lang, 'account.title'), level: 1 }).waitFor();
      await page.getByText(tr(lang, 'account.twoFactor.codesLeft', { n: '9' })).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'account', lang);

      // The session ends while working: the re-sign-in prompt takes the second factor too, in place.
      await web.ctx.sql('UPDATE sessions SET revoked_at = now() WHERE user_id = (SELECT id FROM users WHERE email = $1)', [email]);
      await page.getByRole('link', { name: tr(lang, 'nav.cases') }).click();
      const dialog = page.getByRole('dialog', { name: tr(lang, 'session.expiredTitle') });
      await dialog.waitFor();
      await dialog.getByLabel(tr(lang, 'signIn.password'), { exact: true }).fill(password);
      await dialog.getByRole('button', { name: tr(lang, 'signIn.submit'), exact: true }).click();
      await dialog.getByRole('button', { name: tr(lang, 'signIn.useRecoveryCode') }).click();
      await dialog.getByLabel(tr(lang, 'signIn.recoveryCode')).fill(codes[1]);
      await dialog.getByRole('button', { name: tr(lang, 'signIn.submit'), exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { name: tr(lang, 'home.title'), level: 1 }).waitFor();

      // The admin finds the investigator by name and resets their two-factor sign-in.
      await adminPage.getByRole('link', { name: tr(lang, 'admin.user.back') }).click();
      await adminPage.getByLabel(tr(lang, 'admin.users.search')).fill(name.slice(0, 3));
      await adminPage.getByRole('table', { name: tr(lang, 'admin.users.tableLabel') }).getByRole('link', { name }).click();
      await adminPage.getByRole('heading', { name, level: 2 }).waitFor();
      await adminPage.getByRole('button', { name: tr(lang, 'admin.user.reset') }).click();
      const confirm = adminPage.getByRole('dialog', { name: tr(lang, 'admin.user.reset') });
      await confirm.getByText(tr(lang, 'admin.user.resetConfirm', { name })).waitFor();
      await confirm.getByRole('button', { name: tr(lang, 'admin.user.resetSubmit') }).click();
      await adminPage.getByText(tr(lang, 'admin.user.resetDone', { name })).waitFor();
      const users = await web.ctx.http().get('/users').query({ q: email }).set(...bearer(admin.token)).expect(200);
      expect(users.body.items).toEqual([expect.objectContaining({ email, twoFactorEnabled: false })]);

      // The audit chain, verified in words.
      await adminPage.getByRole('tab', { name: tr(lang, 'admin.tabs.audit') }).click();
      await adminPage.getByRole('button', { name: tr(lang, 'admin.audit.verify') }).click();
      const result = adminPage.getByRole('status').filter({ hasText: tr(lang, 'admin.audit.intact') });
      await result.waitFor();
      await expect(result.textContent()).resolves.toMatch(new RegExp(tr(lang, 'admin.audit.intactDetail', { n: '[\\d,]+' })));
      await expectAccessible(adminPage);
      await screenshot(adminPage, 'admin-audit', lang);

      await invContext.close();
      await adminPage.context().close();
    });

    it(`[${lang}] an admin changes a role (a concurrent change is shown beside theirs, then merged), disables and enables a user`, async () => {
      const admin = await createUser(web, 'admin');
      const name = lang === 'ko' ? `정분석 ${Date.now()}` : `Ana Lyst ${Date.now()}`;
      const user = await createUser(web, 'analyst', name);
      const page = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(page, lang, admin, '/app/admin/users');
      await page.getByLabel(tr(lang, 'admin.users.search')).fill(name);
      await page.getByRole('table', { name: tr(lang, 'admin.users.tableLabel') }).getByRole('link', { name }).click();
      await page.getByRole('heading', { name, level: 2 }).waitFor();

      // Someone else disables the user meanwhile; our role change meets a 409 and shows both versions.
      await web.ctx.http().patch(`/users/${user.id}`).set(...bearer(admin.token)).send({ version: 1, disabled: true }).expect(200);
      await page.getByRole('combobox', { name: tr(lang, 'admin.users.role') }).click();
      await page.getByRole('option', { name: tr(lang, 'roles.reviewer') }).click();
      await page.getByRole('button', { name: tr(lang, 'admin.user.saveRole') }).click();
      const conflict = page.getByRole('alert').filter({ hasText: tr(lang, 'errors.VERSION_CONFLICT') });
      await conflict.getByText(tr(lang, 'admin.user.conflictYours', { change: tr(lang, 'admin.user.roleIs', { role: tr(lang, 'roles.reviewer') }) })).waitFor();
      await conflict.getByText(tr(lang, 'admin.user.conflictCurrent', { change: `${tr(lang, 'admin.user.roleIs', { role: tr(lang, 'roles.analyst') })}, ${tr(lang, 'admin.users.disabled')}` })).waitFor();
      await expectAccessible(page);
      await conflict.getByRole('button', { name: tr(lang, 'admin.user.conflictApply') }).click();
      await conflict.waitFor({ state: 'hidden' });
      let row = (await web.ctx.sql<{ role: string; disabled_at: Date | null }>('SELECT role, disabled_at FROM users WHERE id = $1', [user.id]))[0];
      expect(row.role).toBe('reviewer');
      expect(row.disabled_at).not.toBeNull();

      // Enable again, then disable, each after a confirmation that says what happens.
      await page.getByRole('button', { name: tr(lang, 'admin.user.enable') }).click();
      let dialog = page.getByRole('dialog', { name: tr(lang, 'admin.user.enable') });
      await dialog.getByText(tr(lang, 'admin.user.enableConfirm', { name })).waitFor();
      await dialog.getByRole('button', { name: tr(lang, 'admin.user.enable') }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: tr(lang, 'admin.user.disable') }).waitFor();
      row = (await web.ctx.sql<{ role: string; disabled_at: Date | null }>('SELECT role, disabled_at FROM users WHERE id = $1', [user.id]))[0];
      expect(row.disabled_at).toBeNull();
      await page.getByRole('button', { name: tr(lang, 'admin.user.disable') }).click();
      dialog = page.getByRole('dialog', { name: tr(lang, 'admin.user.disable') });
      await dialog.getByText(tr(lang, 'admin.user.disableConfirm', { name })).waitFor();
      await dialog.getByRole('button', { name: tr(lang, 'admin.user.disable') }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: tr(lang, 'admin.user.enable') }).waitFor();
      await web.ctx.http().get('/auth/me').set(...bearer(user.token)).expect(401);
      await page.context().close();
    });

    it(`[${lang}] five wrong passwords: the next attempt says sign-in is paused and for how long`, async () => {
      const user = await createUser(web, 'analyst');
      const page = await (await newContext(browser, web, lang)).newPage();
      await page.goto('/app/');
      for (let i = 0; i < 5; i++) {
        await fillSignIn(page, lang, user.email, `wrong-password-${i}`);
        await page.getByRole('alert').getByText(tr(lang, 'errors.INVALID_CREDENTIALS')).waitFor();
      }
      // Even the right password is refused now, with the wait in words.
      await fillSignIn(page, lang, user.email, user.password);
      const wait = new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(15);
      await page.getByRole('alert').getByText(tr(lang, 'errors.LOGIN_LOCKED_WAIT', { wait })).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'sign-in-throttled', lang);
      await page.context().close();
    });
  }
});
