import { bearer, createTestContext, TestContext } from './helpers/test-app';

const STRONG = 'violet-harbour-lantern-92-quietly';
const ANOTHER_STRONG = 'copper-meadow-sparrow-47-gently';

describe('changing passwords', () => {
  let ctx: TestContext;
  let admin: { id: string; email: string; password: string; token: string };
  beforeAll(async () => {
    ctx = await createTestContext({ LOGIN_MAX_FAILURES: '3', LOGIN_FAILURE_DELAY_MS: '0' });
    admin = await ctx.createUser('admin');
  });
  afterAll(async () => { await ctx.close(); });

  const signIn = (email: string, password: string) => ctx.http().post('/auth/login').send({ email, password });
  const me = (token: string) => ctx.http().get('/auth/me').set(...bearer(token));
  const audit = (userId: string, action: string) =>
    ctx.sql<{ actor_id: string; subject_id: string; details: Record<string, unknown> }>('SELECT actor_id, subject_id, details FROM audit_log WHERE action = $1 AND subject_id = $2 ORDER BY seq', [action, userId]);

  describe('POST /auth/password (the signed-in user)', () => {
    it('refuses a weak new password naming newPassword with the strength feedback, and changes nothing', async () => {
      const user = await ctx.createUser('analyst');
      const tooShort = await ctx.http().post('/auth/password').set(...bearer(user.token)).send({ currentPassword: user.password, newPassword: 'short' }).expect(400);
      expect(tooShort.body.details).toEqual([{ field: 'newPassword', problems: ['newPassword must be at least 12 characters'] }]);
      const weak = await ctx.http().post('/auth/password').set(...bearer(user.token)).send({ currentPassword: user.password, newPassword: 'password1234' }).expect(400);
      expect(weak.body.error).toBe('VALIDATION_FAILED');
      expect(weak.body.details).toHaveLength(1);
      expect(weak.body.details[0].field).toBe('newPassword');
      expect(weak.body.details[0].problems.join(' ')).toMatch(/too easy to guess \(strength [0-2] of 4, at least 3 needed\): .+/);
      const same = await ctx.http().post('/auth/password').set(...bearer(user.token)).send({ currentPassword: user.password, newPassword: user.password }).expect(400);
      expect(same.body.details).toEqual([{ field: 'newPassword', problems: ['must differ from the current password'] }]);
      const missing = await ctx.http().post('/auth/password').set(...bearer(user.token)).send({ newPassword: STRONG }).expect(400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['currentPassword']);
      await signIn(user.email, user.password).expect(200);
      expect(await audit(user.id, 'auth.password_changed')).toEqual([]);
    });

    it('refuses a wrong current password naming currentPassword, counts it in the sign-in throttle, and keeps the session', async () => {
      const user = await ctx.createUser('investigator');
      for (let i = 0; i < 3; i++) {
        const wrong = await ctx.http().post('/auth/password').set(...bearer(user.token)).send({ currentPassword: 'not-my-password-at-all', newPassword: STRONG }).expect(400);
        expect(wrong.body.details).toEqual([{ field: 'currentPassword', problems: ['is wrong'] }]);
      }
      // The third failure locked the account from this address: password changes and sign-ins alike.
      const locked = await ctx.http().post('/auth/password').set(...bearer(user.token)).send({ currentPassword: user.password, newPassword: STRONG }).expect(429);
      expect(locked.body.error).toBe('LOGIN_LOCKED');
      await signIn(user.email, user.password).expect(429);
      await me(user.token).expect(200);
      const [row] = await ctx.sql<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
      expect(row.password_hash).not.toContain(STRONG);
      expect(await audit(user.id, 'auth.password_changed')).toEqual([]);
    });

    it('changes the password: this session stays, every other one is revoked, the old password stops working, audited without secrets, nothing logged', async () => {
      const user = await ctx.createUser('reviewer');
      const other = (await signIn(user.email, user.password).expect(200)).body.accessToken as string;
      const third = (await signIn(user.email, user.password).expect(200)).body.accessToken as string;
      await ctx.http().post('/auth/password').set(...bearer(user.token)).send({ currentPassword: user.password, newPassword: STRONG }).expect(204);
      await me(user.token).expect(200);
      await me(other).expect(401);
      await me(third).expect(401);
      await signIn(user.email, user.password).expect(401);
      await signIn(user.email, STRONG).expect(200);
      const [row] = await ctx.sql<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      const entries = await audit(user.id, 'auth.password_changed');
      expect(entries).toEqual([{ actor_id: user.id, subject_id: user.id, details: { sessionsRevoked: 2 } }]);
      const everything = JSON.stringify(await ctx.sql('SELECT * FROM audit_log'));
      const logged = ctx.logs.join('\n');
      for (const secret of [user.password, STRONG, 'not-my-password-at-all', 'password1234']) {
        expect(everything).not.toContain(secret);
        expect(logged).not.toContain(secret);
      }
    });

    it('is refused without a session and during an enrolment-restricted session', async () => {
      await ctx.http().post('/auth/password').send({ currentPassword: 'x', newPassword: STRONG }).expect(401);
      const user = await ctx.createUser('analyst');
      const policy = (await ctx.http().get('/auth/2fa/policy').set(...bearer(admin.token)).expect(200)).body as { version: number };
      const required = (await ctx.http().put('/auth/2fa/policy').set(...bearer(admin.token)).send({ version: policy.version, requiredForAll: false, requiredRoles: ['analyst'] }).expect(200)).body as { version: number };
      try {
        const restricted = (await signIn(user.email, user.password).expect(200)).body as { accessToken: string; secondFactorEnrolmentRequired: boolean };
        expect(restricted.secondFactorEnrolmentRequired).toBe(true);
        const res = await ctx.http().post('/auth/password').set(...bearer(restricted.accessToken)).send({ currentPassword: user.password, newPassword: STRONG }).expect(403);
        expect(res.body.error).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
      } finally {
        await ctx.http().put('/auth/2fa/policy').set(...bearer(admin.token)).send({ version: required.version, requiredForAll: false, requiredRoles: [] }).expect(200);
      }
    });
  });

  describe('POST /users/:id/password (an admin, for someone else)', () => {
    it('sets a new password: every session of the user is revoked, the new version is returned, audited without secrets', async () => {
      const user = await ctx.createUser('analyst');
      const second = (await signIn(user.email, user.password).expect(200)).body.accessToken as string;
      const read = await ctx.http().get(`/users/${user.id}`).set(...bearer(admin.token)).expect(200);
      const res = await ctx.http().post(`/users/${user.id}/password`).set(...bearer(admin.token)).send({ newPassword: ANOTHER_STRONG, version: read.body.version }).expect(200);
      expect(res.body).toMatchObject({ id: user.id, version: read.body.version + 1 });
      expect(res.body).not.toHaveProperty('passwordHash');
      await me(user.token).expect(401);
      await me(second).expect(401);
      await me(admin.token).expect(200);
      await signIn(user.email, user.password).expect(401);
      await signIn(user.email, ANOTHER_STRONG).expect(200);
      expect(await audit(user.id, 'user.password_reset')).toEqual([{ actor_id: admin.id, subject_id: user.id, details: { sessionsRevoked: 2 } }]);
      expect(JSON.stringify(await ctx.sql('SELECT * FROM audit_log'))).not.toContain(ANOTHER_STRONG);
      expect(ctx.logs.join('\n')).not.toContain(ANOTHER_STRONG);
    });

    it('refuses a weak password naming newPassword, a stale version with 409, and changes nothing', async () => {
      const user = await ctx.createUser('investigator');
      const weak = await ctx.http().post(`/users/${user.id}/password`).set(...bearer(admin.token)).send({ newPassword: user.email.split('@')[0] + '2024', version: 1 }).expect(400);
      expect(weak.body.details[0].field).toBe('newPassword');
      expect(weak.body.details[0].problems).toContain('must not be built from your e-mail address or name');
      const guessable = await ctx.http().post(`/users/${user.id}/password`).set(...bearer(admin.token)).send({ newPassword: 'qwertyuiop123', version: 1 }).expect(400);
      expect(guessable.body.details[0].problems.join(' ')).toMatch(/too easy to guess/);
      const stale = await ctx.http().post(`/users/${user.id}/password`).set(...bearer(admin.token)).send({ newPassword: ANOTHER_STRONG, version: 7 }).expect(409);
      expect(stale.body.error).toBe('VERSION_CONFLICT');
      const noVersion = await ctx.http().post(`/users/${user.id}/password`).set(...bearer(admin.token)).send({ newPassword: ANOTHER_STRONG }).expect(400);
      expect(noVersion.body.details.map((d: { field: string }) => d.field)).toEqual(['version']);
      await me(user.token).expect(200);
      await signIn(user.email, user.password).expect(200);
      expect(await audit(user.id, 'user.password_reset')).toEqual([]);
    });

    it('is refused to non-admins, for one\'s own account, and for an unknown user', async () => {
      const user = await ctx.createUser('reviewer');
      const victim = await ctx.createUser('analyst');
      const forbidden = await ctx.http().post(`/users/${victim.id}/password`).set(...bearer(user.token)).send({ newPassword: ANOTHER_STRONG, version: 1 }).expect(403);
      expect(forbidden.body.error).toBe('FORBIDDEN');
      await ctx.http().post(`/users/${user.id}/password`).set(...bearer(user.token)).send({ newPassword: ANOTHER_STRONG, version: 1 }).expect(403);
      const own = await ctx.http().post(`/users/${admin.id}/password`).set(...bearer(admin.token)).send({ newPassword: ANOTHER_STRONG, version: 1 }).expect(422);
      expect(own.body.message).toMatch(/POST \/auth\/password/);
      await ctx.http().post('/users/00000000-0000-4000-8000-000000000000/password').set(...bearer(admin.token)).send({ newPassword: ANOTHER_STRONG, version: 1 }).expect(404);
      await signIn(victim.email, victim.password).expect(200);
      await me(admin.token).expect(200);
    });
  });
});
