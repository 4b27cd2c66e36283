import { bearer, createTestContext, TestContext } from './helpers/test-app';

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('jobs: api → Redis → worker → PostgreSQL', () => {
  let ctx: TestContext;
  let admin: { id: string; token: string };
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.createUser('admin');
    await ctx.startWorker();
  });
  afterAll(async () => { await ctx.close(); });

  it('a queued echo job is processed by the worker and its result stored in PostgreSQL', async () => {
    const accepted = await ctx.http().post('/system/echo-jobs').set(...bearer(admin.token)).send({ message: 'ping-42' }).expect(202);
    expect(accepted.body).toMatchObject({ status: 'queued', name: 'system.echo', queue: 'system' });
    const id = accepted.body.id as string;
    const done = await waitFor(
      async () => (await ctx.http().get(`/jobs/${id}`).set(...bearer(admin.token)).expect(200)).body,
      (job) => job.status === 'completed',
    );
    expect(done).toMatchObject({ status: 'completed', progress: 100, attempts: 1, result: { echo: 'ping-42' } });
    const [row] = await ctx.sql<{ status: string; result: { echo: string } }>('SELECT status, result FROM jobs WHERE id = $1', [id]);
    expect(row).toMatchObject({ status: 'completed', result: { echo: 'ping-42' } });
    const audit = await ctx.sql<{ action: string }>("SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY seq", [id]);
    expect(audit.map((a) => a.action)).toEqual(['job.enqueue', 'job.complete']);
  });

  it('a job is visible to its creator and admins only', async () => {
    const accepted = await ctx.http().post('/system/echo-jobs').set(...bearer(admin.token)).send({ message: 'private' }).expect(202);
    const other = await ctx.createUser('analyst');
    await ctx.http().get(`/jobs/${accepted.body.id}`).set(...bearer(other.token)).expect(404);
  });
});

describe('jobs when Redis is unreachable', () => {
  let ctx: TestContext;
  let admin: { id: string; token: string };
  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there.
    ctx = await createTestContext({ REDIS_URL: 'redis://127.0.0.1:1' });
    admin = await ctx.createUser('admin');
  });
  afterAll(async () => { await ctx.close(); });

  it('the api still serves reads and readiness names Redis as down', async () => {
    await ctx.http().get('/users/me').set(...bearer(admin.token)).expect(200);
    const ready = await ctx.http().get('/health/ready').expect(503);
    expect(ready.body).toEqual({ status: 'degraded', checks: { postgres: 'up', redis: 'down' } });
  });

  it('an endpoint that must enqueue answers 503 with a clear message and stores nothing', async () => {
    const before = await ctx.sql<{ jobs: number; audit: number }>('SELECT (SELECT count(*)::int FROM jobs) AS jobs, (SELECT count(*)::int FROM audit_log) AS audit');
    const res = await ctx.http().post('/system/echo-jobs').set(...bearer(admin.token)).send({ message: 'lost?' }).expect(503);
    expect(res.body).toMatchObject({ statusCode: 503, error: 'QUEUE_UNAVAILABLE', message: expect.stringMatching(/queue \(Redis\) is unreachable; nothing was stored/) });
    const after = await ctx.sql<{ jobs: number; audit: number }>('SELECT (SELECT count(*)::int FROM jobs) AS jobs, (SELECT count(*)::int FROM audit_log) AS audit');
    expect(after[0]).toEqual(before[0]);
  });
});
