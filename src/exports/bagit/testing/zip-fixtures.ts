import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { openPromise } from 'yauzl';
import { ZipFile } from 'yazl';
import { generateSigningKeyPair } from 'src/exports/bagit/bag-signature';
import { writeBag, type BagFileEntry, type WriteBagOptions, type WriteBagResult } from 'src/exports/bagit/bag-writer';
import { readEntry } from 'src/exports/bagit/zip-reader';

// Helpers for specs only: build a small signed bag, and rebuild a zip with one entry changed
// (yauzl → yazl) to simulate tampering in transit.

export interface ZipItem {
  name: string;
  /** undefined for a directory entry. */
  content?: Buffer;
  /** Unix mode, e.g. 0o120777 to plant a symlink. */
  mode?: number;
}

export async function readZipItems(path: string): Promise<ZipItem[]> {
  const zip = await openPromise(path, { lazyEntries: true, autoClose: false });
  const items: ZipItem[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      items.push(entry.fileName.endsWith('/') ? { name: entry.fileName } : { name: entry.fileName, content: await readEntry(zip, entry) });
    }
  } finally {
    zip.close();
  }
  return items;
}

export async function writeZipItems(path: string, items: readonly ZipItem[]): Promise<void> {
  const zip = new ZipFile();
  const mtime = new Date('2025-01-01T00:00:00Z');
  const done = pipeline(zip.outputStream, createWriteStream(path));
  for (const item of items) {
    if (item.content === undefined) zip.addEmptyDirectory(item.name, { mtime });
    else zip.addBuffer(item.content, item.name, item.mode === undefined ? { mtime } : { mtime, mode: item.mode });
  }
  zip.end();
  await done;
}

/** Copies `from` to `to`, letting `edit` change the list of entries. */
export async function rewriteZip(from: string, to: string, edit: (items: ZipItem[]) => ZipItem[]): Promise<void> {
  await writeZipItems(to, edit(await readZipItems(from)));
}

/** Replaces the content of the entry whose name ends with `suffix`. */
export const replaceEntry =
  (suffix: string, change: (content: Buffer) => Buffer) =>
  (items: ZipItem[]): ZipItem[] => {
    const target = items.find((i) => i.name.endsWith(suffix));
    if (!target?.content) throw new Error(`no entry ending with ${suffix}`);
    return items.map((i) => (i === target ? { name: i.name, content: change(target.content as Buffer) } : i));
  };

export const flipByte = (content: Buffer, at = 0): Buffer => {
  const copy = Buffer.from(content);
  copy[at] ^= 0x01;
  return copy;
};

export const SAMPLE_PAYLOAD: readonly BagFileEntry[] = [
  { path: 'testimonies/W-0007/transcript-ko.txt', source: '요덕수용소에서 있었던 일을 말씀드리겠습니다.\n' },
  { path: 'testimonies/W-0007/transcript-en.txt', source: 'I will tell you what happened at Yodok.\n' },
  { path: 'evidence/E-0001.bin', source: Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 31) % 256)) },
  { path: 'case.json', source: JSON.stringify({ case: 'C-0001', excluded: [{ code: 'W-0009', reason: 'consent_withdrawn' }] }) },
];

export interface TestBag extends WriteBagResult {
  path: string;
  privateKeyPem: string;
  publicKeyPem: string;
  fingerprint: string;
}

export async function buildTestBag(
  path: string,
  payload: readonly BagFileEntry[] = SAMPLE_PAYLOAD,
  over: Partial<WriteBagOptions> = {},
): Promise<TestBag> {
  const keys = generateSigningKeyPair();
  const result = await writeBag(payload, createWriteStream(path), {
    bagName: 'sillok-export-C-0001',
    signingKey: keys.privateKeyPem,
    metadata: {
      sourceOrganization: 'Example Documentation Centre',
      contactName: 'Export Desk',
      contactEmail: 'exports@example.org',
      externalIdentifier: 'EXP-2025-0001',
      internalSenderDescription: 'Case file for one recipient, redacted to what each witness consented to',
      baggingDate: new Date('2025-06-01T00:00:00Z'),
      custom: [
        ['Sillok-Recipient', 'OHCHR Seoul'],
        ['Sillok-Purpose', 'share_un_mechanisms'],
        ['Sillok-Framework-Version', 'RS@2011-ICC-ed'],
      ],
    },
    ...over,
  });
  return { ...result, path, ...keys };
}
