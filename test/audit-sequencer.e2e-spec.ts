import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { SEQUENCER_MARK } from 'src/audit/audit-sequencer.service';
import { AuditService } from 'src/audit/audit.service';
import { entryHash, GENESIS_HASH } from 'src/audit/hash-chain';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';

// The chain without a global lock: writers insert, the sequencer links and signs heads.
describe('audit chain sequencer', () => {
  let ctx: TestContext;
  let admin: { id: string; token: string };
  let f: CaseFixture;
  let personId: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await ctx.createUser('admin');
    f = await createCaseFixture(ctx);
    const person = await ctx.http().post(`/cases/${f.caseId}/people`).set(...bearer(f.lead.token)).send({ kind: 'witness', identity: { namesHangul: ['김철수'] } }).expect(201);
    personId = person.body.id as string;
  });
  afterAll(async () => { await ctx.close(); });

  const verify = async () => (await ctx.http().get('/audit/verify').set(...bearer(admin.token)).expect(200)).body as {
    ok: boolean; entriesChecked: number; lastValidSeq: string | null; headsChecked: number; pending: number; firstBroken: { seq: string; reason: string } | null;
  };
  const testimony = (token = f.lead.token) => ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...bearer(token))
    .send({ intervieweeId: personId, interviewerIds: [f.lead.id], interviewDate: { date: '2019-07-12', precision: 'day' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high', sensitive: { placeOfInterview: 'Seoul field office' } });

  /** Runs `tamper` behind the triggers, checks what verify says, then puts every row back. */
  async function whileTampered(tamper: string[], check: (result: Awaited<ReturnType<typeof verify>>) => void): Promise<void> {
    await ctx.app.get(AuditService).settle();
    await ctx.sql('CREATE TABLE IF NOT EXISTS audit_backup AS SELECT * FROM audit_log WITH NO DATA');
    await ctx.sql('CREATE TABLE IF NOT EXISTS heads_backup AS SELECT * FROM audit_chain_heads WITH NO DATA');
    await ctx.dataSource.transaction(async (m) => {
      await m.query("SET LOCAL session_replication_role = 'replica'");
      await m.query('DELETE FROM audit_backup');
      await m.query('DELETE FROM heads_backup');
      await m.query('INSERT INTO audit_backup SELECT * FROM audit_log');
      await m.query('INSERT INTO heads_backup SELECT * FROM audit_chain_heads');
      for (const sql of tamper) await m.query(sql);
    });
    try {
      check(await verify());
    } finally {
      await ctx.dataSource.transaction(async (m) => {
        await m.query("SET LOCAL session_replication_role = 'replica'");
        await m.query('DELETE FROM audit_log');
        await m.query('DELETE FROM audit_chain_heads');
        await m.query('INSERT INTO audit_log OVERRIDING SYSTEM VALUE SELECT * FROM audit_backup');
        await m.query('INSERT INTO audit_chain_heads SELECT * FROM heads_backup');
      });
    }
    expect((await verify()).ok).toBe(true);
  }

  it('links entries written concurrently (and entries of rolled-back transactions leave no hole) in gap-free order, with signed heads', async () => {
    const audit = ctx.app.get(AuditService);
    const results = await Promise.all([
      ...Array.from({ length: 24 }, () => testimony()),
      // Each takes an id from the sequence, then rolls back: ids get holes, positions must not.
      ...Array.from({ length: 6 }, () => ctx.dataSource.transaction(async (m) => {
        await audit.record(m, { actorId: null, action: 'test.rolled_back', subjectType: 'test' });
        throw new Error('roll back');
      }).catch((e: Error) => e.message)),
    ]);
    expect(results.filter((r) => typeof r !== 'string' && r.status === 201)).toHaveLength(24);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBroken: null, pending: 0 });
    expect(result.headsChecked).toBeGreaterThanOrEqual(1);
    const rows = await ctx.sql<{ id: string; seq: string }>('SELECT a.id::text AS id, a.seq::text AS seq FROM audit_log a ORDER BY a.seq');
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(result.entriesChecked).toBe(rows.length);
    const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    expect(ids[ids.length - 1] - ids[0] + 1).toBeGreaterThan(ids.length);
    expect(await ctx.sql("SELECT 1 FROM audit_log WHERE action = 'test.rolled_back'")).toHaveLength(0);
    const [head] = await ctx.sql<{ seq: string; hash: string }>('SELECT h.seq::text AS seq, h.hash FROM audit_chain_heads h ORDER BY h.seq DESC LIMIT 1');
    expect(head).toEqual({ seq: rows[rows.length - 1].seq, hash: (await ctx.sql<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [head.seq]))[0].hash });
  });

  it('writers never wait for the sequencer: with its lock held elsewhere an entry commits, stays pending, then is linked at the end of the chain', async () => {
    const holder = new Client({ connectionString: ctx.config.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(74110002)');
      const res = await testimony().expect(201);
      const [entry] = await ctx.sql<{ seq: string | null; hash: string | null }>("SELECT seq, hash FROM audit_log WHERE subject_id = $1 AND action = 'testimony.create'", [res.body.id]);
      expect(entry).toEqual({ seq: null, hash: null });
      // A read of the trail waits for the running sequencer, then shows the entry linked.
      const reading = ctx.http().get(`/audit?subjectId=${res.body.id as string}`).set(...bearer(admin.token));
      const released = new Promise((r) => setTimeout(r, 200)).then(() => holder.query('COMMIT'));
      const [trail] = await Promise.all([reading, released]);
      expect(trail.status).toBe(200);
      expect(trail.body.items[0]).toMatchObject({ action: 'testimony.create', pending: false, seq: expect.stringMatching(/^\d+$/) });
      const [{ max }] = await ctx.sql<{ max: string }>('SELECT max(seq)::text AS max FROM audit_log');
      expect(Number(trail.body.items[0].seq)).toBeLessThanOrEqual(Number(max));
    } finally {
      await holder.end();
    }
  });

  it('the database allows only the one-time linking of an unlinked entry: no other UPDATE, no DELETE, and heads are append-only', async () => {
    await expect(ctx.sql('UPDATE audit_log SET seq = seq + 1000 WHERE seq = 2')).rejects.toThrow(/append-only/);
    await expect(ctx.sql("UPDATE audit_log SET hash = 'x' WHERE seq = 2")).rejects.toThrow(/append-only/);
    const holder = new Client({ connectionString: ctx.config.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(74110002)');
      await ctx.http().post('/auth/login').send({ email: 'nobody@example.org', password: 'wrong-password-123' });
      const [pending] = await ctx.sql<{ id: string }>('SELECT id::text FROM audit_log WHERE seq IS NULL LIMIT 1');
      expect(pending).toBeDefined();
      await expect(ctx.sql("UPDATE audit_log SET action = 'forged' WHERE id = $1", [pending.id])).rejects.toThrow(/append-only/);
      await expect(ctx.sql("UPDATE audit_log SET action = 'forged', seq = 999999, prev_hash = 'a', hash = 'b' WHERE id = $1", [pending.id])).rejects.toThrow(/append-only/);
      await expect(ctx.sql('DELETE FROM audit_log WHERE id = $1', [pending.id])).rejects.toThrow(/append-only/);
      await holder.query('COMMIT');
    } finally {
      await holder.end();
    }
    await expect(ctx.sql("UPDATE audit_chain_heads SET hash = 'x'")).rejects.toThrow(/append-only/);
    await expect(ctx.sql('DELETE FROM audit_chain_heads')).rejects.toThrow(/append-only/);
    await expect(ctx.sql('TRUNCATE audit_chain_heads')).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it('finds an altered entry, a deleted entry and two entries swapped', async () => {
    await whileTampered([`UPDATE audit_log SET details = '{"role":"admin"}' WHERE seq = 4`], (r) => {
      expect(r).toMatchObject({ ok: false, lastValidSeq: '3', firstBroken: { seq: '4', reason: 'hash_mismatch' } });
    });
    await whileTampered(['DELETE FROM audit_log WHERE seq = 5'], (r) => {
      expect(r).toMatchObject({ ok: false, firstBroken: { seq: '6', reason: 'sequence_gap' } });
    });
    await whileTampered(['UPDATE audit_log SET seq = -seq WHERE seq IN (6, 7)', 'UPDATE audit_log SET seq = CASE seq WHEN -6 THEN 7 ELSE 6 END WHERE seq IN (-6, -7)'], (r) => {
      expect(r).toMatchObject({ ok: false, firstBroken: { seq: '6' } });
      expect(['hash_mismatch', 'prev_hash_mismatch']).toContain(r.firstBroken?.reason);
    });
  });

  it('finds a chain rewritten consistently (every hash recomputed), a cut tail, an appended entry and a forged head: the signed heads tell', async () => {
    // Rewrite from entry 3 on with valid links, as someone who knows the hash but not the key would.
    const rows = await ctx.sql<Record<string, unknown> & { seq: string; occurredAt: Date }>(
      `SELECT seq::text AS seq, occurred_at AS "occurredAt", actor_id AS "actorId", action, subject_type AS "subjectType", subject_id AS "subjectId", case_id AS "caseId", details, correlation_id AS "correlationId" FROM audit_log WHERE seq IS NOT NULL ORDER BY audit_log.seq`,
    );
    let prevHash = GENESIS_HASH;
    const rewrite: string[] = [];
    for (const row of rows) {
      const fields = { ...row, occurredAt: row.occurredAt.toISOString(), details: row.seq === '3' ? { forged: true } : row.details, prevHash } as Parameters<typeof entryHash>[0];
      const hash = entryHash(fields);
      if (Number(row.seq) >= 3) rewrite.push(`UPDATE audit_log SET details = '${JSON.stringify(fields.details)}', prev_hash = '${prevHash}', hash = '${hash}' WHERE seq = ${row.seq}`);
      prevHash = hash;
    }
    await whileTampered(rewrite, (r) => {
      expect(r).toMatchObject({ ok: false, entriesChecked: rows.length, firstBroken: { reason: 'head_mismatch' } });
    });
    const [{ last }] = await ctx.sql<{ last: string }>('SELECT max(seq)::text AS last FROM audit_log');
    await whileTampered([`DELETE FROM audit_log WHERE seq = ${last}`], (r) => {
      expect(r).toMatchObject({ ok: false, firstBroken: { seq: last, reason: 'head_mismatch' } });
    });
    const [tail] = await ctx.sql<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [last]);
    const appended = { seq: String(Number(last) + 1), occurredAt: new Date().toISOString(), actorId: null, action: 'forged.entry', subjectType: 'test', subjectId: null, caseId: null, details: {}, correlationId: null, prevHash: tail.hash };
    await whileTampered([
      `INSERT INTO audit_log (seq, occurred_at, action, subject_type, details, prev_hash, hash) VALUES (${appended.seq}, '${appended.occurredAt}', 'forged.entry', 'test', '{}', '${tail.hash}', '${entryHash(appended)}')`,
    ], (r) => {
      expect(r).toMatchObject({ ok: false, firstBroken: { reason: 'head_mismatch' } });
    });
    await whileTampered([`UPDATE audit_chain_heads SET signed_at = signed_at + interval '1 second' WHERE seq = (SELECT max(seq) FROM audit_chain_heads)`], (r) => {
      expect(r).toMatchObject({ ok: false, firstBroken: { reason: 'head_signature_invalid' } });
    });
  });

  it('a testimony intake request runs 7 SQL statements (was 10): no lock, no read of the chain, one audit INSERT, no second membership look-up', async () => {
    await testimony().expect(201);
    const statements: string[] = [];
    const logger = ctx.dataSource.logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (query: string, parameters?: unknown[], runner?: QueryRunner) => {
      if (!(runner?.data as Record<string, unknown> | undefined)?.[SEQUENCER_MARK]) statements.push(query.split('\n')[0].slice(0, 80));
      return original(query, parameters, runner);
    };
    try {
      await testimony().expect(201);
    } finally {
      logger.logQuery = original;
    }
    expect(statements, statements.join('\n')).toHaveLength(7);
    expect(statements.filter((s) => /advisory/i.test(s))).toEqual([]);
    expect(statements.filter((s) => /audit_log/.test(s))).toHaveLength(1);
  });
});
