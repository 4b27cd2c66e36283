import type { Logger } from 'pino';
import { AppConfig, ConfigError, loadConfig } from 'src/config/config';
import { createRootLogger } from 'src/common/logging/logger';
import { verifyMasterKey } from 'src/database/master-key-check';
import { runMigrations } from 'src/database/migrate';

/**
 * Shared start-up of api, worker and CLI: validated config, logger, migrations under a lock, and
 * the master-key check. A configuration problem (including a master key that does not match the
 * database) prints a message naming the variable and exits with EX_CONFIG (78).
 */
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
  try {
    if ((await verifyMasterKey(config.databaseUrl, config)) === 'recorded') logger.info('master key check value recorded in the database');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  return { config, logger };
}
