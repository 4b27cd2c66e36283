// Benchmark: stream a large generated payload into a signed zipped bag, then verify it.
// Run: node scripts/bench.js bagit   (BAGIT_BENCH_MB=1000 for a bigger run)
// Prints payload throughput (MiB/s of payload) and the peak RSS of this process.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { generateSigningKeyPair } from 'src/exports/bagit/bag-signature';
import { verifyBag } from 'src/exports/bagit/bag-verifier';
import { writeBag, type BagFileEntry } from 'src/exports/bagit/bag-writer';
import { RssSampler } from './support/rss-sampler';

const MiB = 2 ** 20;
const TOTAL_MIB = Number(process.env.BAGIT_BENCH_MB ?? 200);
const LARGE_FILE_MIB = 10;
const SMALL_FILES = 200;
const TARGET_MIB_S = 100;
const TARGET_RSS_MIB = 300;

// Incompressible bytes, like the recordings and photos that make up most evidence.
const pattern = randomBytes(MiB);

/** A file of `mib` MiB made on the fly, 1 MiB at a time, each chunk made distinct. */
function generated(mib: number, seed: number): () => Readable {
  return () =>
    Readable.from(
      (function* () {
        for (let i = 0; i < mib; i++) {
          const chunk = Buffer.allocUnsafe(MiB);
          pattern.copy(chunk);
          chunk.writeUInt32LE(seed, 0);
          chunk.writeUInt32LE(i, 4);
          yield chunk;
        }
      })(),
      { objectMode: false },
    );
}

async function* payload(totalMiB: number): AsyncGenerator<BagFileEntry> {
  for (let i = 0; i < SMALL_FILES; i++) {
    yield { path: `testimonies/W-${String(i).padStart(4, '0')}/transcript.txt`, source: `transcript ${i}\n`.repeat(100) };
  }
  const large = Math.max(1, Math.floor(totalMiB / LARGE_FILE_MIB));
  for (let i = 0; i < large; i++) {
    yield { path: `evidence/E-${String(i).padStart(4, '0')}.mp4`, source: generated(LARGE_FILE_MIB, i) };
  }
}

const mib = (bytes: number): string => (bytes / MiB).toFixed(1);
const verdict = (ok: boolean): string => (ok ? 'target met' : 'TARGET MISSED');

async function run(label: string, totalMiB: number, compress: boolean, dir: string, verify: boolean): Promise<boolean> {
  const keys = generateSigningKeyPair();
  const zipPath = join(dir, `${label}.zip`);
  const startRss = process.memoryUsage().rss;
  const sampler = new RssSampler();
  const started = process.hrtime.bigint();
  const result = await writeBag(payload(totalMiB), createWriteStream(zipPath), {
    bagName: 'bench-bag',
    signingKey: keys.privateKeyPem,
    compress,
    metadata: { sourceOrganization: 'Benchmark', externalIdentifier: `BENCH-${label}` },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = sampler.stop();
  const rate = result.octetCount / MiB / seconds;
  process.stdout.write(
    `${label}: wrote ${mib(result.octetCount)} MiB payload in ${result.fileCount} files ` +
      `(zip ${mib(statSync(zipPath).size)} MiB) in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} MiB/s; ` +
      `peak RSS ${mib(peak)} MiB (start ${mib(startRss)} MiB)\n`,
  );
  if (!verify) return true;
  process.stdout.write(
    `  write: ${verdict(rate >= TARGET_MIB_S)} (>= ${TARGET_MIB_S} MiB/s), ${verdict(peak < TARGET_RSS_MIB * MiB)} (RSS < ${TARGET_RSS_MIB} MiB)\n`,
  );

  const vSampler = new RssSampler();
  const vStarted = process.hrtime.bigint();
  const verified = await verifyBag(zipPath, { publicKeyPem: keys.publicKeyPem });
  const vSeconds = Number(process.hrtime.bigint() - vStarted) / 1e9;
  const vPeak = vSampler.stop();
  const vRate = verified.octetCount / MiB / vSeconds;
  process.stdout.write(
    `  verify: ${verified.ok ? 'valid' : `INVALID ${JSON.stringify(verified.problems.slice(0, 3))}`} in ${vSeconds.toFixed(2)} s = ` +
      `${vRate.toFixed(0)} MiB/s; peak RSS ${mib(vPeak)} MiB; ${verdict(vRate >= TARGET_MIB_S)}\n`,
  );
  return verified.ok;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bagit-bench-'));
  try {
    process.stdout.write(`payload: ${SMALL_FILES} small text files + ${TOTAL_MIB} MiB of incompressible data in ${LARGE_FILE_MIB} MiB files\n`);
    const ok = await run('store', TOTAL_MIB, false, dir, true);
    // Why STORE is the default: deflate on media-like bytes costs time and saves nothing.
    await run('deflate', Math.min(TOTAL_MIB, 50), true, dir, false);
    if (!ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
