// Benchmark: GET /cases/:id/matrix for cases with 50,000 and 500,000 links (5,000 and 50,000
// evidence items) to the built-in Rome Statute, through the real HTTP app (guard, access check,
// per-element aggregates, strongest-link probes, computation, JSON/CSV serialisation).
// Targets: p95 < 100 ms at 50,000 links, < 150 ms at 500,000.
// Baseline, measured in the same run on the same data: the raw SQL recount of the same counts
// from the links (what the matrix did before the aggregates, and still does when filtered).
// Two read patterns: repeated reads between changes (the api keeps the case's matrix data per
// matrix version) and the first read after each change (one link's assessment changed in SQL
// before every request, so every request re-reads the aggregates).
// Run: node scripts/bench.js matrix   (MATRIX_BENCH_REQUESTS=100 for more samples; MATRIX_BENCH_SIZES=50000 for one size;
// MATRIX_BENCH_KEEP_DB=1 keeps the data)
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations/index';
import { createApiApp } from '../../src/app.factory';
import { createRootLogger } from '../../src/common/logging/logger';
import { loadConfig } from '../../src/config/config';
import { runMigrations } from '../../src/database/migrate';
import { matrixData, recountAggregates } from '../../src/evidence/matrix.repository';
import { UsersService } from '../../src/users/users.service';

const SIZES = (process.env.MATRIX_BENCH_SIZES || '50000,500000').split(',').map(Number);
const TARGETS: Record<number, number> = { 50_000: 100, 500_000: 150 };
const PERPETRATORS = 120;
const REQUESTS = Number(process.env.MATRIX_BENCH_REQUESTS || 50);
const WARMUP = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(n: number, send: () => Promise<Response>, before?: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number; bytes: number }> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    if (before) await before();
    const started = process.hrtime.bigint();
    const res = await send();
    const body = await res.text();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (!res.ok) throw new Error(`matrix: ${res.status} ${body.slice(0, 300)}`);
    bytes = body.length;
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1], bytes };
}

/** The case's content, written straight in SQL: testimonies with a transcript version, items, links. */
async function seed(db: Client, caseId: string, userId: string, reviewerId: string, frameworkId: string, LINKS: number): Promise<void> {
  const ITEMS = LINKS / 10;
  const TESTIMONIES = ITEMS / 12.5;
  const DOCUMENTS = Math.round(ITEMS * 0.3);
  const elements = (await db.query(
    `SELECT count(*)::int AS all, count(*) FILTER (WHERE c.group_key = 'crimes-against-humanity')::int AS cah
     FROM legal_elements e JOIN legal_crimes c ON c.id = e.crime_id WHERE e.framework_id = $1`,
    [frameworkId],
  )).rows[0] as { all: number; cah: number };
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO people (id, case_id, kind, code, created_by, version)
     SELECT gen_random_uuid(), $1, 'witness', 'W-' || lpad(g::text, 5, '0'), $2, 1 FROM generate_series(1, $3) g`,
    [caseId, userId, TESTIMONIES],
  );
  await db.query(
    `INSERT INTO testimonies (id, case_id, interviewee_id, interview_date_precision, modality, risk_level, status, created_by, version)
     SELECT gen_random_uuid(), $1, p.id, 'unknown', 'in_person', 'high', 'transcribed', $2, 1 FROM people p WHERE p.case_id = $1`,
    [caseId, userId],
  );
  await db.query(
    `INSERT INTO transcripts (id, case_id, testimony_id, kind, language, latest_version, created_by)
     SELECT gen_random_uuid(), $1, t.id, 'original', 'ko', 1, $2 FROM testimonies t WHERE t.case_id = $1`,
    [caseId, userId],
  );
  // The text itself is never read by the matrix: a placeholder stands in for the sealed bytes.
  await db.query(
    `INSERT INTO transcript_versions (id, case_id, transcript_id, version, text_sealed, text_length, text_sha256, created_by)
     SELECT gen_random_uuid(), $1, tr.id, 1, '\\x00'::bytea, 100000, md5(tr.id::text), $2 FROM transcripts tr WHERE tr.case_id = $1`,
    [caseId, userId],
  );
  // 60 % passages spread over the testimonies; the rest documents, images and the like (some
  // sharing the same bytes, so the same source), and physical items.
  await db.query(
    `WITH v AS (SELECT tv.id, tr.testimony_id, row_number() OVER (ORDER BY tv.id) AS n FROM transcript_versions tv JOIN transcripts tr ON tr.id = tv.transcript_id WHERE tv.case_id = $1),
     g AS (SELECT g, (g % $4) + 1 AS vn FROM generate_series(1, $3) g)
     INSERT INTO evidence_items (id, case_id, code, kind, title, transcript_version_id, passage_start, passage_end, testimony_id, sha256, source_key, created_by, version)
     SELECT gen_random_uuid(), $1, 'E-' || lpad(g.g::text, 5, '0'),
       CASE WHEN g.g % 10 < 6 THEN 'transcript_passage' WHEN g.g % 10 < 8 THEN 'document' WHEN g.g % 10 < 9 THEN 'image' ELSE 'physical_item' END,
       'item ' || g.g,
       CASE WHEN g.g % 10 < 6 THEN v.id END,
       CASE WHEN g.g % 10 < 6 THEN (g.g * 37) % 90000 END,
       CASE WHEN g.g % 10 < 6 THEN (g.g * 37) % 90000 + 200 END,
       CASE WHEN g.g % 10 < 6 THEN v.testimony_id END,
       CASE WHEN g.g % 10 < 9 THEN md5(g.g::text) END,
       CASE WHEN g.g % 10 < 6 THEN 'testimony:' || v.testimony_id WHEN g.g % 10 < 9 THEN 'file:' || md5((g.g % $5)::text) ELSE 'item:' || g.g END,
       $2, 1
     FROM g JOIN v ON v.n = g.vn`,
    [caseId, userId, ITEMS, TESTIMONIES, DOCUMENTS],
  );
  // Links: ten per item to ten different elements, weighted towards the crimes against humanity;
  // 80 % supporting, about 60 % reviewed, 40 % naming one of the perpetrators, half of those a mode.
  await db.query(
    `WITH items AS (
       SELECT i.id, i.source_key, coalesce('witness:' || t.interviewee_id, i.source_key) AS independent_source, row_number() OVER (ORDER BY i.code) - 1 AS n
       FROM evidence_items i LEFT JOIN testimonies t ON t.case_id = $1 AND 'testimony:' || t.id = i.source_key WHERE i.case_id = $1),
     els AS (SELECT e.id, row_number() OVER (ORDER BY (c.group_key = 'crimes-against-humanity') DESC, e.code) - 1 AS n FROM legal_elements e JOIN legal_crimes c ON c.id = e.crime_id WHERE e.framework_id = $2),
     modes AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM legal_modes_of_liability WHERE framework_id = $2),
     perps AS (SELECT gen_random_uuid() AS id, g - 1 AS n FROM generate_series(1, $6) g),
     g AS (SELECT g - 1 AS g, hashtext(g::text) & 2147483647 AS h FROM generate_series(1, $5) g)
     INSERT INTO evidence_links (case_id, item_id, framework_id, element_id, perpetrator_id, mode_id, relation, probative_value, source_reliability, information_credibility,
       status, source_key, independent_source, created_by, assessed_by, reviewed_by, reviewed_at, version)
     SELECT $1, i.id, $2, e.id,
       CASE WHEN g.h % 10 < 4 THEN p.id END,
       CASE WHEN g.h % 10 < 2 THEN m.id END,
       CASE WHEN g.h % 20 < 16 THEN 'supports' WHEN g.h % 20 < 19 THEN 'undermines' ELSE 'context' END,
       1 + (g.h / 7) % 5, substr('ABCDEF', 1 + (g.h / 11) % 6, 1), 1 + (g.h / 13) % 6,
       CASE WHEN (g.h / 17) % 10 < 6 THEN 'reviewed' ELSE 'proposed' END,
       i.source_key, i.independent_source, $3, $3,
       CASE WHEN (g.h / 17) % 10 < 6 THEN $4::uuid END, CASE WHEN (g.h / 17) % 10 < 6 THEN now() END, 1
     FROM g
     JOIN items i ON i.n = g.g % $7
     -- Ten links per item, each to a different element: seven among the crimes against humanity, three among the others.
     JOIN els e ON e.n = CASE WHEN g.g / $7 < 7 THEN ((hashtext(i.id::text) & 65535) + (g.g / $7) * 11) % $9 ELSE $9 + ((hashtext(i.id::text) & 65535) + (g.g / $7) * 7) % ($8 - $9) END
     JOIN perps p ON p.n = (g.h / 19) % $6
     JOIN modes m ON m.n = (g.h / 23) % 10`,
    [caseId, frameworkId, userId, reviewerId, LINKS, PERPETRATORS, ITEMS, elements.all, elements.cah],
  );
  await db.query('COMMIT');
  await db.query('ANALYZE');
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `sillok_bench_matrix_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let app: INestApplication | undefined;
  const db = new Client({ connectionString: databaseUrl });
  try {
    await runMigrations(databaseUrl, { migrations: ALL_MIGRATIONS });
    const config = loadConfig({
      NODE_ENV: 'production', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', SILLOK_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
      QUEUE_PREFIX: `bench_${process.pid}`, DATA_DIR: `/tmp/sillok-bench-${process.pid}`,
    });
    app = await createApiApp(config, createRootLogger('warn', 'api'));
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

    const users = app.get(UsersService);
    const password = 'granite-meadow-violin-73';
    const analyst = await users.create({ email: 'analyst@bench.example.org', password, role: 'analyst', displayName: 'Bench analyst' }, null);
    const reviewer = await users.create({ email: 'reviewer@bench.example.org', password, role: 'reviewer', displayName: 'Bench reviewer' }, null);
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'analyst@bench.example.org', password }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const frameworks = (await (await fetch(`${base}/legal/frameworks?code=rome-statute&status=published`, { headers: auth })).json()) as { items: Array<{ id: string }> };
    const frameworkId = frameworks.items[0].id;
    await db.connect();
    const shim = { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows } as unknown as EntityManager;
    const line = (label: string, r: { p50: number; p95: number; max: number; bytes?: number }) =>
      `${label}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms${r.bytes ? ` (${(r.bytes / 1024).toFixed(0)} KiB)` : ''}`;
    let allMet = true;

    for (const links of SIZES) {
      const kase = (await (await fetch(`${base}/cases`, { method: 'POST', headers: auth, body: JSON.stringify({ title: `Matrix benchmark ${links}` }) })).json()) as { id: string };
      const seeded = process.hrtime.bigint();
      await seed(db, kase.id, analyst.id, reviewer.id, frameworkId, links);
      const counts = (await db.query(
        `SELECT (SELECT count(*) FROM evidence_items WHERE case_id = $1)::int AS items, (SELECT count(*) FROM evidence_links WHERE case_id = $1)::int AS links,
                (SELECT count(DISTINCT element_id) FROM evidence_links WHERE case_id = $1)::int AS elements, (SELECT count(DISTINCT independent_source) FROM evidence_links WHERE case_id = $1)::int AS sources,
                (SELECT count(*) FROM matrix_aggregates WHERE case_id = $1)::int AS aggregates`,
        [kase.id],
      )).rows[0] as { items: number; links: number; elements: number; sources: number; aggregates: number };
      process.stdout.write(`\n-- ${links} links: seeded (aggregates kept by the triggers in the same statement) in ${(Number(process.hrtime.bigint() - seeded) / 1e9).toFixed(1)} s: ${counts.items} items, ${counts.links} links over ${counts.elements} elements, ${counts.sources} independent sources, ${counts.aggregates} aggregate rows\n`);
      if (counts.items !== links / 10 || counts.links !== links) throw new Error('seeding produced the wrong counts');

      // Baseline: the same counts recounted from the links in raw SQL (no HTTP, no framework, no JSON).
      const baselineSamples: number[] = [];
      for (let i = 0; i < Math.max(5, Math.floor(REQUESTS / 5)); i++) {
        const started = process.hrtime.bigint();
        await recountAggregates(shim, kase.id, frameworkId);
        baselineSamples.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      baselineSamples.sort((a, b) => a - b);
      const baseline = { p50: percentile(baselineSamples, 50), p95: percentile(baselineSamples, 95), max: baselineSamples[baselineSamples.length - 1] };

      // The new path's reads alone (the same statement the service runs), for the split.
      const fastSamples: number[] = [];
      for (let i = 0; i < Math.max(5, Math.floor(REQUESTS / 5)); i++) {
        const started = process.hrtime.bigint();
        await matrixData(shim, kase.id, frameworkId);
        fastSamples.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      fastSamples.sort((a, b) => a - b);
      process.stdout.write(`${line('aggregate read (SQL + row mapping, no HTTP)', { p50: percentile(fastSamples, 50), p95: percentile(fastSamples, 95), max: fastSamples[fastSamples.length - 1] })}\n`);

      const matrixUrl = (format: string) => `${base}/cases/${kase.id}/matrix?frameworkVersionId=${frameworkId}&format=${format}`;
      const json = () => fetch(matrixUrl('json'), { headers: auth });
      const csv = () => fetch(matrixUrl('csv'), { headers: auth });
      await time(WARMUP, json);
      const j = await time(REQUESTS, json);
      const c = await time(Math.max(10, Math.floor(REQUESTS / 2)), csv);
      const [someLink] = (await db.query(`SELECT id FROM evidence_links WHERE case_id = $1 ORDER BY id LIMIT 1`, [kase.id])).rows as Array<{ id: string }>;
      const changeOneLink = () => db.query(`UPDATE evidence_links SET probative_value = 1 + (probative_value % 5) WHERE id = $1`, [someLink.id]);
      const cold = await time(Math.max(10, Math.floor(REQUESTS / 2)), json, changeOneLink);
      const target = TARGETS[links] ?? 150;
      process.stdout.write(`${line('baseline: raw SQL recount from the links', baseline)}\n${line(`GET matrix JSON x${REQUESTS}`, j)}\n${line('GET matrix CSV', c)}\n`);
      process.stdout.write(`${line('GET matrix JSON, first read after a link change (the change itself not timed)', cold)}; ratio to baseline p95 ${(cold.p95 / baseline.p95).toFixed(2)}\n`);
      process.stdout.write(`ratio: matrix JSON p95 / baseline p95 = ${(j.p95 / baseline.p95).toFixed(2)} (CSV ${(c.p95 / baseline.p95).toFixed(2)})\n`);
      const met = j.p95 < target && c.p95 < target;
      process.stdout.write(`target: p95 < ${target} ms per request at ${links} links -> ${met ? 'met' : 'NOT met'}\n`);
      if (!met) allMet = false;
    }
    if (!allMet) process.exitCode = 1;
  } finally {
    await db.end().catch(() => undefined);
    if (app) await app.close();
    // MATRIX_BENCH_KEEP_DB=1 keeps the seeded database for EXPLAIN ANALYZE.
    if (process.env.MATRIX_BENCH_KEEP_DB === '1') process.stdout.write(`kept database ${name}\n`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
