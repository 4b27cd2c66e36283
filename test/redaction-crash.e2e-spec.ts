import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { bearer, createTestContext, TestContext } from './helpers/test-app';
import { CaseFixture, createCaseFixture } from './helpers/case-fixtures';
import { TEST_MASTER_KEY } from './setup/test-env';
import { waitFor } from './helpers/wait';

const ROOT = join(__dirname, '..');
const TESTIMONIES = 12;

describe('a redaction job whose worker dies mid-way', () => {
  let ctx: TestContext;
  let f: CaseFixture;
  const workers: ChildProcess[] = [];

  function startWorker(throttleMs: number): ChildProcess {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src', 'worker.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: ctx.config.databaseUrl,
        REDIS_URL: ctx.config.redisUrl,
        QUEUE_PREFIX: ctx.config.queuePrefix,
        SILLOK_MASTER_KEY: TEST_MASTER_KEY,
        JOB_LOCK_MS: '1500',
        REDACTION_THROTTLE_MS: String(throttleMs),
        LOG_LEVEL: 'warn',
        SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    workers.push(child);
    return child;
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    f = await createCaseFixture(ctx);
    const person = await ctx.http().post(`/cases/${f.caseId}/people`).set(...bearer(f.lead.token)).send({ kind: 'witness', identity: { namesHangul: ['이순희'], namesRomanised: ['Ri Sun-hui'] } }).expect(201);
    for (let i = 0; i < TESTIMONIES; i++) {
      const t = await ctx.http().post(`/cases/${f.caseId}/testimonies`).set(...bearer(f.lead.token)).send({ intervieweeId: person.body.id, interviewDate: { precision: 'unknown' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
      await ctx.http().post(`/cases/${f.caseId}/testimonies/${t.body.id}/transcripts`).set(...bearer(f.lead.token)).send({ kind: 'original', language: 'ko', text: `증언 ${i}: 이순희는 1999년에 전거리 교화소에 있었다. Ri Sun-hui remembers.` }).expect(201);
    }
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await ctx.close();
  });

  it('is picked up again by a new worker and completes exactly once', async () => {
    const first = startWorker(400);
    const accepted = await ctx.http().post(`/cases/${f.caseId}/redactions`).set(...bearer(f.lead.token)).send({ profile: 'icc' }).expect(202);
    const jobId = accepted.body.id as string;
    const job = async () => (await ctx.http().get(`/jobs/${jobId}`).set(...bearer(f.lead.token)).expect(200)).body;

    const midway = await waitFor(job, (j) => j.progress >= 20, 60_000, 50);
    expect(midway.status).toBe('active');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    const partial = await ctx.sql<{ n: number }>('SELECT count(*)::int AS n FROM redactions WHERE case_id = $1', [f.caseId]);
    expect(partial[0].n).toBeGreaterThan(0);
    expect(partial[0].n).toBeLessThan(TESTIMONIES);
    expect((await job()).status).not.toBe('completed');

    startWorker(0);
    const done = await waitFor(job, (j) => j.status === 'completed' || j.status === 'failed', 90_000, 200);
    expect(done).toMatchObject({ status: 'completed', progress: 100 });

    const rows = await ctx.sql<{ n: number; versions: number }>('SELECT count(*)::int AS n, count(DISTINCT transcript_version_id)::int AS versions FROM redactions WHERE case_id = $1', [f.caseId]);
    expect(rows[0]).toEqual({ n: TESTIMONIES, versions: TESTIMONIES });
    const completions = await ctx.sql<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'job.complete' AND subject_id = $1", [jobId]);
    expect(completions[0].n).toBe(1);
    const texts = await ctx.sql<{ redacted_text: string }>('SELECT redacted_text FROM redactions WHERE case_id = $1', [f.caseId]);
    for (const t of texts) {
      expect(t.redacted_text).not.toContain('이순희');
      expect(t.redacted_text).not.toContain('Ri Sun-hui');
    }
  });
});
