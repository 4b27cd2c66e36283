import { createHash, randomBytes } from 'node:crypto';
import type { Browser, Page, Response } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr, type Lang } from './support/browser';
import { addMember, createCase, createUser, startWebApp, type WebApp } from './support/web-app';

/**
 * The whole journey of issue 15: an interviewer records a new witness's testimony (interview,
 * sensitive details, consent), the witness's identity, a Korean transcript, an English translation
 * and a recording; then an analyst without identity clearance walks the same case and nothing of
 * the witness's identity reaches that browser (page, network, storage).
 */

/** Synthetic witnesses, different per language so each run checks its own strings. */
const WITNESS = {
  ko: { hangul: '한춘실', romanised: 'Han Chun-sil', alias: '춘이', relative: '한광철', phone: '+82 10-5550-0391', place: '서울 마포구 안가 2층', interpreter: '통역 오미란', file: '한춘실-면담녹음.mp3', phrase: '보위부 지하 감방에서 석 달' },
  en: { hangul: '탁명희', romanised: 'Thak Myong-hui', alias: 'Myongi', relative: '탁성국', phone: '+82 10-5550-0462', place: 'Safe house Mapo floor 2', interpreter: 'Interpreter Oh Miran', file: '탁명희-interview.mp3', phrase: '온성 보위부 지하 감방에서 넉 달' },
} as const;
const BIRTHPLACE = 'Hoeryong (회령시)';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const languageName = (lang: Lang, code: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;

/** The input of a Mantine Select/MultiSelect/TagsInput by its label. */
const field = (page: Page, label: string) => page.getByRole('combobox', { name: label }).or(page.getByRole('textbox', { name: label })).first();

async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await field(page, label).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

async function addTag(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill(value);
  await input.press('Enter');
}

/** Full-page screenshots from the top, so the fixed header stays at the top of the image. */
async function shoot(page: Page, name: string, lang: Lang): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name, lang);
}

/**
 * Everything script-readable the page keeps: localStorage, sessionStorage, document.cookie, and
 * every IndexedDB database with the contents of all its object stores.
 */
function storageWithIndexedDb(page: Page): Promise<string> {
  // A string, not a function: the api's tsconfig has no DOM types.
  return page.evaluate<string>(`(async () => {
    const dump = (s) => Array.from({ length: s.length }, (_, i) => s.key(i) + '=' + s.getItem(s.key(i))).join('\\n');
    const open = (name) => new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const all = (store) => new Promise((resolve, reject) => { const r = store.getAll(); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    const dbs = [];
    for (const info of await indexedDB.databases()) {
      const db = await open(info.name);
      const stores = Array.from(db.objectStoreNames);
      const contents = {};
      if (stores.length) {
        const tx = db.transaction(stores, 'readonly');
        for (const s of stores) contents[s] = await all(tx.objectStore(s));
      }
      db.close();
      dbs.push(info.name + ':' + JSON.stringify(contents));
    }
    return 'local:\\n' + dump(localStorage) + '\\nsession:\\n' + dump(sessionStorage) + '\\ncookie:' + document.cookie + '\\nindexeddb:' + dbs.join('\\n');
  })()`);
}

describe('the interviewer journey, then the same case seen by a member without identity clearance', () => {
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

  for (const lang of ['ko', 'en'] as const satisfies readonly Lang[]) {
    const w = WITNESS[lang];
    const ko = languageName(lang, 'ko');
    const en = languageName(lang, 'en');

    it(`[${lang}] an interviewer records a new witness with consent, identity, a Korean transcript, an English translation and a recording; an uncleared analyst receives none of the identity`, async () => {
      const lead = await createUser(web, 'investigator', lang === 'ko' ? '정책임' : 'Lara Lead');
      const interviewer = await createUser(web, 'investigator', lang === 'ko' ? '윤면담' : 'Iris Interviewer');
      const analyst = await createUser(web, 'analyst', lang === 'ko' ? '서분석' : 'Alan Analyst');
      const caseTitle = lang === 'ko' ? '온성 보위부 구금 증언' : 'Onsong detention testimonies';
      const caseId = await createCase(web, lead, caseTitle);
      await addMember(web, caseId, lead, interviewer, 'investigator', true);
      await addMember(web, caseId, lead, analyst, 'analyst', false);
      const original = `제 이름은 ${w.hangul}입니다. 2018년에 ${w.phrase} 동안 갇혀 있었습니다.`;
      const translation = `My name is ${w.romanised}. In 2018 I was held for months in an underground cell of the security bureau.`;
      const recording = randomBytes(40_000);

      // 1. The interviewer signs in and opens the case from home.
      const context = await newContext(browser, web, lang);
      const page = await context.newPage();
      await signInThroughUi(page, lang, interviewer);
      await page.getByRole('heading', { name: tr(lang, 'home.title'), level: 1 }).waitFor();
      const caseLink = page.getByRole('table', { name: tr(lang, 'home.casesTable') }).getByRole('link', { name: caseTitle });
      await caseLink.waitFor();
      await shoot(page, 'interviewer-home', lang);
      await caseLink.click();
      await page.getByRole('heading', { name: caseTitle, level: 1 }).waitFor();

      // 2. Testimonies → Record a testimony: a new witness registered inline, the interview, sensitive details, consent.
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.testimonies') }).click();
      await page.getByRole('link', { name: tr(lang, 'testimonies.list.record') }).click();
      await page.getByRole('heading', { name: tr(lang, 'testimonies.intake.title') }).waitFor();
      await choose(page, tr(lang, 'testimonies.intake.newKind'), tr(lang, 'testimonies.personKinds.witness'));
      await page.getByRole('button', { name: tr(lang, 'testimonies.intake.next'), exact: true }).click();

      await page.getByText(tr(lang, 'testimonies.intake.help.interview')).waitFor();
      await choose(page, tr(lang, 'testimonies.date.precision'), tr(lang, 'testimonies.date.precisions.month'));
      await page.getByLabel(tr(lang, 'testimonies.date.value'), { exact: true }).fill('2019-03');
      await choose(page, tr(lang, 'testimonies.fields.languages'), /\(en\)$/); // Korean is there already; English added
      await page.keyboard.press('Escape');
      await choose(page, tr(lang, 'testimonies.fields.modality'), tr(lang, 'testimonies.modalities.video_call'));
      await choose(page, tr(lang, 'testimonies.fields.riskLevel'), tr(lang, 'testimonies.riskLevels.high'));
      await field(page, tr(lang, 'testimonies.fields.tags')).fill('bowibu');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: tr(lang, 'testimonies.intake.next'), exact: true }).click();

      await page.getByLabel(tr(lang, 'testimonies.sensitive.placeOfInterview')).fill(w.place);
      await page.getByLabel(tr(lang, 'testimonies.sensitive.interpreter')).fill(w.interpreter);
      await page.getByRole('button', { name: tr(lang, 'testimonies.intake.next'), exact: true }).click();

      await page.getByRole('checkbox', { name: tr(lang, 'testimonies.consent.purposes.share_un_mechanisms') }).check();
      expect(await page.getByRole('checkbox', { name: tr(lang, 'testimonies.consent.purposes.publication') }).isChecked()).toBe(false);
      expect(await page.getByRole('checkbox', { name: tr(lang, 'testimonies.consent.anonymityRequired') }).isChecked()).toBe(true);
      await shoot(page, 'interviewer-consent', lang);
      await page.getByRole('button', { name: tr(lang, 'testimonies.intake.next'), exact: true }).click();
      await page.getByRole('button', { name: tr(lang, 'testimonies.intake.save') }).click();
      await page.waitForURL(/\/testimonies\/[0-9a-f-]{36}$/);
      const testimonyId = page.url().split('/').pop() as string;
      await page.getByRole('heading', { name: tr(lang, 'testimonies.page.title'), level: 2 }).waitFor();

      const get = (path: string) => web.ctx.http().get(`/cases/${caseId}${path}`).set(...bearer(interviewer.token)).expect(200);
      const saved = (await get(`/testimonies/${testimonyId}`)).body;
      expect(saved).toMatchObject({ status: 'draft', interviewDate: { date: '2019-03', precision: 'month' }, languages: ['ko', 'en'], modality: 'video_call', riskLevel: 'high', tags: ['bowibu'] });
      const code = saved.interviewee.code as string;
      const personId = saved.interviewee.id as string;
      expect((await get(`/testimonies/${testimonyId}/consents`)).body[0]).toMatchObject({ version: 1, purposes: ['share_un_mechanisms'], anonymityRequired: true });
      expect((await get(`/testimonies/${testimonyId}/sensitive`)).body).toMatchObject({ placeOfInterview: w.place, interpreter: w.interpreter });

      // 3. The new witness's person page: record the identity (birthplace from the gazetteer), then reveal it on purpose.
      await page.getByRole('link', { name: tr(lang, 'people.openPerson', { code }) }).click(); // the interviewee's badge
      await page.getByRole('heading', { name: tr(lang, 'people.personTitle', { code }) }).waitFor();
      const panel = page.getByRole('region', { name: tr(lang, 'people.identity.title') });
      await panel.getByRole('button', { name: tr(lang, 'people.identity.record') }).click();
      await addTag(page, tr(lang, 'people.identity.namesHangul'), w.hangul);
      await addTag(page, tr(lang, 'people.identity.namesRomanised'), w.romanised);
      await addTag(page, tr(lang, 'people.identity.aliases'), w.alias);
      await page.getByRole('combobox', { name: tr(lang, 'people.identity.birthplace') }).fill('Hoeryong');
      await page.getByRole('option', { name: /^Hoeryong \(회령시\)/ }).click();
      await page.getByRole('button', { name: tr(lang, 'people.identity.addRelative') }).click();
      const relative = page.getByRole('group', { name: tr(lang, 'people.identity.relativeN', { n: '1' }) });
      await relative.getByLabel(tr(lang, 'people.identity.relation')).fill(lang === 'ko' ? '남동생' : 'younger brother');
      await relative.getByLabel(tr(lang, 'people.identity.relativeName')).fill(w.relative);
      await page.getByRole('button', { name: tr(lang, 'people.identity.addContact') }).click();
      const contact = page.getByRole('group', { name: tr(lang, 'people.identity.contactN', { n: '1' }) });
      await contact.getByLabel(tr(lang, 'people.identity.contactKind')).selectOption('phone');
      await contact.getByLabel(tr(lang, 'people.identity.contactValue'), { exact: true }).fill(w.phone);
      await page.getByRole('button', { name: tr(lang, 'people.identity.save') }).click();
      // Saved and sealed again: seeing it takes an explicit reveal that says it is recorded.
      await panel.getByRole('button', { name: tr(lang, 'people.reveal.button') }).click();
      const dialog = page.getByRole('dialog', { name: tr(lang, 'people.reveal.title', { code }) });
      await dialog.getByText(tr(lang, 'people.reveal.warning')).waitFor();
      await dialog.getByRole('button', { name: tr(lang, 'people.reveal.confirm') }).click();
      await panel.getByText(w.hangul).waitFor();
      await panel.getByText(BIRTHPLACE).waitFor();
      await panel.getByText(`${tr(lang, 'people.contactKinds.phone')}: ${w.phone}`).waitFor();
      await shoot(page, 'interviewer-identity', lang);
      const identity = (await get(`/people/${personId}/identity`)).body.identity;
      expect(identity).toMatchObject({ namesHangul: [w.hangul], namesRomanised: [w.romanised], aliases: [w.alias], birthplace: BIRTHPLACE, contacts: [{ kind: 'phone', value: w.phone }] });
      expect(identity.relatives).toEqual([expect.objectContaining({ name: w.relative })]);

      // 4. Back on the testimony: a Korean original typed, an English translation from a .txt, both saved; a recording.
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.testimonies') }).click();
      await page.getByRole('link', { name: tr(lang, 'testimonies.list.open', { code }) }).click();
      await page.getByRole('heading', { name: tr(lang, 'testimonies.page.title'), level: 2 }).waitFor();
      const originalBox = page.getByRole('textbox', { name: tr(lang, 'transcripts.textOf', { language: ko }) });
      await originalBox.fill(original);
      await page.getByRole('button', { name: tr(lang, 'transcripts.save', { language: ko }) }).click();
      const originalSection = page.getByRole('region', { name: tr(lang, 'transcripts.originalIn', { language: ko }) });
      await originalSection.getByText(tr(lang, 'transcripts.versionN', { version: '1' }), { exact: true }).first().waitFor();
      await page.getByRole('combobox', { name: tr(lang, 'transcripts.addTranslationLanguage'), exact: true }).click();
      await page.getByRole('option', { name: en, exact: true }).click();
      await page.getByRole('button', { name: tr(lang, 'transcripts.addTranslation') }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: tr(lang, 'transcripts.loadFile', { language: en }) }).click();
      await (await chooser).setFiles({ name: 'translation.txt', mimeType: 'text/plain', buffer: Buffer.from(translation, 'utf8') });
      const englishBox = page.getByRole('textbox', { name: tr(lang, 'transcripts.textOf', { language: en }) });
      await expect.poll(() => englishBox.inputValue()).toBe(translation);
      await page.getByRole('button', { name: tr(lang, 'transcripts.save', { language: en }) }).click();
      const englishSection = page.getByRole('region', { name: tr(lang, 'transcripts.translationIn', { language: en }) });
      await englishSection.getByText(tr(lang, 'transcripts.versionN', { version: '1' }), { exact: true }).first().waitFor();

      await page.locator('input[type="file"][name="file"]').setInputFiles({ name: w.file, mimeType: 'audio/mpeg', buffer: recording });
      const upload = page.getByTestId('upload');
      await upload.getByText(tr(lang, 'files.matches')).waitFor();
      await upload.getByText(sha256(recording)).waitFor();

      // The status moves draft → transcribed by its button.
      const advance = page.getByRole('button', { name: tr(lang, 'testimonies.workflow.advance', { status: tr(lang, 'testimonies.statuses.transcribed') }) });
      await expect.poll(() => advance.isEnabled()).toBe(true);
      await advance.click();
      await page.getByText(tr(lang, 'testimonies.workflow.needs.advance.redacted')).waitFor();
      await shoot(page, 'interviewer-testimony', lang);
      expect((await get(`/testimonies/${testimonyId}`)).body.status).toBe('transcribed');
      const transcripts = (await get(`/testimonies/${testimonyId}/transcripts`)).body as Array<{ kind: string; language: string }>;
      expect(transcripts.map((x) => `${x.kind}:${x.language}`).sort()).toEqual(['original:ko', 'translation:en']);

      // The transcripts page: original and translation side by side.
      await page.getByRole('link', { name: tr(lang, 'testimonies.page.openTranscripts') }).click();
      await page.getByRole('heading', { name: tr(lang, 'transcripts.pageTitle'), level: 1 }).waitFor();
      await expect.poll(() => page.getByRole('textbox', { name: tr(lang, 'transcripts.textOf', { language: en }) }).inputValue()).toBe(translation);
      await shoot(page, 'interviewer-transcripts', lang);
      await context.close();

      // 5. The analyst without identity clearance walks the same case in a new browser.
      const other = await newContext(browser, web, lang);
      const page2 = await other.newPage();
      const requested: string[] = [];
      page2.on('request', (request) => requested.push(new URL(request.url()).pathname));
      const bodies: Array<Promise<string>> = [];
      page2.on('response', (response: Response) => {
        const type = response.headers()['content-type'] ?? '';
        if (/json|html|text\/plain/.test(type)) bodies.push(response.text().then((body) => `${response.url()}\n${body}`, () => ''));
      });
      const seen: string[] = [];
      const record = async () => {
        seen.push(await page2.content(), await storageWithIndexedDb(page2));
      };

      await signInThroughUi(page2, lang, analyst);
      const home = page2.getByRole('table', { name: tr(lang, 'home.casesTable') }).getByRole('link', { name: caseTitle });
      await home.waitFor();
      await record();
      await home.click();
      await page2.getByRole('heading', { name: caseTitle, level: 1 }).waitFor();

      await page2.getByRole('tab', { name: tr(lang, 'case.tabs.people') }).click();
      await page2.getByText(tr(lang, 'people.unclearedNote')).waitFor();
      await record();
      await page2.getByRole('link', { name: tr(lang, 'people.openPerson', { code }) }).click();
      await page2.getByRole('heading', { name: tr(lang, 'people.personTitle', { code }) }).waitFor();
      await page2.getByText(tr(lang, 'people.unclearedNote')).waitFor();
      expect(await page2.getByRole('button', { name: tr(lang, 'people.reveal.button') }).count()).toBe(0);
      await record();
      await shoot(page2, 'uncleared-person', lang);

      await page2.getByRole('tab', { name: tr(lang, 'case.tabs.testimonies') }).click();
      const open = page2.getByRole('link', { name: tr(lang, 'testimonies.list.open', { code }) });
      await open.waitFor();
      await record();
      await open.click();
      await page2.getByRole('heading', { name: tr(lang, 'testimonies.page.title'), level: 2 }).waitFor();
      await page2.getByText(tr(lang, 'transcripts.notCleared.title')).waitFor();
      await page2.getByRole('heading', { name: tr(lang, 'files.title'), exact: true }).waitFor();
      await page2.getByRole('table', { name: tr(lang, 'files.listLabel') }).getByRole('cell', { name: tr(lang, 'files.kinds.audio'), exact: true }).waitFor();
      expect(await page2.getByRole('button', { name: tr(lang, 'testimonies.sensitive.reveal') }).count()).toBe(0);
      await record();
      await shoot(page2, 'uncleared-testimony', lang);

      await page2.getByRole('link', { name: tr(lang, 'testimonies.page.openTranscripts') }).click();
      await page2.getByRole('heading', { name: tr(lang, 'transcripts.pageTitle'), level: 1 }).waitFor();
      await page2.getByText(tr(lang, 'transcripts.notCleared.title')).waitFor();
      await record();
      await shoot(page2, 'uncleared-transcripts', lang);

      await page2.getByRole('link', { name: tr(lang, 'transcripts.backToTestimonies') }).click();
      await page2.getByRole('tab', { name: tr(lang, 'case.tabs.files') }).click();
      const files = page2.getByRole('table', { name: tr(lang, 'files.listLabel') });
      await files.getByTitle(sha256(recording)).waitFor();
      await expectAccessible(page2);
      await record();
      await shoot(page2, 'uncleared-files', lang);

      await page2.getByRole('tab', { name: tr(lang, 'case.tabs.jobs') }).click();
      await page2.getByRole('tab', { name: tr(lang, 'case.tabs.jobs'), selected: true }).waitFor();
      await page2.getByText(tr(lang, 'jobs.none')).waitFor();
      await expectAccessible(page2);
      await record();
      await shoot(page2, 'uncleared-jobs', lang);

      const received = (await Promise.all(bodies)).join('\n');
      expect(received).toContain(code); // the bodies were really collected
      expect(received).toContain(sha256(recording));
      const everything = `${received}\n${seen.join('\n')}`;
      const secrets = [w.hangul, w.romanised, w.alias, w.relative, w.phone, BIRTHPLACE, w.place, w.interpreter, w.file, w.phrase];
      expect(secrets.filter((secret) => everything.includes(secret))).toEqual([]);
      const forbidden = requested.filter((p) => /\/identity$|\/sensitive$|\/transcripts\/[^/]+\/versions|\/files\/[^/]+\/name$/.test(p));
      expect(forbidden).toEqual([]);
      await other.close();
    }, 240_000);
  }
});
