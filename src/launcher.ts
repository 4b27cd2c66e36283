import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from 'src/config/config';
import { EmbeddedDatabase, startEmbeddedPostgres } from 'src/database/embedded-postgres';

/**
 * `npm start`: runs the api and the worker side by side. Without DATABASE_URL it first starts an
 * embedded PostgreSQL with its data under DATA_DIR (kept between runs). Stops everything on
 * Ctrl-C, or when either process dies.
 */
async function main(): Promise<void> {
  const log = (message: string) => process.stdout.write(`[sillok] ${message}\n`);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(78);
  }
  let embedded: EmbeddedDatabase | undefined;
  const env = { ...process.env };
  if (!config.databaseUrl) {
    const port = Number(process.env.EMBEDDED_PG_PORT || 54329);
    log(`DATABASE_URL is not set: starting an embedded PostgreSQL on 127.0.0.1:${port} (data in ${config.dataDir}/postgres)`);
    embedded = await startEmbeddedPostgres(config.dataDir, port);
    env.DATABASE_URL = embedded.url;
  }

  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
    if (embedded) await embedded.stop();
    process.exit(code);
  };
  // The api migrates first so the worker finds the schema ready (both also take the lock).
  const start = (file: string) => {
    const child = fork(join(__dirname, file), [], { env, stdio: 'inherit' });
    child.on('exit', (code) => {
      if (!stopping) {
        log(`${file} exited with code ${code}; stopping`);
        void stop(code || 1);
      }
    });
    children.push(child);
  };
  start('main.js');
  start('worker.js');
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  log(`api on http://127.0.0.1:${config.port} (docs at /docs, readiness at /health/ready)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
