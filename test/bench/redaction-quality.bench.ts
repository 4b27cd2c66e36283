// Benchmark: redaction quality (recall / precision per category) on a synthetic annotated corpus.
// Run: node scripts/bench.js redaction-quality
// The corpus (test/fixtures/redaction/corpus.ts) is generated from a fixed seed; its names are invented.
// Exits non-zero if registered names miss recall >= 99 % or precision >= 95 %.
import { CATEGORIES, compileDictionary, compilePatterns, redact, type Category, type RedactionSpan } from 'src/redaction/engine';
import { generateCorpus, type GoldSpan } from '../fixtures/redaction/corpus';

const NAME_RECALL_TARGET = 0.99;
const NAME_PRECISION_TARGET = 0.95;
const SHOW_EXAMPLES = Number(process.env.REDACTION_BENCH_EXAMPLES ?? 8);

interface Tally {
  gold: number;
  covered: number;
  exact: number;
  predicted: number;
  truePositive: number;
  refChecked: number;
  refRight: number;
}

const corpus = generateCorpus();
const started = process.hrtime.bigint();
const dictionary = compileDictionary(corpus.dictionary);
const patterns = compilePatterns();
const compileMs = Number(process.hrtime.bigint() - started) / 1e6;

const tallies = new Map<Category, Tally>(CATEGORIES.map((c) => [c, { gold: 0, covered: 0, exact: 0, predicted: 0, truePositive: 0, refChecked: 0, refRight: 0 }]));
const byKind = new Map<string, { gold: number; covered: number }>();
const misses: string[] = [];
const falsePositives: string[] = [];
let chars = 0;

function context(text: string, start: number, end: number): string {
  return JSON.stringify(`${text.slice(Math.max(0, start - 25), start)}⟦${text.slice(start, end)}⟧${text.slice(end, end + 25)}`);
}

for (const t of corpus.testimonies) {
  chars += t.text.length;
  const result = redact(t.text, { dictionary, patterns, profile: 'un' });
  const spans = result.spans;
  for (const g of t.gold) {
    const tally = tallies.get(g.category) as Tally;
    tally.gold++;
    const kind = byKind.get(`${g.category}/${g.kind}`) ?? { gold: 0, covered: 0 };
    kind.gold++;
    byKind.set(`${g.category}/${g.kind}`, kind);
    const same = spans.filter((s) => s.category === g.category && s.start < g.end && s.end > g.start);
    let covered = 0;
    for (let i = g.start; i < g.end; i++) if (same.some((s) => s.start <= i && i < s.end)) covered++;
    if (covered === g.end - g.start) {
      tally.covered++;
      kind.covered++;
      if (same.some((s) => s.start === g.start && s.end === g.end)) tally.exact++;
      if (g.ref !== undefined) {
        tally.refChecked++;
        const ref = (s: RedactionSpan): string | undefined => s.personRef ?? s.placeRef ?? s.ref;
        if (same.length > 0 && same.every((s) => ref(s) === g.ref)) tally.refRight++;
      }
    } else if (misses.length < SHOW_EXAMPLES * 3) {
      misses.push(`  ${t.id} ${g.category}/${g.kind}: ${context(t.text, g.start, g.end)}`);
    }
  }
  for (const s of spans) {
    const tally = tallies.get(s.category) as Tally;
    tally.predicted++;
    const hit = t.gold.some((g: GoldSpan) => g.category === s.category && g.start < s.end && g.end > s.start);
    if (hit) tally.truePositive++;
    else if (falsePositives.length < SHOW_EXAMPLES * 3) falsePositives.push(`  ${t.id} ${s.category} (${s.rule}): ${context(t.text, s.start, s.end)}`);
  }
}

const pct = (n: number, d: number): string => (d === 0 ? '    -  ' : `${((100 * n) / d).toFixed(2).padStart(6)}%`);
const out = process.stdout;
out.write(`corpus: ${corpus.testimonies.length} testimonies (${corpus.testimonies.filter((t) => t.language === 'ko').length} ko, ${corpus.testimonies.filter((t) => t.language === 'en').length} en), ${chars} characters\n`);
out.write(`dictionary: ${corpus.dictionary.people.length} people, ${corpus.dictionary.places?.length ?? 0} places, ${corpus.dictionary.customTerms?.length ?? 0} custom terms -> ${dictionary.variantCount} variants, ${dictionary.patternCount} patterns; compiled in ${compileMs.toFixed(0)} ms\n\n`);
out.write('category        gold  recall(covered)  exact-bounds  predicted  precision  right-ref\n');
for (const [category, t] of tallies) {
  if (t.gold === 0 && t.predicted === 0) continue;
  out.write(
    `${category.padEnd(14)} ${String(t.gold).padStart(5)}  ${pct(t.covered, t.gold)}          ${pct(t.exact, t.gold)}       ${String(t.predicted).padStart(6)}  ${pct(t.truePositive, t.predicted)}   ${pct(t.refRight, t.refChecked)}\n`,
  );
}
out.write('\nrecall by kind of mention:\n');
for (const [kind, k] of [...byKind].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out.write(`  ${kind.padEnd(40)} ${String(k.gold).padStart(5)}  ${pct(k.covered, k.gold)}\n`);
if (misses.length > 0) out.write(`\nexamples of misses (fictional data):\n${misses.slice(0, SHOW_EXAMPLES * 3).join('\n')}\n`);
if (falsePositives.length > 0) out.write(`\nexamples of false positives (fictional data):\n${falsePositives.slice(0, SHOW_EXAMPLES * 3).join('\n')}\n`);

const names = tallies.get('person') as Tally;
const recall = names.covered / names.gold;
const precision = names.truePositive / names.predicted;
const ok = recall >= NAME_RECALL_TARGET && precision >= NAME_PRECISION_TARGET;
out.write(
  `\nregistered names: recall ${(100 * recall).toFixed(2)}% (target ${100 * NAME_RECALL_TARGET}%), precision ${(100 * precision).toFixed(2)}% (target ${100 * NAME_PRECISION_TARGET}%): ${ok ? 'PASS' : 'FAIL'}\n`,
);
process.exitCode = ok ? 0 : 1;
