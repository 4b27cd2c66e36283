import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { constants, crc32, deflateRawSync, createDeflateRaw } from 'node:zlib';

// A small streaming zip writer (PKWARE APPNOTE 6.3): stored or deflated entries, UTF-8 names,
// data descriptors for streamed entries, ZIP64 where sizes or offsets need it. It replaces yazl
// for the bag writer so that the CRC-32 is Node's native zlib.crc32 (yazl's is JavaScript, ~18 %
// of an export's time) and each chunk goes to the output once, without a chain of Transform
// streams per entry. The output's SHA-256 is computed as bytes are written.

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
const ZIP64_END_OF_CENTRAL_DIR = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const STORE = 0;
const DEFLATE = 8;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/** Unix host (3), spec 6.3: readers then take the mode from the high bits of the external attributes. */
const MADE_BY = (3 << 8) | 63;

export interface ZipEntryOptions {
  mtime: Date;
  /** Unix mode with file type bits, e.g. 0o100644. */
  mode: number;
  compress: boolean;
}

interface CentralRecord {
  name: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  externalAttributes: number;
  zip64: boolean;
}

export class ZipOutputError extends Error {
  override readonly name = 'ZipOutputError';
}

/** DOS date and time, in UTC so the bytes do not depend on the server's time zone. */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly records: CentralRecord[] = [];
  private readonly hash = createHash('sha256');
  private finished = false;

  constructor(private readonly out: Writable) {}

  /** Bytes written so far. */
  get bytes(): number {
    return this.offset;
  }

  /** Writes with backpressure: resolves once the output can take more. */
  private async write(buffer: Buffer): Promise<void> {
    if (buffer.length === 0) return;
    this.hash.update(buffer);
    this.offset += buffer.length;
    if (this.out.destroyed) throw this.out.errored ?? new ZipOutputError('the zip output was closed');
    if (!this.out.write(buffer)) await this.drained();
  }

  private drained(): Promise<void> {
    const out = this.out;
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        out.off('drain', onDrain);
        out.off('close', onClose);
        out.off('error', onError);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => settle();
      const onClose = () => settle(out.errored ?? new ZipOutputError('the zip output was closed'));
      const onError = (error: Error) => settle(error);
      out.on('drain', onDrain);
      out.on('close', onClose);
      out.on('error', onError);
    });
  }

  private localHeader(name: Buffer, flags: number, method: number, dos: { time: number; date: number }, crc: number, compressedSize: number, size: number, zip64: boolean): Buffer {
    const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (zip64) {
      // Sizes follow in the data descriptor (8-byte form); zeros here as APPNOTE 4.4.4 asks.
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(dos.time, 10);
    header.writeUInt16LE(dos.date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(zip64 ? MAX32 : compressedSize, 18);
    header.writeUInt32LE(zip64 ? MAX32 : size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(extra.length, 28);
    return Buffer.concat([header, name, extra]);
  }

  private checkName(name: string): Buffer {
    if (this.finished) throw new ZipOutputError('the zip is finished');
    const encoded = Buffer.from(name, 'utf8');
    if (encoded.length > MAX16) throw new ZipOutputError(`zip entry name too long: ${name.slice(0, 80)}…`);
    return encoded;
  }

  async addDirectory(name: string, options: Pick<ZipEntryOptions, 'mtime' | 'mode'>): Promise<void> {
    const encoded = this.checkName(name.endsWith('/') ? name : `${name}/`);
    const dos = dosDateTime(options.mtime);
    const offset = this.offset;
    await this.write(this.localHeader(encoded, FLAG_UTF8, STORE, dos, 0, 0, 0, false));
    // 0x10: the MS-DOS directory attribute, for readers that ignore the Unix mode.
    this.records.push({ name: encoded, flags: FLAG_UTF8, method: STORE, ...dos, crc: 0, compressedSize: 0, size: 0, offset, externalAttributes: ((options.mode << 16) | 0x10) >>> 0, zip64: false });
  }

  /** A whole buffer: CRC and sizes are known, so they go in the local header (no data descriptor). */
  async addBuffer(name: string, content: Buffer, options: ZipEntryOptions): Promise<void> {
    const encoded = this.checkName(name);
    const dos = dosDateTime(options.mtime);
    const crc = crc32(content);
    const data = options.compress ? deflateRawSync(content) : content;
    const method = options.compress ? DEFLATE : STORE;
    const offset = this.offset;
    const zip64 = content.length >= MAX32 || data.length >= MAX32;
    if (zip64) throw new ZipOutputError(`${name}: a buffered entry must stay under 4 GiB`);
    await this.write(this.localHeader(encoded, FLAG_UTF8, method, dos, crc, data.length, content.length, false));
    await this.write(data);
    this.records.push({ name: encoded, flags: FLAG_UTF8, method, ...dos, crc, compressedSize: data.length, size: content.length, offset, externalAttributes: (options.mode << 16) >>> 0, zip64: false });
  }

  /**
   * A streamed entry: each chunk is passed to `onChunk` (the uncompressed bytes, for the caller's
   * digests) and written at once; CRC-32 and sizes follow in a data descriptor. `sizeHint`: the
   * expected size; 4 GiB or more makes the entry ZIP64 from its local header on. Without a hint
   * an entry is limited to 4 GiB.
   */
  async addStream(
    name: string,
    chunks: AsyncIterable<Buffer | string>,
    options: ZipEntryOptions & { sizeHint?: number; onChunk?: (chunk: Buffer) => void | Promise<void> },
  ): Promise<{ size: number; crc: number }> {
    const encoded = this.checkName(name);
    const dos = dosDateTime(options.mtime);
    const method = options.compress ? DEFLATE : STORE;
    const flags = FLAG_UTF8 | FLAG_DATA_DESCRIPTOR;
    const zip64 = (options.sizeHint ?? 0) >= MAX32;
    const offset = this.offset;
    await this.write(this.localHeader(encoded, flags, method, dos, 0, 0, 0, zip64));
    const start = this.offset;
    let crc = 0;
    let size = 0;
    const take = async (raw: Buffer | string): Promise<Buffer> => {
      const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
      crc = crc32(chunk, crc);
      size += chunk.length;
      const handed = options.onChunk?.(chunk);
      if (handed) await handed;
      return chunk;
    };
    if (options.compress) {
      const deflate = createDeflateRaw({ level: constants.Z_DEFAULT_COMPRESSION });
      const feeding = (async () => {
        try {
          for await (const raw of chunks) {
            if (!deflate.write(await take(raw))) await once(deflate, 'drain');
          }
          deflate.end();
        } catch (error) {
          deflate.destroy(error as Error);
        }
      })();
      for await (const out of deflate) await this.write(out as Buffer);
      await feeding;
    } else {
      for await (const raw of chunks) await this.write(await take(raw));
    }
    const compressedSize = this.offset - start;
    if (!zip64 && (size >= MAX32 || compressedSize >= MAX32)) {
      throw new ZipOutputError(`${name} reached 4 GiB without a size hint saying so; pass sizeHint`);
    }
    const descriptor = Buffer.alloc(zip64 ? 24 : 16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc, 4);
    if (zip64) {
      descriptor.writeBigUInt64LE(BigInt(compressedSize), 8);
      descriptor.writeBigUInt64LE(BigInt(size), 16);
    } else {
      descriptor.writeUInt32LE(compressedSize, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    await this.write(descriptor);
    this.records.push({ name: encoded, flags, method, ...dos, crc, compressedSize, size, offset, externalAttributes: (options.mode << 16) >>> 0, zip64 });
    return { size, crc };
  }

  /** Writes the central directory and ends the output; resolves with the zip's SHA-256 and size once it is flushed. */
  async finish(): Promise<{ sha256: string; bytes: number }> {
    this.finished = true;
    const centralStart = this.offset;
    for (const r of this.records) {
      const needs64 = r.zip64 || r.size >= MAX32 || r.compressedSize >= MAX32 || r.offset >= MAX32;
      const fields: bigint[] = [];
      if (needs64) {
        if (r.size >= MAX32 || r.zip64) fields.push(BigInt(r.size));
        if (r.compressedSize >= MAX32 || r.zip64) fields.push(BigInt(r.compressedSize));
        if (r.offset >= MAX32) fields.push(BigInt(r.offset));
      }
      const extra = Buffer.alloc(fields.length ? 4 + 8 * fields.length : 0);
      if (fields.length) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(8 * fields.length, 2);
        fields.forEach((v, i) => extra.writeBigUInt64LE(v, 4 + 8 * i));
      }
      const wide = (value: number, forced: boolean) => (forced || value >= MAX32 ? MAX32 : value);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(MADE_BY, 4);
      header.writeUInt16LE(needs64 ? 45 : 20, 6);
      header.writeUInt16LE(r.flags, 8);
      header.writeUInt16LE(r.method, 10);
      header.writeUInt16LE(r.time, 12);
      header.writeUInt16LE(r.date, 14);
      header.writeUInt32LE(r.crc, 16);
      header.writeUInt32LE(wide(r.compressedSize, r.zip64), 20);
      header.writeUInt32LE(wide(r.size, r.zip64), 24);
      header.writeUInt16LE(r.name.length, 28);
      header.writeUInt16LE(extra.length, 30);
      header.writeUInt16LE(0, 32); // comment
      header.writeUInt16LE(0, 34); // disk
      header.writeUInt16LE(0, 36); // internal attributes
      header.writeUInt32LE(r.externalAttributes, 38);
      header.writeUInt32LE(wide(r.offset, false), 42);
      await this.write(Buffer.concat([header, r.name, extra]));
    }
    const centralSize = this.offset - centralStart;
    const count = this.records.length;
    if (count >= MAX16 || centralSize >= MAX32 || centralStart >= MAX32) {
      const zip64End = this.offset;
      const record = Buffer.alloc(56);
      record.writeUInt32LE(ZIP64_END_OF_CENTRAL_DIR, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(MADE_BY, 12);
      record.writeUInt16LE(45, 14);
      record.writeUInt32LE(0, 16);
      record.writeUInt32LE(0, 20);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(centralSize), 40);
      record.writeBigUInt64LE(BigInt(centralStart), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(ZIP64_LOCATOR, 0);
      locator.writeUInt32LE(0, 4);
      locator.writeBigUInt64LE(BigInt(zip64End), 8);
      locator.writeUInt32LE(1, 16);
      await this.write(Buffer.concat([record, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIR, 0);
    end.writeUInt16LE(Math.min(count, MAX16), 8);
    end.writeUInt16LE(Math.min(count, MAX16), 10);
    end.writeUInt32LE(Math.min(centralSize, MAX32), 12);
    end.writeUInt32LE(Math.min(centralStart, MAX32), 16);
    await this.write(end);
    const bytes = this.offset;
    const sha256 = this.hash.digest('hex');
    this.out.end();
    return { sha256, bytes };
  }
}
