import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';
import { publicKeyFingerprint } from 'src/exports/bagit/bag-signature';

// PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const KEY_INFO = 'sillok audit chain head signing key v1';

export interface HeadKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Hex SHA-256 of the public key's SPKI DER. */
  fingerprint: string;
}

export interface SignedHeadFields {
  seq: string;
  hash: string;
  signedAt: string;
}

/**
 * The deployment's audit-head key: an Ed25519 key derived (HKDF-SHA256) from the master key, so
 * every api and worker replica signs with the same key and none of it is stored in the database
 * it protects.
 */
export function deriveHeadKey(masterKey: Buffer): HeadKey {
  const seed = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), KEY_INFO, 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: publicKeyFingerprint(publicKey) };
}

/** The exact bytes a head signature covers. */
export const headSigningPayload = (head: SignedHeadFields): Buffer => Buffer.from(`sillok-audit-head-v1\n${head.seq}\n${head.hash}\n${head.signedAt}\n`, 'utf8');

/** Base64 Ed25519 signature of the head. */
export const signHead = (key: HeadKey, head: SignedHeadFields): string => sign(null, headSigningPayload(head), key.privateKey).toString('base64');

export function headSignatureValid(publicKey: KeyObject, head: SignedHeadFields, signature: string): boolean {
  try {
    return verify(null, headSigningPayload(head), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
