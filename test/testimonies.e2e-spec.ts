import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture, TRANSCRIPT_TEXT } from './helpers/case-fixtures';

const CONSENT = {
  purposes: ['internal_analysis', 'share_un_mechanisms', 'share_icc'],
  anonymityRequired: false,
  identityDisclosureAllowed: true,
  noDeathPenaltyProceedings: true,
  recontactAllowed: true,
  method: 'recorded_oral',
  takenAt: '2024-05-03T09:00:00Z',
};

describe('testimonies, transcripts and consent', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  let lead: [string, string];
  let personId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    lead = bearer(f.lead.token);
    personId = (await ctx.http().post(`/cases/${f.caseId}/people`).set(...lead).send({ kind: 'survivor' }).expect(201)).body.id;
  });
  afterAll(async () => { await ctx.close(); });

  async function newTestimony(extra: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
    const res = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({
      intervieweeId: personId,
      interviewDate: { date: '2019-07', precision: 'month' },
      languages: ['ko', 'en'],
      modality: 'video_call',
      riskLevel: 'medium',
      tags: ['kwanliso', 'kwanliso'],
      ...extra,
    }).expect(201);
    return res.body;
  }

  it('creates a testimony in draft with the interviewee by pseudonym and de-duplicated tags', async () => {
    const t = await newTestimony();
    const res = await ctx.http().get(`/cases/${f.caseId}/testimonies/${t.id}`).set(...lead).expect(200);
    expect(res.body).toMatchObject({ status: 'draft', interviewee: { id: personId, code: 'S-0001' }, interviewDate: { date: '2019-07', precision: 'month' }, tags: ['kwanliso'], version: 1 });
  });

  it('validates interviewee, interviewers, dates and languages, naming the field', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({ intervieweeId: personId, interviewDate: { date: '2019-07', precision: 'month' }, languages: ['ko'], modality: 'phone', riskLevel: 'low', ...body }).expect(400);
      expect(JSON.stringify(res.body.details ?? res.body.message)).toContain(field);
    };
    await bad({ intervieweeId: '00000000-0000-4000-8000-000000000000' }, 'intervieweeId');
    await bad({ interviewerIds: [f.outsider.id] }, 'interviewerIds');
    await bad({ interviewDate: { date: '2019-02-30', precision: 'day' } }, 'interviewDate.date');
    await bad({ interviewDate: { date: '2019', precision: 'month' } }, 'interviewDate.date');
    await bad({ languages: ['Korean'] }, 'languages');
    await bad({ modality: 'telepathy' }, 'modality');
  });

  it('moves through the status workflow one step at a time; marking reviewed needs a reviewer', async () => {
    const t = await newTestimony();
    const step = (status: string, version: number, token = f.lead.token) => ctx.http().post(`/cases/${f.caseId}/testimonies/${t.id}/status`).set(...bearer(token)).send({ status, version });
    await step('redacted', 1).expect(422);
    await step('transcribed', 1).expect(200);
    await step('redacted', 1).expect(409);
    await step('redacted', 2, f.investigator.token).expect(200);
    await step('reviewed', 3, f.investigator.token).expect(403);
    const reviewed = await step('reviewed', 3).expect(200);
    expect(reviewed.body.status).toBe('reviewed');
  });

  it('optimistic locking: a stale update gets 409 and changes nothing', async () => {
    const t = await newTestimony();
    await ctx.http().patch(`/cases/${f.caseId}/testimonies/${t.id}`).set(...lead).send({ version: 1, riskLevel: 'high' }).expect(200);
    const stale = await ctx.http().patch(`/cases/${f.caseId}/testimonies/${t.id}`).set(...bearer(f.investigator.token)).send({ version: 1, riskLevel: 'low' }).expect(409);
    expect(stale.body).toMatchObject({ error: 'VERSION_CONFLICT', details: { expectedVersion: 1, currentVersion: 2 } });
    const res = await ctx.http().get(`/cases/${f.caseId}/testimonies/${t.id}`).set(...lead).expect(200);
    expect(res.body.riskLevel).toBe('high');
  });

  it('lists paginated, filtered and sorted', async () => {
    await newTestimony({ interviewDate: { date: '2001-03-04', precision: 'day' }, languages: ['zh'], tags: ['repatriation'] });
    const page = await ctx.http().get(`/cases/${f.caseId}/testimonies?limit=2&offset=0&sort=-createdAt`).set(...lead).expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(4);
    const zh = await ctx.http().get(`/cases/${f.caseId}/testimonies?language=zh`).set(...lead).expect(200);
    expect(zh.body.items.map((t: { languages: string[] }) => t.languages)).toEqual([['zh']]);
    const tagged = await ctx.http().get(`/cases/${f.caseId}/testimonies?tag=repatriation`).set(...lead).expect(200);
    expect(tagged.body.total).toBe(1);
    const range = await ctx.http().get(`/cases/${f.caseId}/testimonies?interviewedFrom=2000&interviewedTo=2001-12`).set(...lead).expect(200);
    expect(range.body.items.map((t: { interviewDate: { date: string } }) => t.interviewDate.date)).toEqual(['2001-03-04']);
    const sorted = await ctx.http().get(`/cases/${f.caseId}/testimonies?sort=interviewDate`).set(...lead).expect(200);
    expect(sorted.body.items[0].interviewDate.date).toBe('2001-03-04');
    await ctx.http().get(`/cases/${f.caseId}/testimonies?interviewedFrom=yesterday`).set(...lead).expect(400);
  });

  it('transcripts are versioned; old versions stay readable; a translation names the original version', async () => {
    const t = await newTestimony();
    const base = `/cases/${f.caseId}/testimonies/${t.id}/transcripts`;
    await ctx.http().post(base).set(...lead).send({ kind: 'translation', language: 'en', text: 'x' }).expect(400);
    const original = await ctx.http().post(base).set(...lead).send({ kind: 'original', language: 'ko', text: TRANSCRIPT_TEXT }).expect(201);
    expect(original.body.versions[0]).toMatchObject({ version: 1, length: TRANSCRIPT_TEXT.length, createdBy: f.lead.id });
    const leadName = (await ctx.sql<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [f.lead.id]))[0].display_name;
    expect(original.body.versions[0].author).toBe(leadName);
    await ctx.http().post(base).set(...lead).send({ kind: 'original', language: 'ko', text: 'again' }).expect(409);
    const v2 = await ctx.http().post(`${base}/${original.body.id}/versions`).set(...lead).send({ basedOnVersion: 1, text: `${TRANSCRIPT_TEXT} (교정)` }).expect(201);
    expect(v2.body.latestVersion).toBe(2);
    await ctx.http().post(`${base}/${original.body.id}/versions`).set(...lead).send({ basedOnVersion: 1, text: 'lost update' }).expect(409);
    const old = await ctx.http().get(`${base}/${original.body.id}/versions/1`).set(...lead).expect(200);
    expect(old.body.text).toBe(TRANSCRIPT_TEXT);
    const translation = await ctx.http().post(base).set(...lead).send({ kind: 'translation', language: 'en', text: 'I am W. In 1997 I did forced labour at Yodok.', translatesVersionId: v2.body.versions[1].id }).expect(201);
    expect(translation.body.versions[0].translatesVersionId).toBe(v2.body.versions[1].id);
    const foreign = await newTestimony();
    await ctx.http().post(`/cases/${f.caseId}/testimonies/${foreign.id}/transcripts`).set(...lead).send({ kind: 'translation', language: 'en', text: 'x', translatesVersionId: v2.body.versions[1].id }).expect(400);
    const list = await ctx.http().get(base).set(...bearer(f.investigator.token)).expect(200);
    expect(list.body.map((x: { kind: string }) => x.kind)).toEqual(['original', 'translation']);
    expect(JSON.stringify(list.body)).not.toContain('요덕');
  });

  it('records consent versions, withdraws with a sealed reason, and decides disclosures with the policy', async () => {
    const t = await newTestimony();
    const base = `/cases/${f.caseId}/testimonies/${t.id}`;
    const decision = (q: string) => ctx.http().get(`${base}/consent-decision?${q}`).set(...lead).expect(200);
    expect((await decision('recipientKind=icc&purpose=share_icc&deathPenaltyJurisdiction=false')).body).toMatchObject({ allowed: false });
    await ctx.http().post(`${base}/consents`).set(...lead).send({ ...CONSENT, takenBy: f.lead.id }).expect(201);
    expect((await decision('recipientKind=icc&purpose=share_icc&deathPenaltyJurisdiction=false')).body).toMatchObject({ allowed: true, form: 'identified', consentVersion: 1 });
    expect((await decision('recipientKind=national_prosecutor&purpose=share_national_prosecutors&deathPenaltyJurisdiction=false')).body).toMatchObject({ allowed: false, reason: 'purpose_not_granted' });
    expect((await decision('recipientKind=un_mechanism&purpose=share_un_mechanisms&deathPenaltyJurisdiction=true')).body).toMatchObject({ allowed: false, reason: 'death_penalty_jurisdiction' });
    await ctx.http().post(`${base}/consents`).set(...lead).send({ ...CONSENT, takenBy: f.lead.id, anonymityRequired: true, identityDisclosureAllowed: true }).expect(400);
    await ctx.http().post(`${base}/consents`).set(...lead).send({ ...CONSENT, takenBy: f.lead.id, anonymityRequired: true, identityDisclosureAllowed: false, takenAt: '2024-06-01T00:00:00Z' }).expect(201);
    expect((await decision('recipientKind=icc&purpose=share_icc&deathPenaltyJurisdiction=false')).body).toMatchObject({ allowed: true, form: 'pseudonymised', consentVersion: 2 });
    await ctx.http().post(`${base}/consents/withdraw`).set(...lead).send({ withdrawnAt: '2024-07-01T00:00:00Z', reason: 'Worried about her sister in Hoeryong' }).expect(201);
    expect((await decision('recipientKind=icc&purpose=share_icc&deathPenaltyJurisdiction=false')).body).toMatchObject({ allowed: false, reason: 'consent_withdrawn' });
    const history = await ctx.http().get(`${base}/consents`).set(...bearer(f.investigator.token)).expect(200);
    expect(history.body.map((c: { version: number; withdrawnAt: string | null }) => [c.version, c.withdrawnAt])).toEqual([[1, null], [2, null], [3, '2024-07-01T00:00:00.000Z']]);
    expect(history.body.map((c: { recordedBy: string }) => c.recordedBy)).toEqual([f.lead.id, f.lead.id, f.lead.id]);
    expect(JSON.stringify(history.body)).not.toContain('Hoeryong');
    const sensitive = await ctx.http().get(`${base}/sensitive`).set(...lead).expect(200);
    expect(sensitive.body.consentWithdrawalReasons).toEqual([{ version: 3, reason: 'Worried about her sister in Hoeryong' }]);
    await ctx.http().post(`${base}/consents/withdraw`).set(...lead).send({ withdrawnAt: '2024-08-01T00:00:00Z', reason: 'again' }).expect(409);
  });

  it('consent can be recorded with the testimony; the taker must be a user', async () => {
    await newTestimony({ consent: { ...CONSENT, takenBy: f.lead.id } });
    const res = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...lead).send({
      intervieweeId: personId, interviewDate: { precision: 'unknown' }, languages: ['ko'], modality: 'written', riskLevel: 'low',
      consent: { ...CONSENT, takenBy: '00000000-0000-4000-8000-000000000000' },
    }).expect(400);
    expect(res.body.details).toEqual([{ field: 'takenBy', problems: ['is not a user'] }]);
  });
});
