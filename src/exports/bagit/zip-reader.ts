import { close, fstat, open, read } from 'node:fs';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { fromRandomAccessReaderPromise, RandomAccessReader, type Entry, type ZipFile } from 'yauzl';
import { hashStream, type Digests } from 'src/exports/bagit/hashing';

// Random-access reading of a zip through yauzl: the central directory is indexed first
// (metadata only), then entries are streamed one at a time, so memory stays flat.

export interface ZipIndex {
  zip: ZipFile;
  /** File entries by name; the first occurrence wins, later ones are reported as duplicates. */
  files: Map<string, Entry>;
  directories: Set<string>;
  duplicates: string[];
}

const READ_CHUNK = 1024 * 1024;

/** Positional reads of [start, end) from a shared descriptor; unlike fs.ReadStream, destroying it never closes the fd. */
class RangeStream extends Readable {
  private position: number;

  constructor(
    private readonly fd: number,
    start: number,
    private readonly end: number,
  ) {
    super({ highWaterMark: READ_CHUNK });
    this.position = start;
  }

  override _read(): void {
    const length = Math.min(READ_CHUNK, this.end - this.position);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(length);
    read(this.fd, buffer, 0, length, this.position, (err, bytes) => {
      if (this.destroyed) return;
      if (err) return void this.destroy(err);
      if (bytes === 0) return void this.destroy(new Error('unexpected end of file'));
      this.position += bytes;
      this.push(bytes < length ? buffer.subarray(0, bytes) : buffer);
    });
  }
}

/**
 * yauzl's own file reader streams in 16 KiB pieces; with it, verifying ran at ~230 MiB/s
 * against ~600 MiB/s with this reader, which reads entry data in 1 MiB positional reads.
 */
class FileRangeReader extends RandomAccessReader {
  constructor(private readonly fd: number) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new RangeStream(this.fd, start, end);
  }

  // Small reads of the central directory go straight to the file, not through a stream.
  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    const step = (done: number): void => {
      if (done >= length) return callback(null);
      read(this.fd, buffer, offset + done, length - done, position + done, (err, bytes) => {
        if (err) return callback(err);
        if (bytes === 0) return callback(new Error('unexpected end of file'));
        step(done + bytes);
      });
    };
    step(0);
  }

  override close(callback: (err: Error | null) => void): void {
    close(this.fd, (err) => callback(err));
  }
}

export async function indexZip(path: string): Promise<ZipIndex> {
  // A raw descriptor, not a FileHandle: a FileHandle closes itself when garbage-collected.
  const fd = await promisify(open)(path, 'r');
  let zip: ZipFile;
  try {
    const { size } = await promisify(fstat)(fd);
    // strictFileNames: a backslash name is refused rather than silently turned into a separator.
    zip = await fromRandomAccessReaderPromise(new FileRangeReader(fd), size, {
      lazyEntries: true,
      autoClose: false,
      strictFileNames: true,
      validateEntrySizes: true,
    });
  } catch (error) {
    close(fd, () => undefined);
    throw error;
  }
  const files = new Map<string, Entry>();
  const directories = new Set<string>();
  const duplicates: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) directories.add(entry.fileName);
      else if (files.has(entry.fileName)) duplicates.push(entry.fileName);
      else files.set(entry.fileName, entry);
    }
  } catch (error) {
    zip.close();
    throw error;
  }
  return { zip, files, directories, duplicates };
}

/** Symlinks and devices in a zip can point outside the extraction directory; only regular files are acceptable. */
export function isRegularFileEntry(entry: Entry): boolean {
  const host = entry.versionMadeBy >> 8; // 3 = Unix, 19 = macOS: both store a Unix mode in the high bits
  const type = (entry.externalFileAttributes >>> 16) & 0o170000;
  return (host !== 3 && host !== 19) || type === 0 || type === 0o100000;
}

export async function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function hashEntry(
  zip: ZipFile,
  entry: Entry,
  algorithms: readonly string[],
): Promise<{ digests: Digests; bytes: number }> {
  return hashStream(await zip.openReadStreamPromise(entry), algorithms);
}
