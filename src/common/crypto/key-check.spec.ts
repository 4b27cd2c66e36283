import { randomBytes } from 'node:crypto';
import { masterKeyCheckValue, matchesKeyCheck } from 'src/common/crypto/key-check';

describe('master key check value', () => {
  const key = randomBytes(32);

  it('is stable for one key and matches only that key', () => {
    const value = masterKeyCheckValue(key);
    expect(value).toHaveLength(32);
    expect(masterKeyCheckValue(Buffer.from(key)).equals(value)).toBe(true);
    expect(matchesKeyCheck(key, value)).toBe(true);
    expect(matchesKeyCheck(randomBytes(32), value)).toBe(false);
  });

  it('differs with a single changed bit and reveals nothing of the key itself', () => {
    const other = Buffer.from(key);
    other[31] ^= 1;
    expect(matchesKeyCheck(other, masterKeyCheckValue(key))).toBe(false);
    expect(masterKeyCheckValue(key).includes(key.subarray(0, 8))).toBe(false);
  });

  it('refuses a stored value of another length without throwing', () => {
    expect(matchesKeyCheck(key, Buffer.alloc(16))).toBe(false);
    expect(matchesKeyCheck(key, Buffer.alloc(0))).toBe(false);
  });
});
