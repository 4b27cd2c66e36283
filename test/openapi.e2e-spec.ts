import { NestFactory } from '@nestjs/core';
import { buildOpenApiDocument } from 'src/app.factory';
import { AppModule } from 'src/app.module';
import { createRootLogger } from 'src/common/logging/logger';
import { createTestContext, TestContext } from './helpers/test-app';

// scripts/openapi.js generates the web client's types from a preview-mode app (no database);
// this proves that document is the one the running api serves.
describe('OpenAPI document for the web client', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => { await ctx.close(); });

  it('a preview-mode app (no database, no Redis) builds the same document as /docs-json', async () => {
    const served = (await ctx.http().get('/docs-json').expect(200)).body;
    const preview = await NestFactory.create(AppModule.forRoot(ctx.config, createRootLogger('silent', 'cli')), { preview: true, logger: false });
    const document = JSON.parse(JSON.stringify(buildOpenApiDocument(preview)));
    await preview.close();
    expect(Object.keys(document.paths).length).toBeGreaterThan(50);
    expect(document).toEqual(served);
  });
});
