// Benchmark: bulk import of incident rows through the real path — multipart upload to the api,
// the sealed file store, the `import` queue, the worker reading the file as a stream and storing
// batches (incidents, victims, perpetrator links, external ids, one audit entry per batch).
// Api and worker run in this process, on a scratch database created and dropped here.
// Run: node scripts/bench.js import   (IMPORT_BENCH_ROWS=100000 by default)
// Prints rows/s and this process's peak RSS for a small and a large file: memory is flat when
// the large file's peak is about the small one's.
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { ALL_MIGRATIONS } from '../../migrations/index';
import { createApiApp } from '../../src/app.factory';
import { createRootLogger } from '../../src/common/logging/logger';
import { loadConfig } from '../../src/config/config';
import { runMigrations } from '../../src/database/migrate';
import { UsersService } from '../../src/users/users.service';
import { WorkerModule } from '../../src/worker.module';
import { RssSampler } from './support/rss-sampler';

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 100_000);
const SMALL = 10_000;
const TARGET_ROWS_S = 2000;
const MiB = 2 ** 20;

const mib = (bytes: number) => (bytes / MiB).toFixed(0);
const VIOLATIONS = ['torture', 'arbitrary_detention', 'forced_labour', 'execution', 'starvation', 'enforced_disappearance'];
const PLACES = ['kwanliso-14', 'kwanliso-15', 'kwanliso-16', 'kwanliso-25', 'jipkyulso-nongpo', 'KP-09'];

/** A realistic incidents file: dates of every precision, places, victims, perpetrator links; 0.5 % bad rows. */
async function writeCsv(path: string, rows: number, tag: string): Promise<number> {
  const out = createWriteStream(path);
  let bad = 0;
  const write = async (line: string) => { if (!out.write(line)) await once(out, 'drain'); };
  await write('external_id,title,description,violation_types,date_precision,date,date_from,date_to,place,victims,victim_group_count,victim_group_description,perpetrators\n');
  for (let i = 1; i <= rows; i++) {
    const isBad = i % 200 === 0;
    if (isBad) bad++;
    const range = i % 5 === 0;
    const cells = [
      `${tag}-${i}`,
      `"Incident ${i} at the work site, as reported"`,
      i % 3 === 0 ? '"Beaten in front of the work team; ""collective punishment"" announced."' : '',
      `${VIOLATIONS[i % VIOLATIONS.length]};${VIOLATIONS[(i + 2) % VIOLATIONS.length]}`,
      range ? 'range' : i % 2 ? 'year' : 'month',
      range ? '' : i % 2 ? String(1985 + (i % 35)) : `${1985 + (i % 35)}-${String(1 + (i % 12)).padStart(2, '0')}`,
      range ? '1995' : '',
      range ? '1999-06' : '',
      isBad ? 'no-such-place' : PLACES[i % PLACES.length],
      i % 4 === 0 ? 'V-0001' : '',
      i % 6 === 0 ? String(1 + (i % 40)) : '',
      i % 6 === 0 ? 'prisoners of a work team' : '',
      i % 3 === 0 ? 'U-0001:commanded:probable' : '',
    ];
    await write(`${cells.join(',')}\n`);
  }
  out.end();
  await once(out, 'finish');
  return bad;
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = `sillok_bench_import_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const dir = mkdtempSync(join(tmpdir(), 'sillok-import-bench-'));
  const prefix = `bench_import_${process.pid}`;
  let app: INestApplication | null = null;
  let worker: INestApplicationContext | null = null;
  try {
    await runMigrations(url.toString(), { migrations: ALL_MIGRATIONS });
    const config = loadConfig({
      NODE_ENV: 'production', DATABASE_URL: url.toString(), REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379', QUEUE_PREFIX: prefix,
      SILLOK_MASTER_KEY: randomBytes(32).toString('base64'), DATA_DIR: dir, LOG_LEVEL: 'warn',
    });
    const logger = createRootLogger('warn', 'api');
    app = await createApiApp(config, logger);
    await app.init();
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), { logger: false });
    const http = () => request(app?.getHttpServer());
    const password = randomBytes(12).toString('hex');
    await app.get(UsersService).create({ email: 'bench@example.org', password, role: 'analyst', displayName: 'Bench' }, null);
    const token = (await http().post('/auth/login').send({ email: 'bench@example.org', password }).expect(200)).body.accessToken as string;
    const auth = ['Authorization', `Bearer ${token}`] as const;
    const caseId = (await http().post('/cases').set(...auth).send({ title: 'Import benchmark' }).expect(201)).body.id as string;
    await http().post(`/cases/${caseId}/people`).set(...auth).send({ kind: 'victim' }).expect(201);
    await http().post(`/cases/${caseId}/perpetrators`).set(...auth).send({ kind: 'unit', name: 'Ministry of State Security' }).expect(201);

    let ok = true;
    for (const [label, rows] of [['small', SMALL], ['large', ROWS]] as const) {
      const file = join(dir, `${label}.csv`);
      const bad = await writeCsv(file, rows, label);
      global.gc?.();
      const startRss = process.memoryUsage().rss;
      const sampler = new RssSampler(20);
      const started = process.hrtime.bigint();
      const accepted = await http().post(`/cases/${caseId}/imports`).set(...auth).field('entityType', 'incidents').attach('file', file, { filename: `${label}.csv`, contentType: 'text/csv' }).expect(202);
      const uploaded = process.hrtime.bigint();
      let body: { status: string; counts: { processed: number; created: number; failed: number }; error: string | null };
      for (;;) {
        body = (await http().get(`/cases/${caseId}/imports/${accepted.body.id}?limit=1`).set(...auth).expect(200)).body;
        if (body.status === 'completed' || body.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const uploadSeconds = Number(uploaded - started) / 1e9;
      const peak = sampler.stop();
      const rate = rows / seconds;
      const correct = body.status === 'completed' && body.counts.processed === rows && body.counts.created === rows - bad && body.counts.failed === bad;
      process.stdout.write(
        `${label}: ${rows} incident rows (${(statSync(file).size / MiB).toFixed(1)} MiB CSV, ${bad} bad) in ${seconds.toFixed(2)} s ` +
          `(upload ${uploadSeconds.toFixed(2)} s) = ${rate.toFixed(0)} rows/s; stored ${body.counts.created}, reported ${body.counts.failed}${correct ? '' : ` — WRONG COUNTS (${body.status} ${body.error ?? ''})`}; ` +
          `peak RSS ${mib(peak)} MiB (start ${mib(startRss)} MiB)\n`,
      );
      if (!correct) ok = false;
      if (label === 'large') {
        process.stdout.write(`target: >= ${TARGET_ROWS_S} rows/s -> ${rate >= TARGET_ROWS_S ? 'met' : 'NOT met'}\n`);
        if (rate < TARGET_ROWS_S) ok = false;
      }
    }
    if (!ok) process.exitCode = 1;
  } finally {
    await worker?.close().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
