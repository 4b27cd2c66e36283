import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import type { FileStore } from 'src/storage/file-store';
import { BLOB_HEADER, BLOB_TAG, openStream } from 'src/storage/sealed-stream';

/**
 * Streams the plaintext of a blob written through sealStream; an altered byte fails the stream at
 * its end. `bufferBytes`: how far reading may run ahead of the consumer (bulk readers: megabytes).
 */
export async function openSealedBlob(store: FileStore, key: string, dataKey: Buffer, aad: string, chunkBytes?: number, bufferBytes?: number): Promise<Readable> {
  const size = await store.size(key);
  if (size === null || size < BLOB_HEADER + BLOB_TAG) throw new Error('stored blob missing or truncated');
  const header = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    store.read(key, { start: 0, end: BLOB_HEADER - 1 }).on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
  const tag = await store.readTail(key, BLOB_TAG);
  const body = size > BLOB_HEADER + BLOB_TAG ? store.read(key, { start: BLOB_HEADER, end: size - BLOB_TAG - 1, chunkBytes }) : Readable.from([]);
  const out = openStream(dataKey, header, tag, aad, bufferBytes);
  body.on('error', (e) => out.destroy(e));
  return body.pipe(out);
}

/**
 * Passes bytes through and, at the end, fails the stream unless they had the expected SHA-256
 * and size: a reader that consumes it to the end has read exactly the recorded original.
 */
export function expectDigest(sha256: string, size: number, what: string): Transform {
  const hash = createHash('sha256');
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      hash.update(chunk);
      seen += chunk.length;
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      const digest = hash.digest('hex');
      if (digest !== sha256 || seen !== size) done(new Error(`${what} does not match its recorded SHA-256`));
      else done();
    },
  });
}
