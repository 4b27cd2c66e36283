import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Names the derivation, so a stored value can say how it was made (and a v2 can follow). */
export const KEY_CHECK_ALGORITHM = 'hkdf-sha256+hmac-sha256/v1';
const INFO = 'sillok:master-key-check:v1';
const MESSAGE = 'Sillok master key check, version 1';

/**
 * A value that proves which master key a database was set up with, without revealing the key:
 * HMAC-SHA256 of a fixed message under a key derived from the master key by HKDF (so the master
 * key itself is never used for anything but wrapping). Deterministic, 32 bytes.
 */
export function masterKeyCheckValue(masterKey: Buffer): Buffer {
  const derived = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), INFO, 32));
  return createHmac('sha256', derived).update(MESSAGE, 'utf8').digest();
}

export function matchesKeyCheck(masterKey: Buffer, stored: Buffer): boolean {
  const expected = masterKeyCheckValue(masterKey);
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}
