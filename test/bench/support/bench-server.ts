import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { ALL_MIGRATIONS } from '../../../migrations/index';
import { hashPassword } from '../../../src/common/crypto/passwords';
import { runMigrations } from '../../../src/database/migrate';

const ROOT = join(__dirname, '..', '..', '..');

export interface BenchServer {
  url: string;
  /** Starts a worker process against the same database and queues (returned, e.g. to read its memory). */
  startWorker(): ChildProcess;
  databaseUrl: string;
  token: string;
  adminId: string;
  stop(): Promise<void>;
}

/**
 * A real api in its own process (so the load generator does not share its event loop), on a
 * scratch database migrated from scratch, with one signed-in admin. Dropped again on stop().
 */
export async function startBenchServer(port = 3900 + (process.pid % 90), env: Record<string, string> = {}): Promise<BenchServer> {
  const admin = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `sillok_bench_${process.pid}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await runMigrations(databaseUrl, { migrations: ALL_MIGRATIONS });

  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const password = 'bench-password-123456';
  const [{ id: adminId }] = (await db.query(
    "INSERT INTO users (email, display_name, role, password_hash, version) VALUES ('bench@example.org', 'Bench', 'admin', $1, 1) RETURNING id",
    [await hashPassword(password)],
  )).rows as Array<{ id: string }>;
  await db.end();

  const childEnv = { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', SILLOK_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'), QUEUE_PREFIX: `bench_${process.pid}`, STORAGE_DIR: `/tmp/sillok-bench-${process.pid}`, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env };
  const start = (entry: string) => spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src', entry)], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const child: ChildProcess = start('main.ts');
  const workers: ChildProcess[] = [];
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.org', password }) });
  if (!login.ok) throw new Error(`bench login failed: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };

  return {
    url: base,
    startWorker: () => {
      const worker = start('worker.ts');
      workers.push(worker);
      return worker;
    },
    databaseUrl,
    token: accessToken,
    adminId,
    async stop() {
      for (const p of [child, ...workers]) {
        if (p.exitCode === null) {
          p.kill('SIGTERM');
          await new Promise((r) => p.once('exit', r));
        }
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** `total` requests from `concurrency` clients, each waiting for its answer before the next. */
export async function runLoad(total: number, concurrency: number, send: (i: number) => Promise<Response>): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      const res = await send(i);
      await res.arrayBuffer();
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!res.ok) errors++;
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { requests: total, errors, seconds, perSecond: total / seconds, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: latencies[latencies.length - 1] };
}

export function formatLoad(label: string, r: LoadResult): string {
  return `${label}: ${r.requests} requests, ${r.errors} errors, ${r.perSecond.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`;
}
