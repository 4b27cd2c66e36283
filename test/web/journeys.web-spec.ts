import type { Browser } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { browserStorageDump, expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, switchLanguageSignedIn, tr, type Lang } from './support/browser';
import { createCase, createUser, startWebApp, type WebApp } from './support/web-app';

describe('first journeys: sign in, home, language, sign out', () => {
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
    const other: Lang = lang === 'ko' ? 'en' : 'ko';

    it(`[${lang}] signs in, sees a case on home, opens it, switches language (remembered), signs out`, async () => {
      const user = await createUser(web, 'investigator', lang === 'ko' ? '김조사' : 'Ina Vestigator');
      const title = lang === 'ko' ? '요덕 수용소 강제노동 1990–2010' : 'Yodok forced labour 1990–2010';
      await createCase(web, user, title, lang === 'ko' ? '15호 관리소 증언 수집' : 'Testimonies on Kwanliso 15');
      const context = await newContext(browser, web, lang);
      const page = await context.newPage();

      // Without a session any URL shows the sign-in screen, in the browser's language.
      await page.goto('/app/');
      await page.getByRole('heading', { name: tr(lang, 'signIn.title') }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expectAccessible(page);
      await screenshot(page, 'sign-in', lang);

      // A wrong password is refused in the user's language.
      await page.getByLabel(tr(lang, 'signIn.email')).fill(user.email);
      await page.getByLabel(tr(lang, 'signIn.password'), { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: tr(lang, 'signIn.submit') }).click();
      await page.getByRole('alert').getByText(tr(lang, 'errors.INVALID_CREDENTIALS')).waitFor();

      await signInThroughUi(page, lang, user);
      await page.getByRole('heading', { name: tr(lang, 'home.title'), level: 1 }).waitFor();
      const caseLink = page.getByRole('table', { name: tr(lang, 'home.casesTable') }).getByRole('link', { name: title });
      await caseLink.waitFor();
      await expectAccessible(page);
      await screenshot(page, 'home', lang);

      // The session is an httpOnly cookie; nothing script-readable holds the token.
      const cookie = (await context.cookies()).find((c) => c.name === 'sillok_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      const token = cookie?.value ?? '';
      expect(token).toMatch(/^slk_/);
      const storage = await browserStorageDump(page);
      expect(storage).not.toContain(token);
      expect(storage).toBe('local:\n\nsession:\n\ncookie:\nindexeddb:');

      // A case page with its tabs, reached by clicking, deep-linkable after a reload.
      await caseLink.click();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.people') }).waitFor();
      expect(page.url()).toMatch(/\/app\/cases\/[0-9a-f-]{36}\/people$/);
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.testimonies') }).click();
      await page.waitForURL(/\/testimonies$/);
      await page.reload();
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.testimonies'), selected: true }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'case', lang);

      // Switch language: applied at once, stored for the user, still there after a reload.
      await switchLanguageSignedIn(page, other);
      await page.getByRole('tab', { name: tr(other, 'case.tabs.testimonies') }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(other);
      const me = await web.ctx.http().get('/auth/me').set(...bearer(user.token)).expect(200);
      expect(me.body.language).toBe(other);
      await page.reload();
      await page.getByRole('tab', { name: tr(other, 'case.tabs.testimonies') }).waitFor();

      // Sign out: cookie gone, session revoked, back on the sign-in screen.
      await page.getByRole('button', { name: tr(other, 'userMenu.label') }).click();
      await page.getByRole('menuitem', { name: tr(other, 'userMenu.signOut') }).click();
      await page.getByRole('heading', { name: tr(other, 'signIn.title') }).waitFor();
      expect((await context.cookies()).find((c) => c.name === 'sillok_session')).toBeUndefined();
      await web.ctx.http().get('/auth/me').set('Cookie', `sillok_session=${token}`).expect(401);
      expect(await browserStorageDump(page)).not.toContain(token);
      await context.close();
    });
  }

  it('after the session ends, a re-sign-in prompt appears over the page instead of navigating away', async () => {
    const user = await createUser(web, 'analyst', 'Ana Lyst');
    const caseId = await createCase(web, user, 'Session expiry case');
    const context = await newContext(browser, web, 'en');
    const page = await context.newPage();
    await signInThroughUi(page, 'en', user, `/app/cases/${caseId}/members`);
    await page.getByRole('heading', { name: 'Session expiry case', level: 1 }).waitFor();
    // The members tab has finished loading (its requests must not race the revocation).
    await page.getByRole('table', { name: tr('en', 'members.listTitle'), exact: true }).waitFor();
    await page.getByRole('table', { name: tr('en', 'members.history.title') }).waitFor();
    await switchLanguageSignedIn(page, 'ko');
    await page.getByRole('tab', { name: tr('ko', 'case.tabs.members') }).waitFor();
    // Revoke every session of the user, then make the page call the api again (the People tab
    // loads the register).
    await web.ctx.sql('UPDATE sessions SET revoked_at = now() WHERE user_id = $1', [user.id]);
    await page.getByRole('tab', { name: tr('ko', 'case.tabs.people') }).click();
    const dialog = page.getByRole('dialog', { name: tr('ko', 'session.expiredTitle') });
    await dialog.waitFor();
    expect(page.url()).toContain(`/app/cases/${caseId}/people`);
    await dialog.getByLabel(tr('ko', 'signIn.password'), { exact: true }).fill(user.password);
    await dialog.getByRole('button', { name: tr('ko', 'signIn.submit') }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).toContain(`/app/cases/${caseId}/people`);
    await page.getByRole('heading', { name: 'Session expiry case', level: 1 }).waitFor();
    await context.close();
  });
});
