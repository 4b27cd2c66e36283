import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { AppModule } from 'src/app.module';
import { addExamples } from 'src/common/openapi/examples';
import { createValidationPipe } from 'src/common/errors/validation';
import { securityHeaders } from 'src/common/http/security-headers';
import { InputGuardPipe } from 'src/common/http/input-guard';
import { httpLoggingMiddleware } from 'src/common/logging/http-logging.middleware';
import { NestPinoLogger } from 'src/common/logging/logger';
import type { AppConfig } from 'src/config/config';
import { serveWebApp } from 'src/web/web-app';

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
  // Off unless TRUST_PROXY names the proxies in front of us: otherwise any client could pick its
  // own address (X-Forwarded-For) and slip past the per-address sign-in throttle.
  app.set('trust proxy', config.trustProxy);
  app.use(httpLoggingMiddleware(logger));
  // Before everything else that can answer (body parser errors, Swagger UI, 404s).
  app.use(...securityHeaders());
  app.use(cookieParser());
  // Anything over the limit is refused with 413 before it is parsed.
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  // The input guard first: NUL, lone surrogates and absurd nesting never reach class-transformer.
  app.useGlobalPipes(new InputGuardPipe(), createValidationPipe());
  app.enableShutdownHooks();

  // No validator badge: Swagger UI would otherwise send the document's URL to validator.swagger.io.
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', swaggerOptions: { validatorUrl: null } });
  serveWebApp(app);
  return app;
}

/** The OpenAPI document served at /docs-json; scripts/openapi.js writes the same for the web client. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Sillok API')
      .setDescription('Evidence and testimony case management for human-rights documentation')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth('sillok_session')
      .build(),
  );
  return addExamples(document);
}
