import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { PUBLIC_KEY_FILE, SIGNATURE_FILE, SIGNED_TAG_MANIFEST } from 'src/exports/bagit/bag-layout';
import { renderTagFile, type TagLine } from 'src/exports/bagit/tag-files';

// Detached Ed25519 signature over the tag manifest. The tag manifest lists every tag file
// (including the payload manifests), so one signature authenticates the whole bag.

export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

export const SIGNATURE_INFO_LABELS = {
  algorithm: 'Signature-Algorithm',
  signedFile: 'Signed-File',
  signatureFile: 'Signature-File',
  encoding: 'Signature-Encoding',
  keyFile: 'Public-Key-File',
  fingerprint: 'Public-Key-Fingerprint-SHA256',
} as const;

/** Hex SHA-256 of the key's SubjectPublicKeyInfo DER: what a recipient compares out of band. */
export const publicKeyFingerprint = (publicKey: KeyObject): string =>
  createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');

export function loadSigningKey(key: KeyObject | string): { privateKey: KeyObject; publicKey: KeyObject } {
  let privateKey: KeyObject;
  try {
    privateKey = typeof key === 'string' ? createPrivateKey(key) : key;
  } catch {
    throw new SigningKeyError('the signing key is not a readable private key');
  }
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError('the signing key must be an Ed25519 private key');
  }
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** Parses a PEM public key and insists on Ed25519; throws SigningKeyError otherwise. */
export function parsePublicKey(pem: string | Buffer): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new SigningKeyError('not a readable PEM public key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError('the public key is not an Ed25519 key');
  return key;
}

export const exportPublicKeyPem = (publicKey: KeyObject): string =>
  publicKey.export({ type: 'spki', format: 'pem' }).toString();

export function generateSigningKeyPair(): { privateKeyPem: string; publicKeyPem: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: exportPublicKeyPem(publicKey),
    fingerprint: publicKeyFingerprint(publicKey),
  };
}

/** Base64 of the 64-byte Ed25519 signature, one line. */
export const signDetached = (data: Buffer, privateKey: KeyObject): string =>
  `${sign(null, data, privateKey).toString('base64')}\n`;

/** Strict base64 decoding: anything but one base64 line of a 64-byte signature is malformed. */
export function decodeSignature(content: Buffer): Buffer | undefined {
  const text = content.toString('utf8').trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === 64 && bytes.toString('base64') === text ? bytes : undefined;
}

export const verifyDetached = (data: Buffer, signature: Buffer, publicKey: KeyObject): boolean =>
  verify(null, data, publicKey, signature);

export function renderSignatureInfo(fingerprint: string): string {
  const L = SIGNATURE_INFO_LABELS;
  const lines: TagLine[] = [
    [L.algorithm, 'Ed25519'],
    [L.signedFile, SIGNED_TAG_MANIFEST],
    [L.signatureFile, SIGNATURE_FILE],
    [L.encoding, 'base64'],
    [L.keyFile, PUBLIC_KEY_FILE],
    [L.fingerprint, fingerprint],
  ];
  return renderTagFile(lines);
}
