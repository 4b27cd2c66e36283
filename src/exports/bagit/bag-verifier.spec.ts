import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBag, type VerifyResult } from 'src/exports/bagit/bag-verifier';
import {
  buildTestBag,
  flipByte,
  replaceEntry,
  rewriteZip,
  type TestBag,
  type ZipItem,
} from 'src/exports/bagit/testing/zip-fixtures';

const ROOT = 'sillok-export-C-0001/';
const codes = (r: VerifyResult): string[] => r.problems.map((p) => p.code);

describe('verifyBag', () => {
  let dir: string;
  let bag: TestBag;
  let n = 0;
  const tampered = async (edit: (items: ZipItem[]) => ZipItem[]): Promise<string> => {
    const path = join(dir, `tampered-${n++}.zip`);
    await rewriteZip(bag.path, path, edit);
    return path;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bagit-verify-'));
    bag = await buildTestBag(join(dir, 'bag.zip'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts an untouched bag, with a warning that the key was not pinned', async () => {
    const result = await verifyBag(bag.path);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result).toMatchObject({ bagName: 'sillok-export-C-0001', fileCount: 4, octetCount: bag.octetCount });
    expect(result.signature).toEqual({ verified: true, trust: 'embedded_key_only', fingerprint: bag.fingerprint });
    expect(result.warnings.map((w) => w.code)).toEqual(['signature_key_not_pinned']);
    expect(result.warnings[0].message).toContain(bag.fingerprint);
  });

  it('accepts it with the sender key supplied, without the warning', async () => {
    const result = await verifyBag(bag.path, { publicKeyPem: bag.publicKeyPem });
    expect(result.ok).toBe(true);
    expect(result.signature.trust).toBe('supplied_key');
    expect(result.warnings).toEqual([]);
  });

  it('accepts it with the expected fingerprint (any case, colons allowed)', async () => {
    const spaced = bag.fingerprint.toUpperCase().match(/.{2}/g)?.join(':') ?? '';
    const result = await verifyBag(bag.path, { expectedFingerprint: spaced });
    expect(result.ok).toBe(true);
    expect(result.signature.trust).toBe('expected_fingerprint');
  });

  it('a rebuilt but unchanged zip still verifies (the check is on content, not zip bytes)', async () => {
    const result = await verifyBag(await tampered((items) => items));
    expect(result.ok).toBe(true);
  });

  describe('reports tampering', () => {
    it('one changed byte in a payload file', async () => {
      const result = await verifyBag(await tampered(replaceEntry('data/evidence/E-0001.bin', (c) => flipByte(c, 100))));
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([
        { code: 'checksum_mismatch', path: 'data/evidence/E-0001.bin', message: expect.stringMatching(/sha256 and sha512/) },
      ]);
    });

    it('a missing payload file (also breaks Payload-Oxum)', async () => {
      const result = await verifyBag(
        await tampered((items) => items.filter((i) => !i.name.endsWith('transcript-en.txt'))),
      );
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual(
        expect.objectContaining({ code: 'file_missing', path: 'data/testimonies/W-0007/transcript-en.txt' }),
      );
      expect(codes(result)).toContain('payload_oxum_mismatch');
    });

    it('an extra payload file not in the manifests', async () => {
      const result = await verifyBag(
        await tampered((items) => [...items, { name: `${ROOT}data/planted.txt`, content: Buffer.from('planted') }]),
      );
      expect(result.problems).toContainEqual({
        code: 'file_not_in_manifest',
        path: 'data/planted.txt',
        message: 'not listed in manifest-sha256.txt, manifest-sha512.txt',
      });
      expect(result.ok).toBe(false);
    });

    it('an extra tag file outside the signature', async () => {
      const result = await verifyBag(
        await tampered((items) => [...items, { name: `${ROOT}README.txt`, content: Buffer.from('trust me') }]),
      );
      expect(result.problems).toEqual([expect.objectContaining({ code: 'unsigned_tag_file', path: 'README.txt' })]);
    });

    it('a flipped byte in the signature', async () => {
      // Byte 5 of the base64 text: still valid base64, different signature.
      const result = await verifyBag(
        await tampered(replaceEntry('tagmanifest-sha256.txt.sig', (c) => {
          const copy = Buffer.from(c);
          copy[5] = copy[5] === 0x41 ? 0x42 : 0x41;
          return copy;
        })),
      );
      expect(codes(result)).toEqual(['signature_invalid']);
      expect(result.signature.verified).toBe(false);
    });

    it('a signature that is not base64 of 64 bytes', async () => {
      const result = await verifyBag(await tampered(replaceEntry('.sig', () => Buffer.from('not a signature\n'))));
      expect(codes(result)).toEqual(['signature_malformed']);
    });

    it('the tag manifest re-signed with another key (embedded key kept)', async () => {
      const other = generateKeyPairSync('ed25519');
      const path = await tampered((items) => {
        const manifest = items.find((i) => i.name === `${ROOT}tagmanifest-sha256.txt`)?.content as Buffer;
        return replaceEntry('.sig', () => Buffer.from(`${sign(null, manifest, other.privateKey).toString('base64')}\n`))(items);
      });
      expect(codes(await verifyBag(path))).toEqual(['signature_invalid']);
    });

    it('key swapped and everything re-signed: caught only with the sender key or fingerprint', async () => {
      // A forger rebuilds the whole bag with their own key.
      const forged = await buildTestBag(join(dir, 'forged.zip'));
      const alone = await verifyBag(forged.path);
      expect(alone.ok).toBe(true);
      expect(alone.warnings.map((w) => w.code)).toContain('signature_key_not_pinned');

      const withKey = await verifyBag(forged.path, { publicKeyPem: bag.publicKeyPem });
      expect(withKey.ok).toBe(false);
      expect(codes(withKey)).toEqual(['signing_key_mismatch', 'signature_invalid']);

      const withFingerprint = await verifyBag(forged.path, { expectedFingerprint: bag.fingerprint });
      expect(codes(withFingerprint)).toEqual(['signing_key_mismatch']);
    });

    it('a wrong Payload-Oxum (bag-info edited, tag manifest not updated)', async () => {
      const result = await verifyBag(
        await tampered(replaceEntry('bag-info.txt', (c) => Buffer.from(c.toString().replace(/Payload-Oxum: \d+/, 'Payload-Oxum: 1')))),
      );
      expect(codes(result)).toEqual(['tag_checksum_mismatch', 'payload_oxum_mismatch']);
      expect(result.problems[0].path).toBe('bag-info.txt');
    });

    it('a payload manifest entry changed to match altered content (tag manifest catches it)', async () => {
      const path = await tampered((items) => {
        const withNewContent = replaceEntry('data/case.json', () => Buffer.from('{}'))(items);
        return replaceEntry('manifest-sha256.txt', (c) =>
          Buffer.from(
            c
              .toString()
              .replace(
                /^[0-9a-f]+ data\/case\.json$/m,
                '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a data/case.json',
              ),
          ),
        )(withNewContent);
      });
      const result = await verifyBag(path);
      expect(codes(result)).toEqual(
        expect.arrayContaining(['checksum_mismatch', 'tag_checksum_mismatch', 'payload_oxum_mismatch']),
      );
      // sha256 now matches the forged content; sha512 still does not.
      expect(result.problems.find((p) => p.code === 'checksum_mismatch')?.message).toMatch(/its sha512 checksum/);
    });

    it('a missing tag file listed in the tag manifest', async () => {
      const result = await verifyBag(await tampered((items) => items.filter((i) => !i.name.endsWith('signature-info.txt'))));
      expect(codes(result)).toEqual(expect.arrayContaining(['tag_file_missing', 'signature_info_missing']));
    });

    it('a missing signature', async () => {
      const result = await verifyBag(await tampered((items) => items.filter((i) => !i.name.endsWith('.sig'))));
      expect(codes(result)).toEqual(['signature_missing']);
    });
  });

  describe('reports structural problems', () => {
    it('a bagit.txt with another version', async () => {
      const result = await verifyBag(
        await tampered(replaceEntry('bagit.txt', () => Buffer.from('BagIt-Version: 0.96\nTag-File-Character-Encoding: UTF-8\n'))),
      );
      expect(codes(result)).toEqual(['bagit_version_unsupported', 'tag_checksum_mismatch']);
    });

    it('a bagit.txt with a byte-order mark', async () => {
      const result = await verifyBag(await tampered(replaceEntry('bagit.txt', (c) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), c]))));
      expect(codes(result)).toContain('bagit_txt_invalid');
    });

    it('no bagit.txt', async () => {
      const result = await verifyBag(await tampered((items) => items.filter((i) => !i.name.endsWith('bagit.txt'))));
      expect(codes(result)).toEqual(['bag_root_not_found']);
    });

    it('no data/ directory', async () => {
      const result = await verifyBag(await tampered((items) => items.filter((i) => !i.name.startsWith(`${ROOT}data/`))));
      expect(codes(result)).toContain('payload_dir_missing');
      expect(codes(result)).toContain('file_missing');
    });

    it('a file next to the bag directory', async () => {
      const result = await verifyBag(await tampered((items) => [...items, { name: 'other/x.txt', content: Buffer.from('x') }]));
      expect(codes(result)).toEqual(['bag_root_not_found']);
    });

    it('the same name twice in the zip', async () => {
      const result = await verifyBag(
        await tampered((items) => [...items, { name: `${ROOT}data/case.json`, content: Buffer.from('{"swapped":true}') }]),
      );
      expect(result.problems).toContainEqual(expect.objectContaining({ code: 'duplicate_zip_entry', path: `${ROOT}data/case.json` }));
    });

    it('a manifest path that escapes the bag', async () => {
      const result = await verifyBag(
        await tampered(replaceEntry('manifest-sha512.txt', (c) => Buffer.from(`${c.toString()}${'0'.repeat(128)} data/../../etc/passwd\n`))),
      );
      expect(codes(result)).toContain('manifest_path_invalid');
    });

    it('a manifest line that is not "checksum path"', async () => {
      const result = await verifyBag(await tampered(replaceEntry('manifest-sha256.txt', (c) => Buffer.from(`${c.toString()}garbage\n`))));
      expect(codes(result)).toContain('manifest_malformed');
    });

    it('a symlink planted in data/', async () => {
      const result = await verifyBag(
        await tampered((items) => [...items, { name: `${ROOT}data/link`, content: Buffer.from('/etc/passwd'), mode: 0o120777 }]),
      );
      expect(result.problems).toContainEqual(expect.objectContaining({ code: 'unsafe_zip_entry', path: 'data/link' }));
    });

    it('a manifest with an algorithm it cannot check', async () => {
      const result = await verifyBag(
        await tampered((items) => [...items, { name: `${ROOT}manifest-blake3.txt`, content: Buffer.from('00 data/case.json\n') }]),
      );
      expect(codes(result)).toEqual(expect.arrayContaining(['unsupported_algorithm', 'unsigned_tag_file']));
    });

    it('a file that is not a zip', async () => {
      const path = join(dir, 'not-a-zip.zip');
      writeFileSync(path, 'hello');
      const result = await verifyBag(path);
      expect(result).toMatchObject({ ok: false, fileCount: 0 });
      expect(codes(result)).toEqual(['zip_unreadable']);
    });

    it('a file that does not exist', async () => {
      expect(codes(await verifyBag(join(dir, 'absent.zip')))).toEqual(['zip_unreadable']);
    });

    it('a supplied key that is not Ed25519', async () => {
      const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const pem = publicKey.export({ type: 'spki', format: 'pem' });
      expect(codes(await verifyBag(bag.path, { publicKeyPem: pem }))).toEqual(['supplied_key_invalid']);
    });
  });
});
