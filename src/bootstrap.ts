import type { Logger } from 'pino';
import { AppConfig, ConfigError, loadConfig } from 'src/config/config';
import { createRootLogger } from 'src/common/logging/logger';
import { runMigrations } from 'src/database/migrate';

/** Shared start-up of api and worker: validated config, logger, migrations under a lock. */
export async function prepareProcess(service: 'api' | 'worker' | 'cli'): Promise<{ config: AppConfig; logger: Logger }> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(78); // EX_CONFIG
  }
  if (!config.databaseUrl) {
    process.stderr.write('Invalid configuration: DATABASE_URL is required (npm start provides an embedded PostgreSQL when it is unset)\n');
    process.exit(78);
  }
  // The CLI prints its own results; keep its log to warnings unless asked otherwise.
  const logger = createRootLogger(service === 'cli' && !process.env.LOG_LEVEL ? 'warn' : config.logLevel, service);
  if (config.masterKeySource === 'dev-key-file') {
    logger.warn('SILLOK_MASTER_KEY is not set: using a generated DEVELOPMENT key under the data directory. Never run real cases like this.');
  }
  const applied = await runMigrations(config.databaseUrl);
  if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
  return { config, logger };
}
