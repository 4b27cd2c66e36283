import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ALL_MIGRATIONS } from '../../migrations/index';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { runMigrations } from '../../src/database/migrate';
import { databaseUrl, ENV_ADMIN_URL, ENV_REDIS_URL, ENV_TEMPLATE_DB } from './test-env';

async function postgresReachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function tcpReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379), timeout: 1500 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
}

/**
 * Real PostgreSQL and Redis for the integration tiers: the ones named by DATABASE_URL/REDIS_URL,
 * else the local defaults, else an embedded PostgreSQL (and a throwaway redis-server) for this
 * run. Migrates once into a template database; each spec file clones its own from it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // The e2e and web projects both list this file and Vitest runs each project's global setup (one
  // after the other, in this process, before any test): the second finds the first's services and
  // migrated template in process.env and uses them, instead of migrating a second template.
  if (process.env[ENV_TEMPLATE_DB] && process.env[ENV_ADMIN_URL] && process.env[ENV_REDIS_URL]) return async () => undefined;
  const teardown: Array<() => Promise<void>> = [];

  let adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!(await postgresReachable(adminUrl))) {
    const dir = mkdtempSync(join(tmpdir(), 'sillok-test-pg-'));
    const before = new Set(process.listeners('beforeExit'));
    const embedded = await startEmbeddedPostgres(dir, 54330 + (process.pid % 1000), false);
    adminUrl = databaseUrl(embedded.url, 'postgres');
    teardown.push(async () => {
      await embedded.stop();
      // embedded-postgres's exit hook would end the run with code 0 on 'beforeExit', hiding
      // failures; the server is stopped, so its hook has nothing left to do.
      for (const listener of process.listeners('beforeExit')) if (!before.has(listener)) process.off('beforeExit', listener);
    });
    process.stdout.write(`\n[test] no PostgreSQL reachable: using an embedded one at ${new URL(adminUrl).host}\n`);
  }

  let redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  if (!(await tcpReachable(redisUrl))) {
    const found = spawnSync('sh', ['-c', 'command -v redis-server']).status === 0;
    if (!found) throw new Error(`Redis is not reachable at ${redisUrl} and redis-server is not installed: start Redis or set REDIS_URL`);
    const port = 56380 + (process.pid % 1000);
    const server: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    redisUrl = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < 50 && !(await tcpReachable(redisUrl)); i++) await new Promise((r) => setTimeout(r, 100));
    teardown.push(async () => { server.kill('SIGTERM'); });
    process.stdout.write(`[test] no Redis reachable: started redis-server on port ${port}\n`);
  }

  const template = `sillok_test_tpl_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  await runMigrations(databaseUrl(adminUrl, template), { migrations: ALL_MIGRATIONS });

  teardown.unshift(async () => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.end();
  });

  process.env[ENV_ADMIN_URL] = adminUrl;
  process.env[ENV_TEMPLATE_DB] = template;
  process.env[ENV_REDIS_URL] = redisUrl;
  return async () => {
    for (const step of teardown) await step();
  };
}
