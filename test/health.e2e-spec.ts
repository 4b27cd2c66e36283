import { createTestContext, TestContext } from './helpers/test-app';

describe('health', () => {
  let ctx: TestContext;
  beforeAll(async () => { ctx = await createTestContext(); });
  afterAll(async () => { await ctx.close(); });

  it('GET /health answers without authentication', async () => {
    await ctx.http().get('/health').expect(200, { status: 'ok' });
  });

  it('GET /health/ready reports PostgreSQL and Redis up', async () => {
    // The queue connection is opened at boot; give it a moment on a loaded machine.
    let res = await ctx.http().get('/health/ready');
    for (let i = 0; i < 20 && res.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      res = await ctx.http().get('/health/ready');
    }
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });
});
