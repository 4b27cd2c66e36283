import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'slk_';

/** 256 random bits; the prefix makes leaked tokens easy to spot by secret scanners. */
export function newBearerToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
