import { randomBytes } from 'node:crypto';
import {
  hashRecoveryCode, isRecoveryCodeShape, newRecoveryCode, newTotpSecret, normaliseRecoveryCode, totpCodeAt, totpUri, verifyTotp,
} from 'src/auth/two-factor/second-factor-codes';

const STEP = 30_000;
// The middle of a time step, so ±1 step is unambiguous.
const now = (Math.floor(Date.UTC(2030, 0, 1) / STEP) + 0.5) * STEP;
const step = Math.floor(now / STEP);

describe('TOTP (RFC 6238)', () => {
  const secret = newTotpSecret();

  it('makes 160-bit base32 secrets and an otpauth URI naming issuer and account', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri('Sillok', 'analyst@example.org', secret));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Sillok');
    expect(decodeURIComponent(uri.pathname)).toContain('analyst@example.org');
  });

  it('accepts the current code and one step either side, and returns the step matched', async () => {
    expect(await verifyTotp(secret, await totpCodeAt(secret, now), null, now)).toBe(step);
    expect(await verifyTotp(secret, await totpCodeAt(secret, now - STEP), null, now)).toBe(step - 1);
    expect(await verifyTotp(secret, await totpCodeAt(secret, now + STEP), null, now)).toBe(step + 1);
  });

  it('refuses codes two steps away, malformed codes and codes of another secret', async () => {
    expect(await verifyTotp(secret, await totpCodeAt(secret, now + 2 * STEP), null, now)).toBeNull();
    expect(await verifyTotp(secret, await totpCodeAt(secret, now - 2 * STEP), null, now)).toBeNull();
    expect(await verifyTotp(secret, '12345', null, now)).toBeNull();
    expect(await verifyTotp(secret, 'abcdef', null, now)).toBeNull();
    expect(await verifyTotp(newTotpSecret(), await totpCodeAt(secret, now), null, now)).toBeNull();
  });

  it('refuses a code of a step already used (replay), and earlier ones, but takes the next step', async () => {
    const code = await totpCodeAt(secret, now);
    expect(await verifyTotp(secret, code, step, now)).toBeNull();
    expect(await verifyTotp(secret, await totpCodeAt(secret, now - STEP), step, now)).toBeNull();
    expect(await verifyTotp(secret, await totpCodeAt(secret, now + STEP), step, now)).toBe(step + 1);
  });
});

describe('recovery codes', () => {
  it('are 80 random bits in four groups, all different', () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    expect(new Set(codes).size).toBe(50);
  });

  it('accept what a user may type: case, spaces, missing dashes, i/l/o misread', () => {
    const code = '0a1b-2c3d-4e5f-6g7h';
    expect(normaliseRecoveryCode(' 0A1B 2C3D-4E5F6G7H ')).toBe('0a1b2c3d4e5f6g7h');
    expect(normaliseRecoveryCode('oalb-2c3d-4e5f-6g7h')).toBe(normaliseRecoveryCode(code));
    expect(isRecoveryCodeShape(code)).toBe(true);
    expect(isRecoveryCodeShape('123456')).toBe(false);
  });

  it('are stored as a keyed hash: the same code gives the same hash only under the same key', () => {
    const key = randomBytes(32);
    const code = newRecoveryCode();
    expect(hashRecoveryCode(key, code)).toBe(hashRecoveryCode(key, code.toUpperCase()));
    expect(hashRecoveryCode(key, code)).not.toContain(normaliseRecoveryCode(code));
    expect(hashRecoveryCode(randomBytes(32), code)).not.toBe(hashRecoveryCode(key, code));
  });
});
