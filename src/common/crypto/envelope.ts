import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Format of every sealed value: version byte | 12-byte IV | 16-byte GCM tag | ciphertext.
const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export class DecryptionError extends Error {}

/**
 * AES-256-GCM with associated data. The AAD names what the ciphertext belongs to (for example
 * `person:<id>:identity`), so a ciphertext copied onto another row fails to decrypt.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]);
}

export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < HEADER_BYTES || sealed[0] !== FORMAT_V1) throw new DecryptionError('sealed value has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, HEADER_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError('sealed value failed authentication (wrong key, wrong record, or altered)');
  }
}

export function sealJson(key: Buffer, value: unknown, aad: string): Buffer {
  return seal(key, Buffer.from(JSON.stringify(value), 'utf8'), aad);
}

export function openJson<T>(key: Buffer, sealed: Buffer, aad: string): T {
  return JSON.parse(open(key, sealed, aad).toString('utf8')) as T;
}

/** A fresh data key for one case. */
export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** Envelope encryption: a case's data key is stored only wrapped by the master key. */
export function wrapDataKey(masterKey: Buffer, dataKey: Buffer, caseId: string): Buffer {
  return seal(masterKey, dataKey, `case:${caseId}:data-key`);
}

export function unwrapDataKey(masterKey: Buffer, wrapped: Buffer, caseId: string): Buffer {
  return open(masterKey, wrapped, `case:${caseId}:data-key`);
}
