import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { ConfigError } from 'src/config/config';
import { verifyMasterKey } from 'src/database/master-key-check';
import { freePort } from './helpers/free-port';
import { bearer, createTestContext, createTestDatabase } from './helpers/test-app';
import { TEST_MASTER_KEY } from './setup/test-env';

const ROOT = join(__dirname, '..');
const OTHER_KEY = randomBytes(32).toString('base64');
const running: ChildProcess[] = [];

interface Boot {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts a real entry point (src/main.ts, worker.ts or cli.ts) and waits for it to exit. */
async function boot(entry: 'main' | 'worker' | 'cli', databaseUrl: string, key: string, args: string[] = []): Promise<Boot> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src', `${entry}.ts`), ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      SILLOK_MASTER_KEY: key,
      PORT: String(await freePort()),
      QUEUE_PREFIX: `test_key_${randomBytes(4).toString('hex')}`,
      LOG_LEVEL: 'warn',
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { code, stdout, stderr };
}

async function storedChecks(url: string): Promise<Array<{ check_value: Buffer }>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ check_value: Buffer }>('SELECT check_value FROM master_key_check')).rows;
  } finally {
    await client.end();
  }
}

const keyConfig = (base64: string, masterKeySource: 'env' | 'dev-key-file' = 'env') => ({ masterKey: Buffer.from(base64, 'base64'), masterKeySource, dataDir: '/tmp/sillok-data' });

describe('master key check', () => {
  afterAll(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('a fresh database records the check on first boot and the same key boots again; another key is refused by api, worker and cli', async () => {
    const db = await createTestDatabase();
    try {
      const first = await boot('cli', db.url, TEST_MASTER_KEY, ['audit:verify']);
      expect(first.code).toBe(0);
      const recorded = await storedChecks(db.url);
      expect(recorded).toHaveLength(1);
      const second = await boot('cli', db.url, TEST_MASTER_KEY, ['audit:verify']);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/audit chain intact/);

      const refused = await Promise.all([boot('main', db.url, OTHER_KEY), boot('worker', db.url, OTHER_KEY), boot('cli', db.url, OTHER_KEY, ['audit:verify'])]);
      for (const result of refused) {
        expect(result.code).toBe(78);
        expect(result.stderr).toMatch(/^Invalid configuration: SILLOK_MASTER_KEY does not match the key this database was set up with/m);
        expect(result.stderr).not.toContain(OTHER_KEY);
      }
      const after = await storedChecks(db.url);
      expect(after).toHaveLength(1);
      expect(after[0].check_value.equals(recorded[0].check_value)).toBe(true);
    } finally {
      await db.drop();
    }
  }, 180_000);

  it('an existing database without the value: a wrong key is refused before anything is recorded; the right key records it', async () => {
    const ctx = await createTestContext();
    try {
      const lead = await ctx.createUser('investigator');
      const created = await ctx.http().post('/cases').set(...bearer(lead.token)).send({ title: 'Sealed before the key check existed' }).expect(201);
      const url = ctx.config.databaseUrl as string;
      expect(await storedChecks(url)).toHaveLength(0);

      await expect(verifyMasterKey(url, keyConfig(OTHER_KEY))).rejects.toThrow(ConfigError);
      await expect(verifyMasterKey(url, keyConfig(OTHER_KEY, 'dev-key-file'))).rejects.toThrow(/SILLOK_MASTER_KEY does not match .*development key file/);
      expect(await storedChecks(url)).toHaveLength(0);

      expect(await verifyMasterKey(url, keyConfig(TEST_MASTER_KEY))).toBe('recorded');
      expect(await verifyMasterKey(url, keyConfig(TEST_MASTER_KEY))).toBe('verified');
      await expect(verifyMasterKey(url, keyConfig(OTHER_KEY))).rejects.toMatchObject({ variable: 'SILLOK_MASTER_KEY' });
      await ctx.http().get(`/cases/${created.body.id}`).set(...bearer(lead.token)).expect(200);
    } finally {
      await ctx.close();
    }
  });

  it('concurrent first boots with different keys agree: one key is recorded, every starter with the other is refused', async () => {
    const db = await createTestDatabase();
    try {
      const attempts = [TEST_MASTER_KEY, OTHER_KEY, TEST_MASTER_KEY, OTHER_KEY, TEST_MASTER_KEY, OTHER_KEY];
      const results = await Promise.allSettled(attempts.map((key) => verifyMasterKey(db.url, keyConfig(key))));
      const succeeded = new Set(attempts.filter((_, i) => results[i].status === 'fulfilled'));
      expect(succeeded.size).toBe(1);
      expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<string>).value).sort()).toEqual(['recorded', 'verified', 'verified']);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConfigError);
      expect(await storedChecks(db.url)).toHaveLength(1);
    } finally {
      await db.drop();
    }
  });
});
