import type { KeyObject } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
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
import { digestBuffer, HashingPassThrough, type Digests } from 'src/exports/bagit/hashing';
import { BAGIT_TXT_CONTENT, formatPayloadOxum, renderManifest } from 'src/exports/bagit/tag-files';

export type BagFileSource = Buffer | string | (() => NodeJS.ReadableStream);

export interface BagFileEntry {
  /** Relative to data/ for payload, to the bag root for extra tag files; '/' separated. */
  path: string;
  /** A string is written as UTF-8. A function is called only when the entry's turn comes, so files open one at a time. */
  source: BagFileSource;
  /** Overrides WriteBagOptions.compress for this entry. */
  compress?: boolean;
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

/**
 * Streams a signed, zipped BagIt 1.0 bag to `output`. Payload entries are pulled one at a
 * time and hashed (SHA-256 and SHA-512) while they are zipped, so memory does not grow with
 * file size. On any error the output is destroyed and the error rethrown; the caller removes
 * the partial file.
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

  const zip = new ZipFile();
  const zipHash = new HashingPassThrough(['sha256']);
  const piping = pipeline(zip.outputStream, zipHash, output);
  // Rejects as soon as the zip or the output fails, so no await below can hang on a dead pipe.
  const failure = new Promise<never>((_resolve, reject) => {
    zip.on('error', reject);
    piping.catch(reject);
  });
  failure.catch(() => undefined);
  const guard = <T>(work: Promise<T>): Promise<T> => Promise.race([work, failure]);
  let current: HashingPassThrough | undefined;

  const addStream = async (zipPath: string, source: BagFileSource, compress: boolean) => {
    const hasher = new HashingPassThrough(BAG_ALGORITHMS);
    current = hasher;
    const input = toReadable(source);
    // Lazy, and handed over only once: yazl keeps every entry (and so the function that gives its
    // stream) until the zip ends, and a stream kept there would keep its whole pipeline, source
    // buffers included; memory would then grow with the number of entries.
    let handOver: HashingPassThrough | null = hasher;
    zip.addReadStreamLazy(zipPath, { compress, mtime, mode: FILE_MODE }, (cb) => {
      const stream = handOver;
      handOver = null;
      if (stream) cb(null, stream);
      else cb(new Error(`zip entry ${zipPath} was read twice`), undefined as never);
    });
    // Wait until the zip has consumed the whole entry before pulling the next one.
    await guard(Promise.all([pipeline(input, hasher), finished(hasher)]));
    current = undefined;
    return { digests: hasher.digests, bytes: hasher.bytes };
  };

  const tagManifest: Array<{ path: string; digests: Digests }> = [];
  const addTagBuffer = (name: string, content: string | Buffer) => {
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    zip.addBuffer(buffer, `${bagName}/${name}`, { compress: true, mtime, mode: FILE_MODE });
    const digests = digestBuffer(buffer, BAG_ALGORITHMS);
    tagManifest.push({ path: name, digests });
    return digests;
  };

  try {
    zip.addEmptyDirectory(`${bagName}/`, { mtime, mode: DIR_MODE });
    addTagBuffer(BAGIT_TXT, BAGIT_TXT_CONTENT);
    // data/ is always present, even for an empty payload (RFC 8493 §2.1.2).
    zip.addEmptyDirectory(`${bagName}/${PAYLOAD_DIR}/`, { mtime, mode: DIR_MODE });

    const manifest: Array<{ path: string; digests: Digests }> = [];
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
      const { digests, bytes } = await addStream(`${bagName}/${bagPath}`, entry.source, entry.compress ?? payloadCompress);
      manifest.push({ path: bagPath, digests });
      octets += bytes;
    }

    for (const entry of tagFiles) {
      const { digests } = await addStream(`${bagName}/${entry.path}`, entry.source, entry.compress ?? true);
      tagManifest.push({ path: entry.path, digests });
    }

    addTagBuffer(BAG_INFO_TXT, buildBagInfo(options.metadata, baggingDate, octets, manifest.length));
    for (const alg of BAG_ALGORITHMS) {
      addTagBuffer(manifestName(alg), renderManifest(manifest.map((m) => ({ path: m.path, digest: m.digests[alg] }))));
    }
    const fingerprint = publicKeyFingerprint(publicKey);
    addTagBuffer(SIGNATURE_INFO_TXT, renderSignatureInfo(fingerprint));
    addTagBuffer(PUBLIC_KEY_FILE, exportPublicKeyPem(publicKey));

    // Tag manifests list the same tag files (RFC 8493 §2.2.1) but not each other, nor the signature.
    const listed = [...tagManifest];
    let signed: Buffer | undefined;
    for (const alg of BAG_ALGORITHMS) {
      const name = tagManifestName(alg);
      const content = Buffer.from(renderManifest(listed.map((t) => ({ path: t.path, digest: t.digests[alg] }))), 'utf8');
      zip.addBuffer(content, `${bagName}/${name}`, { compress: true, mtime, mode: FILE_MODE });
      if (name === SIGNED_TAG_MANIFEST) signed = content;
    }
    if (!signed) throw new Error(`${SIGNED_TAG_MANIFEST} was not produced`);
    zip.addBuffer(Buffer.from(signDetached(signed, privateKey), 'utf8'), `${bagName}/${SIGNATURE_FILE}`, {
      compress: false,
      mtime,
      mode: FILE_MODE,
    });

    zip.end();
    await guard(piping);
    return {
      sha256: zipHash.digests.sha256,
      zipBytes: zipHash.bytes,
      payloadOxum: formatPayloadOxum(octets, manifest.length),
      fileCount: manifest.length,
      octetCount: octets,
      publicKeyFingerprint: fingerprint,
    };
  } catch (error) {
    const reason = error instanceof Error ? error : new Error(String(error));
    current?.destroy(reason);
    (zip.outputStream as Readable).destroy(reason);
    await piping.catch(() => undefined);
    throw error;
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

function toReadable(source: BagFileSource): NodeJS.ReadableStream {
  if (typeof source === 'function') return source();
  const buffer = typeof source === 'string' ? Buffer.from(source, 'utf8') : source;
  if (!Buffer.isBuffer(buffer)) throw new TypeError('a bag file source must be a Buffer, a string or a function returning a stream');
  return Readable.from([buffer], { objectMode: false });
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
