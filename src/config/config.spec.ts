import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from 'src/config/config';

const KEY = Buffer.alloc(32, 1).toString('base64');
const base = { SILLOK_MASTER_KEY: KEY, DATA_DIR: mkdtempSync(join(tmpdir(), 'sillok-config-')) };

function errorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies documented defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({ port: 3000, redisUrl: 'redis://127.0.0.1:6379', databaseUrl: undefined, tokenTtlSeconds: 28800, loginMaxFailures: 5, queuePrefix: 'sillok' });
    expect(config.masterKey).toHaveLength(32);
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be between/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL is not a valid URL/],
    ['DATABASE_URL', 'mysql://x/y', /DATABASE_URL must use postgres/],
    ['REDIS_URL', 'http://x', /REDIS_URL must use redis/],
    ['SILLOK_MASTER_KEY', 'c2hvcnQ=', /SILLOK_MASTER_KEY must be 32 random bytes/],
    ['TOKEN_TTL_SECONDS', '5', /TOKEN_TTL_SECONDS must be between/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['NODE_ENV', 'staging', /NODE_ENV must be/],
    ['QUEUE_PREFIX', 'a b', /QUEUE_PREFIX must be/],
    ['TRUST_PROXY', 'yes', /TRUST_PROXY must be false, true, a number of hops.*"yes"/],
    ['TRUST_PROXY', '10.0.0.0/33', /TRUST_PROXY must be .*"10.0.0.0\/33"/],
    ['TRUST_PROXY', 'loopback, proxy.example.org', /TRUST_PROXY .*"proxy.example.org"/],
    ['TRUST_PROXY', '11', /TRUST_PROXY counts proxy hops and must be at most 10/],
  ])('names %s when it is %s', (variable, value, message) => {
    const error = errorFor({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
  });

  it('trusts no proxy unless TRUST_PROXY says which', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.168.1.7' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.7']);
  });

  it('requires SILLOK_MASTER_KEY in production', () => {
    const error = errorFor({ NODE_ENV: 'production', SILLOK_MASTER_KEY: '' });
    expect(error.variable).toBe('SILLOK_MASTER_KEY');
  });

  it('generates a private development key file when none is set, and reuses it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sillok-config-'));
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.masterKeySource).toBe('dev-key-file');
    expect(second.masterKey.equals(first.masterKey)).toBe(true);
    const file = join(dataDir, 'master.key');
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toHaveLength(32);
  });
});
