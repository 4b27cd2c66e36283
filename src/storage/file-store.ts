import { createReadStream, createWriteStream } from 'node:fs';
import type { Dirent } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** A stored object: its key and its size in bytes (of the sealed bytes as stored). */
export interface StoredObject {
  key: string;
  size: number;
}

/** Where file bytes live: a directory (LocalFileStore) or an S3-compatible bucket (S3FileStore). */
export interface FileStore {
  /** A temporary place to write to; commit() moves it to `key` atomically, abort() discards it. */
  begin(): Promise<{ stream: Writable; commit(key: string): Promise<void>; abort(): Promise<void> }>;
  /** `chunkBytes`: read size (default 64 KiB); bulk readers such as the export worker ask for more. */
  read(key: string, range?: { start: number; end?: number; chunkBytes?: number }): Readable;
  size(key: string): Promise<number | null>;
  readTail(key: string, bytes: number): Promise<Buffer>;
  /** Removes temporary files not written to for `olderThanMs` (left by a process that died); returns how many. */
  sweepAbandoned(olderThanMs: number): Promise<number>;
  /** Every committed object (temporary ones left out), in no particular order. For backups. */
  list(): AsyncIterable<StoredObject>;
}

export const FILE_STORE = Symbol('FILE_STORE');

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9/_.-]*$/;

/** Keys are relative paths of letters, digits, `/_.-`, never climbing (`..`): the same rule for every backend. */
export function assertSafeKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`);
}

export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    assertSafeKey(key);
    const full = resolve(this.root, key);
    if (!full.startsWith(resolve(this.root) + sep)) throw new Error(`storage key escapes the store: ${key}`);
    return full;
  }

  async begin(): Promise<{ stream: Writable; commit(key: string): Promise<void>; abort(): Promise<void> }> {
    const tmpDir = this.tmpDir();
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomBytes(12).toString('hex'));
    const stream = createWriteStream(tmp, { flags: 'wx', mode: 0o600 });
    return {
      stream,
      commit: async (key) => {
        const target = this.pathOf(key);
        await mkdir(dirname(target), { recursive: true });
        const handle = await open(tmp, 'r');
        await handle.sync();
        await handle.close();
        await rename(tmp, target);
      },
      abort: () => rm(tmp, { force: true }),
    };
  }

  private tmpDir(): string {
    return join(this.root, '.tmp');
  }

  async sweepAbandoned(olderThanMs: number): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.tmpDir());
    } catch {
      return 0;
    }
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const name of names) {
      const path = join(this.tmpDir(), name);
      try {
        if ((await stat(path)).mtimeMs >= cutoff) continue;
        await rm(path, { force: true });
        removed++;
      } catch {
        // Gone already (committed or aborted meanwhile, or swept by another replica).
      }
    }
    return removed;
  }

  async *list(): AsyncIterable<StoredObject> {
    yield* this.walk(this.root, '');
  }

  private async *walk(dir: string, prefix: string): AsyncGenerator<StoredObject> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // No such directory: nothing stored there.
    }
    for (const entry of entries) {
      const key = `${prefix}${entry.name}`;
      if (key === '.tmp') continue; // Uploads and exports in progress, not stored objects.
      if (entry.isDirectory()) {
        yield* this.walk(join(dir, entry.name), `${key}/`);
      } else if (entry.isFile()) {
        const size = await stat(join(dir, entry.name)).then((s) => s.size, () => null);
        if (size !== null) yield { key, size }; // null: removed meanwhile.
      }
    }
  }

  read(key: string, range?: { start: number; end?: number; chunkBytes?: number }): Readable {
    return createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end, ...(range.chunkBytes ? { highWaterMark: range.chunkBytes } : {}) } : {});
  }

  async size(key: string): Promise<number | null> {
    const path = this.pathOf(key);
    try {
      return (await stat(path)).size;
    } catch {
      return null;
    }
  }

  async readTail(key: string, bytes: number): Promise<Buffer> {
    const handle = await open(this.pathOf(key), 'r');
    try {
      const { size } = await handle.stat();
      const buffer = Buffer.alloc(Math.min(bytes, size));
      await handle.read(buffer, 0, buffer.length, size - buffer.length);
      return buffer;
    } finally {
      await handle.close();
    }
  }
}
