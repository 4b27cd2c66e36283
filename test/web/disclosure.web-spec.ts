import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page, Response } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { waitFor } from '../helpers/wait';
import { expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr, type Lang } from './support/browser';
import { addMember, createCase, createUser, startWebApp, type TestUser, type WebApp } from './support/web-app';

// Issue 17 items 1 and 2: a case lead previews a public export, sees the testimony whose consent
// was withdrawn left out with its reason in words, builds the package, downloads it (the file's
// SHA-256 is the one shown), and finds it in the disclosure register and on the testimony's page.

const A = { kind: 'witness', identity: { namesHangul: ['김철수'], namesRomanised: ['Kim Chol-su'] } };
const W = { kind: 'witness', identity: { namesHangul: ['박영호'], namesRomanised: ['Pak Yong-ho'] } };
const NAMES = ['김철수', 'Kim Chol-su', '박영호', 'Pak Yong-ho'];
const CONSENT = { recontactAllowed: false, method: 'signed_form', takenAt: '2024-05-03T09:00:00Z', anonymityRequired: true, identityDisclosureAllowed: false, noDeathPenaltyProceedings: false, purposes: ['publication', 'share_un_mechanisms'] };
const WITHDRAWN: Record<Lang, string> = { en: 'The witness withdrew consent', ko: '증언자가 동의를 철회했습니다' };

const named = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

/** Picks `option` in the Mantine Select labelled `label`. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: named(label) }).or(page.getByRole('combobox', { name: named(label) })).first().click();
  await page.getByRole('option', { name: option, exact: true }).first().click();
}

function recordResponses(page: Page): Array<Promise<string>> {
  const bodies: Array<Promise<string>> = [];
  page.on('response', (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    if (/json|html|text\/plain/.test(type)) bodies.push(response.text().then((body) => `${response.url()}\n${body}`, () => ''));
  });
  return bodies;
}

async function shoot(page: Page, name: string, lang: Lang) {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name, lang);
}

describe('disclosure wizard and register (case lead)', () => {
  let web: WebApp;
  let browser: Browser;
  beforeAll(async () => {
    web = await startWebApp();
    await web.ctx.startWorker();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function seed(lang: Lang) {
    const lead = await createUser(web, 'investigator', lang === 'ko' ? '이책임' : 'Lee Lead');
    const caseId = await createCase(web, lead, lang === 'ko' ? '요덕 구금 사건' : 'Yodok detention');
    const auth = bearer(lead.token);
    const post = (path: string, body: object) => web.ctx.http().post(`/cases/${caseId}${path}`).set(...auth).send(body);
    const a = await post('/people', A).expect(201);
    const w = await post('/people', W).expect(201);
    const ids: Record<string, string> = {};
    for (const [key, person] of [['a', a], ['w', w]] as const) {
      const t = await post('/testimonies', { intervieweeId: person.body.id, interviewDate: { date: '2024-05', precision: 'month' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
      ids[key] = t.body.id as string;
      await post(`/testimonies/${t.body.id}/consents`, { ...CONSENT, takenBy: lead.id }).expect(201);
    }
    // A's testimony goes out only as an approved redaction of its transcript for the profile.
    await post(`/testimonies/${ids.a}/transcripts`, { kind: 'original', language: 'ko', text: '저는 김철수입니다. 1997년에 박영호 씨와 함께 수용소에 있었습니다.' }).expect(201);
    const job = await post('/redactions', { testimonyId: ids.a, profile: 'public' }).expect(202);
    await waitFor(async () => (await web.ctx.http().get(`/jobs/${job.body.id}`).set(...auth)).body.status as string, (s) => s === 'completed' || s === 'failed', 60_000);
    const approver = await createUser(web, 'investigator');
    await addMember(web, caseId, lead, approver, 'reviewer', true);
    const redactions = await web.ctx.http().get(`/cases/${caseId}/redactions?profile=public`).set(...auth).expect(200);
    expect(redactions.body.items.length).toBeGreaterThan(0);
    for (const r of redactions.body.items as Array<{ id: string; version: number }>) {
      await web.ctx.http().post(`/cases/${caseId}/redactions/${r.id}/approve`).set(...bearer(approver.token)).send({ version: r.version }).expect(200);
    }
    await post(`/testimonies/${ids.w}/consents/withdraw`, { withdrawnAt: '2025-01-10T00:00:00Z', reason: 'Family still inside' }).expect(201);
    return { lead, caseId, codeA: a.body.code as string, codeW: w.body.code as string, testimonyA: ids.a, testimonyW: ids.w };
  }

  for (const lang of ['en', 'ko'] as const) {
    it(`[${lang}] previews a public export, sees the withdrawn testimony left out with its reason, exports, downloads, and the register lists it`, async () => {
      const { lead, caseId, codeA, codeW, testimonyA } = await seed(lang);
      const recipient = lang === 'ko' ? '연례 공개 보고서' : 'Annual public report';
      const context = await newContext(browser, web, lang);
      const page = await context.newPage();
      const bodies = recordResponses(page);
      await signInThroughUi(page, lang, lead as TestUser, `/app/cases/${caseId}/disclosures`);

      // 1. The tab is there for the lead; the wizard asks who, why and under which profile.
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.disclosures') }).click();
      await page.getByRole('heading', { name: tr(lang, 'disclosures.wizard.title') }).waitFor();
      // Nothing chosen: the preview names the missing fields instead of calling the API.
      await page.getByRole('button', { name: tr(lang, 'disclosures.wizard.preview') }).click();
      expect(await page.getByText(tr(lang, 'disclosures.wizard.required')).count()).toBe(5);
      await choose(page, tr(lang, 'disclosures.fields.recipientKind'), tr(lang, 'disclosures.kinds.public'));
      await page.getByRole('textbox', { name: named(tr(lang, 'disclosures.fields.recipientName')) }).fill(recipient);
      await choose(page, tr(lang, 'disclosures.fields.deathPenalty'), tr(lang, 'disclosures.deathPenalty.false'));
      await choose(page, tr(lang, 'disclosures.fields.purpose'), tr(lang, 'disclosures.purposes.publication'));
      await choose(page, tr(lang, 'disclosures.fields.profile'), tr(lang, 'disclosures.profiles.public'));
      await expectAccessible(page);
      await shoot(page, 'disclosure-wizard', lang);

      // 2. The preview: A's testimony goes; W's is left out because W withdrew consent, in words.
      await page.getByRole('button', { name: tr(lang, 'disclosures.wizard.preview') }).click();
      const leftOut = page.getByRole('table', { name: new RegExp(tr(lang, 'disclosures.preview.leftOut', { count: '\\d+' }).replace(/[()]/g, '\\$&')) });
      await leftOut.waitFor();
      const withdrawnRow = leftOut.getByRole('row').filter({ has: page.getByRole('cell', { name: tr(lang, 'disclosures.entryKinds.testimony'), exact: true }) }).filter({ hasText: codeW });
      await withdrawnRow.getByRole('cell', { name: WITHDRAWN[lang] }).waitFor();
      const included = page.getByRole('table', { name: new RegExp(tr(lang, 'disclosures.preview.included', { count: '\\d+' }).replace(/[()]/g, '\\$&')) });
      expect(await included.getByRole('row').filter({ has: page.getByRole('cell', { name: tr(lang, 'disclosures.entryKinds.testimony'), exact: true }) }).filter({ hasText: codeA }).count()).toBe(1);
      expect(await included.getByText(codeW).count()).toBe(0);
      await expectAccessible(page);
      await shoot(page, 'disclosure-preview', lang);

      // 3. Confirm: the job's progress, then the hash, the fingerprint and the verify text.
      await page.getByRole('button', { name: tr(lang, 'disclosures.wizard.confirm') }).click();
      await page.getByTestId('job-progress').waitFor();
      const ready = page.getByTestId('export-ready');
      await ready.waitFor({ timeout: 90_000 });
      const sha = ((await page.getByTestId('package-sha256').textContent()) ?? '').trim();
      const fingerprint = ((await page.getByTestId('key-fingerprint').textContent()) ?? '').trim();
      expect(sha).toMatch(/^[0-9a-f]{64}$/);
      const key = await web.ctx.http().get('/exports/signing-key').set(...bearer(lead.token)).expect(200);
      expect(fingerprint).toBe(key.body.fingerprint);
      const verify = (await page.getByTestId('verify-text').textContent()) ?? '';
      expect(verify).toContain(sha);
      expect(verify).toContain(fingerprint);
      expect(verify).toContain('bagit.py --validate sillok-export-');
      expect(verify).toContain('openssl pkeyutl -verify -pubin -inkey sender.pub.pem -rawin');
      await expectAccessible(page);
      await shoot(page, 'disclosure-ready', lang);

      // 4. The download is the package whose SHA-256 was shown.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: tr(lang, 'disclosures.result.download') }).click()]);
      expect(download.suggestedFilename()).toMatch(/^sillok-export-[0-9a-f-]{36}\.zip$/);
      const bytes = readFileSync(await download.path());
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);

      // 5. The register lists what went to the recipient; filtering by W's code finds nothing.
      const register = page.getByRole('table', { name: tr(lang, 'disclosures.register.title') });
      const aRow = register.getByRole('row').filter({ has: page.getByRole('cell', { name: `${tr(lang, 'disclosures.entryKinds.testimony')} ${codeA}`, exact: true }) });
      await aRow.waitFor();
      expect(await aRow.count()).toBe(1);
      const aText = (await aRow.textContent()) ?? '';
      expect(aText).toContain(recipient);
      expect(aText).toContain(tr(lang, 'disclosures.purposes.publication'));
      expect(aText).toContain(sha.slice(0, 16));
      await page.getByRole('textbox', { name: tr(lang, 'disclosures.register.personCode') }).fill(codeW);
      await page.getByRole('button', { name: tr(lang, 'disclosures.register.apply') }).click();
      await page.getByText(tr(lang, 'disclosures.register.none')).waitFor();
      await page.getByRole('textbox', { name: tr(lang, 'disclosures.register.personCode') }).fill(codeA);
      await page.getByRole('button', { name: tr(lang, 'disclosures.register.apply') }).click();
      await register.getByRole('row').filter({ hasText: codeA }).first().waitFor();
      expect(await register.getByText(codeW).count()).toBe(0);
      await expectAccessible(page);
      await page.getByRole('textbox', { name: tr(lang, 'disclosures.register.personCode') }).fill('');
      await page.getByRole('button', { name: tr(lang, 'disclosures.register.apply') }).click();
      await shoot(page, 'disclosure-register', lang);

      // No witness's name reached this browser on the disclosure screens.
      const disclosureBodies = (await Promise.all(bodies)).join('\n');
      for (const name of NAMES) expect(disclosureBodies).not.toContain(name);

      // 6. A's testimony page says who received it.
      await page.goto(`/app/cases/${caseId}/testimonies/${testimonyA}`);
      const received = page.getByRole('table', { name: tr(lang, 'disclosures.testimony.title') });
      await received.getByRole('row').filter({ hasText: recipient }).first().waitFor();
      // axe on the whole testimony page with its new section.
      const section = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(section.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await shoot(page, 'disclosure-testimony', lang);
      await context.close();
    }, 240_000);
  }
});
