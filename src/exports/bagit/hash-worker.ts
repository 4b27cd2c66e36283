import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { isSupportedAlgorithm, type Digests } from 'src/exports/bagit/hashing';

// Digests computed on a second core. The bag writer's main thread decrypts, CRCs, zips, hashes
// the zip and encrypts it; the payload manifests' SHA-256 and SHA-512 (the costliest per-byte
// work) run here in a worker thread. Chunks are copied into a shared ring buffer (a memcpy, no
// allocation) and the worker hashes them in place, so no bytes are cloned per message.

/** The worker's code, plain JavaScript so it runs the same from dist/ and under the TypeScript loader. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const ring = new Uint8Array(workerData.ring);
const entries = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'begin') {
    entries.set(m.id, m.algorithms.map((alg) => [alg, createHash(alg)]));
  } else if (m.op === 'update') {
    const hashes = entries.get(m.id);
    const view = ring.subarray(m.offset, m.offset + m.length);
    for (const [, hash] of hashes) hash.update(view);
    parentPort.postMessage({ op: 'freed', length: m.length });
  } else if (m.op === 'end') {
    const hashes = entries.get(m.id);
    entries.delete(m.id);
    parentPort.postMessage({ op: 'digests', id: m.id, digests: Object.fromEntries(hashes.map(([alg, hash]) => [alg, hash.digest('hex')])) });
  }
});
`;

/** Chunks are copied into the ring in pieces of at most this size. */
const MAX_PIECE = 1 << 20;
/** Bytes announced to the worker per message. */
const BATCH = 2 << 20;

export interface EntryHasher {
  update(chunk: Buffer): void | Promise<void>;
  /** The digests once every chunk is hashed; resolves later, so the caller need not wait per entry. */
  digests(): Promise<Digests>;
}

/** In-process hashing, for small entries or where a worker cannot run. */
export function inlineHasher(algorithms: readonly string[]): EntryHasher {
  const live = algorithms.map((alg) => {
    if (!isSupportedAlgorithm(alg)) throw new Error(`unsupported digest algorithm ${alg}`);
    return [alg, createHash(alg)] as const;
  });
  return {
    update: (chunk) => {
      for (const [, h] of live) h.update(chunk);
    },
    digests: () => Promise.resolve(Object.fromEntries(live.map(([alg, h]) => [alg, h.digest('hex')]))),
  };
}

export class HashWorker {
  private readonly worker: Worker;
  private readonly ring: Uint8Array;
  private head = 0;
  private used = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (d: Digests) => void; reject: (e: Error) => void }>();
  private waiting: Array<() => void> = [];
  private failure: Error | undefined;

  constructor(ringBytes = 16 * MAX_PIECE) {
    const shared = new SharedArrayBuffer(ringBytes);
    this.ring = new Uint8Array(shared);
    // execArgv: []: the worker is plain JavaScript; it must not load a TypeScript loader or inspector flags of its parent.
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ring: shared }, execArgv: [] });
    this.worker.on('message', (m: { op: 'freed'; length: number } | { op: 'digests'; id: number; digests: Digests }) => {
      if (m.op === 'freed') {
        this.used -= m.length;
        const waiters = this.waiting;
        this.waiting = [];
        for (const wake of waiters) wake();
      } else {
        this.pending.get(m.id)?.resolve(m.digests);
        this.pending.delete(m.id);
      }
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      for (const wake of this.waiting) wake();
      this.waiting = [];
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the hashing worker exited (${code})`)));
  }

  private async room(length: number): Promise<void> {
    while (this.ring.length - this.used < length) {
      if (this.failure) throw this.failure;
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
    if (this.failure) throw this.failure;
  }

  entry(algorithms: readonly string[]): EntryHasher {
    for (const alg of algorithms) if (!isSupportedAlgorithm(alg)) throw new Error(`unsupported digest algorithm ${alg}`);
    const id = this.nextId++;
    this.worker.postMessage({ op: 'begin', id, algorithms });
    // Bytes copied into the ring but not yet announced: announced in batches of BATCH (one
    // message each way per batch, not per chunk), and before the entry's digests are asked for.
    let pendingOffset = this.head;
    let pendingLength = 0;
    const flush = () => {
      if (pendingLength === 0) return;
      this.worker.postMessage({ op: 'update', id, offset: pendingOffset, length: pendingLength });
      pendingLength = 0;
      pendingOffset = this.head;
    };
    const send = async (chunk: Buffer): Promise<void> => {
      for (let at = 0; at < chunk.length; ) {
        // A piece never wraps around the end of the ring.
        const length = Math.min(chunk.length - at, MAX_PIECE, this.ring.length - this.head);
        if (this.ring.length - this.used < length) {
          flush();
          await this.room(length);
        }
        if (pendingLength === 0) pendingOffset = this.head;
        this.ring.set(chunk.subarray(at, at + length), this.head);
        this.used += length;
        pendingLength += length;
        this.head = (this.head + length) % this.ring.length;
        at += length;
        if (pendingLength >= BATCH || this.head === 0) flush();
      }
    };
    return {
      update: (chunk) => (chunk.length ? send(chunk) : undefined),
      digests: () => {
        if (this.failure) return Promise.reject(this.failure);
        flush();
        const result = new Promise<Digests>((resolve, reject) => this.pending.set(id, { resolve, reject }));
        this.worker.postMessage({ op: 'end', id });
        return result;
      },
    };
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    const exited = once(this.worker, 'exit');
    await this.worker.terminate();
    await exited.catch(() => undefined);
  }
}
