import { deriveHeadKey, headSignatureValid, signHead } from 'src/audit/head-signing';

describe('audit head signing', () => {
  const master = Buffer.alloc(32, 7);
  const head = { seq: '42', hash: 'a'.repeat(64), signedAt: '2026-12-05T06:00:00.000Z' };

  it('derives the same Ed25519 key from the same master key (every replica signs alike), another from another', () => {
    const a = deriveHeadKey(master);
    const b = deriveHeadKey(Buffer.from(master));
    expect(a.publicKey.asymmetricKeyType).toBe('ed25519');
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(deriveHeadKey(Buffer.alloc(32, 8)).fingerprint).not.toBe(a.fingerprint);
  });

  it('verifies a signed head and refuses any change to position, hash, time or signature, or another key', () => {
    const key = deriveHeadKey(master);
    const signature = signHead(key, head);
    expect(headSignatureValid(key.publicKey, head, signature)).toBe(true);
    expect(headSignatureValid(key.publicKey, { ...head, seq: '43' }, signature)).toBe(false);
    expect(headSignatureValid(key.publicKey, { ...head, hash: 'b'.repeat(64) }, signature)).toBe(false);
    expect(headSignatureValid(key.publicKey, { ...head, signedAt: '2026-12-05T06:00:00.001Z' }, signature)).toBe(false);
    expect(headSignatureValid(key.publicKey, head, Buffer.alloc(64).toString('base64'))).toBe(false);
    expect(headSignatureValid(key.publicKey, head, 'not base64 at all!')).toBe(false);
    expect(headSignatureValid(deriveHeadKey(Buffer.alloc(32, 9)).publicKey, head, signature)).toBe(false);
  });
});
