import { runVerifyCli } from 'src/exports/bagit/verify-cli';

// `npm run verify -- <package.zip> [--key <public key file> | --fingerprint <hex> | --no-signature]`:
// offline check of an exported case-file package. Exit 0 only when every check holds and the signer
// is pinned; 3 when the signature is valid but no key was pinned (codes: src/exports/bagit/verify-cli.ts).
runVerifyCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
