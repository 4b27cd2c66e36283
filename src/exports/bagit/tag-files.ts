import { decodeManifestPath, encodeManifestPath } from 'src/exports/bagit/bag-paths';

// Rendering and parsing of BagIt tag files (RFC 8493 §2.1.1, §2.1.3, §2.2.2).
// All tag files are UTF-8 without BOM, lines end in LF.

export type TagLine = readonly [label: string, value: string];

export class TagFileError extends Error {
  override readonly name = 'TagFileError';
}

export const BAGIT_TXT_CONTENT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/**
 * Renders "Label: value" lines. Values are kept on one line: RFC 8493 only RECOMMENDS
 * lines under 80 characters, and implementations disagree on how a folded value is
 * rejoined, so folding would risk a recipient's tool reading a different value.
 * Values that cannot be written on one line (CR/LF) are refused rather than altered.
 */
export function renderTagFile(lines: readonly TagLine[]): string {
  return lines
    .map(([label, value]) => {
      assertValidLabel(label);
      assertValidValue(label, value);
      return `${label}: ${value}\n`;
    })
    .join('');
}

function assertValidLabel(label: string): void {
  if (typeof label !== 'string' || label.length === 0) throw new TagFileError('a tag label is empty');
  if (/[:\r\n]/.test(label)) throw new TagFileError(`tag label ${JSON.stringify(label)} contains ':', CR or LF`);
  if (label.trim() !== label) throw new TagFileError(`tag label ${JSON.stringify(label)} starts or ends with whitespace`);
}

function assertValidValue(label: string, value: string): void {
  if (typeof value !== 'string' || value.length === 0) throw new TagFileError(`value of ${label} is empty`);
  if (/[\r\n]/.test(value)) throw new TagFileError(`value of ${label} contains a line break`);
  // Readers disagree on whether surrounding whitespace belongs to the value.
  if (value.trim() !== value) throw new TagFileError(`value of ${label} starts or ends with whitespace`);
}

export interface ParsedTagFile {
  lines: TagLine[];
  errors: string[];
}

/**
 * Parses a tag file leniently enough to read bags made by other tools: any whitespace around
 * the colon is accepted, and a continuation line (starting with space or tab) is joined to the
 * previous value with a LF, its indentation dropped (RFC 8493 §2.2.2: the padding is not part
 * of the value, the line break is).
 */
export function parseTagFile(text: string): ParsedTagFile {
  const lines: Array<[string, string]> = [];
  const errors: string[] = [];
  const rawLines = text.split(/\r\n|\r|\n/);
  if (rawLines[rawLines.length - 1] === '') rawLines.pop();
  rawLines.forEach((raw, index) => {
    if (/^[ \t]/.test(raw)) {
      const last = lines[lines.length - 1];
      if (last) last[1] = `${last[1]}\n${raw.replace(/^[ \t]+/, '')}`;
      else errors.push(`line ${index + 1}: continuation line without a preceding label`);
      return;
    }
    const colon = raw.indexOf(':');
    const label = colon > 0 ? raw.slice(0, colon).trim() : '';
    if (label === '') {
      errors.push(`line ${index + 1}: not a "Label: value" line`);
      return;
    }
    lines.push([label, raw.slice(colon + 1).replace(/^[ \t]+/, '')]);
  });
  return { lines, errors };
}

/** All values of a label (labels are case-insensitive, RFC 8493 §2.2.2). */
export const tagValues = (parsed: ParsedTagFile, label: string): string[] =>
  parsed.lines.filter(([l]) => l.toLowerCase() === label.toLowerCase()).map(([, v]) => v);

export interface ManifestEntry {
  path: string;
  digest: string;
}

export const renderManifest = (entries: readonly ManifestEntry[]): string =>
  entries.map(({ path, digest }) => `${digest} ${encodeManifestPath(path)}\n`).join('');

export interface ParsedManifest {
  entries: ManifestEntry[];
  errors: string[];
}

/** "<hex digest> <whitespace> <percent-encoded path>" per line; digests are lower-cased. */
export function parseManifest(text: string): ParsedManifest {
  const entries: ManifestEntry[] = [];
  const errors: string[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    if (line === '') return;
    const match = /^([0-9A-Fa-f]+)[ \t]+(.+)$/.exec(line);
    if (!match) {
      errors.push(`line ${index + 1}: not "<checksum> <path>"`);
      return;
    }
    entries.push({ digest: match[1].toLowerCase(), path: decodeManifestPath(match[2]) });
  });
  return { entries, errors };
}

/** Approximate size for Bag-Size, 1024-based like bagit-python ("12.3 MB"). */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Bagging-Date is YYYY-MM-DD; UTC so the date does not depend on the server's zone. */
export const formatBaggingDate = (date: Date): string => date.toISOString().slice(0, 10);

/** Payload-Oxum is "OctetCount.StreamCount". */
export const formatPayloadOxum = (octets: number, files: number): string => `${octets}.${files}`;

export function parsePayloadOxum(value: string): { octets: number; files: number } | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(value.trim());
  if (!match) return undefined;
  const octets = Number(match[1]);
  const files = Number(match[2]);
  return Number.isSafeInteger(octets) && Number.isSafeInteger(files) ? { octets, files } : undefined;
}
