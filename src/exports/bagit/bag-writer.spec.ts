import { createHash, generateKeyPairSync } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { BagPathError } from 'src/exports/bagit/bag-paths';
import { SigningKeyError } from 'src/exports/bagit/bag-signature';
import { writeBag, type BagFileEntry, type WriteBagOptions } from 'src/exports/bagit/bag-writer';
import { verifyBag } from 'src/exports/bagit/bag-verifier';
import { TagFileError } from 'src/exports/bagit/tag-files';
import { buildTestBag, readZipItems, SAMPLE_PAYLOAD } from 'src/exports/bagit/testing/zip-fixtures';

describe('writeBag', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bagit-writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const text = (items: Awaited<ReturnType<typeof readZipItems>>, name: string): string => {
    const item = items.find((i) => i.name === `sillok-export-C-0001/${name}`);
    if (!item?.content) throw new Error(`${name} missing`);
    return item.content.toString('utf8');
  };

  it('writes a complete signed bag under one top-level directory', async () => {
    const bag = await buildTestBag(join(dir, 'bag.zip'));
    const items = await readZipItems(bag.path);
    const names = items.map((i) => i.name);

    expect(names.every((n) => n.startsWith('sillok-export-C-0001/'))).toBe(true);
    expect(names).toEqual(
      expect.arrayContaining([
        'sillok-export-C-0001/data/',
        'sillok-export-C-0001/data/testimonies/W-0007/transcript-ko.txt',
        'sillok-export-C-0001/bagit.txt',
        'sillok-export-C-0001/bag-info.txt',
        'sillok-export-C-0001/manifest-sha256.txt',
        'sillok-export-C-0001/manifest-sha512.txt',
        'sillok-export-C-0001/tagmanifest-sha256.txt',
        'sillok-export-C-0001/tagmanifest-sha512.txt',
        'sillok-export-C-0001/tagmanifest-sha256.txt.sig',
        'sillok-export-C-0001/signature-info.txt',
        'sillok-export-C-0001/signing-key.pub.pem',
      ]),
    );
    expect(text(items, 'bagit.txt')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');

    const octets = SAMPLE_PAYLOAD.reduce(
      (sum, e) => sum + (typeof e.source === 'string' ? Buffer.byteLength(e.source) : (e.source as Buffer).length),
      0,
    );
    expect(bag.payloadOxum).toBe(`${octets}.4`);
    expect(bag.fileCount).toBe(4);
    const info = text(items, 'bag-info.txt');
    expect(info).toContain(`Payload-Oxum: ${octets}.4\n`);
    expect(info).toContain('Bagging-Date: 2025-06-01\n');
    expect(info).toContain('Sillok-Recipient: OHCHR Seoul\n');
    expect(info).toContain('Contact-Email: exports@example.org\n');

    const ko = Buffer.from(SAMPLE_PAYLOAD[0].source as string, 'utf8');
    const sha256 = createHash('sha256').update(ko).digest('hex');
    const sha512 = createHash('sha512').update(ko).digest('hex');
    expect(text(items, 'manifest-sha256.txt')).toContain(`${sha256} data/testimonies/W-0007/transcript-ko.txt\n`);
    expect(text(items, 'manifest-sha512.txt')).toContain(`${sha512} data/testimonies/W-0007/transcript-ko.txt\n`);

    // The tag manifest covers every tag file except the tag manifests and the signature.
    const listed = text(items, 'tagmanifest-sha256.txt')
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[1])
      .sort();
    expect(listed).toEqual(
      ['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt', 'manifest-sha512.txt', 'signature-info.txt', 'signing-key.pub.pem'],
    );
    expect(text(items, 'signature-info.txt')).toContain(`Public-Key-Fingerprint-SHA256: ${bag.fingerprint}\n`);
    expect(bag.publicKeyFingerprint).toBe(bag.fingerprint);
  });

  it('returns the SHA-256 and size of the zip as written', async () => {
    const bag = await buildTestBag(join(dir, 'bag.zip'));
    const bytes = readFileSync(bag.path);
    expect(bag.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(bag.zipBytes).toBe(bytes.length);
  });

  it('is reproducible: same input, key and date give the same bytes', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const run = async (name: string) => (await buildTestBag(join(dir, name), SAMPLE_PAYLOAD, { signingKey: privateKey })).sha256;
    expect(await run('a.zip')).toBe(await run('b.zip'));
  });

  it('streams sources from an async iterable, one at a time, and percent-encodes odd names', async () => {
    let open = 0;
    let maxOpen = 0;
    async function* entries(): AsyncGenerator<BagFileEntry> {
      for (let i = 0; i < 5; i++) {
        yield {
          path: i === 0 ? 'odd 100%\nname.bin' : `part-${i}.bin`,
          source: () => {
            open++;
            maxOpen = Math.max(maxOpen, open);
            const stream = Readable.from(
              (function* () {
                for (let c = 0; c < 4; c++) yield Buffer.alloc(64 * 1024, i);
              })(),
            );
            stream.on('close', () => open--);
            return stream;
          },
        };
      }
    }
    const bag = await buildTestBag(join(dir, 'bag.zip'), [], {});
    const path = join(dir, 'stream.zip');
    const result = await writeBag(entries(), createWriteStream(path), {
      bagName: 'streamed',
      signingKey: bag.privateKeyPem,
      metadata: { sourceOrganization: 'Org', externalIdentifier: 'EXP-2' },
    });
    expect(result).toMatchObject({ fileCount: 5, octetCount: 5 * 256 * 1024, payloadOxum: `${5 * 256 * 1024}.5` });
    expect(maxOpen).toBe(1);
    const manifest = (await readZipItems(path)).find((i) => i.name === 'streamed/manifest-sha256.txt');
    expect(manifest?.content?.toString()).toContain(' data/odd 100%25%0Aname.bin\n');
    const verified = await verifyBag(path);
    expect(verified.problems).toEqual([]);
  });

  it('writes an empty payload with data/ present', async () => {
    const bag = await buildTestBag(join(dir, 'empty.zip'), []);
    expect(bag.payloadOxum).toBe('0.0');
    expect((await readZipItems(bag.path)).map((i) => i.name)).toContain('sillok-export-C-0001/data/');
    expect((await verifyBag(bag.path)).ok).toBe(true);
  });

  it('lists extra tag files in the tag manifests', async () => {
    const bag = await buildTestBag(join(dir, 'bag.zip'), SAMPLE_PAYLOAD, {
      tagFiles: [{ path: 'custody/log.jsonl', source: '{"seq":1}\n' }],
    });
    const items = await readZipItems(bag.path);
    expect(text(items, 'tagmanifest-sha256.txt')).toContain(' custody/log.jsonl\n');
    expect(text(items, 'tagmanifest-sha512.txt')).toContain(' custody/log.jsonl\n');
    expect((await verifyBag(bag.path)).ok).toBe(true);
  });

  it('deflates when asked and still verifies', async () => {
    const bag = await buildTestBag(join(dir, 'bag.zip'), SAMPLE_PAYLOAD, { compress: true });
    expect((await verifyBag(bag.path)).ok).toBe(true);
  });

  describe('refuses bad input', () => {
    const base = (): WriteBagOptions => ({
      bagName: 'b',
      signingKey: generateKeyPairSync('ed25519').privateKey,
      metadata: { sourceOrganization: 'Org', externalIdentifier: 'EXP-1' },
    });
    // An in-memory sink: a file stream would still be opening when the temp dir is removed.
    const sink = () => new Writable({ write: (_chunk, _enc, cb) => cb() });
    const write = (payload: BagFileEntry[], options: WriteBagOptions = base()) => writeBag(payload, sink(), options);

    it.each([
      ['../escape.txt', BagPathError],
      ['/etc/passwd', BagPathError],
      ['a/../../b', BagPathError],
      ['a\\b', BagPathError],
    ])('payload path %j', async (path, error) => {
      await expect(write([{ path, source: 'x' }])).rejects.toThrow(error);
    });

    it('duplicate and colliding payload paths', async () => {
      await expect(write([{ path: 'a.txt', source: '1' }, { path: 'a.txt', source: '2' }])).rejects.toThrow(BagPathError);
      await expect(write([{ path: 'A.txt', source: '1' }, { path: 'a.txt', source: '2' }])).rejects.toThrow(/collides/);
    });

    it('tag files inside data/ or with reserved names', async () => {
      await expect(write([], { ...base(), tagFiles: [{ path: 'data/x', source: '' }] })).rejects.toThrow(BagPathError);
      await expect(write([], { ...base(), tagFiles: [{ path: 'manifest-md5.txt', source: '' }] })).rejects.toThrow(/reserved/);
      await expect(write([], { ...base(), tagFiles: [{ path: 'bag-info.txt', source: '' }] })).rejects.toThrow(/reserved/);
    });

    it('bag-info values that cannot be written on one line, before writing anything', async () => {
      const options = base();
      options.metadata = { ...options.metadata, custom: [['Sillok-Note', 'two\nlines']] };
      let pulled = false;
      const payload = (function* () {
        pulled = true;
        yield { path: 'a', source: 'a' };
      })();
      const output = sink();
      await expect(writeBag(payload, output, options)).rejects.toThrow(TagFileError);
      expect(pulled).toBe(false);
      expect(output.destroyed).toBe(true);
    });

    it('a key that is not Ed25519', async () => {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      await expect(write([], { ...base(), signingKey: privateKey })).rejects.toThrow(SigningKeyError);
      await expect(write([], { ...base(), signingKey: 'not a key' })).rejects.toThrow(SigningKeyError);
    });

    it('a bag name that is not a single portable segment', async () => {
      await expect(write([], { ...base(), bagName: '../x' })).rejects.toThrow(BagPathError);
    });

    it('propagates a source stream error and destroys the output', async () => {
      const output = sink();
      const failing = () =>
        new Readable({
          read() {
            this.destroy(new Error('disk read failed'));
          },
        });
      await expect(writeBag([{ path: 'a', source: 'ok' }, { path: 'b', source: failing }], output, base())).rejects.toThrow(
        'disk read failed',
      );
      expect(output.destroyed).toBe(true);
    });
  });

  describe('entries with a recorded SHA-256 (stored files): hashed once, on the worker thread when large', () => {
    const content = Buffer.alloc(6 * 2 ** 20 + 5, 7);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const sha512 = createHash('sha512').update(content).digest('hex');
    const entry = (expectSha: string): BagFileEntry => ({
      path: 'files/recording.wav',
      expect: { sha256: expectSha, size: content.length, what: 'file F-1' },
      source: () => Readable.from([content.subarray(0, 1_000_000), content.subarray(1_000_000)]),
    });

    it.each([[true], [false]])('a matching file goes in with both digests in the manifests (hashInWorker %s)', async (hashInWorker) => {
      const bag = await buildTestBag(join(dir, `ok-${hashInWorker}.zip`), [...SAMPLE_PAYLOAD, entry(sha256)], { hashInWorker });
      const items = await readZipItems(bag.path);
      expect(text(items, 'manifest-sha256.txt')).toContain(`${sha256} data/files/recording.wav`);
      expect(text(items, 'manifest-sha512.txt')).toContain(`${sha512} data/files/recording.wav`);
      expect((await verifyBag(bag.path, { publicKeyPem: bag.publicKeyPem })).ok).toBe(true);
    });

    it.each([[true], [false]])('a file that no longer matches its recorded SHA-256 fails the bag (hashInWorker %s)', async (hashInWorker) => {
      await expect(buildTestBag(join(dir, `bad-${hashInWorker}.zip`), [entry('0'.repeat(64)), ...SAMPLE_PAYLOAD], { hashInWorker })).rejects.toThrow('file F-1 does not match its recorded SHA-256');
    });
  });
});
