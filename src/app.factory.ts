import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { AppModule } from 'src/app.module';
import { createValidationPipe } from 'src/common/errors/validation';
import { InputGuardPipe } from 'src/common/http/input-guard';
import { httpLoggingMiddleware } from 'src/common/logging/http-logging.middleware';
import { NestPinoLogger } from 'src/common/logging/logger';
import type { AppConfig } from 'src/config/config';

/**
 * Builds the HTTP application exactly as production runs it; e2e tests use the same function
 * (and may wrap the root module to add a probe controller).
 */
export async function createApiApp(config: AppConfig, logger: Logger, rootModule: DynamicModule = AppModule.forRoot(config, logger)): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, {
    logger: new NestPinoLogger(logger.child({ component: 'nest' })),
    bodyParser: false,
    // Throw start-up errors (with their cause) instead of aborting the process.
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(httpLoggingMiddleware(logger));
  // Anything over the limit is refused with 413 before it is parsed.
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  // The input guard first: NUL, lone surrogates and absurd nesting never reach class-transformer.
  app.useGlobalPipes(new InputGuardPipe(), createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sillok API')
      .setDescription('Evidence and testimony case management for human-rights documentation')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
