import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'slk_';

/** 256 random bits; the prefix makes leaked tokens easy to spot by secret scanners. */
export function newBearerToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function hmacSha256Hex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

/**
 * A key for one purpose derived from the master key (HKDF-SHA-256), so keyed hashes of e-mails,
 * addresses or recovery codes never use the key that wraps case data keys.
 */
export function deriveSubkey(masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `sillok:${purpose}`, 32));
}
