import type { Entry } from 'yauzl';
import {
  BAG_INFO_TXT,
  BAGIT_TXT,
  FETCH_TXT,
  MANIFEST_NAME_PATTERN,
  PAYLOAD_DIR,
  SIGNATURE_FILE,
  SIGNED_TAG_MANIFEST,
  TAG_MANIFEST_NAME_PATTERN,
} from 'src/exports/bagit/bag-layout';
import { assertSafeRelativePath, collisionKey } from 'src/exports/bagit/bag-paths';
import { digestBuffer, digestHexLength, isSupportedAlgorithm, type Digests } from 'src/exports/bagit/hashing';
import { parseManifest, parsePayloadOxum, parseTagFile, tagValues } from 'src/exports/bagit/tag-files';
import { ProblemList, type VerifyProblem } from 'src/exports/bagit/verify-problems';
import { verifyBagSignature, type SignatureInputs, type SignatureSummary } from 'src/exports/bagit/verify-signature';
import { hashEntry, indexZip, isRegularFileEntry, readEntry, type ZipIndex } from 'src/exports/bagit/zip-reader';

export interface VerifyBagOptions extends SignatureInputs {
  /**
   * false: check the bag only (structure, manifests, Payload-Oxum), not the signature, so that an
   * unsigned bag made by another tool can be checked. Default true: a Sillok package must be signed.
   */
  checkSignature?: boolean;
}

/** BagIt versions this verifier reads: RFC 8493 (1.0) and the last draft before it (0.97). */
export const SUPPORTED_BAGIT_VERSIONS = ['1.0', '0.97'] as const;
export type BagItVersion = (typeof SUPPORTED_BAGIT_VERSIONS)[number];

export interface VerifyResult {
  /** True when there is no problem; warnings do not make a bag invalid. */
  ok: boolean;
  problems: VerifyProblem[];
  warnings: VerifyProblem[];
  bagName?: string;
  /** BagIt-Version of bagit.txt, when it is one this verifier reads. */
  version?: BagItVersion;
  /** False when the signature was not checked (checkSignature: false). */
  signatureChecked: boolean;
  /** What was actually found in data/. */
  fileCount: number;
  octetCount: number;
  signature: SignatureSummary;
}

/** Tag files are read into memory to be parsed; these bounds keep a hostile zip from exhausting it. */
const MAX_TAG_FILE_BYTES = 256 * 2 ** 20;
const MAX_TAG_TOTAL_BYTES = 512 * 2 ** 20;
const PAYLOAD_PREFIX = `${PAYLOAD_DIR}/`;

/**
 * Verifies a zipped, signed BagIt 1.0 bag offline: structure, completeness (every payload file
 * in every manifest and every listed file present), every checksum, the tag manifests,
 * Payload-Oxum and the Ed25519 signature over tagmanifest-sha256.txt.
 */
export async function verifyBag(zipPath: string, options: VerifyBagOptions = {}): Promise<VerifyResult> {
  const problems = new ProblemList();
  let index: ZipIndex;
  try {
    index = await indexZip(zipPath);
  } catch (error) {
    problems.error('zip_unreadable', `cannot read the zip: ${(error as Error).message}`);
    return result(problems, { fileCount: 0, octetCount: 0, signature: { verified: false }, signatureChecked: options.checkSignature !== false });
  }
  try {
    return await verifyIndexed(index, options, problems);
  } finally {
    index.zip.close();
  }
}

async function verifyIndexed(index: ZipIndex, options: VerifyBagOptions, problems: ProblemList): Promise<VerifyResult> {
  const { zip } = index;
  const checkSignature = options.checkSignature !== false;
  for (const name of index.duplicates) {
    problems.error('duplicate_zip_entry', `the zip holds ${JSON.stringify(name)} more than once`, name);
  }
  const root = findRoot(index);
  if (root === undefined) {
    problems.error('bag_root_not_found', `no ${BAGIT_TXT} at the top of the zip or in a single top-level directory`);
    return result(problems, { fileCount: 0, octetCount: 0, signature: { verified: false }, signatureChecked: checkSignature });
  }
  const bagName = root === '' ? undefined : root.slice(0, -1);

  // Split the zip into payload and tag files, relative to the bag root.
  const payloadEntries = new Map<string, Entry>();
  const tagEntries = new Map<string, Entry>();
  const collisions = new Map<string, string>();
  for (const [name, entry] of index.files) {
    if (!name.startsWith(root)) {
      problems.error('entry_outside_bag', `${JSON.stringify(name)} is outside the bag directory`, name);
      continue;
    }
    const rel = name.slice(root.length);
    if (!isRegularFileEntry(entry)) {
      problems.error('unsafe_zip_entry', 'not a regular file (symlink or device)', rel);
      continue;
    }
    const seen = collisions.get(collisionKey(rel));
    if (seen !== undefined) {
      problems.warn('path_collision', `collides with ${JSON.stringify(seen)} on case-insensitive file systems`, rel);
    }
    collisions.set(collisionKey(rel), rel);
    (rel.startsWith(PAYLOAD_PREFIX) ? payloadEntries : tagEntries).set(rel, entry);
  }
  for (const dir of index.directories) {
    if (!dir.startsWith(root)) problems.error('entry_outside_bag', `${JSON.stringify(dir)} is outside the bag directory`, dir);
  }

  const tagContents = await readTagFiles(index, tagEntries, problems);
  const declaration = checkBagitTxt(tagContents.get(BAGIT_TXT), problems);
  const version = declaration.version;
  const decode = (rel: string, content: Buffer) => decodeTagFile(rel, content, problems, declaration.encoding);
  if (!index.directories.has(`${root}${PAYLOAD_PREFIX}`) && payloadEntries.size === 0) {
    problems.error('payload_dir_missing', `the bag has no ${PAYLOAD_PREFIX} directory`, PAYLOAD_PREFIX);
  }
  if (tagEntries.has(FETCH_TXT)) {
    problems.error('fetch_unsupported', `${FETCH_TXT} lists files to download; an offline package must hold them all`, FETCH_TXT);
  }

  // Payload: hash every file once with every algorithm the manifests use.
  const manifests = loadManifests(tagContents, MANIFEST_NAME_PATTERN, 'payload', problems, decode);
  if (manifests.size === 0 && !hasUnsupportedManifest(tagContents, MANIFEST_NAME_PATTERN)) {
    problems.error('manifest_missing', 'the bag has no payload manifest');
  }
  const algorithms = manifests.size > 0 ? [...manifests.keys()] : ['sha256'];
  const actual = new Map<string, Digests>();
  let octetCount = 0;
  const ordered = [...payloadEntries].sort((a, b) => a[1].relativeOffsetOfLocalHeader - b[1].relativeOffsetOfLocalHeader);
  for (const [rel, entry] of ordered) {
    try {
      if (entry.isEncrypted()) throw new Error('the entry is encrypted');
      const { digests, bytes } = await hashEntry(zip, entry, algorithms);
      actual.set(rel, digests);
      octetCount += bytes;
    } catch (error) {
      problems.error('zip_entry_unreadable', `cannot read: ${(error as Error).message}`, rel);
    }
  }
  compareManifests(manifests, new Set(payloadEntries.keys()), actual, 'payload', problems, version);

  // Tag manifests: every tag file except the manifests themselves and the signature must be listed.
  const tagManifests = loadManifests(tagContents, TAG_MANIFEST_NAME_PATTERN, 'tag', problems, decode);
  // Tag manifests are optional in BagIt; the signature needs this one.
  if (checkSignature && !tagContents.has(SIGNED_TAG_MANIFEST)) {
    problems.error('tagmanifest_missing', `${SIGNED_TAG_MANIFEST} is missing`, SIGNED_TAG_MANIFEST);
  }
  const tagDigests = new Map<string, Digests>();
  const tagAlgorithms = [...tagManifests.keys()];
  for (const [rel, content] of tagContents) tagDigests.set(rel, digestBuffer(content, tagAlgorithms));
  compareManifests(tagManifests, new Set(tagEntries.keys()), tagDigests, 'tag', problems, version);
  const signedList = tagManifests.get('sha256');
  if (checkSignature && signedList) {
    for (const rel of tagEntries.keys()) {
      if (rel === SIGNATURE_FILE || TAG_MANIFEST_NAME_PATTERN.test(rel) || signedList.has(rel)) continue;
      problems.error('unsigned_tag_file', `not listed in ${SIGNED_TAG_MANIFEST}, so not covered by the signature`, rel);
    }
  }

  checkPayloadOxum(tagContents.get(BAG_INFO_TXT), octetCount, payloadEntries.size, problems, decode);
  const signature: SignatureSummary = checkSignature ? verifyBagSignature(tagContents, options, problems) : { verified: false };
  return result(problems, { bagName, version, fileCount: payloadEntries.size, octetCount, signature, signatureChecked: checkSignature });
}

function result(
  problems: ProblemList,
  rest: Omit<VerifyResult, 'ok' | 'problems' | 'warnings'>,
): VerifyResult {
  return { ok: problems.errors.length === 0, problems: problems.errors, warnings: problems.warnings, ...rest };
}

/** The bag root: the zip's top (rare) or its single top-level directory (standard for zipped bags). */
function findRoot(index: ZipIndex): string | undefined {
  if (index.files.has(BAGIT_TXT)) return '';
  const tops = new Set<string>();
  for (const name of [...index.files.keys(), ...index.directories]) tops.add(name.split('/')[0]);
  if (tops.size !== 1) return undefined;
  const root = `${[...tops][0]}/`;
  return index.files.has(`${root}${BAGIT_TXT}`) ? root : undefined;
}

async function readTagFiles(index: ZipIndex, tagEntries: Map<string, Entry>, problems: ProblemList): Promise<Map<string, Buffer>> {
  const contents = new Map<string, Buffer>();
  let total = 0;
  for (const [rel, entry] of tagEntries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > MAX_TAG_FILE_BYTES || total > MAX_TAG_TOTAL_BYTES) {
      problems.error('tag_file_too_large', `${entry.uncompressedSize} bytes is too large for a tag file`, rel);
      continue;
    }
    try {
      if (entry.isEncrypted()) throw new Error('the entry is encrypted');
      contents.set(rel, await readEntry(index.zip, entry));
    } catch (error) {
      problems.error('zip_entry_unreadable', `cannot read: ${(error as Error).message}`, rel);
    }
  }
  return contents;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A UTF-16 or UTF-32 byte-order mark at the start of a file, by name. */
export function unicodeBom(content: Buffer): string | undefined {
  if (content[0] === 0xff && content[1] === 0xfe) return content[2] === 0 && content[3] === 0 ? 'UTF-32LE' : 'UTF-16LE';
  if (content[0] === 0xfe && content[1] === 0xff) return 'UTF-16BE';
  if (content[0] === 0 && content[1] === 0 && content[2] === 0xfe && content[3] === 0xff) return 'UTF-32BE';
  return undefined;
}

/**
 * Decodes a tag file as UTF-8; a BOM is tolerated except in bagit.txt, where RFC 8493 forbids it.
 * Tag files in another encoding (UTF-16, or one that bagit.txt declares, such as ISO-8859-1) are
 * refused with a message naming it: read as UTF-8 their paths and values would silently change.
 */
function decodeTagFile(rel: string, content: Buffer, problems: ProblemList, declared?: string): string | undefined {
  const bom = unicodeBom(content);
  if (bom) {
    problems.error('tag_file_encoding', `encoded in ${bom} (byte-order mark ${content.subarray(0, 2).toString('hex').toUpperCase()}); BagIt tag files must be UTF-8 and this verifier reads UTF-8 only`, rel);
    return undefined;
  }
  try {
    return utf8.decode(content).replace(/^\uFEFF/, '');
  } catch {
    const hint = declared !== undefined && !isUtf8Name(declared) ? ` (bagit.txt declares Tag-File-Character-Encoding ${declared})` : '';
    problems.error('tag_file_encoding', `not valid UTF-8${hint}; this verifier reads UTF-8 tag files only`, rel);
    return undefined;
  }
}

const isUtf8Name = (name: string): boolean => /^utf-?8$/i.test(name.trim());

function checkBagitTxt(content: Buffer | undefined, problems: ProblemList): { version?: BagItVersion; encoding?: string } {
  if (!content) {
    problems.error('bagit_txt_missing', `${BAGIT_TXT} is missing`, BAGIT_TXT);
    return {};
  }
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
    problems.error('bagit_txt_invalid', `${BAGIT_TXT} must not start with a byte-order mark`, BAGIT_TXT);
  }
  const text = decodeTagFile(BAGIT_TXT, content, problems);
  if (text === undefined) return {};
  const parsed = parseTagFile(text);
  const version = tagValues(parsed, 'BagIt-Version');
  const encoding = tagValues(parsed, 'Tag-File-Character-Encoding');
  if (parsed.errors.length > 0 || version.length !== 1 || encoding.length !== 1) {
    problems.error('bagit_txt_invalid', `${BAGIT_TXT} must hold one BagIt-Version and one Tag-File-Character-Encoding`, BAGIT_TXT);
    return {};
  }
  const known = SUPPORTED_BAGIT_VERSIONS.find((v) => v === version[0].trim());
  if (!known) {
    problems.error('bagit_version_unsupported', `BagIt-Version ${version[0]} is not one this verifier reads (${SUPPORTED_BAGIT_VERSIONS.join(', ')})`, BAGIT_TXT);
  }
  if (!isUtf8Name(encoding[0])) {
    problems.error(
      'tag_file_encoding',
      `Tag-File-Character-Encoding ${encoding[0]}: this verifier reads UTF-8 tag files only; re-encode the tag files as UTF-8 (and say so in ${BAGIT_TXT}) or use a tool that reads ${encoding[0]}`,
      BAGIT_TXT,
    );
  }
  return { version: known, encoding: encoding[0] };
}

const hasUnsupportedManifest = (tags: ReadonlyMap<string, Buffer>, pattern: RegExp): boolean =>
  [...tags.keys()].some((rel) => {
    const match = pattern.exec(rel);
    return match !== null && !isSupportedAlgorithm(match[1]);
  });

/** Manifests by algorithm, each as path → expected digest. */
function loadManifests(
  tags: ReadonlyMap<string, Buffer>,
  pattern: RegExp,
  kind: 'payload' | 'tag',
  problems: ProblemList,
  decode: (rel: string, content: Buffer) => string | undefined,
): Map<string, Map<string, string>> {
  const manifests = new Map<string, Map<string, string>>();
  for (const [rel, content] of tags) {
    const match = pattern.exec(rel);
    if (!match) continue;
    const alg = match[1];
    if (!isSupportedAlgorithm(alg)) {
      problems.error('unsupported_algorithm', `algorithm ${alg} is not supported; this manifest was not checked`, rel);
      continue;
    }
    const text = decode(rel, content);
    if (text === undefined) continue;
    const parsed = parseManifest(text);
    for (const error of parsed.errors) problems.error('manifest_malformed', error, rel);
    const expectedLength = digestHexLength(alg);
    const entries = new Map<string, string>();
    for (const { path: listed, digest } of parsed.entries) {
      // "./data/x" names the same file as "data/x": BagIt 0.97 bags from some tools write it so.
      const path = listed.startsWith('./') ? listed.slice(2) : listed;
      if (digest.length !== expectedLength) {
        problems.error('manifest_malformed', `${JSON.stringify(path)}: a ${alg} checksum has ${expectedLength} hex digits`, rel);
        continue;
      }
      if (!isAcceptablePath(path, kind)) {
        const where = kind === 'payload' ? `inside ${PAYLOAD_PREFIX}` : `outside ${PAYLOAD_PREFIX}`;
        problems.error('manifest_path_invalid', `${JSON.stringify(path)} is not a safe relative path ${where}`, rel);
        continue;
      }
      if (entries.has(path)) {
        problems.error('manifest_malformed', `${JSON.stringify(path)} is listed twice`, rel);
        continue;
      }
      entries.set(path, digest);
    }
    manifests.set(alg, entries);
  }
  return manifests;
}

function isAcceptablePath(path: string, kind: 'payload' | 'tag'): boolean {
  try {
    assertSafeRelativePath(path);
  } catch {
    return false;
  }
  return kind === 'payload' ? path.startsWith(PAYLOAD_PREFIX) : !path.startsWith(PAYLOAD_PREFIX);
}

function compareManifests(
  manifests: ReadonlyMap<string, ReadonlyMap<string, string>>,
  present: ReadonlySet<string>,
  actual: ReadonlyMap<string, Digests>,
  kind: 'payload' | 'tag',
  problems: ProblemList,
  version: BagItVersion | undefined,
): void {
  const codes =
    kind === 'payload'
      ? { missing: 'file_missing', mismatch: 'checksum_mismatch' }
      : { missing: 'tag_file_missing', mismatch: 'tag_checksum_mismatch' };
  const listed = new Set<string>();
  for (const entries of manifests.values()) for (const path of entries.keys()) listed.add(path);

  for (const path of listed) {
    if (!present.has(path)) {
      problems.error(codes.missing as 'file_missing' | 'tag_file_missing', 'listed in a manifest but not in the bag', path);
      continue;
    }
    const digests = actual.get(path);
    if (!digests) continue; // unreadable, already reported
    const wrong = [...manifests]
      .filter(([alg, entries]) => entries.has(path) && entries.get(path) !== digests[alg])
      .map(([alg]) => alg);
    if (wrong.length > 0) {
      problems.error(
        codes.mismatch as 'checksum_mismatch' | 'tag_checksum_mismatch',
        `content does not match its ${wrong.join(' and ')} checksum`,
        path,
      );
    }
  }
  // RFC 8493 (1.0): every payload file must be in every payload manifest; BagIt 0.97: in at
  // least one of them. Tag files need not be listed.
  if (kind !== 'payload') return;
  for (const path of present) {
    const absent = [...manifests].filter(([, entries]) => !entries.has(path)).map(([alg]) => `manifest-${alg}.txt`);
    if (version === '0.97' ? absent.length === manifests.size && manifests.size > 0 : absent.length > 0) {
      problems.error('file_not_in_manifest', `not listed in ${absent.join(', ')}`, path);
    }
  }
}

function checkPayloadOxum(
  content: Buffer | undefined,
  octets: number,
  files: number,
  problems: ProblemList,
  decode: (rel: string, content: Buffer) => string | undefined,
): void {
  if (!content) {
    problems.warn('bag_info_missing', `${BAG_INFO_TXT} is missing`, BAG_INFO_TXT);
    return;
  }
  const text = decode(BAG_INFO_TXT, content);
  if (text === undefined) return;
  const parsed = parseTagFile(text);
  for (const error of parsed.errors) problems.error('bag_info_invalid', error, BAG_INFO_TXT);
  const values = tagValues(parsed, 'Payload-Oxum');
  if (values.length === 0) {
    problems.warn('payload_oxum_missing', 'bag-info.txt has no Payload-Oxum', BAG_INFO_TXT);
    return;
  }
  const oxum = values.length === 1 ? parsePayloadOxum(values[0]) : undefined;
  if (!oxum) {
    problems.error('payload_oxum_invalid', `Payload-Oxum must appear once as "octets.files", got ${JSON.stringify(values)}`, BAG_INFO_TXT);
    return;
  }
  if (oxum.octets !== octets || oxum.files !== files) {
    problems.error(
      'payload_oxum_mismatch',
      `Payload-Oxum says ${oxum.octets} bytes in ${oxum.files} files; the payload has ${octets} bytes in ${files} files`,
      BAG_INFO_TXT,
    );
  }
}
