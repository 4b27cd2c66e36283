import { createHmac, randomBytes } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const TOTP_SECRET_BYTES = 20;

/** A new TOTP secret (160 bits, base32), for sealing at rest and showing once. */
export function newTotpSecret(): string {
  return generateSecret({ length: TOTP_SECRET_BYTES });
}

export function totpUri(issuer: string, account: string, secret: string): string {
  return generateURI({ issuer, label: account, secret, period: TOTP_PERIOD_SECONDS });
}

/**
 * Checks a 6-digit code within ±1 time step and returns the step it matched, or null. A code of a
 * step at or before `lastUsedStep` is refused, so a code that was used cannot be replayed.
 */
export async function verifyTotp(secret: string, code: string, lastUsedStep: number | null, nowMs = Date.now()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(nowMs / 1000),
      epochTolerance: TOTP_PERIOD_SECONDS,
      ...(lastUsedStep !== null ? { afterTimeStep: lastUsedStep } : {}),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** The code an authenticator shows at a time (for tests and diagnostics). */
export function totpCodeAt(secret: string, nowMs: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(nowMs / 1000) });
}

// Crockford base32: no i, l, o, u, so a code read aloud or copied by hand is unambiguous.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** 80 random bits as xxxx-xxxx-xxxx-xxxx. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** What a user may type for a code: any case, with or without dashes and spaces, i/l for 1, o for 0. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, '').replace(/[il]/g, '1').replace(/o/g, '0');
}

export function isRecoveryCodeShape(input: string): boolean {
  return /^[0-9a-hjkmnp-tv-z]{16}$/.test(normaliseRecoveryCode(input));
}

/** Stored form of a recovery code: HMAC-SHA-256 under a key derived from the master key. */
export function hashRecoveryCode(key: Buffer, code: string): string {
  return createHmac('sha256', key).update(normaliseRecoveryCode(code), 'utf8').digest('hex');
}
