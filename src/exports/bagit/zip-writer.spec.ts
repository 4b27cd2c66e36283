import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { openPromise } from 'yauzl';
import { readZipItems } from 'src/exports/bagit/testing/zip-fixtures';
import { ZipWriter } from 'src/exports/bagit/zip-writer';

const mtime = new Date('2025-06-01T10:20:30Z');
const FILE = 0o100644;

describe('ZipWriter', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zip-writer-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = async (name: string, build: (zip: ZipWriter) => Promise<void>) => {
    const path = join(dir, name);
    const out = createWriteStream(path);
    const zip = new ZipWriter(out);
    await build(zip);
    const result = await zip.finish();
    await new Promise<void>((r) => out.on('close', () => r()));
    return { path, ...result };
  };
  const big = randomBytes(3 * 2 ** 20 + 17);
  const text = '요덕수용소 '.repeat(5000);
  const sample = (zip: ZipWriter) =>
    (async () => {
      await zip.addDirectory('bag/', { mtime, mode: 0o40755 });
      await zip.addBuffer('bag/small.txt', Buffer.from('hello\n'), { compress: false, mtime, mode: FILE });
      await zip.addBuffer('bag/deflated.txt', Buffer.from(text), { compress: true, mtime, mode: FILE });
      await zip.addStream('bag/data/big.bin', Readable.from([big.subarray(0, 1000), big.subarray(1000)]), { compress: false, mtime, mode: FILE });
      await zip.addStream('bag/data/streamed-deflate.txt', Readable.from([text, text]), { compress: true, mtime, mode: FILE });
      await zip.addStream('bag/data/empty', Readable.from([]), { compress: false, mtime, mode: FILE });
    })();

  it('writes stored, deflated, streamed and empty entries that yauzl, unzip and Python read back', async () => {
    const { path, sha256, bytes } = await write('sample.zip', sample);
    const file = readFileSync(path);
    expect(bytes).toBe(file.length);
    expect(sha256).toBe(createHash('sha256').update(file).digest('hex'));
    const items = new Map((await readZipItems(path)).map((i) => [i.name, i.content]));
    expect([...items.keys()]).toEqual(['bag/', 'bag/small.txt', 'bag/deflated.txt', 'bag/data/big.bin', 'bag/data/streamed-deflate.txt', 'bag/data/empty']);
    expect(items.get('bag/data/big.bin')?.equals(big)).toBe(true);
    expect(items.get('bag/deflated.txt')?.toString()).toBe(text);
    expect(items.get('bag/data/streamed-deflate.txt')?.toString()).toBe(text + text);
    expect(items.get('bag/data/empty')?.length).toBe(0);
    // Stored payload is in the zip as is (the e2e tamper test relies on it).
    expect(file.includes(big.subarray(0, 4096))).toBe(true);
    const zip = await openPromise(path, { lazyEntries: true, autoClose: false });
    try {
      for await (const entry of zip.eachEntry()) {
        expect(entry.versionMadeBy >> 8).toBe(3);
        expect((entry.externalFileAttributes >>> 16) & 0o170000).toBe(entry.fileName.endsWith('/') ? 0o040000 : 0o100000);
        expect(entry.getLastModDate({ timezone: 'UTC' }).toISOString()).toBe('2025-06-01T10:20:30.000Z');
      }
    } finally {
      zip.close();
    }
    const unzip = spawnSync('unzip', ['-tq', path], { encoding: 'utf8' });
    if (!unzip.error) expect(unzip.stdout).toContain('No errors detected');
    const python = spawnSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()))', path], { encoding: 'utf8' });
    if (!python.error) expect(python.stdout.trim()).toBe('6');
  });

  it('is reproducible: the same entries give the same bytes', async () => {
    const a = await write('a.zip', sample);
    const b = await write('b.zip', sample);
    expect(a.sha256).toBe(b.sha256);
  });

  it('uses ZIP64 for an entry announced at 4 GiB or more, and for more than 65,534 entries', async () => {
    const { path } = await write('zip64-entry.zip', async (zip) => {
      await zip.addStream('big.bin', Readable.from([big]), { compress: false, mtime, mode: FILE, sizeHint: 2 ** 32 });
    });
    const file = readFileSync(path);
    expect(file.readUInt16LE(4)).toBe(45); // version needed: ZIP64
    expect((await readZipItems(path))[0].content?.equals(big)).toBe(true);
    const python = spawnSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None', path], { encoding: 'utf8' });
    if (!python.error) expect(python.status).toBe(0);

    const many = await write('many.zip', async (zip) => {
      for (let i = 0; i < 70_000; i++) await zip.addBuffer(`f${i}`, Buffer.from(String(i)), { compress: false, mtime, mode: FILE });
    });
    const index = await openPromise(many.path, { lazyEntries: true, autoClose: false });
    try {
      // Read from the ZIP64 end record: the classic one can only say 0xffff.
      expect(index.entryCount).toBe(70_000);
    } finally {
      index.close();
    }
    const counted = spawnSync('python3', ['-c', 'import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).namelist()))', many.path], { encoding: 'utf8' });
    if (!counted.error) expect(counted.stdout.trim()).toBe('70000');
  }, 60_000);

  it('fails when the output fails, instead of hanging', async () => {
    const out = createWriteStream(join(dir, 'missing-dir', 'x.zip'));
    out.on('error', () => undefined);
    const zip = new ZipWriter(out);
    await expect((async () => {
      for (let i = 0; i < 100; i++) await zip.addBuffer(`f${i}`, randomBytes(64 * 1024), { compress: false, mtime, mode: FILE });
    })()).rejects.toThrow(/ENOENT|closed/);
  });
});
