import { DynamicModule, INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from 'src/app.factory';
import { createRootLogger } from 'src/common/logging/logger';
import { AppConfig, loadConfig } from 'src/config/config';
import { UsersService } from 'src/users/users.service';
import type { UserRole } from 'src/users/entities/user.entity';
import { WorkerModule } from 'src/worker.module';
import { databaseUrl, ENV_ADMIN_URL, ENV_REDIS_URL, ENV_TEMPLATE_DB, TEST_MASTER_KEY } from '../setup/test-env';

export interface TestContext {
  app: INestApplication;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  /** Every JSON log line the app wrote, for assertions that nothing sensitive was logged. */
  logs: string[];
  /** Raw SQL on this file's database, as a superuser (for tamper tests and row checks). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  createUser(role: UserRole, overrides?: { email?: string; password?: string }): Promise<{ id: string; email: string; password: string; token: string }>;
  startWorker(): Promise<INestApplicationContext>;
  close(): Promise<void>;
}

function captureLogger(lines: string[], level = 'info'): Logger {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return createRootLogger(level, 'api', sink);
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env[ENV_ADMIN_URL] });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A real api on a database of its own, cloned from the migrated template, with real Redis.
 * Queue keys get a prefix of their own so parallel spec files never see each other's jobs.
 */
export async function createTestContext(env: Record<string, string> = {}, wrapRoot?: (config: AppConfig, logger: Logger) => DynamicModule): Promise<TestContext> {
  const database = await createTestDatabase();
  return buildTestContext(database.url, database.suffix, env, wrapRoot, database.drop);
}

/** A database of its own, cloned from the migrated template, with no app on it. */
export async function createTestDatabase(): Promise<{ url: string; suffix: string; drop: () => Promise<void> }> {
  const suffix = randomBytes(6).toString('hex');
  const database = `sillok_test_${suffix}`;
  await adminQuery(`CREATE DATABASE ${database} TEMPLATE ${process.env[ENV_TEMPLATE_DB]}`);
  const url = databaseUrl(process.env[ENV_ADMIN_URL] as string, database);
  return { url, suffix, drop: () => adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`) };
}

/** The same real api on a database the caller provides (already migrated) and keeps: nothing is dropped on close. */
export async function createTestContextOn(url: string, env: Record<string, string> = {}): Promise<TestContext> {
  return buildTestContext(url, randomBytes(6).toString('hex'), env, undefined, async () => undefined);
}

async function buildTestContext(
  url: string,
  suffix: string,
  env: Record<string, string>,
  wrapRoot: ((config: AppConfig, logger: Logger) => DynamicModule) | undefined,
  dropDatabase: () => Promise<void>,
): Promise<TestContext> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    REDIS_URL: process.env[ENV_REDIS_URL] as string,
    QUEUE_PREFIX: `test_${suffix}`,
    SILLOK_MASTER_KEY: TEST_MASTER_KEY,
    DATA_DIR: `/tmp/sillok-test-${suffix}`,
    LOGIN_FAILURE_DELAY_MS: '0',
    ...env,
  });
  const logs: string[] = [];
  const logger = captureLogger(logs);
  const app = await createApiApp(config, logger, wrapRoot?.(config, logger));
  await app.init();
  const dataSource = app.get(DataSource);
  const contexts: INestApplicationContext[] = [];

  const ctx: TestContext = {
    app,
    config,
    logs,
    dataSource,
    http: () => request(app.getHttpServer()),
    sql: async <T>(text: string, params: unknown[] = []) => (await dataSource.query(text, params)) as T[],
    async createUser(role, overrides = {}) {
      const email = overrides.email ?? `${role}-${randomBytes(4).toString('hex')}@example.org`;
      const password = overrides.password ?? `pw-${randomBytes(12).toString('hex')}`;
      const user = await app.get(UsersService).create({ email, password, role, displayName: `${role} user` }, null);
      const res = await request(app.getHttpServer()).post('/auth/login').send({ email, password }).expect(200);
      return { id: user.id, email, password, token: res.body.accessToken as string };
    },
    async startWorker() {
      const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), { logger: false });
      contexts.push(worker);
      return worker;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await app.close();
      await dropDatabase();
    },
  };
  return ctx;
}

export function bearer(token: string): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}
