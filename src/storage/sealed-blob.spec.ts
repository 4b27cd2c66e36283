import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LocalFileStore } from 'src/storage/file-store';
import { expectDigest, openSealedBlob } from 'src/storage/sealed-blob';
import { sealStream } from 'src/storage/sealed-stream';

const drain = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('sealed blobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sealed-blob-'));
  const store = new LocalFileStore(dir);
  const key = randomBytes(32);
  const data = randomBytes(300_000);
  const sha = createHash('sha256').update(data).digest('hex');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const target = await store.begin();
    await pipeline(Readable.from([data]), sealStream(key, 'aad'), target.stream);
    await target.commit('c/blob');
  });

  it('opens what sealStream wrote, in large reads when asked, and the digest check passes it through', async () => {
    expect((await drain(await openSealedBlob(store, 'c/blob', key, 'aad'))).equals(data)).toBe(true);
    const checked = (await openSealedBlob(store, 'c/blob', key, 'aad', 1 << 20)).pipe(expectDigest(sha, data.length, 'blob'));
    expect((await drain(checked)).equals(data)).toBe(true);
  });

  it('fails on the wrong digest or size, the wrong associated data, or one altered byte', async () => {
    await expect(drain((await openSealedBlob(store, 'c/blob', key, 'aad')).pipe(expectDigest('0'.repeat(64), data.length, 'blob')))).rejects.toThrow(/does not match its recorded SHA-256/);
    await expect(drain((await openSealedBlob(store, 'c/blob', key, 'aad')).pipe(expectDigest(sha, data.length + 1, 'blob')))).rejects.toThrow(/does not match/);
    await expect(drain(await openSealedBlob(store, 'c/blob', key, 'other'))).rejects.toThrow(/failed authentication/);
    const path = join(dir, 'c/blob');
    const bytes = readFileSync(path);
    bytes[5000] ^= 1;
    writeFileSync(path, bytes);
    await expect(drain(await openSealedBlob(store, 'c/blob', key, 'aad'))).rejects.toThrow(/failed authentication/);
    await expect(openSealedBlob(store, 'c/missing', key, 'aad')).rejects.toThrow(/missing or truncated/);
  });
});
