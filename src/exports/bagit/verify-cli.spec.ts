import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerifyCli } from 'src/exports/bagit/verify-cli';
import { buildTestBag, flipByte, replaceEntry, rewriteZip, type TestBag } from 'src/exports/bagit/testing/zip-fixtures';

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

  it('exits 0 and prints the fingerprint and the unpinned-key warning', async () => {
    const { code, out } = await run([bag.path]);
    expect(code).toBe(0);
    expect(out).toContain('VALID');
    expect(out).toContain(bag.fingerprint);
    expect(out).toContain('signature_key_not_pinned');
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
