import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Pool } from 'pg';
import { formatLoad, LoadResult, runLoad, startBenchServer } from './support/bench-server';

// Testimony intake through HTTP (validation, access check, sealing the sensitive fields under
// the case key, the testimony row and its audit entry in one transaction), against baselines
// run in the same process on the same database:
// - raw INSERT: the same testimony row inserted with plain SQL (autocommit), same concurrency;
// - old pattern: the previous audit design in raw SQL (BEGIN, global advisory lock held until
//   COMMIT, read the chain's last entry, INSERT the row, INSERT the chained entry, COMMIT);
// - GET /health: the framework's own ceiling.
const CONCURRENCIES = [4, 16, 64];
const WARMUP = 500;
const MEASURED = Number(process.env.BENCH_REQUESTS || 4000);
const OLD_LOCK = 74_110_999;

async function main(): Promise<void> {
  const server = await startBenchServer();
  const pool = new Pool({ connectionString: server.databaseUrl, max: Math.max(...CONCURRENCIES) });
  try {
    const auth = { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    const kase = await post('/cases', { title: 'Benchmark case' });
    const person = await post(`/cases/${kase.id}/people`, { kind: 'witness', identity: { namesHangul: ['김철수'], namesRomanised: ['Kim Chol-su'] } });
    const body = JSON.stringify({
      intervieweeId: person.id,
      interviewerIds: [server.adminId],
      interviewDate: { date: '2019-07-12', precision: 'day' },
      languages: ['ko'],
      modality: 'in_person',
      riskLevel: 'high',
      sensitive: { placeOfInterview: 'Seoul field office', interpreter: 'Interpreter A', riskNotes: 'family remains in North Hamgyong' },
      tags: ['kwanliso', 'forced-labour'],
    });
    const intake = () => fetch(`${server.url}/cases/${kase.id}/testimonies`, { method: 'POST', headers: auth, body });
    const health = () => fetch(`${server.url}/health`);
    await runLoad(WARMUP, 16, intake);

    // The same row as the API writes, column for column (a new id each time).
    const template = (await pool.query('SELECT * FROM testimonies LIMIT 1')).rows[0] as Record<string, unknown>;
    const columns = Object.keys(template);
    const insertSql = `INSERT INTO testimonies (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
    const values = () => columns.map((c) => (c === 'id' ? randomUUID() : template[c]));
    const ok = new Response(null, { status: 204 });
    const rawInsert = async () => {
      await pool.query(insertSql, values());
      return ok.clone();
    };
    await pool.query('CREATE TABLE IF NOT EXISTS bench_old_chain (seq bigint PRIMARY KEY, hash text NOT NULL, details jsonb NOT NULL)');
    const oldPattern = async () => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [OLD_LOCK]);
        const last = (await client.query('SELECT seq, hash FROM bench_old_chain ORDER BY seq DESC LIMIT 1')).rows[0] as { seq: string; hash: string } | undefined;
        await client.query(insertSql, values());
        await client.query('INSERT INTO bench_old_chain (seq, hash, details) VALUES ($1, $2, $3)', [last ? BigInt(last.seq) + 1n : 1n, randomUUID(), '{"interviewee":"W-0001"}']);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
      return ok.clone();
    };

    const line = (label: string, r: LoadResult) => process.stdout.write(`${formatLoad(label, r)}\n`);
    process.stdout.write(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    let failed = false;
    for (const c of CONCURRENCIES) {
      const raw = await runLoad(MEASURED, c, rawInsert);
      const old = await runLoad(MEASURED, c, oldPattern);
      const api = await runLoad(MEASURED, c, intake);
      const ceiling = await runLoad(MEASURED, c, health);
      line(`raw INSERT of the same row, ${c} concurrent`, raw);
      line(`old audit pattern in raw SQL (global lock to COMMIT), ${c} concurrent`, old);
      line(`POST /cases/:id/testimonies, ${c} concurrent`, api);
      line(`GET /health, ${c} concurrent`, ceiling);
      process.stdout.write(
        `ratios at ${c}: intake / raw INSERT ${(api.perSecond / raw.perSecond).toFixed(2)}, intake / old pattern ${(api.perSecond / old.perSecond).toFixed(2)}, intake / GET /health ${(api.perSecond / ceiling.perSecond).toFixed(3)}\n`,
      );
      if (c === 16) {
        process.stdout.write(
          `target at 16: intake >= 0.6 x raw INSERT, >= 1000 req/s, p99 < 100 ms -> ${api.perSecond >= 0.6 * raw.perSecond ? 'ratio met' : 'ratio NOT met'}, ${api.perSecond >= 1000 ? 'rate met' : 'rate NOT met'}, ${api.p99 < 100 ? 'p99 met' : 'p99 NOT met'}\n`,
        );
      }
      if (api.errors || raw.errors || old.errors) failed = true;
    }
    const [{ pending }] = (await pool.query('SELECT count(*)::int AS pending FROM audit_log WHERE seq IS NULL')).rows as Array<{ pending: number }>;
    const [{ heads, linked }] = (await pool.query('SELECT (SELECT count(*)::int FROM audit_chain_heads) AS heads, (SELECT count(*)::int FROM audit_log WHERE seq IS NOT NULL) AS linked')).rows as Array<{ heads: number; linked: number }>;
    process.stdout.write(`audit chain after the run: ${linked} entries linked, ${pending} pending, ${heads} signed heads (${(linked / Math.max(1, heads)).toFixed(1)} entries per sequencer batch)\n`);
    process.stdout.write(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    if (failed) process.exitCode = 1;
  } finally {
    await pool.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
