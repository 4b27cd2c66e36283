import type { KeyObject } from 'node:crypto';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { buildBagInfo, type BagMetadata } from 'src/exports/bagit/bag-info';
import {
  BAG_ALGORITHMS,
  BAG_INFO_TXT,
  BAGIT_TXT,
  PAYLOAD_DIR,
  PUBLIC_KEY_FILE,
  SIGNATURE_FILE,
  SIGNATURE_INFO_TXT,
  SIGNED_TAG_MANIFEST,
  isReservedTagName,
  manifestName,
  tagManifestName,
} from 'src/exports/bagit/bag-layout';
import { assertSafeBagName, assertSafeRelativePath, BagPathError, collisionKey } from 'src/exports/bagit/bag-paths';
import {
  exportPublicKeyPem,
  loadSigningKey,
  publicKeyFingerprint,
  renderSignatureInfo,
  signDetached,
} from 'src/exports/bagit/bag-signature';
import { digestBuffer, type Digests } from 'src/exports/bagit/hashing';
import { HashWorker, inlineHasher } from 'src/exports/bagit/hash-worker';
import { ZipWriter } from 'src/exports/bagit/zip-writer';
import { BAGIT_TXT_CONTENT, formatPayloadOxum, renderManifest } from 'src/exports/bagit/tag-files';

export type BagFileSource = Buffer | string | (() => NodeJS.ReadableStream | AsyncIterable<Buffer | string>);

export interface BagFileEntry {
  /** Relative to data/ for payload, to the bag root for extra tag files; '/' separated. */
  path: string;
  /** A string is written as UTF-8. A function (a stream or an async iterable) is called only when the entry's turn comes, so files open one at a time. */
  source: BagFileSource;
  /** Overrides WriteBagOptions.compress for this entry. */
  compress?: boolean;
  /**
   * What the content must be (a stored file's recorded SHA-256 and size): checked against the
   * manifest's own SHA-256, so the bytes are hashed once. A mismatch fails the whole bag.
   */
  expect?: { sha256: string; size: number; what: string };
}

export interface WriteBagOptions {
  /** The zip's single top-level directory. */
  bagName: string;
  metadata: BagMetadata;
  /** Ed25519 private key (KeyObject or PKCS#8 PEM). */
  signingKey: KeyObject | string;
  /**
   * Deflate payload files. Off by default: evidence is mostly already-compressed media
   * (audio, video, JPEG, PDF) where deflate costs CPU for nothing; tag files are always deflated.
   */
  compress?: boolean;
  /** Extra tag files (e.g. custody/log.jsonl), listed in the tag manifests and so covered by the signature. */
  tagFiles?: readonly BagFileEntry[];
  /** Modification time stored in the zip; defaults to the bagging date so output is reproducible. */
  mtime?: Date;
  /** Hash large streamed entries (expect.size >= 4 MiB) in a worker thread (default true); false keeps all hashing in-process. */
  hashInWorker?: boolean;
}

export interface WriteBagResult {
  /** SHA-256 of the whole zip as written. */
  sha256: string;
  zipBytes: number;
  payloadOxum: string;
  fileCount: number;
  octetCount: number;
  publicKeyFingerprint: string;
}

const FILE_MODE = 0o100644;
const DIR_MODE = 0o40755;
/** Entries announced (expect.size) at least this large are hashed on the worker thread. */
const WORKER_MIN_BYTES = 4 * 2 ** 20;

/** Starts the hashing worker, or returns undefined where worker threads cannot run (then hashing stays in-process). */
function startHashWorker(): HashWorker | undefined {
  try {
    return new HashWorker();
  } catch {
    return undefined;
  }
}

/**
 * Streams a signed, zipped BagIt 1.0 bag to `output`. Payload entries are pulled one at a
 * time; each chunk is CRC'd (native zlib.crc32), handed to a worker thread that computes its
 * SHA-256 and SHA-512, and written once, so memory does not grow with file size and hashing runs
 * on a second core. On any error the output is destroyed and the error rethrown; the caller
 * removes the partial file.
 */
export async function writeBag(
  payload: AsyncIterable<BagFileEntry> | Iterable<BagFileEntry>,
  output: Writable,
  options: WriteBagOptions,
): Promise<WriteBagResult> {
  // Everything that can be checked before the first byte is written is checked here.
  let checked: ReturnType<typeof checkOptions>;
  try {
    checked = checkOptions(options);
  } catch (error) {
    // Destroyed without an error: emitting 'error' on a stream nobody listens to would crash the process.
    output.destroy();
    throw error;
  }
  const { bagName, privateKey, publicKey, baggingDate, tagFiles } = checked;
  const mtime = options.mtime ?? baggingDate;
  const payloadCompress = options.compress ?? false;
  // The output's errors surface through the writes (and finished() below); this keeps an 'error'
  // event with no other listener from crashing the process.
  output.on('error', () => undefined);
  const zip = new ZipWriter(output);
  // Started at the first large entry: for small entries the messages cost more than the hashing.
  let worker: HashWorker | undefined;
  let workerTried = options.hashInWorker === false;
  const hasherFor = (sizeHint: number | undefined) => {
    if ((sizeHint ?? 0) < WORKER_MIN_BYTES) return inlineHasher(BAG_ALGORITHMS);
    if (!workerTried) {
      workerTried = true;
      worker = startHashWorker();
    }
    return worker ? worker.entry(BAG_ALGORITHMS) : inlineHasher(BAG_ALGORITHMS);
  };

  /** One entry; its digests may still be computing in the worker when this returns. */
  const addEntry = async (zipPath: string, source: BagFileSource, compress: boolean, expect?: BagFileEntry['expect']) => {
    if (typeof source !== 'function') {
      const buffer = typeof source === 'string' ? Buffer.from(source, 'utf8') : source;
      if (!Buffer.isBuffer(buffer)) throw new TypeError('a bag file source must be a Buffer, a string or a function returning a stream');
      await zip.addBuffer(zipPath, buffer, { compress, mtime, mode: FILE_MODE });
      return { digests: Promise.resolve(digestBuffer(buffer, BAG_ALGORITHMS)), bytes: buffer.length };
    }
    const hasher = hasherFor(expect?.size);
    const input = source() as AsyncIterable<Buffer | string>;
    const { size } = await zip.addStream(zipPath, input, { compress, mtime, mode: FILE_MODE, sizeHint: expect?.size, onChunk: (chunk) => hasher.update(chunk) });
    const digests = hasher.digests().then((d) => {
      if (expect && (d.sha256 !== expect.sha256 || size !== expect.size)) throw new Error(`${expect.what} does not match its recorded SHA-256`);
      return d;
    });
    // Checked (and awaited) at the end of the payload; a rejection must not go unhandled before then.
    digests.catch(() => undefined);
    return { digests, bytes: size };
  };

  const tagManifest: Array<{ path: string; digests: Digests }> = [];
  const addTagBuffer = async (name: string, content: string | Buffer) => {
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await zip.addBuffer(`${bagName}/${name}`, buffer, { compress: true, mtime, mode: FILE_MODE });
    const digests = digestBuffer(buffer, BAG_ALGORITHMS);
    tagManifest.push({ path: name, digests });
    return digests;
  };

  try {
    await zip.addDirectory(`${bagName}/`, { mtime, mode: DIR_MODE });
    await addTagBuffer(BAGIT_TXT, BAGIT_TXT_CONTENT);
    // data/ is always present, even for an empty payload (RFC 8493 §2.1.2).
    await zip.addDirectory(`${bagName}/${PAYLOAD_DIR}/`, { mtime, mode: DIR_MODE });

    const pending: Array<{ path: string; digests: Promise<Digests> }> = [];
    const seen = new Map<string, string>();
    let octets = 0;
    for await (const entry of payload) {
      const path = assertSafeRelativePath(entry.path, 'payload path');
      const key = collisionKey(path);
      const clash = seen.get(key);
      if (clash !== undefined) {
        throw new BagPathError(`payload path ${JSON.stringify(path)} collides with ${JSON.stringify(clash)}`);
      }
      seen.set(key, path);
      const bagPath = `${PAYLOAD_DIR}/${path}`;
      const { digests, bytes } = await addEntry(`${bagName}/${bagPath}`, entry.source, entry.compress ?? payloadCompress, entry.expect);
      pending.push({ path: bagPath, digests });
      octets += bytes;
    }
    const manifest: Array<{ path: string; digests: Digests }> = [];
    for (const p of pending) manifest.push({ path: p.path, digests: await p.digests });

    for (const entry of tagFiles) {
      const { digests } = await addEntry(`${bagName}/${entry.path}`, entry.source, entry.compress ?? true);
      tagManifest.push({ path: entry.path, digests: await digests });
    }

    await addTagBuffer(BAG_INFO_TXT, buildBagInfo(options.metadata, baggingDate, octets, manifest.length));
    for (const alg of BAG_ALGORITHMS) {
      await addTagBuffer(manifestName(alg), renderManifest(manifest.map((m) => ({ path: m.path, digest: m.digests[alg] }))));
    }
    const fingerprint = publicKeyFingerprint(publicKey);
    await addTagBuffer(SIGNATURE_INFO_TXT, renderSignatureInfo(fingerprint));
    await addTagBuffer(PUBLIC_KEY_FILE, exportPublicKeyPem(publicKey));

    // Tag manifests list the same tag files (RFC 8493 §2.2.1) but not each other, nor the signature.
    const listed = [...tagManifest];
    let signed: Buffer | undefined;
    for (const alg of BAG_ALGORITHMS) {
      const name = tagManifestName(alg);
      const content = Buffer.from(renderManifest(listed.map((t) => ({ path: t.path, digest: t.digests[alg] }))), 'utf8');
      await zip.addBuffer(`${bagName}/${name}`, content, { compress: true, mtime, mode: FILE_MODE });
      if (name === SIGNED_TAG_MANIFEST) signed = content;
    }
    if (!signed) throw new Error(`${SIGNED_TAG_MANIFEST} was not produced`);
    await zip.addBuffer(`${bagName}/${SIGNATURE_FILE}`, Buffer.from(signDetached(signed, privateKey), 'utf8'), { compress: false, mtime, mode: FILE_MODE });

    const written = await zip.finish();
    await finished(output);
    return {
      sha256: written.sha256,
      zipBytes: written.bytes,
      payloadOxum: formatPayloadOxum(octets, manifest.length),
      fileCount: manifest.length,
      octetCount: octets,
      publicKeyFingerprint: fingerprint,
    };
  } catch (error) {
    const reason = error instanceof Error ? error : new Error(String(error));
    if (!output.destroyed) output.destroy(reason);
    throw error;
  } finally {
    await worker?.close();
  }
}

function checkOptions(options: WriteBagOptions) {
  const bagName = assertSafeBagName(options.bagName);
  const { privateKey, publicKey } = loadSigningKey(options.signingKey);
  const baggingDate = options.metadata.baggingDate ?? new Date();
  buildBagInfo(options.metadata, baggingDate, 0, 0);
  const tagFiles = checkTagFiles(options.tagFiles ?? []);
  return { bagName, privateKey, publicKey, baggingDate, tagFiles };
}

function checkTagFiles(entries: readonly BagFileEntry[]): BagFileEntry[] {
  const seen = new Set<string>();
  return entries.map((entry) => {
    const path = assertSafeRelativePath(entry.path, 'tag file path');
    const first = path.split('/')[0];
    if (first.toLowerCase() === PAYLOAD_DIR) throw new BagPathError(`tag file ${JSON.stringify(path)} is inside data/`);
    if (isReservedTagName(path.toLowerCase())) throw new BagPathError(`tag file name ${JSON.stringify(path)} is reserved`);
    const key = collisionKey(path);
    if (seen.has(key)) throw new BagPathError(`tag file ${JSON.stringify(path)} appears twice`);
    seen.add(key);
    return entry;
  });
}
