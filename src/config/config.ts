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
  /** Where file bytes live: a directory (`storageDir`) or an S3-compatible bucket (`s3`). */
  storageBackend: 'local' | 's3';
  storageDir: string;
  /** Set when storageBackend is 's3'. */
  s3: S3Config | null;
  dataDir: string;
  /** 32-byte key that wraps per-case data keys (envelope encryption). */
  masterKey: Buffer;
  masterKeySource: 'env' | 'dev-key-file';
  tokenTtlSeconds: number;
  /** Failed sign-ins for one account from one client address before that pair is locked. */
  loginMaxFailures: number;
  /** Failed sign-ins from one client address, across accounts, before the address is locked. */
  loginAddressMaxFailures: number;
  /** How long a lock lasts; also the window in which failures are counted. */
  loginLockSeconds: number;
  loginFailureDelayMs: number;
  /** Statistics: a cell counting fewer distinct victims than this is suppressed (k-anonymity threshold). */
  statisticsMinCellSize: number;
  /**
   * Express `trust proxy`: false (the socket's peer is the client), a number of proxy hops, or a
   * list of trusted proxy addresses, subnets or presets (loopback, linklocal, uniquelocal).
   */
  trustProxy: false | number | string[];
  /** Issuer shown in authenticator apps for two-factor sign-in. */
  twoFactorIssuer: string;
  bodyLimitBytes: number;
  uploadMaxBytes: number;
  /** How long a worker's hold on a job lasts without renewal; a dead worker's job is retaken after it. */
  jobLockMs: number;
  /** Pause between testimonies in a redaction job, to spare the database (0 = none). */
  redactionThrottleMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Who sends export packages (bag-info.txt Source-Organization / Contact-*, report.html): the
   * deploying organisation and a desk to contact, never the product or the requesting staff member.
   */
  exportSender: ExportSender;
}

export interface ExportSender {
  organization: string | null;
  contactName: string | null;
  contactEmail: string | null;
}

export interface S3Config {
  /** Unset: the provider's own endpoint for the region (AWS); set for MinIO, Ceph, Garage and the like. */
  endpoint: string | undefined;
  bucket: string;
  region: string;
  /** Both unset: the SDK's default credential chain (environment, instance role, ...). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Addresses objects as endpoint/bucket/key rather than bucket.endpoint/key (MinIO and most self-hosted stores need it). */
  forcePathStyle: boolean;
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

const TRUST_PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrSubnet(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: unset, "false" or "0" = off; a whole number = that many proxy hops; otherwise a
 * comma-separated list of proxy addresses, subnets (CIDR) or presets. "true" (trust every hop)
 * is refused: any client could then choose its own address by sending X-Forwarded-For.
 */
export function trustProxyFrom(env: Env): AppConfig['trustProxy'] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true') {
    throw new ConfigError('TRUST_PROXY', 'must not be "true" (any client could forge its address); give the number of proxies in front of the api or their addresses');
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError('TRUST_PROXY', `must be between 0 and 10 proxy hops, got ${hops}`);
    return hops;
  }
  const entries = raw.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    if (!TRUST_PROXY_PRESETS.includes(entry) && !isAddressOrSubnet(entry)) {
      throw new ConfigError('TRUST_PROXY', `has "${entry}", which is neither an IP address, a subnet (CIDR) nor one of ${TRUST_PROXY_PRESETS.join(', ')}`);
    }
  }
  return entries;
}

/** JOB_LOCK_MS alone, for worker options that are fixed when a processor class is declared. */
export function jobLockMsFrom(env: Env = process.env): number {
  return integer(env, 'JOB_LOCK_MS', 30_000, 500, 600_000);
}

function twoFactorIssuer(env: Env): string {
  const raw = env.TWO_FACTOR_ISSUER ?? '';
  if (raw === '') return 'Sillok';
  // The issuer goes into otpauth:// URIs and is shown by authenticator apps; a colon would split the label.
  if (!/^[^:\p{Cc}]{1,64}$/u.test(raw) || raw.trim() !== raw) throw new ConfigError('TWO_FACTOR_ISSUER', 'must be 1-64 characters without a colon, control characters or surrounding spaces');
  return raw;
}

function oneLine(env: Env, variable: string): string | null {
  const raw = env[variable] ?? '';
  if (raw === '') return null;
  // bag-info.txt values are one line: no control characters, no surrounding spaces.
  if (!/^[^\p{Cc}]{1,200}$/u.test(raw) || raw.trim() !== raw) throw new ConfigError(variable, 'must be 1-200 characters on one line without surrounding spaces');
  return raw;
}

export function exportSenderFrom(env: Env): ExportSender {
  const contactEmail = oneLine(env, 'EXPORT_CONTACT_EMAIL');
  if (contactEmail !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail)) throw new ConfigError('EXPORT_CONTACT_EMAIL', 'must be an e-mail address');
  return { organization: oneLine(env, 'EXPORT_SOURCE_ORGANIZATION'), contactName: oneLine(env, 'EXPORT_CONTACT_NAME'), contactEmail };
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

/** STORAGE_BACKEND and, for s3, the S3_* variables. */
export function storageFrom(env: Env): Pick<AppConfig, 'storageBackend' | 's3'> {
  const backend = (env.STORAGE_BACKEND || 'local').trim();
  if (backend === 'local') return { storageBackend: 'local', s3: null };
  if (backend !== 's3') throw new ConfigError('STORAGE_BACKEND', `must be local or s3, got "${backend}"`);
  const bucket = env.S3_BUCKET ?? '';
  if (bucket === '') throw new ConfigError('S3_BUCKET', 'is required when STORAGE_BACKEND is s3');
  // S3's bucket naming rules: 3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) throw new ConfigError('S3_BUCKET', `must be a valid bucket name (3-63 lower-case letters, digits, dots or hyphens), got "${bucket}"`);
  const region = env.S3_REGION || 'us-east-1';
  if (!/^[a-z0-9-]{1,64}$/.test(region)) throw new ConfigError('S3_REGION', `must be a region name such as us-east-1, got "${region}"`);
  const accessKeyId = env.S3_ACCESS_KEY_ID ?? '';
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY ?? '';
  if (accessKeyId === '' && secretAccessKey !== '') throw new ConfigError('S3_ACCESS_KEY_ID', 'is required when S3_SECRET_ACCESS_KEY is set');
  if (accessKeyId !== '' && secretAccessKey === '') throw new ConfigError('S3_SECRET_ACCESS_KEY', 'is required when S3_ACCESS_KEY_ID is set');
  return {
    storageBackend: 's3',
    s3: {
      endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']),
      bucket,
      region,
      credentials: accessKeyId ? { accessKeyId, secretAccessKey } : undefined,
      forcePathStyle: flag(env, 'S3_FORCE_PATH_STYLE', false),
    },
  };
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
    ...storageFrom(env),
    ...masterKey(env, nodeEnv, dataDir),
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginAddressMaxFailures: integer(env, 'LOGIN_ADDRESS_MAX_FAILURES', 20, 1, 10_000),
    loginLockSeconds: integer(env, 'LOGIN_LOCK_SECONDS', 15 * 60, 1, 24 * 3600),
    loginFailureDelayMs: integer(env, 'LOGIN_FAILURE_DELAY_MS', 250, 0, 10_000),
    statisticsMinCellSize: integer(env, 'STATISTICS_MIN_CELL_SIZE', 5, 2, 1000),
    trustProxy: trustProxyFrom(env),
    twoFactorIssuer: twoFactorIssuer(env),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 10 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    uploadMaxBytes: integer(env, 'UPLOAD_MAX_BYTES', 2 * 1024 ** 3, 1024, 64 * 1024 ** 3),
    jobLockMs: jobLockMsFrom(env),
    redactionThrottleMs: integer(env, 'REDACTION_THROTTLE_MS', 0, 0, 60_000),
    logLevel,
    exportSender: exportSenderFrom(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
