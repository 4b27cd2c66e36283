/** The folder inside the package (the builder names it after the export's short reference). */
export function bagName(exportId: string): string {
  return `sillok-export-${exportId.replace(/-/g, '').slice(0, 8)}`;
}

export interface VerifyTexts {
  intro: string;
  step1: string;
  step2: string;
  expect: string;
  hashLabel: string;
  keyLabel: string;
}

/**
 * What the recipient runs to check the package with standard tools (unzip, bagit.py, sha256sum,
 * openssl), as plain text for a cover letter: the package hash, the key fingerprint, then the
 * commands the package's own reading guide gives.
 */
export function verifyInstructions(exportId: string, packageSha256: string, keyFingerprint: string, texts: VerifyTexts): string {
  const bag = bagName(exportId);
  const zip = `sillok-export-${exportId}.zip`;
  return [
    texts.intro,
    '',
    `${texts.hashLabel}: ${packageSha256}`,
    `${texts.keyLabel}: ${keyFingerprint}`,
    '',
    texts.step1,
    `sha256sum ${zip}`,
    `unzip ${zip}`,
    `bagit.py --validate ${bag}`,
    '',
    texts.step2,
    'openssl pkey -pubin -in sender.pub.pem -outform DER | sha256sum',
    `base64 -d ${bag}/tagmanifest-sha256.txt.sig > tagmanifest.sig`,
    `openssl pkeyutl -verify -pubin -inkey sender.pub.pem -rawin -in ${bag}/tagmanifest-sha256.txt -sigfile tagmanifest.sig`,
    '',
    texts.expect,
  ].join('\n');
}
