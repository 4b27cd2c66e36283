import { bearer, createTestContext, TestContext } from './helpers/test-app';

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
});
