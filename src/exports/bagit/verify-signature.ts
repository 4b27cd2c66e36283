import type { KeyObject } from 'node:crypto';
import { PUBLIC_KEY_FILE, SIGNATURE_FILE, SIGNATURE_INFO_TXT, SIGNED_TAG_MANIFEST } from 'src/exports/bagit/bag-layout';
import {
  decodeSignature,
  parsePublicKey,
  publicKeyFingerprint,
  SIGNATURE_INFO_LABELS,
  verifyDetached,
} from 'src/exports/bagit/bag-signature';
import { parseTagFile, tagValues } from 'src/exports/bagit/tag-files';
import type { ProblemList } from 'src/exports/bagit/verify-problems';

/**
 * How far the signature can be trusted:
 * - supplied_key: verified with the key the recipient supplied (and the embedded key is that key);
 * - expected_fingerprint: verified with the embedded key, whose fingerprint the recipient supplied;
 * - embedded_key_only: verified with the key inside the package. This proves the package is
 *   internally consistent, not who made it: whoever altered it could have replaced the key.
 */
export type SignatureTrust = 'supplied_key' | 'expected_fingerprint' | 'embedded_key_only';

export interface SignatureSummary {
  verified: boolean;
  trust?: SignatureTrust;
  /** Fingerprint of the embedded public key, for comparison with the sender's out-of-band one. */
  fingerprint?: string;
}

export interface SignatureInputs {
  publicKeyPem?: string | Buffer;
  expectedFingerprint?: string;
}

const normaliseFingerprint = (value: string): string => value.replace(/[\s:]/g, '').toLowerCase();

export function verifyBagSignature(
  tagContents: ReadonlyMap<string, Buffer>,
  inputs: SignatureInputs,
  problems: ProblemList,
): SignatureSummary {
  const summary: SignatureSummary = { verified: false };
  const signed = tagContents.get(SIGNED_TAG_MANIFEST);
  const signatureFile = tagContents.get(SIGNATURE_FILE);
  if (!signatureFile) {
    problems.error('signature_missing', `${SIGNATURE_FILE} is missing: the package is not signed (an unsigned BagIt bag can be checked with --no-signature)`, SIGNATURE_FILE);
  }

  // The embedded key and its declared fingerprint.
  let embedded: KeyObject | undefined;
  const keyPem = tagContents.get(PUBLIC_KEY_FILE);
  if (!keyPem) {
    problems.error('public_key_missing', `${PUBLIC_KEY_FILE} is missing`, PUBLIC_KEY_FILE);
  } else {
    try {
      embedded = parsePublicKey(keyPem);
      summary.fingerprint = publicKeyFingerprint(embedded);
    } catch (error) {
      problems.error('public_key_invalid', `${PUBLIC_KEY_FILE}: ${(error as Error).message}`, PUBLIC_KEY_FILE);
    }
  }
  const info = tagContents.get(SIGNATURE_INFO_TXT);
  if (!info) {
    problems.error('signature_info_missing', `${SIGNATURE_INFO_TXT} is missing`, SIGNATURE_INFO_TXT);
  } else {
    const parsed = parseTagFile(info.toString('utf8'));
    const L = SIGNATURE_INFO_LABELS;
    const algorithm = tagValues(parsed, L.algorithm);
    const declared = tagValues(parsed, L.fingerprint);
    if (algorithm.length !== 1 || algorithm[0] !== 'Ed25519' || declared.length !== 1) {
      problems.error(
        'signature_info_invalid',
        `${SIGNATURE_INFO_TXT} must name one ${L.algorithm} (Ed25519) and one ${L.fingerprint}`,
        SIGNATURE_INFO_TXT,
      );
    } else if (summary.fingerprint && normaliseFingerprint(declared[0]) !== summary.fingerprint) {
      problems.error(
        'fingerprint_mismatch',
        `${SIGNATURE_INFO_TXT} declares fingerprint ${declared[0]} but ${PUBLIC_KEY_FILE} has ${summary.fingerprint}`,
        SIGNATURE_INFO_TXT,
      );
    }
  }

  // Which key to verify with, and how far it is trusted.
  let key = embedded;
  let trust: SignatureTrust = 'embedded_key_only';
  if (inputs.publicKeyPem !== undefined) {
    try {
      key = parsePublicKey(inputs.publicKeyPem);
      trust = 'supplied_key';
      const supplied = publicKeyFingerprint(key);
      if (summary.fingerprint && supplied !== summary.fingerprint) {
        problems.error(
          'signing_key_mismatch',
          `the package carries key ${summary.fingerprint}, not the supplied key ${supplied}`,
          PUBLIC_KEY_FILE,
        );
      }
    } catch (error) {
      problems.error('supplied_key_invalid', `the supplied public key: ${(error as Error).message}`);
      return summary;
    }
  }
  if (inputs.expectedFingerprint !== undefined) {
    const expected = normaliseFingerprint(inputs.expectedFingerprint);
    if (summary.fingerprint !== expected) {
      problems.error(
        'signing_key_mismatch',
        `the package carries key ${summary.fingerprint ?? '(none)'}, not the expected fingerprint ${expected}`,
        PUBLIC_KEY_FILE,
      );
    } else if (trust === 'embedded_key_only') {
      trust = 'expected_fingerprint';
    }
  }

  if (!signatureFile || !signed || !key) return summary;
  const signature = decodeSignature(signatureFile);
  if (!signature) {
    problems.error('signature_malformed', `${SIGNATURE_FILE} is not one base64 Ed25519 signature`, SIGNATURE_FILE);
    return summary;
  }
  if (!verifyDetached(signed, signature, key)) {
    problems.error('signature_invalid', `the signature does not match ${SIGNED_TAG_MANIFEST}`, SIGNATURE_FILE);
    return summary;
  }
  summary.verified = true;
  summary.trust = trust;
  if (trust === 'embedded_key_only') {
    problems.warn(
      'signature_key_not_pinned',
      `the signature was checked only against the key inside the package (fingerprint ${summary.fingerprint}); ` +
        'compare it with the fingerprint the sender gave you, or verify with --key',
    );
  }
  return summary;
}
