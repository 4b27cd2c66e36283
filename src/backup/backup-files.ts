import { createHash, Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BACKUP_EXIT, BackupError, isSafeStoreKey } from 'src/backup/backup-manifest';

/** Passes bytes through unchanged while hashing them and counting them. */
export function hashingTap(hash: Hash): Transform & { bytes: number } {
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      tap.bytes += chunk.length;
      done(null, chunk);
    },
  }) as Transform & { bytes: number };
  tap.bytes = 0;
  return tap;
}

export async function sha256OfFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Copies a file, fsyncs the copy and returns the SHA-256 of the bytes copied; the copy appears under its name only when complete. */
export async function copyFileHashed(from: string, to: string): Promise<{ sha256: string; size: number }> {
  await mkdir(dirname(to), { recursive: true, mode: 0o700 });
  const tmp = `${to}.partial`;
  const hash = createHash('sha256');
  const tap = hashingTap(hash);
  await pipeline(createReadStream(from), tap, createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
  await syncFile(tmp);
  await rename(tmp, to);
  return { sha256: hash.digest('hex'), size: tap.bytes };
}

/** Flushes a written file to disk. */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Whether a directory is missing or has no entries at all. */
export async function isMissingOrEmpty(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/**
 * Every stored file's key, sorted: the regular files under the store's root except its `.tmp`
 * area (uploads in progress). Anything else there (a link, a name the store would never write)
 * is refused rather than silently left out.
 */
export async function listStoreKeys(root: string): Promise<string[]> {
  const keys: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && dir === root) return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (dir === root && entry.name === '.tmp') continue;
      const key = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && isSafeStoreKey(key)) keys.push(key);
      else throw new BackupError(BACKUP_EXIT.badBackup, `the file store holds ${key}, which is not a stored file (a link, or a name the store never writes); move it away and try again`);
    }
  };
  await walk(root);
  return keys.sort();
}

/** Removes what a failed restore put into a file store that was empty before it. */
export async function emptyDirectory(dir: string, existedBefore: boolean): Promise<void> {
  if (!existedBefore) {
    await rm(dir, { recursive: true, force: true });
    return;
  }
  for (const name of await readdir(dir).catch(() => [] as string[])) await rm(join(dir, name), { recursive: true, force: true });
}

export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
