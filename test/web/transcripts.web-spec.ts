import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import * as yazl from 'yazl';
import { bearer } from '../helpers/test-app';
import { expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr, type Lang } from './support/browser';
import { createCase, createUser, startWebApp, type TestUser, type WebApp } from './support/web-app';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal .docx (Office Open XML, zipped by hand): one paragraph per line. */
function docx(paragraphs: string[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const add = (path: string, xml: string) => zip.addBuffer(Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${xml}`, 'utf8'), path);
  add('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  add('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  add('word/_rels/document.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>');
  add('word/document.xml', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** UTF-16LE with a byte-order mark, as Windows Notepad saves "Unicode" text. */
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/** The browser names languages with Intl.DisplayNames in the UI language; so does the test. */
const languageName = (lang: Lang, code: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;

async function chooseFile(page: Page, button: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Full-page screenshots from the top, so the fixed header stays at the top of the image. */
async function shoot(page: Page, name: string, lang: Lang) {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name, lang);
}

describe('transcripts, files and jobs of a testimony', () => {
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

  async function testimonyOf(lead: TestUser, caseId: string): Promise<string> {
    const person = await web.ctx.http().post(`/cases/${caseId}/people`).set(...bearer(lead.token)).send({ kind: 'witness', identity: { namesHangul: ['김철수'], namesRomanised: ['Kim Chol-su'] } }).expect(201);
    const t = await web.ctx.http().post(`/cases/${caseId}/testimonies`).set(...bearer(lead.token)).send({ intervieweeId: person.body.id, interviewDate: { precision: 'unknown' }, languages: ['ko', 'en'], modality: 'in_person', riskLevel: 'high' }).expect(201);
    return t.body.id as string;
  }

  for (const lang of ['ko', 'en'] as const) {
    it(`[${lang}] a cleared interviewer writes, loads, versions, diffs and merges transcripts, uploads and downloads a recording, and follows a redaction across a reload`, async () => {
      const interviewer = await createUser(web, 'investigator', lang === 'ko' ? '박면담' : 'Ivy Interviewer');
      const caseId = await createCase(web, interviewer, lang === 'ko' ? '요덕 증언' : 'Yodok testimonies');
      const testimonyId = await testimonyOf(interviewer, caseId);
      const base = `/cases/${caseId}/testimonies/${testimonyId}/transcripts`;
      const page = await (await newContext(browser, web, lang)).newPage();
      await signInThroughUi(page, lang, interviewer, `/app${base}`);
      await page.getByRole('heading', { name: tr(lang, 'transcripts.pageTitle'), level: 1 }).waitFor();

      const ko = languageName(lang, 'ko');
      const en = languageName(lang, 'en');
      const originalBox = page.getByRole('textbox', { name: tr(lang, 'transcripts.textOf', { language: ko }) });
      const englishBox = page.getByRole('textbox', { name: tr(lang, 'transcripts.textOf', { language: en }) });
      const originalSection = page.getByRole('region', { name: tr(lang, 'transcripts.originalIn', { language: ko }) });
      const englishSection = page.getByRole('region', { name: tr(lang, 'transcripts.translationIn', { language: en }) });

      // 1. The Korean original, typed, saved as version 1.
      const v1 = '저는 1997년에 요덕수용소에서 강제노동을 했습니다.';
      await originalBox.fill(v1);
      await page.getByRole('button', { name: tr(lang, 'transcripts.save', { language: ko }) }).click();
      await originalSection.getByText(tr(lang, 'transcripts.versionN', { version: '1' }), { exact: true }).first().waitFor();

      // 2. An English translation loaded from a UTF-16 .txt, saved; then from a .docx, saved as version 2.
      await pick(page, tr(lang, 'transcripts.addTranslationLanguage'), en);
      await page.getByRole('button', { name: tr(lang, 'transcripts.addTranslation') }).click();
      await englishSection.getByText(tr(lang, 'transcripts.willTranslate', { version: '1' })).waitFor();
      const txt = 'In 1997 I did forced labour at Yodok camp.';
      await chooseFile(page, tr(lang, 'transcripts.loadFile', { language: en }), { name: 'translation.txt', mimeType: 'text/plain', buffer: utf16le(txt) });
      await expect.poll(() => englishBox.inputValue()).toBe(txt);
      await page.getByRole('button', { name: tr(lang, 'transcripts.save', { language: en }) }).click();
      await englishSection.getByText(tr(lang, 'transcripts.versionN', { version: '1' }), { exact: true }).first().waitFor();
      await chooseFile(page, tr(lang, 'transcripts.loadFile', { language: en }), {
        name: 'translation.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: await docx(['In 1997 I did forced labour at Yoduk camp.', 'My sister is still there.']),
      });
      await expect.poll(() => englishBox.inputValue()).toBe('In 1997 I did forced labour at Yoduk camp.\n\nMy sister is still there.');
      await page.getByRole('button', { name: tr(lang, 'transcripts.save', { language: en }) }).click();
      await englishSection.getByText(tr(lang, 'transcripts.versionN', { version: '2' }), { exact: true }).first().waitFor();
      // The versions list the author; the translation names the original version it translates.
      await englishSection.getByRole('cell', { name: lang === 'ko' ? '박면담' : 'Ivy Interviewer' }).first().waitFor();
      await englishSection.getByRole('cell', { name: tr(lang, 'transcripts.originalVersionN', { version: '1' }) }).first().waitFor();
      // The diff of the English versions is by word.
      await englishSection.getByRole('button', { name: tr(lang, 'transcripts.showDiff') }).click();
      const englishDiff = englishSection.getByLabel(tr(lang, 'transcripts.diffBetween', { from: '1', to: '2' }));
      await englishDiff.locator('del', { hasText: 'Yodok' }).waitFor();
      await englishDiff.locator('ins', { hasText: 'Yoduk' }).waitFor();

      // 3. The original edited into version 2; leaving with the edit unsaved asks first (declined: the edit stays).
      await originalBox.fill('저는 1997년에 요덕수용소에 강제노동을 했습니다.');
      const asked: string[] = [];
      page.once('dialog', (d) => {
        asked.push(d.message());
        void d.dismiss();
      });
      await page.getByRole('link', { name: tr(lang, 'transcripts.backToTestimonies') }).click();
      expect(asked).toEqual([tr(lang, 'transcripts.leaveUnsaved')]);
      expect(await originalBox.inputValue()).toBe('저는 1997년에 요덕수용소에 강제노동을 했습니다.');
      expect(page.url()).toContain('/transcripts');
      // Its diff is by character (Hangul).
      await page.getByRole('button', { name: tr(lang, 'transcripts.save', { language: ko }) }).click();
      await originalSection.getByText(tr(lang, 'transcripts.versionN', { version: '2' }), { exact: true }).first().waitFor();
      await originalSection.getByRole('button', { name: tr(lang, 'transcripts.showDiff') }).click();
      const koreanDiff = originalSection.getByLabel(tr(lang, 'transcripts.diffBetween', { from: '1', to: '2' }));
      expect(await koreanDiff.locator('del').allTextContents()).toEqual(['서']);
      await expectAccessible(page);
      await shoot(page, 'transcripts', lang);

      // 4. Someone saves version 3 between my load and my save: the merge view shows both; the merged text is saved as version 4.
      const transcripts = (await web.ctx.http().get(`${base}`).set(...bearer(interviewer.token)).expect(200)).body as { id: string; kind: string }[];
      const originalId = transcripts.find((x) => x.kind === 'original')!.id;
      await originalBox.fill('저는 1997년에 요덕수용소에 강제노동을 했습니다. 제 수정입니다.');
      const theirs = '저는 1997년부터 요덕수용소에 강제노동을 했습니다.';
      await web.ctx.http().post(`${base}/${originalId}/versions`).set(...bearer(interviewer.token)).send({ basedOnVersion: 2, text: theirs }).expect(201);
      await page.getByRole('button', { name: tr(lang, 'transcripts.save', { language: ko }) }).click();
      const dialog = page.getByRole('dialog', { name: tr(lang, 'transcripts.merge.title') });
      await dialog.waitFor();
      expect(await dialog.getByRole('textbox', { name: tr(lang, 'transcripts.merge.theirs', { version: '3' }) }).inputValue()).toBe(theirs);
      await dialog.locator('ins', { hasText: '제 수정입니다.' }).waitFor();
      await expectAccessible(page);
      await shoot(page, 'transcripts-merge', lang);
      const merged = '저는 1997년부터 요덕수용소에 강제노동을 했습니다. 제 수정입니다.';
      await dialog.getByRole('textbox', { name: tr(lang, 'transcripts.merge.merged') }).fill(merged);
      await dialog.getByRole('button', { name: tr(lang, 'transcripts.merge.saveMerged') }).click();
      await dialog.waitFor({ state: 'hidden' });
      await originalSection.getByText(tr(lang, 'transcripts.versionN', { version: '4' }), { exact: true }).first().waitFor();
      const v4 = await web.ctx.http().get(`${base}/${originalId}/versions/4`).set(...bearer(interviewer.token)).expect(200);
      expect(v4.body.text).toBe(merged);

      // 5. A recording dropped on the files panel: progress, the SHA-256 equal to node's and to the browser's, download.
      const recording = randomBytes(300_000);
      await page.locator('input[type="file"][name="file"]').setInputFiles({ name: '면담-녹음.mp3', mimeType: 'audio/mpeg', buffer: recording });
      const upload = page.getByTestId('upload');
      await upload.getByRole('progressbar', { name: tr(lang, 'files.progressLabel') }).waitFor();
      await upload.getByText(tr(lang, 'files.matches')).waitFor();
      await upload.getByText(sha256(recording)).waitFor();
      const downloadLink = page.getByRole('table', { name: tr(lang, 'files.listLabel') }).getByRole('link', { name: new RegExp(tr(lang, 'files.kinds.audio')) });
      const downloading = page.waitForEvent('download');
      await downloadLink.click();
      const downloaded = await readFile((await (await downloading).path())!);
      expect(sha256(downloaded)).toBe(sha256(recording));
      // Its name is sealed: shown on an explicit action that says it is audited.
      await page.getByRole('button', { name: tr(lang, 'files.revealName') }).click();
      await page.getByRole('cell', { name: '면담-녹음.mp3' }).waitFor();
      await expectAccessible(page);
      await shoot(page, 'transcripts-files', lang);

      // 6. A redaction started with no worker running stays queued; after a reload its progress is found again; a worker completes it.
      await page.getByRole('button', { name: tr(lang, 'transcripts.redaction.start') }).click();
      const progress = page.getByTestId('job-progress');
      await progress.getByRole('status').getByText(tr(lang, 'jobs.status.queued')).waitFor();
      await page.reload();
      await progress.getByRole('status').getByText(tr(lang, 'jobs.status.queued')).waitFor();
      const worker = await web.ctx.startWorker();
      try {
        await progress.getByRole('status').getByText(tr(lang, 'jobs.status.completed')).waitFor({ timeout: 30_000 });
        // Saving new versions above queued re-redactions too (issue 13): several redactions are
        // listed, so open each and look for the Korean original's text among them.
        const showButtons = page.getByRole('button', { name: tr(lang, 'transcripts.redaction.showText') });
        const redacted = page.getByLabel(tr(lang, 'transcripts.redaction.deidentified'));
        await showButtons.first().waitFor();
        let texts = '';
        for (let attempt = 0; attempt < 30 && !texts.includes('강제노동'); attempt++) {
          if (attempt > 0) await page.waitForTimeout(1_000);
          for (const button of await showButtons.elementHandles()) await button.click();
          texts = (await redacted.allTextContents()).join('\n');
        }
        expect(texts).toContain('강제노동');
      } finally {
        await worker.close();
      }

      // 7. The case's Jobs tab lists the redaction, done, linking back to the testimony.
      await page.goto(`/app/cases/${caseId}/jobs`);
      const jobs = page.getByRole('table', { name: tr(lang, 'jobs.listLabel') });
      await jobs.getByRole('link', { name: tr(lang, 'jobs.ofTestimony', { name: tr(lang, 'jobs.names.redaction_run') }) }).waitFor();
      await jobs.getByRole('status').getByText(tr(lang, 'jobs.status.completed')).waitFor();
      await expectAccessible(page);
      await shoot(page, 'case-jobs', lang);

      // 8. The case's Files tab lists the recording with its SHA-256.
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.files') }).click();
      const caseFiles = page.getByRole('table', { name: tr(lang, 'files.listLabel') });
      await caseFiles.getByRole('cell', { name: tr(lang, 'files.kinds.audio'), exact: true }).waitFor();
      await caseFiles.getByTitle(sha256(recording)).waitFor();
      await expectAccessible(page);
      await shoot(page, 'case-files', lang);
    });

    it(`[${lang}] a member without identity clearance gets a note and the de-identified text, and no raw transcript is requested`, async () => {
      const lead = await createUser(web, 'investigator');
      const observer = await createUser(web, 'analyst');
      const caseId = await createCase(web, lead, lang === 'ko' ? '비공개 사건' : 'Closed case');
      await web.ctx.http().put(`/cases/${caseId}/members/${observer.id}`).set(...bearer(lead.token)).send({ role: 'analyst', identityClearance: false }).expect(200);
      const testimonyId = await testimonyOf(lead, caseId);
      await web.ctx.http().post(`/cases/${caseId}/testimonies/${testimonyId}/transcripts`).set(...bearer(lead.token)).send({ kind: 'original', language: 'ko', text: '저는 김철수입니다. 요덕에서 일했습니다.' }).expect(201);
      // A redaction made by the lead: its de-identified text is what the uncleared member reads.
      const worker = await web.ctx.startWorker();
      try {
        const job = await web.ctx.http().post(`/cases/${caseId}/redactions`).set(...bearer(lead.token)).send({ testimonyId, profile: 'un' }).expect(202);
        await expect.poll(async () => (await web.ctx.http().get(`/jobs/${job.body.id}`).set(...bearer(lead.token))).body.status, { timeout: 30_000 }).toBe('completed');
      } finally {
        await worker.close();
      }
      const page = await (await newContext(browser, web, lang)).newPage();
      const transcriptRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/transcripts') && !r.url().includes('/app/')) transcriptRequests.push(r.url());
      });
      await signInThroughUi(page, lang, observer, `/app/cases/${caseId}/testimonies/${testimonyId}/transcripts`);
      await page.getByText(tr(lang, 'transcripts.notCleared.title')).waitFor();
      await page.getByRole('heading', { name: tr(lang, 'files.title'), exact: true }).waitFor();
      await page.getByRole('button', { name: tr(lang, 'transcripts.redaction.showText') }).click();
      const redacted = page.getByRole('group', { name: tr(lang, 'transcripts.redaction.deidentified') });
      await redacted.getByText('요덕에서 일했습니다.', { exact: false }).waitFor();
      // No start button: an analyst does not record; no download link either (no files here).
      expect(await page.getByRole('button', { name: tr(lang, 'transcripts.redaction.start') }).count()).toBe(0);
      expect(transcriptRequests).toEqual([]);
      expect(await page.content()).not.toContain('김철수');
      await expectAccessible(page);
      await shoot(page, 'transcripts-uncleared', lang);
    });
  }
});
