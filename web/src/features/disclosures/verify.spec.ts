import { bagName, verifyInstructions } from './verify';

const TEXTS = { intro: 'INTRO', step1: 'STEP1', step2: 'STEP2', expect: 'EXPECT', hashLabel: 'Package SHA-256', keyLabel: 'Key fingerprint' };
const ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('verify instructions', () => {
  it('names the bag folder after the first 8 hex digits of the export id', () => {
    expect(bagName(ID)).toBe('sillok-export-0a1b2c3d');
  });

  it('holds the hash, the fingerprint and the standard-tool commands on the right files', () => {
    const text = verifyInstructions(ID, 'a'.repeat(64), 'b'.repeat(64), TEXTS);
    const lines = text.split('\n');
    expect(lines[0]).toBe('INTRO');
    expect(lines).toContain(`Package SHA-256: ${'a'.repeat(64)}`);
    expect(lines).toContain(`Key fingerprint: ${'b'.repeat(64)}`);
    expect(lines).toContain(`sha256sum sillok-export-${ID}.zip`);
    expect(lines).toContain('bagit.py --validate sillok-export-0a1b2c3d');
    expect(lines).toContain('openssl pkeyutl -verify -pubin -inkey sender.pub.pem -rawin -in sillok-export-0a1b2c3d/tagmanifest-sha256.txt -sigfile tagmanifest.sig');
    expect(lines.indexOf('STEP1')).toBeLessThan(lines.indexOf('STEP2'));
    expect(lines.at(-1)).toBe('EXPECT');
  });
});
