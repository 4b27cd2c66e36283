import { generate } from 'otplib';
import { bearer, createTestContext, TestContext } from './helpers/test-app';

// Issue 11 item 7: TOTP two-factor sign-in with recovery codes, reset by an admin, and a policy.
const STEP_SECONDS = 30;
const currentStep = () => Math.floor(Date.now() / 1000 / STEP_SECONDS);
const codeAt = (secret: string, step: number) => generate({ secret, epoch: step * STEP_SECONDS });

type User = { id: string; email: string; password: string; token: string };
interface Enrolled {
  secret: string;
  /** The step of the last code used; the next sign-in uses a later one. */
  step: number;
  recoveryCodes: string[];
}

describe('two-factor sign-in', () => {
  let ctx: TestContext;
  let admin: User;
  // Everything secret this file sees, to scan the tables and the log for at the end.
  const secrets: string[] = [];
  const recoveryCodes: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext({ TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES: '5' });
    admin = await ctx.createUser('admin');
  });
  afterAll(async () => { await ctx.close(); });

  const login = (body: Record<string, string>, from = '198.51.100.1') => ctx.http().post('/auth/login').set('X-Forwarded-For', from).send(body);
  const actionsFor = async (userId: string) =>
    (await ctx.sql<{ action: string }>("SELECT action FROM audit_log WHERE (subject_id = $1 OR actor_id = $1::uuid) AND action LIKE 'auth.2fa.%' ORDER BY seq", [userId])).map((r) => r.action);

  async function enable(user: User): Promise<Enrolled> {
    const enrolment = await ctx.http().post('/auth/2fa/enrol').set(...bearer(user.token)).expect(200);
    const step = currentStep();
    const confirmed = await ctx.http().post('/auth/2fa/confirm').set(...bearer(user.token)).send({ totpCode: await codeAt(enrolment.body.secret, step) }).expect(200);
    secrets.push(enrolment.body.secret);
    recoveryCodes.push(...confirmed.body.recoveryCodes);
    return { secret: enrolment.body.secret, step, recoveryCodes: confirmed.body.recoveryCodes };
  }

  describe('one user, enrolment to sign-in', () => {
    let user: User;
    let enrolled: Enrolled;
    beforeAll(async () => {
      user = await ctx.createUser('analyst');
    });

    it('enrols with a secret, an otpauth URI and a QR code, and turns on only with a current code', async () => {
      const other = await login({ email: user.email, password: user.password }).expect(200);
      const enrolment = await ctx.http().post('/auth/2fa/enrol').set(...bearer(user.token)).expect(200);
      expect(enrolment.headers['cache-control']).toBe('no-store');
      const { secret, otpauthUri, qrCodeDataUrl } = enrolment.body;
      secrets.push(secret);
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      expect(new URL(otpauthUri).searchParams.get('secret')).toBe(secret);
      expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
      const pending = await ctx.http().get('/auth/me').set(...bearer(user.token)).expect(200);
      expect(pending.body).toMatchObject({ id: user.id, email: user.email, role: 'analyst', twoFactor: { enabled: false, pending: true, required: false }, secondFactorEnrolmentRequired: false });

      const step = currentStep();
      const code = await codeAt(secret, step);
      const wrong = code === '000000' ? '000001' : '000000';
      const refused = await ctx.http().post('/auth/2fa/confirm').set(...bearer(user.token)).send({ totpCode: wrong }).expect(400);
      expect(refused.body.details).toEqual([{ field: 'totpCode', problems: [expect.stringMatching(/^is wrong, expired or already used/)] }]);
      const malformed = await ctx.http().post('/auth/2fa/confirm').set(...bearer(user.token)).send({ totpCode: '12345' }).expect(400);
      expect(malformed.body.details).toEqual([{ field: 'totpCode', problems: ['totpCode must be 6 digits'] }]);

      const confirmed = await ctx.http().post('/auth/2fa/confirm').set(...bearer(user.token)).send({ totpCode: code }).expect(200);
      expect(confirmed.headers['cache-control']).toBe('no-store');
      expect(confirmed.body.recoveryCodes).toHaveLength(10);
      expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
      for (const c of confirmed.body.recoveryCodes) expect(c).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
      recoveryCodes.push(...confirmed.body.recoveryCodes);
      enrolled = { secret, step, recoveryCodes: confirmed.body.recoveryCodes };

      const me = await ctx.http().get('/auth/me').set(...bearer(user.token)).expect(200);
      expect(me.body.twoFactor).toMatchObject({ enabled: true, enabledAt: expect.any(String), pending: false, recoveryCodesRemaining: 10 });
      // The session opened with the password alone is signed out; this one goes on.
      await ctx.http().get('/users/me').set(...bearer(other.body.accessToken)).expect(401);
      await ctx.http().post('/auth/2fa/enrol').set(...bearer(user.token)).expect(409);
      const [listed] = (await ctx.http().get(`/users?limit=100`).set(...bearer(admin.token)).expect(200)).body.items.filter((u: { id: string }) => u.id === user.id);
      expect(listed.twoFactorEnabled).toBe(true);
    });

    it('refuses the password alone with 401 SECOND_FACTOR_REQUIRED and opens no session', async () => {
      const count = async () => (await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [user.id]))[0].n;
      const before = await count();
      const res = await login({ email: user.email, password: user.password }).expect(401);
      expect(res.body.error).toBe('SECOND_FACTOR_REQUIRED');
      expect(res.body).not.toHaveProperty('accessToken');
      expect(await count()).toBe(before);
      // A valid code does not help a wrong password, and reveals nothing more.
      const wrongPassword = await login({ email: user.email, password: 'not-the-password-at-all', totpCode: await codeAt(enrolled.secret, enrolled.step + 1) }).expect(401);
      expect(wrongPassword.body.error).toBe('INVALID_CREDENTIALS');
    });

    it('signs in with the password and a current code, and refuses the same code again (replay)', async () => {
      const code = await codeAt(enrolled.secret, enrolled.step + 1);
      const res = await login({ email: user.email, password: user.password, totpCode: code }).expect(200);
      expect(res.body.secondFactorEnrolmentRequired).toBe(false);
      await ctx.http().get('/users/me').set(...bearer(res.body.accessToken)).expect(200);
      enrolled.step += 1;
      const replay = await login({ email: user.email, password: user.password, totpCode: code }).expect(401);
      expect(replay.body.error).toBe('INVALID_SECOND_FACTOR');
      const both = await login({ email: user.email, password: user.password, totpCode: code, recoveryCode: enrolled.recoveryCodes[0] }).expect(400);
      expect(both.body.details).toEqual([{ field: 'recoveryCode', problems: ['cannot be sent together with totpCode; send one of them'] }]);
    });

    it('signs in with a recovery code once, typed in any case and spacing', async () => {
      const typed = enrolled.recoveryCodes[0].toUpperCase().replace(/-/g, ' ');
      await login({ email: user.email, password: user.password, recoveryCode: typed }).expect(200);
      const again = await login({ email: user.email, password: user.password, recoveryCode: enrolled.recoveryCodes[0] }).expect(401);
      expect(again.body.error).toBe('INVALID_SECOND_FACTOR');
      const malformed = await login({ email: user.email, password: user.password, recoveryCode: 'not a code' }).expect(400);
      expect(malformed.body.details[0].field).toBe('recoveryCode');
      const me = await ctx.http().get('/auth/me').set(...bearer(user.token)).expect(200);
      expect(me.body.twoFactor.recoveryCodesRemaining).toBe(9);
      const [used] = await ctx.sql<{ details: { remaining: number } }>("SELECT details FROM audit_log WHERE action = 'auth.2fa.recovery_code_used' AND subject_id = $1", [user.id]);
      expect(used.details.remaining).toBe(9);
    });

    it('counts wrong codes in the sign-in throttling: that address is locked, the owner elsewhere is not', async () => {
      const [{ seq }] = await ctx.sql<{ seq: string }>('SELECT max(id)::text AS seq FROM audit_log');
      for (let i = 0; i < 5; i++) {
        const res = await login({ email: user.email, password: user.password, totpCode: String(100000 + i * 7919) }, '203.0.113.30');
        expect(res.status).toBe(401);
        expect(res.body.error).toBe('INVALID_SECOND_FACTOR');
      }
      await login({ email: user.email, password: user.password, recoveryCode: enrolled.recoveryCodes[1] }, '203.0.113.30').expect(429);
      await login({ email: user.email, password: user.password, recoveryCode: enrolled.recoveryCodes[1] }, '203.0.113.31').expect(200);
      const rows = await ctx.sql<{ action: string; details: Record<string, unknown> }>("SELECT action, details FROM audit_log WHERE subject_id = $1 AND id > $2 AND action LIKE 'auth.login_%' ORDER BY id", [user.id, seq]);
      expect(rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login_locked']);
      expect(rows[0].details).toMatchObject({ stage: 'second_factor' });
      expect(rows[1].details).toMatchObject({ failures: 5, secondFactorFailures: 5 });
    });

    it('replaces the recovery codes with a code, and the old ones stop working', async () => {
      await ctx.http().post('/auth/2fa/recovery-codes').set(...bearer(user.token)).send({}).expect(400);
      const wrong = await ctx.http().post('/auth/2fa/recovery-codes').set(...bearer(user.token)).send({ recoveryCode: enrolled.recoveryCodes[0] }).expect(400);
      expect(wrong.body.details).toEqual([{ field: 'recoveryCode', problems: ['is wrong, expired or already used'] }]);
      const fresh = await ctx.http().post('/auth/2fa/recovery-codes').set(...bearer(user.token)).send({ recoveryCode: enrolled.recoveryCodes[2] }).expect(200);
      expect(fresh.body.recoveryCodes).toHaveLength(10);
      recoveryCodes.push(...fresh.body.recoveryCodes);
      await login({ email: user.email, password: user.password, recoveryCode: enrolled.recoveryCodes[3] }, '203.0.113.32').expect(401);
      enrolled.recoveryCodes = fresh.body.recoveryCodes;
    });

    it('turns off with a code; then the password alone signs in again', async () => {
      await ctx.http().post('/auth/2fa/disable').set(...bearer(user.token)).send({ recoveryCode: enrolled.recoveryCodes[0] }).expect(204);
      const me = await ctx.http().get('/auth/me').set(...bearer(user.token)).expect(200);
      expect(me.body.twoFactor).toMatchObject({ enabled: false, pending: false, recoveryCodesRemaining: 0 });
      await login({ email: user.email, password: user.password }).expect(200);
      await ctx.http().post('/auth/2fa/disable').set(...bearer(user.token)).send({ recoveryCode: enrolled.recoveryCodes[1] }).expect(409);
      expect(await ctx.sql('SELECT 1 FROM user_totp_secrets WHERE user_id = $1 UNION ALL SELECT 1 FROM user_recovery_codes WHERE user_id = $1', [user.id])).toHaveLength(0);
    });

    it('audits every change', async () => {
      expect(await actionsFor(user.id)).toEqual([
        'auth.2fa.enrolment_started',
        'auth.2fa.enabled',
        'auth.2fa.recovery_code_used',
        'auth.2fa.recovery_code_used',
        'auth.2fa.recovery_codes_regenerated',
        'auth.2fa.disabled',
      ]);
      const logins = await ctx.sql<{ details: { secondFactor: string } }>("SELECT details FROM audit_log WHERE action = 'auth.login' AND actor_id = $1 ORDER BY seq", [user.id]);
      expect(logins.map((l) => l.details.secondFactor)).toEqual(['none', 'none', 'totp', 'recovery_code', 'recovery_code', 'none']);
    });
  });

  it("an admin resets a user's two-factor sign-in (lost phone) and signs them out everywhere", async () => {
    const user = await ctx.createUser('reviewer');
    await enable(user);
    const other = await ctx.createUser('investigator');
    await ctx.http().post(`/users/${user.id}/2fa/reset`).set(...bearer(other.token)).expect(403);
    const reset = await ctx.http().post(`/users/${user.id}/2fa/reset`).set(...bearer(admin.token)).expect(200);
    expect(reset.body).toMatchObject({ id: user.id, twoFactorEnabled: false });
    await ctx.http().get('/auth/me').set(...bearer(user.token)).expect(401);
    await login({ email: user.email, password: user.password }).expect(200);
    const self = await ctx.http().post(`/users/${admin.id}/2fa/reset`).set(...bearer(admin.token)).expect(422);
    expect(self.body.message).toMatch(/another admin/);
    await ctx.http().post('/users/00000000-0000-4000-8000-000000000000/2fa/reset').set(...bearer(admin.token)).expect(404);
    const [entry] = await ctx.sql<{ actor_id: string; details: Record<string, unknown> }>("SELECT actor_id, details FROM audit_log WHERE action = 'auth.2fa.reset' AND subject_id = $1", [user.id]);
    expect(entry).toMatchObject({ actor_id: admin.id, details: { wasEnabled: true, sessionsRevoked: 1 } });
  });

  it('signs out everywhere: every session of the user, and only theirs', async () => {
    const user = await ctx.createUser('analyst');
    const bystander = await ctx.createUser('analyst');
    const second = await login({ email: user.email, password: user.password }).expect(200);
    await ctx.http().post('/auth/logout-all').set(...bearer(user.token)).expect(204);
    await ctx.http().get('/auth/me').set(...bearer(user.token)).expect(401);
    await ctx.http().get('/auth/me').set(...bearer(second.body.accessToken)).expect(401);
    await ctx.http().get('/auth/me').set(...bearer(bystander.token)).expect(200);
    const [entry] = await ctx.sql<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'auth.logout_all' AND actor_id = $1", [user.id]);
    expect(entry.details).toEqual({ sessionsRevoked: 2 });
  });

  describe('policy', () => {
    it('is read and changed by admins only, with a version and valid roles', async () => {
      const analyst = await ctx.createUser('analyst');
      await ctx.http().get('/auth/2fa/policy').set(...bearer(analyst.token)).expect(403);
      await ctx.http().put('/auth/2fa/policy').set(...bearer(analyst.token)).send({ version: 1, requiredForAll: true, requiredRoles: [] }).expect(403);
      const policy = await ctx.http().get('/auth/2fa/policy').set(...bearer(admin.token)).expect(200);
      expect(policy.body).toMatchObject({ requiredForAll: false, requiredRoles: [], version: 1 });
      const bad = await ctx.http().put('/auth/2fa/policy').set(...bearer(admin.token)).send({ version: 1, requiredForAll: 'yes', requiredRoles: ['overlord'] }).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['requiredForAll', 'requiredRoles']);
      await ctx.http().put('/auth/2fa/policy').set(...bearer(admin.token)).send({ version: 7, requiredForAll: false, requiredRoles: ['investigator'] }).expect(409);
    });

    it('requires it for a role: its users are limited to enrolment, /auth/me and sign-out until they confirm', async () => {
      const investigator = await ctx.createUser('investigator');
      const analyst = await ctx.createUser('analyst');
      const updated = await ctx.http().put('/auth/2fa/policy').set(...bearer(admin.token)).send({ version: 1, requiredForAll: false, requiredRoles: ['investigator'] }).expect(200);
      expect(updated.body).toMatchObject({ requiredForAll: false, requiredRoles: ['investigator'], version: 2 });
      const [entry] = await ctx.sql<{ actor_id: string; details: Record<string, unknown> }>("SELECT actor_id, details FROM audit_log WHERE action = 'auth.2fa.policy_updated'");
      expect(entry).toMatchObject({ actor_id: admin.id, details: { before: { requiredForAll: false, requiredRoles: [] }, after: { requiredForAll: false, requiredRoles: ['investigator'] } } });

      // A session opened before the change is limited at once.
      const refused = await ctx.http().get('/cases').set(...bearer(investigator.token)).expect(403);
      expect(refused.body.error).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
      await ctx.http().get('/users/me').set(...bearer(investigator.token)).expect(403);
      await ctx.http().post('/cases').set(...bearer(investigator.token)).send({ title: 'Should not be created' }).expect(403);
      await ctx.http().get('/cases').set(...bearer(analyst.token)).expect(200);

      // Signing in works, but the session says it is limited, and is.
      const signedIn = await login({ email: investigator.email, password: investigator.password }).expect(200);
      expect(signedIn.body.secondFactorEnrolmentRequired).toBe(true);
      const token = signedIn.body.accessToken as string;
      const me = await ctx.http().get('/auth/me').set(...bearer(token)).expect(200);
      expect(me.body).toMatchObject({ secondFactorEnrolmentRequired: true, twoFactor: { enabled: false, required: true } });
      await ctx.http().get('/cases').set(...bearer(token)).expect(403);
      const [loginEntry] = await ctx.sql<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'auth.login' AND actor_id = $1 ORDER BY seq DESC LIMIT 1", [investigator.id]);
      expect(loginEntry.details).toEqual({ secondFactor: 'none', restrictedToEnrolment: true });

      // Enrolling lifts the limit on this session.
      await enable({ ...investigator, token });
      await ctx.http().get('/cases').set(...bearer(token)).expect(200);
      expect((await ctx.http().get('/auth/me').set(...bearer(token)).expect(200)).body.secondFactorEnrolmentRequired).toBe(false);
      expect(await ctx.sql('SELECT 1 FROM audit_log WHERE action = $1 AND actor_id = $2', ['auth.2fa.enabled', investigator.id])).toHaveLength(1);
      await ctx.http().post('/auth/logout').set(...bearer(token)).expect(204);
    });

    it('requires it for everyone, admins included', async () => {
      const analyst = await ctx.createUser('analyst');
      const current = await ctx.http().get('/auth/2fa/policy').set(...bearer(admin.token)).expect(200);
      await ctx.http().put('/auth/2fa/policy').set(...bearer(admin.token)).send({ version: current.body.version, requiredForAll: true, requiredRoles: [] }).expect(200);
      expect((await ctx.http().get('/cases').set(...bearer(analyst.token)).expect(403)).body.error).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
      expect((await ctx.http().get('/auth/2fa/policy').set(...bearer(admin.token)).expect(403)).body.error).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
      await ctx.http().post('/auth/logout-all').set(...bearer(analyst.token)).expect(204);
    });
  });

  it('never stores the TOTP secret or a recovery code in plaintext, nor logs them', async () => {
    expect(secrets.length).toBeGreaterThan(2);
    expect(recoveryCodes.length).toBeGreaterThan(20);
    const needles = [...secrets, ...recoveryCodes, ...recoveryCodes.map((c) => c.replace(/-/g, ''))];
    for (const table of ['user_totp_secrets', 'user_recovery_codes', 'users', 'sessions', 'audit_log', 'login_throttle', 'two_factor_policy']) {
      const dump = (await ctx.sql<{ row: string }>(`SELECT t::text AS row FROM ${table} t`)).map((r) => r.row).join('\n').toLowerCase();
      for (const s of needles) {
        expect(dump, `${table} holds a secret`).not.toContain(s.toLowerCase());
        expect(dump, `${table} holds a secret as bytes`).not.toContain(Buffer.from(s, 'utf8').toString('hex'));
      }
    }
    const [sealed] = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM user_totp_secrets');
    expect(sealed.n).toBeGreaterThan(0);
    const logs = ctx.logs.join('\n');
    expect(ctx.logs.length).toBeGreaterThan(0);
    for (const s of needles) expect(logs).not.toContain(s);
    expect(logs).not.toContain('otpauth://');
  });
});
