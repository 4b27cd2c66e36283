import { readFile } from 'node:fs/promises';
import { verifyBag, type VerifyBagOptions } from 'src/exports/bagit/bag-verifier';
import type { VerifyProblem } from 'src/exports/bagit/verify-problems';

// `npm run verify -- <package.zip> [--key <public key PEM file>] [--fingerprint <hex>]`
// Exit codes: 0 valid, 1 invalid, 2 usage error.

const USAGE =
  'usage: verify <package.zip> [--key <public-key.pem>] [--fingerprint <sha256 hex>]\n' +
  '  --key          the sender\'s Ed25519 public key (PEM file); the package must be signed by it\n' +
  '  --fingerprint  SHA-256 fingerprint of the sender\'s public key, as given to you out of band\n';

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
    return 2;
  }
  if (parsed.help) {
    out.write(USAGE);
    return 0;
  }
  const options: VerifyBagOptions = {};
  if (parsed.key !== undefined) {
    try {
      options.publicKeyPem = await readFile(parsed.key);
    } catch (error) {
      out.write(`cannot read the key file ${safe(parsed.key)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`);
      return 2;
    }
  }
  if (parsed.fingerprint !== undefined) options.expectedFingerprint = parsed.fingerprint;

  const result = await verifyBag(parsed.zip, options);
  out.write(`${result.ok ? 'VALID' : 'INVALID'}: ${safe(parsed.zip)}\n`);
  out.write(`  payload: ${result.fileCount} files, ${result.octetCount} bytes\n`);
  if (result.signature.fingerprint) out.write(`  signing key fingerprint (SHA-256): ${result.signature.fingerprint}\n`);
  out.write(
    `  signature: ${result.signature.verified ? `verified (${result.signature.trust ?? 'unknown'})` : 'NOT verified'}\n`,
  );
  if (result.problems.length > 0) {
    out.write(`problems (${result.problems.length}):\n`);
    for (const p of result.problems) out.write(line(p));
  }
  if (result.warnings.length > 0) {
    out.write(`warnings (${result.warnings.length}):\n`);
    for (const w of result.warnings) out.write(line(w));
  }
  return result.ok ? 0 : 1;
}

type Parsed = { zip: string; key?: string; fingerprint?: string; help: false } | { help: true } | { error: string };

function parseArgs(argv: readonly string[]): Parsed {
  let zip: string | undefined;
  let key: string | undefined;
  let fingerprint: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
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
  return { zip, key, fingerprint, help: false };
}
