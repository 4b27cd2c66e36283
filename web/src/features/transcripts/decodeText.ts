/** Thrown when a .txt file is neither UTF-8 nor UTF-16 with a byte-order mark. */
export class TextEncodingError extends Error {
  constructor() {
    super('not UTF-8 or UTF-16 with BOM');
  }
}

/**
 * The text of a .txt file: UTF-16 (LE or BE) when it starts with a byte-order mark, else UTF-8
 * (its BOM dropped). Bytes that are not valid UTF-8 are refused, never silently replaced.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  try {
    // ignoreBOM: false (the default) strips a UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TextEncodingError();
  }
}
