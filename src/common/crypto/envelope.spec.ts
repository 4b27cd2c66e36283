import { randomBytes } from 'node:crypto';
import { DecryptionError, newDataKey, open, openJson, seal, sealJson, unwrapDataKey, wrapDataKey } from 'src/common/crypto/envelope';

describe('envelope encryption', () => {
  const key = randomBytes(32);

  it('round-trips JSON with Hangul', () => {
    const value = { names: ['김철수', 'Kim Chol-su'], birth: { date: '1975-03-02', precision: 'day' } };
    const sealed = sealJson(key, value, 'person:1:identity');
    expect(sealed.toString('utf8')).not.toContain('Chol-su');
    expect(sealed.includes(Buffer.from('김철수', 'utf8'))).toBe(false);
    expect(openJson(key, sealed, 'person:1:identity')).toEqual(value);
  });

  it('uses a fresh IV each time', () => {
    expect(seal(key, Buffer.from('same'), 'a').equals(seal(key, Buffer.from('same'), 'a'))).toBe(false);
  });

  it('refuses a ciphertext moved to another record, a wrong key, or an altered byte', () => {
    const sealed = seal(key, Buffer.from('secret'), 'person:1:identity');
    expect(() => open(key, sealed, 'person:2:identity')).toThrow(DecryptionError);
    expect(() => open(randomBytes(32), sealed, 'person:1:identity')).toThrow(DecryptionError);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    expect(() => open(key, altered, 'person:1:identity')).toThrow(DecryptionError);
    expect(() => open(key, Buffer.from([9, 9]), 'x')).toThrow(DecryptionError);
  });

  it('wraps a case data key under the master key, bound to the case', () => {
    const master = randomBytes(32);
    const dataKey = newDataKey();
    const wrapped = wrapDataKey(master, dataKey, 'case-a');
    expect(unwrapDataKey(master, wrapped, 'case-a').equals(dataKey)).toBe(true);
    expect(() => unwrapDataKey(master, wrapped, 'case-b')).toThrow(DecryptionError);
  });
});
