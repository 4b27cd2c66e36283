import { createHmac, hkdfSync } from 'node:crypto';

/**
 * External ids come from the organisation's spreadsheets and may be anything, a name included:
 * the database keeps only HMAC-SHA-256 of them, under a key derived from the case's data key.
 * Equality is all that idempotent re-runs and cross-references need. Pure.
 */
export function externalRefKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'sillok:external-ref:v1', 32));
}

/** The stored form of one external id (64 hex characters). */
export function externalKeyOf(refKey: Buffer, externalId: string): string {
  return createHmac('sha256', refKey).update(externalId, 'utf8').digest('hex');
}
