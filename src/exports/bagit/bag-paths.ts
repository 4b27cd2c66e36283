// Path rules for what goes into a bag. A path that could escape the extraction directory,
// or that two file systems would read differently, is refused at write time.

export class BagPathError extends Error {
  override readonly name = 'BagPathError';
}

/**
 * Checks a path relative to data/ (or to the bag root for tag files) and returns it unchanged.
 * Refuses: empty, absolute or drive paths, '.' and '..' segments, empty segments, trailing '/',
 * backslashes (zip tools turn them into separators), NUL, and names over the zip limit.
 */
export function assertSafeRelativePath(path: string, what = 'path'): string {
  if (typeof path !== 'string' || path.length === 0) throw new BagPathError(`${what} is empty`);
  if (path.includes('\0')) throw new BagPathError(`${what} contains a NUL character`);
  if (path.includes('\\')) throw new BagPathError(`${what} contains a backslash: ${JSON.stringify(path)}`);
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) throw new BagPathError(`${what} is absolute: ${JSON.stringify(path)}`);
  for (const segment of path.split('/')) {
    if (segment === '') throw new BagPathError(`${what} has an empty segment: ${JSON.stringify(path)}`);
    if (segment === '.' || segment === '..') {
      throw new BagPathError(`${what} has a '${segment}' segment: ${JSON.stringify(path)}`);
    }
  }
  // The zip format stores names in at most 0xffff bytes; leave room for the bag and data/ prefix.
  if (Buffer.byteLength(path, 'utf8') > 0xff00) throw new BagPathError(`${what} is too long`);
  return path;
}

/** The bag name becomes the zip's single top-level directory; keep it portable. */
export function assertSafeBagName(name: string): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(name)) {
    throw new BagPathError(`bag name must be 1-200 characters of A-Z a-z 0-9 . _ - and start with a letter or digit`);
  }
  return name;
}

/**
 * Two paths that collide on a case-insensitive or normalising file system (macOS, Windows)
 * would overwrite each other on extraction, so the writer treats them as duplicates.
 */
export const collisionKey = (path: string): string => path.normalize('NFC').toLowerCase();

/** RFC 8493 §2.1.3: in manifests, CR, LF and % (and only those) are percent-encoded. */
export const encodeManifestPath = (path: string): string =>
  path.replace(/[%\r\n]/g, (c) => (c === '%' ? '%25' : c === '\r' ? '%0D' : '%0A'));

/** Inverse of encodeManifestPath; other %xx sequences are left as they are, as the RFC requires no more. */
export const decodeManifestPath = (encoded: string): string =>
  encoded.replace(/%(25|0D|0A)/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
