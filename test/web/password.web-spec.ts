import type { Browser, Page } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { browserStorageDump, expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr, type Lang } from './support/browser';
import { createUser, startWebApp, type WebApp } from './support/web-app';

// Changing passwords: one's own on the account page, someone else's on the admin user page.
async function fillSignIn(page: Page, lang: Lang, email: string, password: string): Promise<void> {
  await page.getByLabel(tr(lang, 'signIn.email')).fill(email);
  await page.getByLabel(tr(lang, 'signIn.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: tr(lang, 'signIn.submit'), exact: true }).click();
}

/** A full-page screenshot from the top, so the fixed header is not painted over the middle. */
async function shot(page: Page, name: string, lang: Lang): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name, lang);
}

describe('changing passwords in the browser', () => {
  let web: WebApp;
  let browser: Browser;
  beforeAll(async () => {
    web = await startWebApp({ LOGIN_FAILURE_DELAY_MS: '0' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`[${lang}] a user changes their password (a weak one is refused with feedback first), signs out and signs in with the new one`, async () => {
      const user = await createUser(web, 'analyst', lang === 'ko' ? '한비밀' : 'Pia Password');
      const strong = `Orchard-Tundra-Velvet-${lang}-Eleven`;
      const page = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(page, lang, user);
      await page.getByRole('link', { name: tr(lang, 'nav.account') }).click();
      await page.getByRole('heading', { name: tr(lang, 'account.title'), level: 1 }).waitFor();

      const current = page.getByLabel(tr(lang, 'account.password.current'), { exact: true });
      const next = page.getByLabel(tr(lang, 'account.password.new'), { exact: true });
      const again = page.getByLabel(tr(lang, 'account.password.confirm'), { exact: true });
      const submit = page.getByRole('button', { name: tr(lang, 'account.password.submit') });

      // A wrong current password is named beside its field.
      await current.fill('not-the-password-at-all');
      await next.fill(strong);
      await again.fill(strong);
      await submit.click();
      await page.getByText(tr(lang, 'account.password.currentWrong')).waitFor();

      // Two different new passwords are caught before anything is sent.
      await current.fill(user.password);
      await again.fill(`${strong}!`);
      await submit.click();
      await page.getByText(tr(lang, 'account.password.mismatch')).waitFor();

      // A weak one: the API's strength feedback, in words.
      await next.fill('password1234');
      await again.fill('password1234');
      await submit.click();
      const feedback = page.getByRole('alert').filter({ hasText: tr(lang, 'admin.password.refused') });
      await feedback.getByText(tr(lang, 'admin.password.weak')).waitFor();
      await expect(feedback.textContent()).resolves.toMatch(new RegExp(tr(lang, 'admin.password.strength', { score: '\\d', needed: '3' })));
      await expectAccessible(page);
      await shot(page, 'account-password-refused', lang);

      // A strong one: changed; this session stays, the other one (the API token) ends.
      await next.fill(strong);
      await again.fill(strong);
      await submit.click();
      await page.getByRole('status').getByText(tr(lang, 'account.password.done')).waitFor();
      expect(await current.inputValue()).toBe('');
      await web.ctx.http().get('/auth/me').set(...bearer(user.token)).expect(401);
      await expectAccessible(page);
      await shot(page, 'account-password', lang);
      expect(await browserStorageDump(page)).not.toContain(strong);

      // Sign out; the old password no longer works, the new one does.
      await page.getByRole('button', { name: tr(lang, 'userMenu.label') }).click();
      await page.getByRole('menuitem', { name: tr(lang, 'userMenu.signOut') }).click();
      await page.getByRole('heading', { name: tr(lang, 'signIn.title') }).waitFor();
      await fillSignIn(page, lang, user.email, user.password);
      await page.getByRole('alert').getByText(tr(lang, 'errors.INVALID_CREDENTIALS')).waitFor();
      await fillSignIn(page, lang, user.email, strong);
      await page.getByRole('button', { name: tr(lang, 'userMenu.label') }).waitFor();
      await page.context().close();
    });

    it(`[${lang}] an admin sets a new password for another user, whose open session then asks them to sign in again`, async () => {
      const admin = await createUser(web, 'admin');
      const name = lang === 'ko' ? `윤잊음 ${Date.now()}` : `Forgetful Fred ${Date.now()}`;
      const user = await createUser(web, 'investigator', name);
      const fresh = `Lagoon-Pebble-Cinnamon-${lang}-Forty`;

      const userPage = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(userPage, lang, user);

      const page = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(page, lang, admin, '/app/admin/users');
      await page.getByLabel(tr(lang, 'admin.users.search')).fill(name);
      await page.getByRole('table', { name: tr(lang, 'admin.users.tableLabel') }).getByRole('link', { name }).click();
      await page.getByRole('heading', { name, level: 2 }).waitFor();

      // Too weak: refused with the feedback, nothing asked yet.
      const input = page.getByLabel(tr(lang, 'admin.user.passwordNew'), { exact: true });
      await input.fill('qwertyuiop123');
      await page.getByRole('button', { name: tr(lang, 'admin.user.passwordSet') }).click();
      const confirm = page.getByRole('dialog', { name: tr(lang, 'admin.user.passwordSet') });
      await confirm.getByText(tr(lang, 'admin.user.passwordConfirm', { name })).waitFor();
      await expectAccessible(page);
      await shot(page, 'admin-user-password-confirm', lang);
      await confirm.getByRole('button', { name: tr(lang, 'admin.user.passwordSubmit') }).click();
      await page.getByRole('alert').filter({ hasText: tr(lang, 'admin.password.refused') }).getByText(tr(lang, 'admin.password.weak')).waitFor();
      await web.ctx.http().get('/auth/me').set(...bearer(user.token)).expect(200);

      // A strong one, confirmed: set, and the user is signed out everywhere.
      await input.fill(fresh);
      await page.getByRole('button', { name: tr(lang, 'admin.user.passwordSet') }).click();
      await confirm.getByRole('button', { name: tr(lang, 'admin.user.passwordSubmit') }).click();
      await page.getByRole('status').getByText(tr(lang, 'admin.user.passwordDone', { name })).waitFor();
      await expectAccessible(page);
      await shot(page, 'admin-user-password', lang);
      await web.ctx.http().get('/auth/me').set(...bearer(user.token)).expect(401);

      // The user's open page: the next request asks them to sign in again, with the new password.
      await userPage.getByRole('link', { name: tr(lang, 'nav.account') }).click();
      await userPage.getByRole('heading', { name: tr(lang, 'account.title'), level: 1 }).waitFor();
      await userPage.getByRole('link', { name: tr(lang, 'nav.cases') }).click();
      const dialog = userPage.getByRole('dialog', { name: tr(lang, 'session.expiredTitle') });
      await dialog.waitFor();
      await dialog.getByLabel(tr(lang, 'signIn.password'), { exact: true }).fill(fresh);
      await dialog.getByRole('button', { name: tr(lang, 'signIn.submit'), exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await userPage.getByRole('heading', { name: tr(lang, 'home.title'), level: 1 }).waitFor();

      const audit = await web.ctx.sql<{ actor_id: string }>("SELECT actor_id FROM audit_log WHERE action = 'user.password_reset' AND subject_id = $1", [user.id]);
      expect(audit).toEqual([{ actor_id: admin.id }]);
      await userPage.context().close();
      await page.context().close();
    });
  }
});
