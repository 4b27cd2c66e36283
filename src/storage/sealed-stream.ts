import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';

// Layout of a sealed blob: version byte | 12-byte IV | ciphertext | 16-byte GCM tag.
export const BLOB_V1 = 1;
export const BLOB_HEADER = 13;
export const BLOB_TAG = 16;

/**
 * Encrypts a stream with AES-256-GCM, writing the header first and the tag last. `highWaterMark`:
 * bytes buffered on each side; a bulk writer (the export) gives megabytes so that its CPU work
 * does not wait for each disk write.
 */
export function sealStream(key: Buffer, aad: string, highWaterMark?: number): Transform {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  let headerSent = false;
  return new Transform({
    ...(highWaterMark ? { highWaterMark } : {}),
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (!headerSent) {
        this.push(Buffer.concat([Buffer.from([BLOB_V1]), iv]));
        headerSent = true;
      }
      done(null, cipher.update(chunk));
    },
    flush(done: TransformCallback) {
      if (!headerSent) this.push(Buffer.concat([Buffer.from([BLOB_V1]), iv]));
      this.push(cipher.final());
      done(null, cipher.getAuthTag());
    },
  });
}

/**
 * Decrypts the ciphertext part of a sealed blob (the caller streams bytes between header and
 * tag). An altered byte makes the stream fail at its end with an authentication error.
 */
export function openStream(key: Buffer, header: Buffer, tag: Buffer, aad: string, highWaterMark?: number): Transform {
  if (header.length !== BLOB_HEADER || header[0] !== BLOB_V1) throw new Error('not a sealed blob');
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(1));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return new Transform({
    ...(highWaterMark ? { highWaterMark } : {}),
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      done(null, decipher.update(chunk));
    },
    flush(done: TransformCallback) {
      try {
        done(null, decipher.final());
      } catch {
        done(new Error('stored file failed authentication'));
      }
    },
  });
}
