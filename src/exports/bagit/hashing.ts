import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

// Digests are computed on the chunks as they pass, so no file is ever held whole in memory.

export type Digests = Record<string, string>;

/** Node digest names for the algorithm tokens BagIt manifests use (RFC 8493 §2.4). */
const NODE_NAMES: Readonly<Record<string, string>> = {
  md5: 'md5',
  sha1: 'sha1',
  sha224: 'sha224',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
};

export const isSupportedAlgorithm = (alg: string): boolean => Object.prototype.hasOwnProperty.call(NODE_NAMES, alg);

/** Length in hex characters of a digest made with `alg` (a supported algorithm). */
export const digestHexLength = (alg: string): number => createHash(NODE_NAMES[alg]).digest().length * 2;

class MultiHash {
  private readonly hashes: Array<[string, Hash]>;
  bytes = 0;

  constructor(algorithms: readonly string[]) {
    this.hashes = algorithms.map((alg) => {
      if (!isSupportedAlgorithm(alg)) throw new Error(`unsupported digest algorithm ${alg}`);
      return [alg, createHash(NODE_NAMES[alg])];
    });
  }

  update(chunk: Buffer): void {
    this.bytes += chunk.length;
    for (const [, hash] of this.hashes) hash.update(chunk);
  }

  digest(): Digests {
    return Object.fromEntries(this.hashes.map(([alg, hash]) => [alg, hash.digest('hex')]));
  }
}

export function digestBuffer(buffer: Buffer, algorithms: readonly string[]): Digests {
  const multi = new MultiHash(algorithms);
  multi.update(buffer);
  return multi.digest();
}

/** Passes bytes through unchanged and records their digests and length. */
export class HashingPassThrough extends Transform {
  private readonly multi: MultiHash;
  private result: Digests | undefined;

  constructor(algorithms: readonly string[]) {
    super();
    this.multi = new MultiHash(algorithms);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.multi.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.result = this.multi.digest();
    callback();
  }

  get bytes(): number {
    return this.multi.bytes;
  }

  /** Available once the stream has flushed. */
  get digests(): Digests {
    if (!this.result) throw new Error('digests read before the stream ended');
    return this.result;
  }
}

/** Hashes a whole stream, chunk by chunk. */
export async function hashStream(
  stream: AsyncIterable<Buffer | string>,
  algorithms: readonly string[],
): Promise<{ digests: Digests; bytes: number }> {
  const multi = new MultiHash(algorithms);
  for await (const chunk of stream) multi.update(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return { digests: multi.digest(), bytes: multi.bytes };
}
