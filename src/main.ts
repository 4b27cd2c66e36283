import 'reflect-metadata';
import { createApiApp } from 'src/app.factory';
import { prepareProcess } from 'src/bootstrap';

async function main(): Promise<void> {
  const { config, logger } = await prepareProcess('api');
  const app = await createApiApp(config, logger);
  await app.listen(config.port);
  logger.info({ port: config.port }, 'api listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
