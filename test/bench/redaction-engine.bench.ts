// Benchmark: redaction engine throughput on one core with a 10,000-entry dictionary.
// Run: node scripts/bench.js redaction-engine   (REDACTION_BENCH_MB=8 for more text)
// Prints dictionary compile time and size, then MB/s (MB = 10^6 bytes of UTF-8 text) for the
// dictionary scan alone, the pattern detectors alone, and full redaction (both + overlaps + profile).
import {
  compileDictionary,
  compilePatterns,
  detect,
  redact,
  romaniseName,
  type CompiledDictionary,
  type DictionaryInput,
  type PersonEntry,
  type PlaceEntry,
} from 'src/redaction/engine';
import { SymbolReader } from 'src/redaction/engine/normalise';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateCorpus, Rng, SURNAMES } from '../fixtures/redaction/corpus';

const TARGET_MB_S = 20;
const TEXT_MB = Number(process.env.REDACTION_BENCH_MB ?? 3);
const ENTRIES = 10_000;
const RUNS = 7;

const GIVEN_POOL = '영철수호명성광일은희순미란정숙혜진경춘화금옥복민준현우동길룡남학상주연선원태봉향기국석혁지윤재승훈해덕창웅애월규범서하유효천';

/** 10,000 registry entries: the corpus's own people (so the text has real matches) plus generated people, places and terms. */
function bigDictionary(base: DictionaryInput, rng: Rng): DictionaryInput {
  const people: PersonEntry[] = [...base.people];
  const places: PlaceEntry[] = [...(base.places ?? [])];
  const customTerms = [...(base.customTerms ?? [])];
  const seen = new Set(people.flatMap((p) => p.names));
  const placeCount = 600;
  const termCount = 200;
  while (people.length + places.length + customTerms.length < ENTRIES - placeCount - termCount) {
    const s = rng.pick(SURNAMES);
    const given = rng.pick([...GIVEN_POOL]) + rng.pick([...GIVEN_POOL]);
    const hangul = s.h + given;
    if (seen.has(hangul)) continue;
    seen.add(hangul);
    const names = [hangul];
    if (rng.chance(0.5)) names.push(romaniseName(s.h, given, rng.pick(['mr', 'kps', 'rr'] as const)));
    const entry: PersonEntry = { ref: `W-${String(people.length + 1).padStart(5, '0')}`, category: 'person', names };
    if (rng.chance(0.1)) entry.aliases = [`${rng.pick([...GIVEN_POOL])}${rng.pick([...GIVEN_POOL])}${rng.pick(['이', '네'])}`];
    people.push(entry);
  }
  for (let i = 0; i < placeCount; i++) {
    const stem = rng.pick([...GIVEN_POOL]) + rng.pick([...GIVEN_POOL]) + (rng.chance(0.3) ? rng.pick([...GIVEN_POOL]) : '');
    places.push({ ref: `P-${String(places.length + 1).padStart(5, '0')}`, names: [`${stem}${rng.pick(['군', '시', '리', '동'])}`] });
  }
  for (let i = 0; i < termCount; i++) customTerms.push({ term: `Unit ${1000 + i * 7}`, category: 'custom' });
  return { people, places, customTerms };
}

function mb(text: string): number {
  return Buffer.byteLength(text, 'utf8') / 1e6;
}

// A full collection before each measured case, so that garbage left by the previous one (the
// dictionary compile, the other text) is not collected on this one's clock.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const rng = new Rng(7);
const corpus = generateCorpus({ testimonies: Math.ceil(TEXT_MB * 1340), seed: 99 });
const dense = corpus.testimonies.map((t) => t.text).join('\n\n');
const narrativeCorpus = generateCorpus({ testimonies: Math.ceil(TEXT_MB * 1000), seed: 99, density: 'narrative' });
const narrative = narrativeCorpus.testimonies.map((t) => t.text).join('\n\n');
const input = bigDictionary(corpus.dictionary, rng);
const entryCount = input.people.length + (input.places?.length ?? 0) + (input.customTerms?.length ?? 0);

const heapBefore = process.memoryUsage().heapUsed;
let dictionary: CompiledDictionary | undefined;
// The first compile in a process also builds the romanisation tables (once per process).
const coldCompile = time(() => (dictionary = compileDictionary(input)));
const heapAfter = process.memoryUsage().heapUsed;
const patterns = compilePatterns();
const dict = dictionary as CompiledDictionary;
const out = process.stdout;
out.write(`dictionary: ${entryCount} entries (${input.people.length} people, ${input.places?.length} places, ${input.customTerms?.length} custom terms)\n`);
out.write(`  ${dict.variantCount} variants -> ${dict.patternCount} patterns, ${dict.automaton.nodeCount} automaton nodes, ~${Math.round((heapAfter - heapBefore) / 2 ** 20)} MiB heap\n`);

/**
 * Baseline: a plain Aho–Corasick pass over the engine's own variant set on the same symbol stream
 * (the same reader and automaton), counting matches and doing nothing else — no boundary rules, no
 * spans, no patterns. The engine's figures are printed as a ratio of it.
 */
function plainAhoCorasick(text: string): number {
  const ac = dict.automaton;
  const reader = new SymbolReader(text, dict.charSym);
  const syms = new Int32Array(4096);
  const starts = new Int32Array(4096);
  const ends = new Int32Array(4096);
  let state = 0;
  let matches = 0;
  for (let count = reader.fill(syms, null, starts, ends); count > 0; count = reader.fill(syms, null, starts, ends)) {
    for (let i = 0; i < count; i++) {
      const sym = syms[i];
      if (sym === 0) {
        state = 0;
        continue;
      }
      state = ac.step(state, sym);
      if (state !== 0 && (ac.nodePattern[state] >= 0 || ac.outLink[state] > 0)) matches++;
    }
  }
  return matches;
}

function measure(label: string, text: string): number {
  out.write(`${label}: ${mb(text).toFixed(2)} MB UTF-8, ${text.length} UTF-16 code units (half Korean, half English)\n`);
  const cases: Array<[string, () => unknown]> = [
    ['baseline: plain Aho–Corasick', () => plainAhoCorasick(text)],
    ['dictionary scan only', () => detect(text, { dictionary: dict, patterns: null })],
    ['pattern detectors only', () => detect(text, { patterns })],
    ['full redact (profile un)', () => redact(text, { dictionary: dict, patterns, profile: 'un' })],
  ];
  let fullRate = 0;
  let baselineRate = 0;
  for (const [name, fn] of cases) {
    collectGarbage();
    fn();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(time(fn));
    const t = median(times);
    const best = Math.min(...times);
    const rate = mb(text) / t;
    if (name.startsWith('full')) fullRate = rate;
    if (name.startsWith('baseline')) baselineRate = rate;
    const ratio = name.startsWith('baseline') ? '' : `, ${(rate / baselineRate).toFixed(2)} of the baseline`;
    out.write(`  ${name.padEnd(29)} ${rate.toFixed(1).padStart(6)} MB/s median (best ${(mb(text) / best).toFixed(1)}), ${(text.length / t / 1e6).toFixed(1)} M chars/s${ratio}\n`);
  }
  const spans = redact(text, { dictionary: dict, patterns, profile: 'un' }).spans.length;
  out.write(`  spans: ${spans} (one per ${Math.round(text.length / spans)} characters)\n`);
  return fullRate;
}

const narrativeRate = measure('narrative text (a name or PII in ~1 sentence in 8)', narrative);
const denseRate = measure('dense text (a name or PII in ~1 sentence in 2: worst case)', dense);

// Compile time last, so that the garbage of repeated compiles does not weigh on the throughput runs.
const compileTimes: number[] = [];
for (let i = 0; i < 3; i++) compileTimes.push(time(() => compileDictionary(input)));
out.write(`dictionary compile: ${(coldCompile * 1000).toFixed(0)} ms cold (first in the process), ${(median(compileTimes) * 1000).toFixed(0)} ms warm (median of 3)\n`);
const ok = narrativeRate >= TARGET_MB_S;
out.write(
  `full redaction on one core: ${narrativeRate.toFixed(1)} MB/s narrative, ${denseRate.toFixed(1)} MB/s dense; ${ok ? 'target met' : 'TARGET MISSED'} (>= ${TARGET_MB_S} MB/s on narrative text)\n`,
);
if (!ok) process.exitCode = 1;
