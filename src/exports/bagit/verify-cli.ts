import { readFile } from 'node:fs/promises';
import { verifyBag, type VerifyBagOptions } from 'src/exports/bagit/bag-verifier';
import type { VerifyProblem } from 'src/exports/bagit/verify-problems';

// `npm run verify -- <package.zip> [--key <public key PEM file>] [--fingerprint <hex>] [--no-signature]`

/** Exit codes of the verifier; stable, so scripts can rely on them. */
export const EXIT = {
  /** Bag intact and signed by the key the recipient pinned (--key or --fingerprint); with --no-signature: bag intact. */
  valid: 0,
  /** Something is wrong: a checksum, the structure, the signature or the pinned key. */
  invalid: 1,
  /** Bad command line or unreadable key file. */
  usage: 2,
  /** Bag intact and the signature matches the key inside the package, but no key was pinned:
   *  anyone who rebuilt the package with their own key gets this too. */
  signerNotPinned: 3,
} as const;

const USAGE =
  'usage: verify <package.zip> [--key <public-key.pem> | --fingerprint <sha256 hex> | --no-signature]\n' +
  '  --key           the sender\'s Ed25519 public key (PEM file); the package must be signed by it\n' +
  '  --fingerprint   SHA-256 fingerprint of the sender\'s public key, as given to you out of band\n' +
  '  --no-signature  check a bag without its signature (an unsigned bag, or BagIt 0.97 from another tool)\n' +
  'exit codes:\n' +
  '  0  VALID: every check holds and the signer is the key you pinned (with --no-signature: the bag is intact)\n' +
  '  1  INVALID: see the problems listed\n' +
  '  2  usage error\n' +
  '  3  signature valid, signer NOT pinned: the package is intact and signed by the key it carries, but\n' +
  '     without --key or --fingerprint nothing shows that key is the sender\'s\n';

interface Writer {
  write(chunk: string): unknown;
}

/** Paths and messages come from the package; escape control characters so they cannot forge output lines. */
const safe = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const line = (p: VerifyProblem): string => `  ${p.code}${p.path !== undefined ? ` ${safe(p.path)}` : ''}: ${safe(p.message)}\n`;

export async function runVerifyCli(argv: readonly string[], out: Writer = process.stdout): Promise<number> {
  const parsed = parseArgs(argv);
  if ('error' in parsed) {
    out.write(`${parsed.error}\n${USAGE}`);
    return EXIT.usage;
  }
  if (parsed.help) {
    out.write(USAGE);
    return EXIT.valid;
  }
  const options: VerifyBagOptions = {};
  if (parsed.key !== undefined) {
    try {
      options.publicKeyPem = await readFile(parsed.key);
    } catch (error) {
      out.write(`cannot read the key file ${safe(parsed.key)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`);
      return EXIT.usage;
    }
  }
  if (parsed.fingerprint !== undefined) options.expectedFingerprint = parsed.fingerprint;
  if (parsed.noSignature) options.checkSignature = false;

  const result = await verifyBag(parsed.zip, options);
  const unpinned = result.ok && result.signatureChecked && result.signature.trust === 'embedded_key_only';
  const verdict = !result.ok
    ? 'INVALID'
    : !result.signatureChecked
      ? 'VALID (bag only; signature NOT checked)'
      : unpinned
        ? 'SIGNATURE VALID, SIGNER NOT PINNED'
        : 'VALID';
  out.write(`${verdict}: ${safe(parsed.zip)}\n`);
  if (result.version) out.write(`  BagIt version: ${result.version}\n`);
  out.write(`  payload: ${result.fileCount} files, ${result.octetCount} bytes\n`);
  if (result.signature.fingerprint) out.write(`  signing key fingerprint (SHA-256): ${result.signature.fingerprint}\n`);
  out.write(
    `  signature: ${!result.signatureChecked ? 'not checked (--no-signature)' : result.signature.verified ? `verified (${result.signature.trust ?? 'unknown'})` : 'NOT verified'}\n`,
  );
  if (unpinned) {
    out.write(
      '  the signer is NOT pinned: the signature matches the key inside the package, which whoever made the package chose;\n' +
        '  compare the fingerprint above with the one the sender gave you, then run again with --fingerprint <hex> or --key <file>\n',
    );
  }
  if (result.problems.length > 0) {
    out.write(`problems (${result.problems.length}):\n`);
    for (const p of result.problems) out.write(line(p));
  }
  if (result.warnings.length > 0) {
    out.write(`warnings (${result.warnings.length}):\n`);
    for (const w of result.warnings) out.write(line(w));
  }
  return !result.ok ? EXIT.invalid : unpinned ? EXIT.signerNotPinned : EXIT.valid;
}

type Parsed = { zip: string; key?: string; fingerprint?: string; noSignature: boolean; help: false } | { help: true } | { error: string };

function parseArgs(argv: readonly string[]): Parsed {
  let zip: string | undefined;
  let key: string | undefined;
  let fingerprint: string | undefined;
  let noSignature = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--no-signature') {
      noSignature = true;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--key' || flag === '--fingerprint') {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') return { error: `${flag} needs a value` };
      if (flag === '--key') key = value;
      else fingerprint = value;
    } else if (arg.startsWith('-')) {
      return { error: `unknown option ${arg}` };
    } else if (zip === undefined) {
      zip = arg;
    } else {
      return { error: `unexpected argument ${arg}` };
    }
  }
  if (zip === undefined) return { error: 'the package to verify is missing' };
  if (noSignature && (key !== undefined || fingerprint !== undefined)) return { error: '--no-signature cannot be combined with --key or --fingerprint' };
  return { zip, key, fingerprint, noSignature, help: false };
}
