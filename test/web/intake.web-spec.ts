import type { Browser, Page } from 'playwright-core';
import { bearer } from '../helpers/test-app';
import { browserStorageDump, expectAccessible, launchBrowser, newContext, screenshot, signInThroughUi, tr, type Lang } from './support/browser';
import { addMember, createCase, createUser, startWebApp, type TestUser, type WebApp } from './support/web-app';

/** The input of a Mantine Select (a combobox) or MultiSelect/TagsInput, by its label. */
const field = (page: Page, label: string) => page.getByRole('combobox', { name: label }).or(page.getByRole('textbox', { name: label })).first();

/** Picks an option of a Mantine Select/MultiSelect by its label, as a person would. */
async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  await field(page, label).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

describe('testimony intake: the stepper, consent and its withdrawal, and what an uncleared member receives', () => {
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
    it(`[${lang}] a cleared interviewer records a new witness's testimony with consent; withdrawal adds a version; an uncleared member never receives the sensitive details`, async () => {
      const lead = await createUser(web, 'investigator', lang === 'ko' ? '최책임' : 'Lena Lead');
      const interviewer = await createUser(web, 'investigator', lang === 'ko' ? '박면담' : 'Ivy Interviewer');
      const analyst = await createUser(web, 'analyst', lang === 'ko' ? '이분석' : 'Andy Analyst');
      const caseId = await createCase(web, lead, lang === 'ko' ? '전거리 교화소 증언' : 'Chongori kyohwaso testimonies');
      await addMember(web, caseId, lead, interviewer, 'investigator', true);
      await addMember(web, caseId, lead, analyst, 'analyst', false);
      const place = `Safe house ${lang} ${Date.now()} room 3`;
      const interpreter = `Interpreter ${lang} Kang`;
      const reason = `Worried about her brother in Hoeryong (${lang})`;

      const context = await newContext(browser, web, lang);
      const page = await context.newPage();
      await signInThroughUi(page, lang, interviewer, `/app/cases/${caseId}/testimonies`);
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.testimonies'), selected: true }).waitFor();
      await page.getByText(tr(lang, 'testimonies.list.empty')).waitFor();
      await page.getByRole('link', { name: tr(lang, 'testimonies.list.record') }).click();
      await page.waitForURL(/\/testimonies\/new$/);

      // 1. Interviewee: a new witness, registered inline (kind only; no name is asked for).
      await page.getByRole('heading', { name: tr(lang, 'testimonies.intake.title') }).waitFor();
      await choose(page, tr(lang, 'testimonies.intake.newKind'), tr(lang, 'testimonies.personKinds.witness'));
      await expectAccessible(page);
      await screenshot(page, 'intake-interviewee', lang);
      await page.getByRole('button', { name: tr(lang, 'testimonies.intake.next'), exact: true }).click();

      // 2. Interview: interviewers by name (the interviewer is pre-selected), date by month, languages, modality, risk, tags.
      await page.getByText(tr(lang, 'testimonies.intake.help.interview')).waitFor();
      await page.getByRole('button', { name: tr(lang, 'testimonies.intake.next'), exact: true }).click();
      await page.getByText(tr(lang, 'testimonies.date.required')).waitFor(); // the step says what is missing
      await choose(page, tr(lang, 'testimonies.date.precision'), tr(lang, 'testimonies.date.precisions.month'));
      await page.getByLabel(tr(lang, 'testimonies.date.value'), { exact: true }).fill('2019-03');
      await choose(page, tr(lang, 'testimonies.fields.languages'), /\(en\)$/);
      await page.keyboard.press('Escape');
      await choose(page, tr(lang, 'testimonies.fields.riskLevel'), tr(lang, 'testimonies.riskLevels.high'));
      await field(page, tr(lang, 'testimonies.fields.tags')).fill('kyohwaso');
      await page.keyboard.press('Enter');

      // Leaving with unsaved work asks first; staying keeps everything typed.
      await page.getByRole('tab', { name: tr(lang, 'case.tabs.people') }).click();
      await page.getByRole('dialog', { name: tr(lang, 'testimonies.unsaved.title') }).waitFor();
      await page.getByRole('button', { name: tr(lang, 'testimonies.unsaved.stay') }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      expect(await page.getByLabel(tr(lang, 'testimonies.date.value'), { exact: true }).inputValue()).toBe('2019-03');
      await expectAccessible(page);
      await screenshot(page, 'intake-interview', lang);
      await page.getByRole('button', { name: tr(lang, 'testimonies.intake.next'), exact: true }).click();

      // 3. Sensitive details: offered to a cleared member.
      await page.getByLabel(tr(lang, 'testimonies.sensitive.placeOfInterview')).fill(place);
      await page.getByLabel(tr(lang, 'testimonies.sensitive.interpreter')).fill(interpreter);
      await page.getByRole('button', { name: tr(lang, 'testimonies.intake.next'), exact: true }).click();

      // 4. Consent: publication refused, UN sharing allowed, anonymity required.
      await page.getByRole('checkbox', { name: tr(lang, 'testimonies.consent.purposes.share_un_mechanisms') }).check();
      await page.getByRole('checkbox', { name: tr(lang, 'testimonies.consent.purposes.internal_analysis') }).check();
      expect(await page.getByRole('checkbox', { name: tr(lang, 'testimonies.consent.purposes.publication') }).isChecked()).toBe(false);
      expect(await page.getByRole('checkbox', { name: tr(lang, 'testimonies.consent.anonymityRequired') }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: tr(lang, 'testimonies.consent.identityDisclosureAllowed') }).isDisabled()).toBe(true);
      await page.getByText(tr(lang, 'testimonies.consent.purposeHelp.share_un_mechanisms')).waitFor(); // each choice explained
      await expectAccessible(page);
      await screenshot(page, 'intake-consent', lang);
      await page.getByRole('button', { name: tr(lang, 'testimonies.intake.next'), exact: true }).click();

      // 5. Check and save: lands on the testimony page, a draft.
      await page.getByText(tr(lang, 'testimonies.intake.newPerson', { kind: tr(lang, 'testimonies.personKinds.witness') })).waitFor();
      await page.getByRole('button', { name: tr(lang, 'testimonies.intake.save') }).click();
      await page.waitForURL(/\/testimonies\/[0-9a-f-]{36}$/);
      const testimonyId = page.url().split('/').pop() as string;
      await page.getByRole('heading', { name: tr(lang, 'testimonies.page.title'), level: 2 }).waitFor();
      await page.getByText(tr(lang, 'testimonies.workflow.blocked.needsTranscript')).waitFor();
      expect(await page.getByRole('button', { name: tr(lang, 'testimonies.workflow.advance', { status: tr(lang, 'testimonies.statuses.transcribed') }) }).isDisabled()).toBe(true);
      await page.getByText(tr(lang, 'testimonies.consent.inForce', { version: '1' })).waitFor();

      const api = (path: string, user: TestUser = lead) => web.ctx.http().get(`/cases/${caseId}/testimonies/${testimonyId}${path}`).set(...bearer(user.token)).expect(200);
      const saved = (await api('')).body;
      expect(saved).toMatchObject({ status: 'draft', interviewerIds: [interviewer.id], interviewDate: { date: '2019-03', precision: 'month' }, languages: ['ko', 'en'], modality: 'in_person', riskLevel: 'high', tags: ['kyohwaso'] });
      expect(saved.interviewee.code).toMatch(/^[A-Z]+-\d+/);
      const [consent] = (await api('/consents')).body;
      expect(consent).toMatchObject({ version: 1, anonymityRequired: true, identityDisclosureAllowed: false, noDeathPenaltyProceedings: true, takenBy: interviewer.id, recordedBy: interviewer.id });
      expect([...consent.purposes].sort()).toEqual(['internal_analysis', 'share_un_mechanisms']);
      expect((await api('/sensitive')).body).toMatchObject({ placeOfInterview: place, interpreter });

      // The cleared interviewer reveals the sensitive details on purpose (the page says it is audited).
      expect(await page.getByText(place).count()).toBe(0);
      await page.getByText(tr(lang, 'testimonies.sensitive.audited')).first().waitFor();
      await page.getByRole('button', { name: tr(lang, 'testimonies.sensitive.reveal') }).click();
      await page.getByText(place).waitFor();

      // Withdrawal with date and reason: a second version; the reason is shown to the cleared member.
      await page.getByRole('button', { name: tr(lang, 'testimonies.consent.withdraw') }).click();
      const dialog = page.getByRole('dialog', { name: tr(lang, 'testimonies.consent.withdraw') });
      await dialog.getByLabel(tr(lang, 'testimonies.consent.reason')).fill(reason);
      await dialog.getByRole('button', { name: tr(lang, 'testimonies.consent.confirmWithdraw') }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('alert').filter({ hasText: tr(lang, 'testimonies.consent.withdrawnTitle') }).or(page.getByText(tr(lang, 'testimonies.consent.withdrawnTitle'))).first().waitFor();
      const versionRows = page.getByRole('table', { name: tr(lang, 'testimonies.consent.versions') }).getByRole('row');
      await expect.poll(() => versionRows.count()).toBe(3); // header + 2 versions
      await page.getByText(reason).waitFor();
      const history = (await api('/consents')).body as Array<{ version: number; withdrawnAt: string | null }>;
      expect(history.map((v) => v.version)).toEqual([1, 2]);
      expect(history[1]?.withdrawnAt).not.toBeNull();
      await expectAccessible(page);
      await screenshot(page, 'testimony', lang);

      // Editing while someone else saves: a 409 shows both versions and lets the user choose; nothing is overwritten silently.
      await page.getByRole('region', { name: tr(lang, 'testimonies.page.metadata') }).or(page.locator('section', { has: page.getByRole('heading', { name: tr(lang, 'testimonies.page.metadata') }) })).first()
        .getByRole('button', { name: tr(lang, 'testimonies.page.edit') }).click();
      await choose(page, tr(lang, 'testimonies.fields.riskLevel'), tr(lang, 'testimonies.riskLevels.critical'));
      await web.ctx.http().patch(`/cases/${caseId}/testimonies/${testimonyId}`).set(...bearer(lead.token)).send({ version: saved.version, riskLevel: 'medium' }).expect(200);
      await page.getByRole('button', { name: tr(lang, 'testimonies.page.save'), exact: true }).click();
      await page.getByRole('heading', { name: tr(lang, 'testimonies.conflict.title') }).waitFor();
      expect((await api('')).body.riskLevel).toBe('medium');
      await page.getByRole('radio', { name: tr(lang, 'testimonies.riskLevels.medium') }).waitFor(); // their version, beside mine
      await page.getByRole('radio', { name: tr(lang, 'testimonies.riskLevels.critical') }).check();
      await page.getByRole('button', { name: tr(lang, 'testimonies.conflict.saveMerged') }).click();
      await page.getByRole('heading', { name: tr(lang, 'testimonies.conflict.title') }).waitFor({ state: 'detached' });
      expect((await api('')).body.riskLevel).toBe('critical');

      // The list shows the testimony with its code, date, languages and status, and links to it.
      await page.getByRole('link', { name: tr(lang, 'testimonies.page.backToList') }).click();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: tr(lang, 'testimonies.list.open', { code: saved.interviewee.code }) }) });
      await row.getByText(tr(lang, 'testimonies.statuses.draft')).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'testimonies', lang);
      await context.close();

      // An uncleared member opens the same testimony: no sensitive fields, never requested, never received.
      const other = await newContext(browser, web, lang);
      const page2 = await other.newPage();
      const urls: string[] = [];
      const bodies: Array<Promise<string>> = [];
      page2.on('response', (response) => {
        urls.push(response.url());
        bodies.push(response.text().catch(() => ''));
      });
      await signInThroughUi(page2, lang, analyst, `/app/cases/${caseId}/testimonies/${testimonyId}`);
      await page2.getByRole('heading', { name: tr(lang, 'testimonies.consent.title'), exact: true }).waitFor();
      await page2.getByText(tr(lang, 'testimonies.consent.withdrawnTitle')).first().waitFor();
      expect(await page2.getByRole('heading', { name: tr(lang, 'testimonies.sensitive.title') }).count()).toBe(0);
      expect(await page2.getByRole('button', { name: tr(lang, 'testimonies.sensitive.reveal') }).count()).toBe(0);
      expect(await page2.getByText(tr(lang, 'testimonies.consent.withdrawalReason')).count()).toBe(0);
      // An analyst may not change the status, and the page says why.
      await page2.getByText(tr(lang, 'testimonies.workflow.blocked.recordPermission')).first().waitFor();
      await expectAccessible(page2);
      await screenshot(page2, 'testimony-uncleared', lang);
      expect(urls.filter((u) => u.includes('/sensitive'))).toEqual([]);
      const received = (await Promise.all(bodies)).join('\n') + (await page2.content()) + (await browserStorageDump(page2));
      for (const secret of [place, interpreter, reason]) expect(received).not.toContain(secret);
      await other.close();
    });
  }
  it('an uncleared investigator records without the sensitive step; with a transcript the status advances by its button', async () => {
    const lang: Lang = 'en';
    const lead = await createUser(web, 'investigator', 'Lena Lead');
    const investigator = await createUser(web, 'investigator', 'Una Uncleared');
    const caseId = await createCase(web, lead, 'Hoeryong forced repatriation');
    await addMember(web, caseId, lead, investigator, 'investigator', false);
    const context = await newContext(browser, web, lang);
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await signInThroughUi(page, lang, investigator, `/app/cases/${caseId}/testimonies/new`);
    await page.getByRole('heading', { name: tr(lang, 'testimonies.intake.title') }).waitFor();
    await page.getByRole('button', { name: tr(lang, 'testimonies.intake.steps.consent') }).waitFor();
    expect(await page.getByRole('button', { name: tr(lang, 'testimonies.intake.steps.sensitive') }).count()).toBe(0);
    await page.getByRole('button', { name: tr(lang, 'testimonies.intake.next'), exact: true }).click();
    await choose(page, tr(lang, 'testimonies.date.precision'), tr(lang, 'testimonies.date.precisions.unknown'));
    await choose(page, tr(lang, 'testimonies.fields.riskLevel'), tr(lang, 'testimonies.riskLevels.low'));
    await page.getByRole('button', { name: tr(lang, 'testimonies.intake.next'), exact: true }).click();
    await page.getByText(tr(lang, 'testimonies.intake.help.consent')).waitFor(); // straight from interview to consent
    await page.locator('label', { hasText: tr(lang, 'testimonies.intake.consentLater') }).click();
    await page.getByText(tr(lang, 'testimonies.intake.consentLaterHelp')).waitFor();
    await page.getByRole('button', { name: tr(lang, 'testimonies.intake.next'), exact: true }).click();
    await page.getByRole('button', { name: tr(lang, 'testimonies.intake.save') }).click();
    await page.waitForURL(/\/testimonies\/[0-9a-f-]{36}$/);
    const testimonyId = page.url().split('/').pop() as string;
    await page.getByText(tr(lang, 'testimonies.consent.none')).waitFor();
    expect(await page.getByRole('heading', { name: tr(lang, 'testimonies.sensitive.title') }).count()).toBe(0);

    // A transcript arrives (the transcripts panel is another screen): the next step becomes possible.
    await web.ctx.http().post(`/cases/${caseId}/testimonies/${testimonyId}/transcripts`).set(...bearer(lead.token)).send({ kind: 'original', language: 'ko', text: '증언 내용' }).expect(201);
    await page.reload();
    const advance = page.getByRole('button', { name: tr(lang, 'testimonies.workflow.advance', { status: tr(lang, 'testimonies.statuses.transcribed') }) });
    await page.getByText(tr(lang, 'testimonies.workflow.needs.advance.transcribed')).waitFor();
    expect(await advance.isEnabled()).toBe(true);
    await advance.click();
    await page.getByText(tr(lang, 'testimonies.workflow.needs.advance.redacted')).waitFor();
    const status = await web.ctx.http().get(`/cases/${caseId}/testimonies/${testimonyId}`).set(...bearer(lead.token)).expect(200);
    expect(status.body.status).toBe('transcribed');
    expect(urls.filter((u) => u.includes('/sensitive'))).toEqual([]);
    await context.close();
  });
});
