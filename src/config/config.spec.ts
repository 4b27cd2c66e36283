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
    ['LOGIN_ADDRESS_MAX_FAILURES', '0', /LOGIN_ADDRESS_MAX_FAILURES must be between/],
    ['TRUST_PROXY', 'true', /TRUST_PROXY must not be "true"/],
    ['TRUST_PROXY', '11', /TRUST_PROXY must be between 0 and 10/],
    ['TRUST_PROXY', 'loopback, proxy.example.org', /TRUST_PROXY has "proxy.example.org"/],
    ['TRUST_PROXY', '10.0.0.0/33', /TRUST_PROXY has "10.0.0.0\/33"/],
    ['TWO_FACTOR_ISSUER', 'Org: Seoul', /TWO_FACTOR_ISSUER must be/],
    ['EXPORT_SOURCE_ORGANIZATION', 'two\nlines', /EXPORT_SOURCE_ORGANIZATION must be 1-200 characters on one line/],
    ['EXPORT_CONTACT_NAME', ' Desk', /EXPORT_CONTACT_NAME must be 1-200 characters/],
    ['EXPORT_CONTACT_EMAIL', 'desk', /EXPORT_CONTACT_EMAIL must be an e-mail address/],
  ])('names %s when it is %s', (variable, value, message) => {
    const error = errorFor({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
  });

  it('leaves trust proxy off unless TRUST_PROXY is set, and accepts hops, addresses, subnets and presets', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::1']);
  });

  it('defaults the sign-in throttle and the two-factor issuer', () => {
    expect(loadConfig(base)).toMatchObject({ loginMaxFailures: 5, loginAddressMaxFailures: 20, loginLockSeconds: 900, twoFactorIssuer: 'Sillok' });
    expect(loadConfig({ ...base, TWO_FACTOR_ISSUER: 'NK Documentation Centre' }).twoFactorIssuer).toBe('NK Documentation Centre');
  });

  it('takes the export sender from the deployment, and names nobody when unset', () => {
    expect(loadConfig(base).exportSender).toEqual({ organization: null, contactName: null, contactEmail: null });
    expect(loadConfig({ ...base, EXPORT_SOURCE_ORGANIZATION: '북한인권 기록 모임', EXPORT_CONTACT_NAME: 'Evidence desk', EXPORT_CONTACT_EMAIL: 'desk@example.org' }).exportSender)
      .toEqual({ organization: '북한인권 기록 모임', contactName: 'Evidence desk', contactEmail: 'desk@example.org' });
  });

  it('stores files in a directory unless STORAGE_BACKEND is s3, and reads the S3 settings then', () => {
    expect(loadConfig(base)).toMatchObject({ storageBackend: 'local', s3: null });
    expect(loadConfig({ ...base, STORAGE_BACKEND: 's3', S3_BUCKET: 'sillok-files' }).s3).toEqual({ endpoint: undefined, bucket: 'sillok-files', region: 'us-east-1', credentials: undefined, forcePathStyle: false });
    expect(loadConfig({ ...base, STORAGE_BACKEND: 's3', S3_BUCKET: 'files.example', S3_ENDPOINT: 'http://minio:9000', S3_REGION: 'eu-central-1', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret', S3_FORCE_PATH_STYLE: 'true' }).s3)
      .toEqual({ endpoint: 'http://minio:9000', bucket: 'files.example', region: 'eu-central-1', credentials: { accessKeyId: 'id', secretAccessKey: 'secret' }, forcePathStyle: true });
  });

  const s3 = { STORAGE_BACKEND: 's3', S3_BUCKET: 'sillok-files' };
  it.each([
    [{ STORAGE_BACKEND: 'gcs' }, 'STORAGE_BACKEND', /STORAGE_BACKEND must be local or s3/],
    [{ STORAGE_BACKEND: 's3' }, 'S3_BUCKET', /S3_BUCKET is required when STORAGE_BACKEND is s3/],
    [{ ...s3, S3_BUCKET: 'Sillok_Files' }, 'S3_BUCKET', /S3_BUCKET must be a valid bucket name/],
    [{ ...s3, S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT', /S3_ENDPOINT is not a valid URL|S3_ENDPOINT must use http/],
    [{ ...s3, S3_ENDPOINT: 'ftp://minio' }, 'S3_ENDPOINT', /S3_ENDPOINT must use http:\/\/ or https:\/\//],
    [{ ...s3, S3_REGION: 'EU West' }, 'S3_REGION', /S3_REGION must be a region name/],
    [{ ...s3, S3_SECRET_ACCESS_KEY: 'secret' }, 'S3_ACCESS_KEY_ID', /S3_ACCESS_KEY_ID is required when S3_SECRET_ACCESS_KEY is set/],
    [{ ...s3, S3_ACCESS_KEY_ID: 'id' }, 'S3_SECRET_ACCESS_KEY', /S3_SECRET_ACCESS_KEY is required when S3_ACCESS_KEY_ID is set/],
    [{ ...s3, S3_FORCE_PATH_STYLE: 'maybe' }, 'S3_FORCE_PATH_STYLE', /S3_FORCE_PATH_STYLE must be true or false/],
  ])('names the storage variable at fault in %o', (env, variable, message) => {
    const error = errorFor(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(message);
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
