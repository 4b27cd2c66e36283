import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, runVerifyCli } from 'src/exports/bagit/verify-cli';
import { buildTestBag, flipByte, replaceEntry, rewriteZip, writeZipItems, type TestBag, type ZipItem } from 'src/exports/bagit/testing/zip-fixtures';

const PAYLOAD: Record<string, string> = { 'data/a.txt': 'first file\n', 'data/sub/b.txt': 'second file\n' };
const digest = (alg: string, text: string) => createHash(alg).update(text).digest('hex');

/** An unsigned bag as another tool (bagit-python, older tools) writes it; `paths` lists what each manifest covers. */
function plainBag(options: { version: string; manifests: Record<string, string[]>; prefix?: string; bagitTxt?: Buffer; bagInfo?: Buffer }): ZipItem[] {
  const root = 'plain-bag/';
  const items: ZipItem[] = [
    { name: root },
    { name: `${root}bagit.txt`, content: options.bagitTxt ?? Buffer.from(`BagIt-Version: ${options.version}\nTag-File-Character-Encoding: UTF-8\n`) },
    { name: `${root}bag-info.txt`, content: options.bagInfo ?? Buffer.from('Source-Organization: Elsewhere\nPayload-Oxum: 23.2\n') },
    ...Object.entries(PAYLOAD).map(([path, text]) => ({ name: `${root}${path}`, content: Buffer.from(text) })),
  ];
  for (const [alg, paths] of Object.entries(options.manifests)) {
    items.push({ name: `${root}manifest-${alg}.txt`, content: Buffer.from(paths.map((p) => `${digest(alg, PAYLOAD[p])}  ${options.prefix ?? ''}${p}\n`).join('')) });
  }
  return items;
}

describe('runVerifyCli', () => {
  let dir: string;
  let bag: TestBag;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bagit-cli-'));
    bag = await buildTestBag(join(dir, 'bag.zip'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (argv: string[]) => {
    let out = '';
    const code = await runVerifyCli(argv, { write: (chunk: string) => (out += chunk) });
    return { code, out };
  };

  it('without --key or --fingerprint: "signature valid, signer NOT pinned", exit 3, never a plain VALID', async () => {
    const { code, out } = await run([bag.path]);
    expect(code).toBe(EXIT.signerNotPinned);
    expect(code).toBe(3);
    expect(out.split('\n')[0]).toBe(`SIGNATURE VALID, SIGNER NOT PINNED: ${bag.path}`);
    expect(out.split('\n').filter((l) => l.startsWith('VALID'))).toEqual([]);
    expect(out).toContain(bag.fingerprint);
    expect(out).toContain('signature_key_not_pinned');
  });

  it('a package rebuilt and signed with another key: exit 3 alone, exit 1 once the sender is pinned', async () => {
    const forged = await buildTestBag(join(dir, 'forged.zip'));
    expect((await run([forged.path])).code).toBe(3);
    const pinned = await run([forged.path, '--fingerprint', bag.fingerprint]);
    expect(pinned.code).toBe(1);
    expect(pinned.out).toContain('signing_key_mismatch');
    const keyPath = join(dir, 'sender-for-forged.pub.pem');
    writeFileSync(keyPath, bag.publicKeyPem);
    expect((await run([forged.path, '--key', keyPath])).code).toBe(1);
  });

  it('exits 0 with --fingerprint', async () => {
    const { code, out } = await run([bag.path, '--fingerprint', bag.fingerprint]);
    expect(code).toBe(0);
    expect(out).toContain('verified (expected_fingerprint)');
  });

  it('documents the exit codes in its usage text', async () => {
    const { out } = await run(['--help']);
    expect(out).toMatch(/0 {2}VALID/);
    expect(out).toMatch(/3 {2}signature valid, signer NOT pinned/);
    expect(out).toContain('--no-signature');
  });

  describe('--no-signature: unsigned bags, BagIt 0.97, encodings', () => {
    const zipOf = async (name: string, items: ZipItem[]) => {
      const path = join(dir, name);
      await writeZipItems(path, items);
      return path;
    };

    it('an unsigned BagIt 1.0 bag: invalid by default (signature missing, with a hint), valid with --no-signature', async () => {
      const path = await zipOf('plain-1.0.zip', plainBag({ version: '1.0', manifests: { sha256: Object.keys(PAYLOAD), sha512: Object.keys(PAYLOAD) } }));
      const signed = await run([path]);
      expect(signed.code).toBe(1);
      expect(signed.out).toContain('signature_missing');
      expect(signed.out).toContain('--no-signature');
      const plain = await run([path, '--no-signature']);
      expect(plain.out).toContain('VALID (bag only; signature NOT checked)');
      expect(plain.out).toContain('signature: not checked');
      expect(plain.code).toBe(0);
    });

    it('--no-signature still finds a changed byte', async () => {
      const path = await zipOf('plain-tampered.zip', plainBag({ version: '1.0', manifests: { sha256: Object.keys(PAYLOAD) } }).map((i) => (i.name.endsWith('a.txt') ? { ...i, content: Buffer.from('First file\n') } : i)));
      const { code, out } = await run([path, '--no-signature']);
      expect(code).toBe(1);
      expect(out).toContain('checksum_mismatch data/a.txt');
    });

    it('a BagIt 0.97 bag with "./data/" manifest paths, each file in at least one manifest', async () => {
      const path = await zipOf('plain-0.97.zip', plainBag({ version: '0.97', prefix: './', manifests: { md5: Object.keys(PAYLOAD), sha1: ['data/a.txt'] } }));
      const { code, out } = await run([path, '--no-signature']);
      expect(out).not.toContain('problems');
      expect(out).toContain('BagIt version: 0.97');
      expect(out).toContain('payload: 2 files, 23 bytes');
      expect(code).toBe(0);
    });

    it('the same manifests under BagIt 1.0 miss a file (1.0: every file in every manifest)', async () => {
      const path = await zipOf('plain-1.0-partial.zip', plainBag({ version: '1.0', prefix: './', manifests: { md5: Object.keys(PAYLOAD), sha1: ['data/a.txt'] } }));
      const { code, out } = await run([path, '--no-signature']);
      expect(code).toBe(1);
      expect(out).toContain('file_not_in_manifest data/sub/b.txt: not listed in manifest-sha1.txt');
    });

    it('a version it does not read is named', async () => {
      const path = await zipOf('plain-0.93.zip', plainBag({ version: '0.93', manifests: { md5: Object.keys(PAYLOAD) } }));
      const { code, out } = await run([path, '--no-signature']);
      expect(code).toBe(1);
      expect(out).toContain('bagit_version_unsupported bagit.txt: BagIt-Version 0.93 is not one this verifier reads (1.0, 0.97)');
    });

    it('a UTF-16 bagit.txt gets a clear encoding error, not a parse error', async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-16\n', 'utf16le')]);
      const path = await zipOf('plain-utf16.zip', plainBag({ version: '1.0', bagitTxt: utf16, manifests: { sha256: Object.keys(PAYLOAD) } }));
      const { code, out } = await run([path, '--no-signature']);
      expect(code).toBe(1);
      expect(out).toContain('tag_file_encoding bagit.txt: encoded in UTF-16LE (byte-order mark FFFE); BagIt tag files must be UTF-8');
    });

    it('tag files declared as ISO-8859-1 get a clear error naming the declared encoding', async () => {
      const bagitTxt = Buffer.from('BagIt-Version: 0.97\nTag-File-Character-Encoding: ISO-8859-1\n');
      const bagInfo = Buffer.from('Source-Organization: Soci\xe9t\xe9\nPayload-Oxum: 23.2\n', 'latin1');
      const path = await zipOf('plain-latin1.zip', plainBag({ version: '0.97', bagitTxt, bagInfo, manifests: { md5: Object.keys(PAYLOAD) } }));
      const { code, out } = await run([path, '--no-signature']);
      expect(code).toBe(1);
      expect(out).toContain('tag_file_encoding bagit.txt: Tag-File-Character-Encoding ISO-8859-1: this verifier reads UTF-8 tag files only');
      expect(out).toContain('tag_file_encoding bag-info.txt: not valid UTF-8 (bagit.txt declares Tag-File-Character-Encoding ISO-8859-1)');
    });

    it('--no-signature cannot be combined with a pinned key', async () => {
      const { code, out } = await run([bag.path, '--no-signature', '--fingerprint', bag.fingerprint]);
      expect(code).toBe(2);
      expect(out).toContain('--no-signature cannot be combined');
    });
  });

  it('exits 0 with --key (both spellings) and no warning', async () => {
    const keyPath = join(dir, 'sender.pub.pem');
    writeFileSync(keyPath, bag.publicKeyPem);
    for (const argv of [[bag.path, '--key', keyPath], [`--key=${keyPath}`, bag.path]]) {
      const { code, out } = await run(argv);
      expect(code).toBe(0);
      expect(out).toContain('verified (supplied_key)');
      expect(out).not.toContain('warnings');
    }
  });

  it('exits 1 and lists problems for a tampered package', async () => {
    const path = join(dir, 'tampered.zip');
    await rewriteZip(bag.path, path, replaceEntry('data/case.json', (c) => flipByte(c)));
    const { code, out } = await run([path, '--fingerprint', bag.fingerprint]);
    expect(code).toBe(1);
    expect(out).toContain('INVALID');
    expect(out).toContain('checksum_mismatch data/case.json');
  });

  it('escapes control characters from the package so they cannot forge output lines', async () => {
    const path = join(dir, 'evil.zip');
    await rewriteZip(bag.path, path, (items) => [
      ...items,
      { name: 'sillok-export-C-0001/data/x\nVALID: all good', content: Buffer.from('x') },
    ]);
    const { code, out } = await run([path]);
    expect(code).toBe(1);
    expect(out).toContain('data/x\\u000aVALID: all good');
    expect(out.split('\n').filter((l) => l.startsWith('VALID'))).toEqual([]);
  });

  it.each([[[]], [['a.zip', 'b.zip']], [['a.zip', '--key']], [['a.zip', '--bogus']]])('exits 2 on usage error %j', async (argv) => {
    const { code, out } = await run(argv);
    expect(code).toBe(2);
    expect(out).toContain('usage:');
  });

  it('exits 2 when the key file cannot be read', async () => {
    const { code, out } = await run([bag.path, '--key', join(dir, 'absent.pem')]);
    expect(code).toBe(2);
    expect(out).toContain('ENOENT');
  });

  it('writes to process.stdout by default', async () => {
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runVerifyCli(['--help'])).toBe(0);
      expect(spy).toHaveBeenCalledWith(expect.stringContaining('usage:'));
    } finally {
      spy.mockRestore();
    }
  });
});
