import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';

/** Validated runtime configuration. Built once at boot from the environment. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  /** Unset means "start an embedded PostgreSQL" (npm start without a database). */
  databaseUrl: string | undefined;
  redisUrl: string;
  /** Prefix of every BullMQ key, so several deployments (or test files) can share one Redis. */
  queuePrefix: string;
  storageDir: string;
  dataDir: string;
  /** 32-byte key that wraps per-case data keys (envelope encryption). */
  masterKey: Buffer;
  masterKeySource: 'env' | 'dev-key-file';
  tokenTtlSeconds: number;
  loginMaxFailures: number;
  loginLockSeconds: number;
  loginFailureDelayMs: number;
  bodyLimitBytes: number;
  uploadMaxBytes: number;
  /** How long a worker's hold on a job lasts without renewal; a dead worker's job is retaken after it. */
  jobLockMs: number;
  /** Pause between testimonies in a redaction job, to spare the database (0 = none). */
  redactionThrottleMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Express's `trust proxy`: which reverse proxies' X-Forwarded-For/-Proto to believe (client
   * address, whether the request came over TLS). false = none, the default: the api is reached
   * directly. A number trusts that many hops; a list names proxy addresses, subnets or
   * loopback / linklocal / uniquelocal; true trusts any (only behind a proxy that overwrites the headers).
   */
  trustProxy: boolean | number | string[];
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function url(env: Env, name: string, protocols: string[], fallback?: string): string | undefined {
  const raw = env[name] || fallback;
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.map((p) => p.replace(':', '://')).join(' or ')}`);
  }
  return raw;
}

function masterKey(env: Env, nodeEnv: AppConfig['nodeEnv'], dataDir: string): Pick<AppConfig, 'masterKey' | 'masterKeySource'> {
  const raw = env.SILLOK_MASTER_KEY;
  if (raw) {
    const key = Buffer.from(raw, 'base64');
    if (key.length !== 32 || key.toString('base64').replace(/=+$/, '') !== raw.trim().replace(/=+$/, '')) {
      throw new ConfigError('SILLOK_MASTER_KEY', 'must be 32 random bytes in base64 (generate with: openssl rand -base64 32)');
    }
    return { masterKey: key, masterKeySource: 'env' };
  }
  if (nodeEnv === 'production') throw new ConfigError('SILLOK_MASTER_KEY', 'is required in production');
  // Development only: a generated key kept beside the embedded database so restarts can still decrypt.
  const file = resolve(dataDir, 'master.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new ConfigError('SILLOK_MASTER_KEY', `is unset and the development key file ${file} is corrupt`);
  return { masterKey: key, masterKeySource: 'dev-key-file' };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustProxy(env: Env): AppConfig['trustProxy'] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError('TRUST_PROXY', `counts proxy hops and must be at most 10, got ${hops}`);
    return hops === 0 ? false : hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(PROXY_NAMES.has(entry) || (family !== 0 && bitsOk && extra === undefined))) {
      throw new ConfigError('TRUST_PROXY', `must be false, true, a number of hops, or a comma-separated list of proxy addresses, subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal; "${entry}" is none of these`);
    }
  }
  return entries;
}

/** JOB_LOCK_MS alone, for worker options that are fixed when a processor class is declared. */
export function jobLockMsFrom(env: Env = process.env): number {
  return integer(env, 'JOB_LOCK_MS', 30_000, 500, 600_000);
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnvRaw = env.NODE_ENV || 'development';
  if (!['development', 'test', 'production'].includes(nodeEnvRaw)) {
    throw new ConfigError('NODE_ENV', `must be development, test or production, got "${nodeEnvRaw}"`);
  }
  const nodeEnv = nodeEnvRaw as AppConfig['nodeEnv'];
  const logLevel = (env.LOG_LEVEL || (nodeEnv === 'test' ? 'warn' : 'info')) as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const queuePrefix = env.QUEUE_PREFIX || 'sillok';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(queuePrefix)) throw new ConfigError('QUEUE_PREFIX', 'must be 1-64 letters, digits, _ or -');
  const dataDir = resolve(env.DATA_DIR || './data');

  return {
    nodeEnv,
    port: integer(env, 'PORT', 3000, 1, 65535),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379') as string,
    queuePrefix,
    dataDir,
    storageDir: resolve(env.STORAGE_DIR || resolve(dataDir, 'files')),
    ...masterKey(env, nodeEnv, dataDir),
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockSeconds: integer(env, 'LOGIN_LOCK_SECONDS', 15 * 60, 1, 24 * 3600),
    loginFailureDelayMs: integer(env, 'LOGIN_FAILURE_DELAY_MS', 250, 0, 10_000),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 10 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    uploadMaxBytes: integer(env, 'UPLOAD_MAX_BYTES', 2 * 1024 ** 3, 1024, 64 * 1024 ** 3),
    jobLockMs: jobLockMsFrom(env),
    redactionThrottleMs: integer(env, 'REDACTION_THROTTLE_MS', 0, 0, 60_000),
    logLevel,
    trustProxy: trustProxy(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
