// Budget: compressed JavaScript on the first load of the built web app (/app/), against 300 KB.
// Run: npm run bench -- web   (builds web/dist first when it is missing or stale)
// First load = the entry script of index.html, its modulepreloads, and everything they import
// statically (lazy route chunks load later and are listed separately).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import buildWeb from '../web/support/build-web';

const BUDGET_KB = 300;
const DIST = join(__dirname, '..', '..', 'web', 'dist');

function assetPath(url: string): string {
  return join(DIST, url.replace(/^\/app\//, ''));
}

/** Chunks an entry pulls in before it runs: static `import … from "./x.js"` and `import "./x.js"`. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'();]*?from\s*)?["'](\.\/[^"']+\.js)["']/g)].map((m) => m[1] as string);
}

function dynamicImports(code: string): string[] {
  return [...code.matchAll(/import\(\s*["'](\.\/[^"']+\.js)["']\s*\)/g)].map((m) => m[1] as string);
}

function sizes(file: string): { raw: number; gzip: number; brotli: number } {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function main(): void {
  buildWeb();
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1] as string),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] as string),
  ].map(assetPath);
  const firstLoad = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift() as string;
    if (firstLoad.has(file)) continue;
    firstLoad.add(file);
    const code = readFileSync(file, 'utf8');
    for (const rel of staticImports(code)) queue.push(join(file, '..', rel));
    for (const rel of dynamicImports(code)) lazy.add(join(file, '..', rel));
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  process.stdout.write('first load of /app/ (JavaScript):\n');
  for (const file of firstLoad) {
    const s = sizes(file);
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
    process.stdout.write(`  ${file.slice(DIST.length + 1).padEnd(40)} raw ${kb(s.raw).padStart(10)}  gzip ${kb(s.gzip).padStart(9)}  brotli ${kb(s.brotli).padStart(9)}\n`);
  }
  process.stdout.write('lazy route chunks (loaded when a screen opens):\n');
  for (const file of [...lazy].filter((f) => !firstLoad.has(f))) {
    const s = sizes(file);
    process.stdout.write(`  ${file.slice(DIST.length + 1).padEnd(40)} raw ${kb(s.raw).padStart(10)}  gzip ${kb(s.gzip).padStart(9)}  brotli ${kb(s.brotli).padStart(9)}\n`);
  }
  const within = total.gzip <= BUDGET_KB * 1024;
  process.stdout.write(`first-load JavaScript: raw ${kb(total.raw)}, gzip ${kb(total.gzip)}, brotli ${kb(total.brotli)}; budget ${BUDGET_KB} KB compressed (gzip): ${within ? 'within' : 'OVER'} (${((total.gzip / (BUDGET_KB * 1024)) * 100).toFixed(0)}%)\n`);
  if (!within) process.exitCode = 1;
}

main();
