import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import en from '../../../web/src/i18n/en.json';
import ko from '../../../web/src/i18n/ko.json';
import type { TestUser, WebApp } from './web-app';

export type Lang = 'ko' | 'en';
export const CATALOGUES = { ko, en } as const;
export const SCREENS_DIR = join(__dirname, '..', '..', '..', 'test-results', 'screens');

/** Debian's Chromium (Playwright's own download cannot work here); CHROMIUM_PATH overrides. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A fresh browser profile (no cookies, no storage) whose preferred language is `lang`. */
export function newContext(browser: Browser, web: WebApp, lang: Lang): Promise<BrowserContext> {
  // Reduced motion: the app then runs no transitions, so axe never sees a dialog half faded in.
  return browser.newContext({ baseURL: web.baseUrl, locale: lang === 'ko' ? 'ko-KR' : 'en-GB', viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
}

/** The translation of `key` in `lang`, from the app's own catalogues, with {{vars}} filled. */
export function tr(lang: Lang, key: string, vars: Record<string, string> = {}): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], CATALOGUES[lang]);
  if (typeof value !== 'string') throw new Error(`no ${lang} text for ${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => vars[name] ?? '');
}

/** Fails on any serious or critical axe violation, listing rule, impact and the offending nodes. */
export async function expectAccessible(page: Page): Promise<void> {
  // Whatever still animates (a transition the app runs regardless) is measured once it has ended.
  await page.waitForFunction("document.getAnimations().every((a) => a.playState !== 'running')", undefined, { timeout: 5_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => `${n.html.slice(0, 200)}\n    ${n.failureSummary ?? ''}`).join('\n  ')}`).join('\n');
  expect(report, `axe violations on ${page.url()}`).toBe('');
}

/** Saves test-results/screens/<name>-<lang>.png (full page) for people to look at. */
export async function screenshot(page: Page, name: string, lang: Lang): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}-${lang}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the sign-in screen (which any /app/ URL shows without a session). */
export async function signInThroughUi(page: Page, lang: Lang, user: Pick<TestUser, 'email' | 'password'>, path = '/app/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel(tr(lang, 'signIn.email')).fill(user.email);
  await page.getByLabel(tr(lang, 'signIn.password'), { exact: true }).fill(user.password);
  await page.getByRole('button', { name: tr(lang, 'signIn.submit') }).click();
  await page.getByRole('button', { name: tr(lang, 'userMenu.label') }).waitFor();
}

/**
 * Everything script-readable the page keeps: localStorage, sessionStorage, document.cookie and
 * the names of IndexedDB databases, as one string to search for secrets.
 */
export async function browserStorageDump(page: Page): Promise<string> {
  // A string, not a function: the api's tsconfig has no DOM types.
  return page.evaluate<string>(`(async () => {
    const dump = (s) => Array.from({ length: s.length }, (_, i) => s.key(i) + '=' + s.getItem(s.key(i))).join('\\n');
    const databases = (await indexedDB.databases()).map((d) => d.name).join(',');
    return 'local:\\n' + dump(localStorage) + '\\nsession:\\n' + dump(sessionStorage) + '\\ncookie:' + document.cookie + '\\nindexeddb:' + databases;
  })()`);
}

/** Clicks the ko/en switch (in the header, or on the sign-in screen). */
export async function switchLanguage(page: Page, lang: Lang): Promise<void> {
  await page.locator('label', { hasText: lang === 'ko' ? '한국어' : 'English' }).first().click();
}

/**
 * Signed in, the switch applies the language at once and then stores it for the user
 * (PATCH /auth/me): this waits for that store to succeed, so what follows (reading /auth/me,
 * revoking the session) never races it.
 */
export async function switchLanguageSignedIn(page: Page, lang: Lang): Promise<void> {
  const stored = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/auth/me');
  await switchLanguage(page, lang);
  expect((await stored).status()).toBe(200);
}
