// File names of a Sillok bag. Payload lives under data/; everything else at the bag root is a tag file.

export const PAYLOAD_DIR = 'data';
export const BAGIT_TXT = 'bagit.txt';
export const BAG_INFO_TXT = 'bag-info.txt';
export const FETCH_TXT = 'fetch.txt';

/** Payload manifests use both algorithms RFC 8493 §2.4 says tools MUST support. */
export const BAG_ALGORITHMS = ['sha256', 'sha512'] as const;
export type BagAlgorithm = (typeof BAG_ALGORITHMS)[number];

export const manifestName = (alg: string): string => `manifest-${alg}.txt`;
export const tagManifestName = (alg: string): string => `tagmanifest-${alg}.txt`;

/** The tag manifest the signature covers; it lists every other tag file, so one signature covers the bag. */
export const SIGNED_TAG_MANIFEST = tagManifestName('sha256');
/**
 * Detached signature over SIGNED_TAG_MANIFEST. It cannot be listed in any tag manifest
 * (it would have to sign itself), so it is the one file outside the manifests by design.
 */
export const SIGNATURE_FILE = `${SIGNED_TAG_MANIFEST}.sig`;
/** Labels describing the signature; listed in the tag manifest, so covered by the signature. */
export const SIGNATURE_INFO_TXT = 'signature-info.txt';
/** The signer's Ed25519 public key (SPKI PEM); listed in the tag manifest, so covered by the signature. */
export const PUBLIC_KEY_FILE = 'signing-key.pub.pem';

export const MANIFEST_NAME_PATTERN = /^manifest-([a-z0-9]+)\.txt$/;
export const TAG_MANIFEST_NAME_PATTERN = /^tagmanifest-([a-z0-9]+)\.txt$/;

/** Names the writer produces itself; callers' extra tag files may not take them. */
export const isReservedTagName = (name: string): boolean =>
  name === BAGIT_TXT ||
  name === BAG_INFO_TXT ||
  name === FETCH_TXT ||
  name === SIGNATURE_FILE ||
  name === SIGNATURE_INFO_TXT ||
  name === PUBLIC_KEY_FILE ||
  MANIFEST_NAME_PATTERN.test(name) ||
  TAG_MANIFEST_NAME_PATTERN.test(name);
