import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { prepareProcess } from 'src/bootstrap';
import { NestPinoLogger } from 'src/common/logging/logger';
import { WorkerModule } from 'src/worker.module';

async function main(): Promise<void> {
  const { config, logger } = await prepareProcess('worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), {
    logger: new NestPinoLogger(logger.child({ component: 'nest' })),
  });
  app.enableShutdownHooks();
  logger.info('worker started');
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
