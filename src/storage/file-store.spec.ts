import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from 'src/config/config';
import { FileStore, LocalFileStore } from 'src/storage/file-store';
import { createS3Client, S3FileStore } from 'src/storage/s3-file-store';
import { openSealedBlob } from 'src/storage/sealed-blob';
import { sealStream } from 'src/storage/sealed-stream';
import { createFileStore } from 'src/storage/storage.module';
import { startS3rver, TestS3 } from '../../test/helpers/s3rver';

const drain = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function put(store: FileStore, key: string, data: Buffer): Promise<void> {
  const target = await store.begin();
  await pipeline(Readable.from([data]), target.stream);
  await target.commit(key);
}

async function listed(store: FileStore): Promise<Array<{ key: string; size: number }>> {
  const all = [];
  for await (const entry of store.list()) all.push(entry);
  return all.sort((a, b) => a.key.localeCompare(b.key));
}

/** Every file on disk under `dir`, for checking what the backend really stored. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

interface Backend {
  store: FileStore;
  /** Every byte the backend holds on disk, whatever its layout. */
  rawFiles(): string[];
  close(): Promise<void>;
}

const backends: Array<[string, () => Promise<Backend>]> = [
  ['local directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sillok-store-'));
    return { store: new LocalFileStore(dir), rawFiles: () => filesUnder(dir), close: async () => rmSync(dir, { recursive: true, force: true }) };
  }],
  ['S3 (s3rver)', async () => {
    const s3 = await startS3rver();
    const store = new S3FileStore(createS3Client({ endpoint: s3.endpoint, bucket: s3.bucket, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, forcePathStyle: true }), s3.bucket);
    return { store, rawFiles: () => filesUnder(s3.directory), close: async () => { store.close(); await s3.close(); } };
  }],
];

describe.each(backends)('FileStore contract: %s', (_name, make) => {
  let backend: Backend;
  let store: FileStore;
  beforeAll(async () => {
    backend = await make();
    store = backend.store;
  });
  afterAll(() => backend.close());

  it('commits what was written under its key, and reads it whole, by range, in large chunks and by its tail', async () => {
    const data = randomBytes(200_000);
    await put(store, 'cases/c1/blob-a', data);
    expect(await store.size('cases/c1/blob-a')).toBe(data.length);
    expect((await drain(store.read('cases/c1/blob-a'))).equals(data)).toBe(true);
    expect((await drain(store.read('cases/c1/blob-a', { start: 1000, end: 1999 }))).equals(data.subarray(1000, 2000))).toBe(true);
    expect((await drain(store.read('cases/c1/blob-a', { start: 150_000 }))).equals(data.subarray(150_000))).toBe(true);
    expect((await drain(store.read('cases/c1/blob-a', { start: 0, end: data.length - 1, chunkBytes: 1 << 20 }))).equals(data)).toBe(true);
    expect((await store.readTail('cases/c1/blob-a', 16)).equals(data.subarray(-16))).toBe(true);
    expect((await store.readTail('cases/c1/blob-a', 10_000_000)).equals(data)).toBe(true);
  });

  it('stores an object larger than one multipart part with the same SHA-256', async () => {
    const data = randomBytes(17 * 2 ** 20 + 123);
    await put(store, 'cases/c1/large', data);
    expect(await store.size('cases/c1/large')).toBe(data.length);
    expect(sha(await drain(store.read('cases/c1/large', { start: 0, chunkBytes: 4 << 20 })))).toBe(sha(data));
  });

  it('says null for the size of a missing key, and fails reading it', async () => {
    expect(await store.size('cases/c1/missing')).toBeNull();
    await expect(drain(store.read('cases/c1/missing'))).rejects.toThrow();
    await expect(store.readTail('cases/c1/missing', 16)).rejects.toThrow();
  });

  it('refuses keys that could leave the store', async () => {
    expect(() => store.read('../outside')).toThrow(/unsafe storage key/);
    await expect(store.size('/etc/passwd')).rejects.toThrow(/unsafe storage key/);
    const target = await store.begin();
    await pipeline(Readable.from([Buffer.from('x')]), target.stream);
    await expect(target.commit('a/../../b')).rejects.toThrow(/unsafe storage key/);
    await target.abort();
  });

  it('discards an aborted write, and keeps writes in progress out of list()', async () => {
    const before = await listed(store);
    const aborted = await store.begin();
    await pipeline(Readable.from([randomBytes(5000)]), aborted.stream);
    await aborted.abort();
    const open = await store.begin();
    open.stream.write(randomBytes(100));
    expect(await listed(store)).toEqual(before);
    open.stream.end();
    await new Promise((resolve) => open.stream.once('finish', resolve));
    await open.abort();
    expect(await store.sweepAbandoned(-60_000)).toBe(0);
  });

  it('lists every committed key with its size', async () => {
    await put(store, 'imports/i1/source', Buffer.from('abc'));
    await put(store, 'top-level', Buffer.alloc(0));
    const all = await listed(store);
    expect(all).toEqual(expect.arrayContaining([{ key: 'cases/c1/blob-a', size: 200_000 }, { key: 'imports/i1/source', size: 3 }, { key: 'top-level', size: 0 }]));
    expect(all.every((e) => !e.key.startsWith('.tmp'))).toBe(true);
  });

  it('sweeps only temporary objects older than the age given, never committed ones', async () => {
    const left = await store.begin();
    await pipeline(Readable.from([randomBytes(1000)]), left.stream);
    // Written just now: younger than an hour, so another replica's upload in progress survives a start.
    expect(await store.sweepAbandoned(60 * 60 * 1000)).toBe(0);
    const committed = await listed(store);
    // A cutoff a minute ahead of now makes every temporary object "abandoned".
    expect(await store.sweepAbandoned(-60_000)).toBe(1);
    expect(await listed(store)).toEqual(committed);
    await expect(left.commit('cases/c1/too-late')).rejects.toThrow();
  });

  it('keeps sealed bytes sealed: the stored bytes hold no plaintext and open back to the original', async () => {
    const dataKey = randomBytes(32);
    const plain = Buffer.from(`증언 녹취록 Yodok ${'kwanliso '.repeat(2000)}`);
    const target = await store.begin();
    await pipeline(Readable.from([plain]), sealStream(dataKey, 'case-x'), target.stream);
    await target.commit('cases/cx/sealed');
    expect((await drain(await openSealedBlob(store, 'cases/cx/sealed', dataKey, 'case-x'))).equals(plain)).toBe(true);
    const raw = backend.rawFiles().map((f) => readFileSync(f));
    expect(raw.some((bytes) => bytes.length === plain.length + 29)).toBe(true);
    expect(raw.some((bytes) => bytes.includes('kwanliso'))).toBe(false);
  });
});

describe('createFileStore', () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startS3rver('sillok-select');
  });
  afterAll(() => s3.close());
  const base = { NODE_ENV: 'test', SILLOK_MASTER_KEY: randomBytes(32).toString('base64'), DATA_DIR: mkdtempSync(join(tmpdir(), 'sillok-select-')) };

  it('selects the backend STORAGE_BACKEND names', async () => {
    expect(await createFileStore(loadConfig(base))).toBeInstanceOf(LocalFileStore);
    const store = await createFileStore(loadConfig({ ...base, ...s3.env }));
    expect(store).toBeInstanceOf(S3FileStore);
    await put(store, 'k', Buffer.from('v'));
    expect(statSync(join(s3.directory, s3.bucket)).isDirectory()).toBe(true);
    (store as S3FileStore).close();
  });

  it('refuses to start on a bucket that does not exist, naming S3_BUCKET', async () => {
    await expect(createFileStore(loadConfig({ ...base, ...s3.env, S3_BUCKET: 'no-such-bucket' }))).rejects.toThrow(/Invalid configuration: S3_BUCKET "no-such-bucket" could not be used at http:\/\/127\.0\.0\.1:\d+: NotFound/);
  });
});
