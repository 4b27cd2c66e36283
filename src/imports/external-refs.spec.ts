import { randomBytes } from 'node:crypto';
import { externalKeyOf, externalRefKey } from 'src/imports/external-refs';

describe('external ids are stored keyed, never in plaintext', () => {
  const caseKey = randomBytes(32);
  const key = externalRefKey(caseKey);

  it('is stable for the same case and id, so re-runs find what earlier runs stored', () => {
    expect(externalKeyOf(externalRefKey(Buffer.from(caseKey)), 'Kim Chol-su #3')).toBe(externalKeyOf(key, 'Kim Chol-su #3'));
    expect(externalKeyOf(key, 'INC-1')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs between ids and between cases, and does not reuse the data key itself', () => {
    expect(externalKeyOf(key, 'INC-1')).not.toBe(externalKeyOf(key, 'INC-2'));
    expect(externalKeyOf(externalRefKey(randomBytes(32)), 'INC-1')).not.toBe(externalKeyOf(key, 'INC-1'));
    expect(key.equals(caseKey)).toBe(false);
  });
});
