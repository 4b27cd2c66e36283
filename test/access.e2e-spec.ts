import { Controller, DynamicModule, Get, Module } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from 'src/app.module';
import { Public } from 'src/common/auth/access.decorators';
import { bearer, createTestContext, TestContext } from './helpers/test-app';

/** Routes that exist only in this test: one that forgot its access policy, one that crashes. */
@Controller('probe')
class ProbeController {
  @Get('undeclared')
  undeclared(): string {
    return 'should never be reached';
  }

  @Public()
  @Get('crash')
  crash(): string {
    throw new Error('secret internal detail: W-0001 is Kim Chol-su');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

// Deliberately public routes. Anything added here must be justified in review.
// POST /auth/session is the browser's sign-in (the same check as /auth/login, the token in a cookie).
const PUBLIC_ROUTES = new Set(['GET /health', 'GET /health/ready', 'POST /auth/login', 'POST /auth/session']);
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

describe('access control', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({}, (config, logger): DynamicModule => ({ module: class TestRoot {}, imports: [AppModule.forRoot(config, logger), ProbeModule] }));
  });
  afterAll(async () => { await ctx.close(); });

  function appRoutes(): Array<{ method: string; path: string }> {
    const document = SwaggerModule.createDocument(ctx.app, new DocumentBuilder().build());
    return Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
  }

  it('walks every route: anonymous callers get 401 except on the deliberately public ones', async () => {
    const routes = appRoutes().filter((r) => !r.path.startsWith('/probe'));
    expect(routes.length).toBeGreaterThan(5);
    const seenPublic: string[] = [];
    for (const { method, path } of routes) {
      const url = path.replace(/\{[^}]+\}/g, SAMPLE_ID);
      const res = await ctx.http()[method.toLowerCase() as 'get'](url).send({});
      const key = `${method} ${path}`;
      if (PUBLIC_ROUTES.has(key)) {
        seenPublic.push(key);
        expect(res.status, key).not.toBe(401);
      } else {
        expect(res.status, key).toBe(401);
        expect(res.body.error, key).toBe('UNAUTHENTICATED');
      }
    }
    expect(seenPublic.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('serves the API docs publicly', async () => {
    await ctx.http().get('/docs').expect(200);
    const json = await ctx.http().get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
  });

  it('refuses a route that declares no access policy, even to an admin', async () => {
    const admin = await ctx.createUser('admin');
    const res = await ctx.http().get('/probe/undeclared').set(...bearer(admin.token)).expect(403);
    expect(res.body.message).toMatch(/declares no access policy/);
  });

  it('enforces roles: only admins manage users and verify the audit log', async () => {
    for (const role of ['investigator', 'analyst', 'reviewer'] as const) {
      const user = await ctx.createUser(role);
      await ctx.http().get('/users').set(...bearer(user.token)).expect(403);
      await ctx.http().get('/audit/verify').set(...bearer(user.token)).expect(403);
      await ctx.http().post('/system/echo-jobs').set(...bearer(user.token)).send({ message: 'x' }).expect(403);
    }
  });

  it('answers an unexpected error with a clean 500 and a correlation id, and logs the cause', async () => {
    const res = await ctx.http().get('/probe/crash').set('X-Correlation-Id', 'probe-correlation-1').expect(500);
    expect(res.body).toEqual({ statusCode: 500, error: 'INTERNAL_ERROR', message: expect.stringContaining('probe-correlation-1'), correlationId: 'probe-correlation-1' });
    expect(JSON.stringify(res.body)).not.toContain('secret internal detail');
    const logged = ctx.logs.map((l) => JSON.parse(l)).find((l) => l.message === 'unhandled error' && l.correlationId === 'probe-correlation-1');
    expect(logged).toBeDefined();
  });
});
