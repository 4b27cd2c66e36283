import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_MIGRATIONS } from '../migrations/index';
import { AuditService } from 'src/audit/audit.service';
import { EmbeddedDatabase, startEmbeddedPostgres } from 'src/database/embedded-postgres';
import { runMigrations } from 'src/database/migrate';
import { freePort } from './helpers/free-port';
import { bearer, createTestContextOn, TestContext } from './helpers/test-app';
import { WITNESS_IDENTITY } from './helpers/case-fixtures';

/**
 * PostgreSQL goes away while the api is busy with writes and reads: a fast shutdown (sessions
 * terminated with 57P01) and then an immediate one (SIGQUIT, crash recovery on restart). Every
 * answer must be 2xx or 503 DATABASE_UNAVAILABLE with Retry-After, the api must stay up and serve
 * again once PostgreSQL is back, and nothing may be half-written.
 */

const CLIENTS = 6;
const PER_PHASE = 36;

interface Outcome {
  op: 'create-person' | 'create-case' | 'list-people' | 'get-case';
  /** When the request was sent: 'down' only between the end of the shutdown and the start of the restart. */
  phase: 'up' | 'stopping' | 'down' | 'starting' | 'restarted';
  status: number;
  error?: string;
  retryAfter?: string;
  id?: string;
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('PostgreSQL outage under load', () => {
  let dir: string;
  let db: EmbeddedDatabase;
  let ctx: TestContext;
  let caseId: string;
  let token: string;
  let adminToken: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sillok-outage-pg-'));
    db = await startEmbeddedPostgres(dir, await freePort(), true);
    await runMigrations(db.url, { migrations: ALL_MIGRATIONS });
    ctx = await createTestContextOn(db.url);
    const lead = await ctx.createUser('investigator');
    token = lead.token;
    adminToken = (await ctx.createUser('admin')).token;
    caseId = (await ctx.http().post('/cases').set(...bearer(token)).send({ title: 'Outage case' }).expect(201)).body.id as string;
  }, 180_000);

  afterAll(async () => {
    await ctx?.close();
    await db?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers 2xx or 503 DATABASE_UNAVAILABLE with Retry-After, serves again after a restart, and writes nothing by halves', async () => {
    const outcomes: Outcome[] = [];
    let phase: Outcome['phase'] = 'up';
    let running = true;
    const waiters: Array<{ count: number; phases: Outcome['phase'][]; resolve: () => void }> = [];
    const count = (phases: Outcome['phase'][]) => outcomes.filter((o) => phases.includes(o.phase)).length;
    const settle = () => {
      for (const w of [...waiters]) if (count(w.phases) >= w.count) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
    };
    /** Resolves once `n` more answers to requests sent in one of these phases have come back. */
    const moreAnswers = (n: number, phases: Outcome['phase'][]) => new Promise<void>((resolve) => { waiters.push({ count: count(phases) + n, phases, resolve }); settle(); });

    const send = async (op: Outcome['op'], client: number, i: number) => {
      const auth = bearer(token);
      switch (op) {
        case 'create-person':
          return ctx.http().post(`/cases/${caseId}/people`).set(...auth).send(i % 3 === 0 ? { kind: 'witness', identity: WITNESS_IDENTITY } : { kind: client % 2 ? 'victim' : 'witness' });
        case 'create-case':
          return ctx.http().post('/cases').set(...auth).send({ title: `Outage ${client}-${i}` });
        case 'list-people':
          return ctx.http().get(`/cases/${caseId}/people?limit=5`).set(...auth);
        case 'get-case':
          return ctx.http().get(`/cases/${caseId}`).set(...auth);
      }
    };
    const OPS: Outcome['op'][] = ['create-person', 'list-people', 'create-case', 'create-person', 'get-case'];
    const client = async (n: number) => {
      for (let i = 0; running; i++) {
        const op = OPS[(n + i) % OPS.length];
        const sentIn = phase;
        const res = await send(op, n, i);
        // 'down' means sent and answered while down: one answered after the restart began may succeed.
        const label = sentIn === 'down' && phase !== 'down' ? 'starting' : sentIn;
        const body = res.body as { id?: string; error?: string };
        outcomes.push({ op, phase: label, status: res.status, error: body?.error, retryAfter: res.headers['retry-after'] as string | undefined, id: res.status === 201 ? body.id : undefined });
        settle();
      }
    };
    const load = Array.from({ length: CLIENTS }, (_, n) => client(n));

    for (const stopHard of [false, true]) {
      phase = 'up';
      await moreAnswers(PER_PHASE, ['up']);
      // Stop PostgreSQL while requests are in flight.
      phase = 'stopping';
      if (stopHard) {
        // Immediate shutdown: the postmaster is told to quit at once; restart does crash recovery.
        const pid = Number(readFileSync(join(db.databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
        process.kill(pid, 'SIGQUIT');
        while (!processGone(pid)) await new Promise((r) => setTimeout(r, 50));
      } else {
        await db.stop();
      }
      phase = 'down';
      await moreAnswers(PER_PHASE, ['down']);
      const ready = await ctx.http().get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.checks.postgres).toBe('down');
      await ctx.http().get('/health').expect(200);

      phase = 'starting';
      await db.start();
      phase = 'restarted';
      await moreAnswers(PER_PHASE, ['restarted']);
    }
    running = false;
    await Promise.all(load);

    // Never a 500: only successes, or 503 DATABASE_UNAVAILABLE with Retry-After.
    const unexpected = outcomes.filter((o) => !(o.status >= 200 && o.status < 300) && !(o.status === 503 && o.error === 'DATABASE_UNAVAILABLE' && Number(o.retryAfter) > 0));
    expect(unexpected).toEqual([]);
    // While it was down, every request failed cleanly; the 503s were really exercised.
    const down = outcomes.filter((o) => o.phase === 'down');
    expect(down.length).toBeGreaterThanOrEqual(2 * PER_PHASE);
    expect(down.every((o) => o.status === 503)).toBe(true);
    // Once it was back, the api served again (writes and reads) without being restarted itself.
    const restarted = outcomes.filter((o) => o.phase === 'restarted');
    expect(restarted.filter((o) => o.status < 300).length).toBeGreaterThanOrEqual(PER_PHASE);
    expect(outcomes.slice(-CLIENTS).every((o) => o.status < 300)).toBe(true);
    expect(new Set(restarted.filter((o) => o.status < 300).map((o) => o.op))).toEqual(new Set(OPS));
    const ready = await ctx.http().get('/health/ready');
    expect(ready.body.checks.postgres).toBe('up');

    // Nothing half-written: every answered creation is stored; every stored record has its
    // audit entry (and the lead membership for a case); pseudonym codes have no gaps; the chain holds.
    const createdPeople = outcomes.filter((o) => o.op === 'create-person' && o.id).map((o) => o.id as string);
    const createdCases = outcomes.filter((o) => o.op === 'create-case' && o.id).map((o) => o.id as string);
    expect(createdPeople.length).toBeGreaterThan(0);
    const stored = await ctx.sql<{ id: string }>('SELECT id FROM people WHERE id = ANY($1::uuid[])', [createdPeople]);
    expect(stored).toHaveLength(createdPeople.length);
    const storedCases = await ctx.sql<{ id: string }>('SELECT id FROM cases WHERE id = ANY($1::uuid[])', [createdCases]);
    expect(storedCases).toHaveLength(createdCases.length);
    expect(await ctx.sql(`SELECT p.id FROM people p WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'person.create' AND a.subject_id = p.id::text)`)).toEqual([]);
    expect(await ctx.sql(`SELECT a.subject_id FROM audit_log a WHERE a.action = 'person.create' AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id::text = a.subject_id)`)).toEqual([]);
    expect(await ctx.sql(`SELECT c.id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'case.create' AND a.subject_id = c.id::text)
                           OR NOT EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.role = 'lead')`)).toEqual([]);
    const codes = await ctx.sql<{ prefix: string; n: number; max: number; counter: number }>(
      `WITH per_prefix AS (
         SELECT split_part(code, '-', 1) AS prefix, count(*)::int AS n, max(split_part(code, '-', 2)::int)::int AS max
           FROM people WHERE case_id = $1 GROUP BY 1)
       SELECT p.prefix, p.n, p.max, c.value::int AS counter
         FROM per_prefix p LEFT JOIN case_counters c ON c.case_id = $1 AND c.name = 'pseudonym:' || p.prefix`,
      [caseId],
    );
    expect(codes.length).toBeGreaterThan(0);
    for (const c of codes) expect({ prefix: c.prefix, max: c.max, counter: c.counter }).toEqual({ prefix: c.prefix, max: c.n, counter: c.n });
    // Identities written during the outage still open under the case key.
    const withIdentity = await ctx.sql<{ id: string }>('SELECT id FROM people WHERE case_id = $1 AND identity_sealed IS NOT NULL LIMIT 3', [caseId]);
    for (const { id } of withIdentity) await ctx.http().get(`/cases/${caseId}/people/${id}/identity`).set(...bearer(token)).expect(200);
    expect((await ctx.app.get(AuditService).verify()).ok).toBe(true);
    await ctx.http().get('/audit/verify').set(...bearer(adminToken)).expect(200);
  }, 240_000);
});
