import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { TEST_MASTER_KEY } from './setup/test-env';

describe('users (administration)', () => {
  let ctx: TestContext;
  let admin: { id: string; token: string };
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.createUser('admin');
  });
  afterAll(async () => { await ctx.close(); });

  it('an admin creates a user; the e-mail is normalised and a duplicate gets 409', async () => {
    const res = await ctx.http().post('/users').set(...bearer(admin.token)).send({ email: ' New.Person@Example.org ', displayName: 'New Person', role: 'investigator', password: 'a-very-long-password' }).expect(201);
    expect(res.body).toMatchObject({ email: 'new.person@example.org', role: 'investigator', disabled: false, version: 1 });
    expect(res.body).not.toHaveProperty('passwordHash');
    const dup = await ctx.http().post('/users').set(...bearer(admin.token)).send({ email: 'new.person@example.org', displayName: 'Again', role: 'analyst', password: 'a-very-long-password' }).expect(409);
    expect(dup.body.details).toEqual([{ field: 'email', problems: ['is already in use'] }]);
  });

  it('lists users paginated and filtered by role', async () => {
    await ctx.createUser('reviewer');
    await ctx.createUser('reviewer');
    const res = await ctx.http().get('/users?role=reviewer&limit=1&offset=0').set(...bearer(admin.token)).expect(200);
    expect(res.body.total).toBeGreaterThanOrEqual(2);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].role).toBe('reviewer');
    await ctx.http().get('/users?limit=0').set(...bearer(admin.token)).expect(400);
  });

  it('finds users by part of the name or e-mail, any case, with % and _ taken literally', async () => {
    const one = await ctx.createUser('analyst', { email: `kim.searchable-${Date.now()}@example.org` });
    await ctx.sql('UPDATE users SET display_name = $1 WHERE id = $2', ['김 Searchable_One', one.id]);
    const byName = await ctx.http().get('/users').query({ q: 'searchable_o' }).set(...bearer(admin.token)).expect(200);
    expect(byName.body.items.map((u: { id: string }) => u.id)).toEqual([one.id]);
    const byHangul = await ctx.http().get('/users').query({ q: '김 S' }).set(...bearer(admin.token)).expect(200);
    expect(byHangul.body.items.map((u: { id: string }) => u.id)).toEqual([one.id]);
    const byEmail = await ctx.http().get('/users').query({ q: 'KIM.SEARCHABLE', role: 'analyst' }).set(...bearer(admin.token)).expect(200);
    expect(byEmail.body.items.map((u: { id: string }) => u.id)).toEqual([one.id]);
    const wildcard = await ctx.http().get('/users').query({ q: '%' }).set(...bearer(admin.token)).expect(200);
    expect(wildcard.body.items).toEqual([]);
    const otherRole = await ctx.http().get('/users').query({ q: 'searchable', role: 'reviewer' }).set(...bearer(admin.token)).expect(200);
    expect(otherRole.body.items).toEqual([]);
  });

  it('an admin reads one user; others are refused', async () => {
    const user = await ctx.createUser('investigator');
    const res = await ctx.http().get(`/users/${user.id}`).set(...bearer(admin.token)).expect(200);
    expect(res.body).toMatchObject({ id: user.id, email: user.email, role: 'investigator', disabled: false, twoFactorEnabled: false, version: 1 });
    expect(res.body).not.toHaveProperty('passwordHash');
    await ctx.http().get(`/users/${admin.id}`).set(...bearer(user.token)).expect(403);
    await ctx.http().get('/users/00000000-0000-4000-8000-000000000000').set(...bearer(admin.token)).expect(404);
    await ctx.http().get('/users/not-a-uuid').set(...bearer(admin.token)).expect(400);
  });

  it('updates carry the version read; a stale version gets 409 and changes nothing', async () => {
    const user = await ctx.createUser('analyst');
    const first = await ctx.http().patch(`/users/${user.id}`).set(...bearer(admin.token)).send({ version: 1, role: 'reviewer' }).expect(200);
    expect(first.body).toMatchObject({ role: 'reviewer', version: 2 });
    const stale = await ctx.http().patch(`/users/${user.id}`).set(...bearer(admin.token)).send({ version: 1, role: 'admin' }).expect(409);
    expect(stale.body.error).toBe('VERSION_CONFLICT');
    const [row] = await ctx.sql<{ role: string }>('SELECT role FROM users WHERE id = $1', [user.id]);
    expect(row.role).toBe('reviewer');
  });

  it('disabling a user revokes their tokens at once', async () => {
    const user = await ctx.createUser('investigator');
    await ctx.http().get('/users/me').set(...bearer(user.token)).expect(200);
    await ctx.http().patch(`/users/${user.id}`).set(...bearer(admin.token)).send({ version: 1, disabled: true }).expect(200);
    await ctx.http().get('/users/me').set(...bearer(user.token)).expect(401);
    await ctx.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(401);
  });

  it('an admin cannot disable their own account', async () => {
    const me = await ctx.http().get('/users/me').set(...bearer(admin.token)).expect(200);
    await ctx.http().patch(`/users/${admin.id}`).set(...bearer(admin.token)).send({ version: me.body.version, disabled: true }).expect(422);
  });

  it('an unknown user id gets 404', async () => {
    await ctx.http().patch('/users/00000000-0000-4000-8000-000000000000').set(...bearer(admin.token)).send({ version: 1, role: 'analyst' }).expect(404);
  });

  it('refuses a password that is only long, or built from the e-mail or name, naming the field and why', async () => {
    const create = (password: string, email = 'pw.policy@example.org', displayName = 'Pak Sun-hui') =>
      ctx.http().post('/users').set(...bearer(admin.token)).send({ email, displayName, role: 'analyst', password });
    const weak = await create('aaaaaaaaaaaa').expect(400);
    expect(weak.body.error).toBe('VALIDATION_FAILED');
    expect(weak.body.details).toEqual([{ field: 'password', problems: [expect.stringMatching(/^is too easy to guess \(strength 0 of 4, at least 3 needed\): Repeated characters/)] }]);
    for (const password of ['password12345', 'qwertyuiop123']) {
      expect((await create(password).expect(400)).body.details[0].field).toBe('password');
    }
    for (const password of ['pw.policy-river-lantern-9', 'Pak Sun-hui tiger moon 42']) {
      const personal = await create(password).expect(400);
      expect(personal.body.details).toEqual([{ field: 'password', problems: expect.arrayContaining(['must not be built from your e-mail address or name']) }]);
    }
    expect(await ctx.sql("SELECT 1 FROM users WHERE email = 'pw.policy@example.org'")).toHaveLength(0);
    await create('river-lantern-orbit-42').expect(201);
  });

  it('applies the same password policy to the command line', () => {
    const run = (password: string) => spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, '..', 'src', 'cli.ts'), 'user:create', '--email', 'cli.admin@example.org', '--role', 'admin', '--name', 'CLI Admin'], {
      env: { ...process.env, DATABASE_URL: ctx.config.databaseUrl, SILLOK_MASTER_KEY: TEST_MASTER_KEY, NODE_ENV: 'test', SWC_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') },
      input: `${password}\n`,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const weak = run('aaaaaaaaaaaa');
    expect(weak.stdout).toMatch(/^password: is too easy to guess/m);
    expect(weak.status).toBe(65);
    const strong = run('granite-meadow-violin-73');
    expect(strong.stdout).toMatch(/created admin cli\.admin@example\.org/);
    expect(strong.status).toBe(0);
  });
});
