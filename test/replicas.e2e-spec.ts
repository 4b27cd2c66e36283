import { ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { ALL_MIGRATIONS } from '../migrations/index';
import { freePort } from './helpers/free-port';
import { startS3rver, TestS3 } from './helpers/s3rver';
import { waitFor } from './helpers/wait';
import { binaryBody } from './helpers/zip';
import { databaseUrl, ENV_ADMIN_URL, ENV_REDIS_URL, TEST_MASTER_KEY } from './setup/test-env';

const ROOT = join(__dirname, '..');
const PROFILES = ['internal', 'un', 'icc', 'public'];

interface Replica {
  name: string;
  child: ChildProcess;
  output: string;
  url?: string;
}

async function admin<T>(sql: string, params: unknown[] = [], url = process.env[ENV_ADMIN_URL] as string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Two api processes and two worker processes, started at the same moment on one empty database,
 * one Redis and one S3-compatible store (s3rver): the scaled-out deployment in miniature. Each
 * process has a local data directory of its own, so nothing can pass between them on local disk.
 */
describe('replicas: two api and two worker processes on one database, Redis and object store', () => {
  let s3: TestS3;
  let dbUrl: string;
  const dbName = `sillok_test_replicas_${randomBytes(4).toString('hex')}`;
  const queuePrefix = `test_replicas_${randomBytes(4).toString('hex')}`;
  const scratch = mkdtempSync(join(tmpdir(), 'sillok-replicas-'));
  const replicas: Replica[] = [];
  let apiA: Replica;
  let apiB: Replica;
  let password: string;
  let email: string;

  const env = (name: string, extra: Record<string, string> = {}) => ({
    ...process.env,
    ...s3.env,
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl,
    REDIS_URL: process.env[ENV_REDIS_URL] as string,
    QUEUE_PREFIX: queuePrefix,
    SILLOK_MASTER_KEY: TEST_MASTER_KEY,
    DATA_DIR: join(scratch, name),
    LOG_LEVEL: 'info',
    LOGIN_FAILURE_DELAY_MS: '0',
    SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    ...extra,
  });

  const run = (name: string, entry: 'main' | 'worker' | 'cli', extra: Record<string, string> = {}, args: string[] = []): Replica => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src', `${entry}.ts`), ...args], { cwd: ROOT, env: env(name, extra), stdio: ['pipe', 'pipe', 'pipe'] });
    const replica: Replica = { name, child, output: '' };
    child.stdout?.on('data', (c: Buffer) => { replica.output += c.toString('utf8'); });
    child.stderr?.on('data', (c: Buffer) => { replica.output += c.toString('utf8'); });
    replicas.push(replica);
    return replica;
  };

  const exited = (r: Replica) => new Promise<number | null>((resolve) => (r.child.exitCode !== null ? resolve(r.child.exitCode) : r.child.once('exit', (code) => resolve(code))));

  beforeAll(async () => {
    s3 = await startS3rver('sillok-replicas');
    // An empty database: the four processes race to migrate it.
    await admin(`CREATE DATABASE ${dbName}`);
    dbUrl = databaseUrl(process.env[ENV_ADMIN_URL] as string, dbName);
    const [portA, portB] = [await freePort(), await freePort()];
    apiA = run('api-a', 'main', { PORT: String(portA) });
    apiA.url = `http://127.0.0.1:${portA}`;
    const worker1 = run('worker-1', 'worker');
    apiB = run('api-b', 'main', { PORT: String(portB) });
    apiB.url = `http://127.0.0.1:${portB}`;
    const worker2 = run('worker-2', 'worker');

    const ready = async (r: Replica, probe: () => Promise<boolean>) => {
      await waitFor(async () => r.child.exitCode !== null || (await probe().catch(() => false)), Boolean, 150_000, 250);
      if (r.child.exitCode !== null) throw new Error(`${r.name} exited with ${r.child.exitCode}:\n${r.output}`);
    };
    const apiReady = (r: Replica) => ready(r, async () => (await request(r.url as string).get('/health/ready')).status === 200);
    const workerReady = (r: Replica) => ready(r, async () => r.output.includes('"worker started"'));
    await Promise.all([apiReady(apiA), apiReady(apiB), workerReady(worker1), workerReady(worker2)]);

    // A user, made with the CLI (a fifth process on the same database).
    email = `lead-${randomBytes(3).toString('hex')}@example.org`;
    password = `pw-${randomBytes(12).toString('hex')}`;
    const cli = run('cli', 'cli', { LOG_LEVEL: 'warn' }, ['user:create', '--email', email, '--role', 'investigator']);
    cli.child.stdin?.end(`${password}\n`);
    expect(await exited(cli), cli.output).toBe(0);
  }, 240_000);

  afterAll(async () => {
    for (const r of replicas) if (r.child.exitCode === null) r.child.kill('SIGTERM');
    await Promise.all(replicas.map(async (r) => {
      const timer = setTimeout(() => r.child.kill('SIGKILL'), 10_000);
      await exited(r);
      clearTimeout(timer);
    }));
    await s3?.close();
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin('SELECT 1').catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }, 60_000);

  it('ran every migration exactly once, in one of the four processes', async () => {
    const rows = await admin<{ name: string; n: number }>('SELECT name, count(*)::int AS n FROM migrations GROUP BY name', [], dbUrl);
    expect(rows).toHaveLength(ALL_MIGRATIONS.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const migrators = replicas.filter((r) => r.output.includes('"migrations applied"')).map((r) => r.name);
    expect(migrators).toHaveLength(1);
  });

  it('a session begun on api A works on api B (cookie and bearer), and signing out on B ends it on A', async () => {
    const signIn = await request(apiA.url as string).post('/auth/session').send({ email, password }).expect(200);
    const cookie = (signIn.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('sillok_session='))?.split(';')[0] as string;
    expect(cookie).toBeDefined();
    expect((await request(apiB.url as string).get('/auth/me').set('Cookie', cookie).expect(200)).body).toMatchObject({ email });
    const login = await request(apiA.url as string).post('/auth/login').send({ email, password }).expect(200);
    await request(apiB.url as string).get('/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    await request(apiB.url as string).delete('/auth/session').set('Cookie', cookie).set('X-Sillok-CSRF', '1').expect(204);
    await request(apiA.url as string).get('/auth/me').set('Cookie', cookie).expect(401);
  });

  it('a file uploaded through api A downloads through api B with the same SHA-256; jobs enqueued on A run once each', async () => {
    const token = (await request(apiA.url as string).post('/auth/login').send({ email, password }).expect(200)).body.accessToken as string;
    const auth = ['Authorization', `Bearer ${token}`] as const;
    const a = () => request(apiA.url as string);
    const b = () => request(apiB.url as string);
    const caseId = (await b().post('/cases').set(...auth).send({ title: 'Replicated case' }).expect(201)).body.id as string;

    const bytes = randomBytes(2 * 1024 * 1024 + 5);
    const uploaded = await a().post(`/cases/${caseId}/files`).set(...auth).field('kind', 'document').attach('file', bytes, { filename: 'scan.pdf', contentType: 'application/pdf' });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const downloaded = await b().get(`/cases/${caseId}/files/${uploaded.body.id}/content`).set(...auth).buffer(true).parse(binaryBody).expect(200);
    expect(createHash('sha256').update(downloaded.body as Buffer).digest('hex')).toBe(uploaded.body.sha256);

    // Redaction jobs enqueued on api A, one per profile: the two workers share them, and each runs once.
    const person = await a().post(`/cases/${caseId}/people`).set(...auth).send({ kind: 'witness', identity: { namesHangul: ['이순희'], namesRomanised: ['Ri Sun-hui'] } }).expect(201);
    const testimony = await b().post(`/cases/${caseId}/testimonies`).set(...auth).send({ intervieweeId: person.body.id, interviewDate: { precision: 'unknown' }, languages: ['ko'], modality: 'in_person', riskLevel: 'high' }).expect(201);
    await a().post(`/cases/${caseId}/testimonies/${testimony.body.id}/transcripts`).set(...auth).send({ kind: 'original', language: 'ko', text: '이순희는 1999년에 전거리 교화소에 있었다. Ri Sun-hui remembers.' }).expect(201);
    const jobs: string[] = [];
    for (const profile of PROFILES) jobs.push((await a().post(`/cases/${caseId}/redactions`).set(...auth).send({ profile }).expect(202)).body.id as string);
    for (const id of jobs) {
      const done = await waitFor(async () => (await b().get(`/jobs/${id}`).set(...auth).expect(200)).body, (j) => j.status === 'completed' || j.status === 'failed', 60_000, 200);
      expect(done).toMatchObject({ status: 'completed' });
    }
    const rows = await admin<{ profile: string; n: number }>('SELECT profile, count(*)::int AS n FROM redactions WHERE case_id = $1 GROUP BY profile ORDER BY profile', [caseId], dbUrl);
    expect(rows).toEqual([...PROFILES].sort().map((profile) => ({ profile, n: 1 })));
    const completions = await admin<{ subject_id: string; n: number }>("SELECT subject_id, count(*)::int AS n FROM audit_log WHERE action = 'job.complete' AND subject_id = ANY($1) GROUP BY subject_id", [jobs], dbUrl);
    expect(completions).toHaveLength(PROFILES.length);
    expect(completions.every((c) => c.n === 1)).toBe(true);
  });
});
