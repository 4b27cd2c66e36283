import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { AppModule } from 'src/app.module';
import { buildOpenApiDocument } from 'src/app.factory';
import { createRootLogger } from 'src/common/logging/logger';
import { loadConfig } from 'src/config/config';

/**
 * Writes the OpenAPI document (the same one /docs-json serves) without a database or Redis: Nest's
 * preview mode builds the module graph but instantiates no provider. Usage: node dist/openapi.js <out.json>
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node dist/openapi.js <out.json>');
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused', SILLOK_MASTER_KEY: Buffer.alloc(32).toString('base64'), LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.forRoot(config, createRootLogger('silent', 'cli')), { preview: true, logger: false, abortOnError: false });
  const document = buildOpenApiDocument(app);
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`openapi failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
