/**
 * Compiling a case's registry (people, sensitive places, custom terms) into one matcher, and the
 * dictionary version hash.
 *
 * `compileDictionary` is the expensive step (variant generation + automaton); compile once per
 * dictionary version and reuse the result for every text of the case.
 */
import { createHash } from 'node:crypto';
import { AhoCorasick } from 'src/redaction/engine/matcher';
import { customTermVariants, isBroadPlace, NameVariant, personVariants, placeVariants, surnameReferenceVariants } from 'src/redaction/engine/name-variants';
import { parseRegisteredDate, RegisteredDate } from 'src/redaction/engine/registered-dates';
import { charsToIntern, FIRST_INTERNED_SYMBOL, SYM_BREAK, SYM_SEP, SymbolReader } from 'src/redaction/engine/normalise';
import { Category, DictionaryInput, isCategory, RedactionInputError } from 'src/redaction/engine/types';

/** Bumped whenever variant generation or matching, or the tokens written for a match, change. */
export const ENGINE_VERSION = 'sillok-redaction-engine/3';

const REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export type EntryKind = 'person' | 'place' | 'custom';

export interface DictionaryEntry {
  kind: EntryKind;
  category: Category;
  /** Pseudonym code; custom terms may have none. */
  ref: string | undefined;
  /** The ref is logged but never written into the redacted text (see PersonEntry.privateRef). */
  privateRef: boolean;
  /**
   * Surname references shared by several registered people (`김 씨` when two Kims are registered):
   * all their refs, sorted; the span gets them as `candidateRefs` and no `ref`.
   */
  refs?: readonly string[];
}

export interface CompiledDictionary {
  /** SHA-256 (hex) of the canonical dictionary input and ENGINE_VERSION; see dictionaryVersion. */
  readonly version: string;
  readonly entries: readonly DictionaryEntry[];
  /** Refs of entries with `privateRef`: the pseudonym action writes a keyed token for them, never the ref. */
  readonly privateRefs: ReadonlySet<string>;
  /** Refs of place terms (birthplace, current location) at city level or above: redacted only where they describe the person. */
  readonly broadRefs: ReadonlySet<string>;
  /** Registered dates (dates of birth), found in any written format. */
  readonly dates: readonly RegisteredDate[];
  /** Number of generated variant strings (before folding duplicates). */
  readonly variantCount: number;
  /** Number of distinct normalised patterns in the automaton. */
  readonly patternCount: number;
  readonly automaton: AhoCorasick;
  /** Symbol of each BMP code unit (0 = BREAK) for characters other than ASCII key letters. */
  readonly charSym: Int32Array;
  /** Owners of pattern p are ownerEntry/ownerRule/ownerFlags[ownerStart[p] .. ownerStart[p + 1]). */
  readonly ownerStart: Int32Array;
  readonly ownerEntry: Int32Array;
  readonly ownerRule: Int32Array;
  readonly ownerFlags: Int32Array;
  /**
   * Owners of a pattern are sorted so that those with the same flags and entry kind (hence the same
   * boundary verdict) are contiguous; ownerRunEnd[o] is the index just past o's run.
   */
  readonly ownerRunEnd: Int32Array;
  readonly ruleNames: readonly string[];
  /** Longest pattern, in symbols. */
  readonly maxPatternLength: number;
}

interface CanonicalDictionary {
  people: Array<{ ref: string; names: string[]; aliases: string[]; privateRef: boolean }>;
  places: Array<{ ref: string; names: string[] }>;
  customTerms: Array<{ term: string; category: Category; ref: string | null; privateRef: boolean; place?: true }>;
  dates?: Array<{ date: string; ref: string; privateRef: boolean }>;
}

function compareStrings(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function cleanNames(list: unknown, field: string): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new RedactionInputError(field, 'must be an array of strings');
  const out = new Set<string>();
  list.forEach((name, i) => {
    if (typeof name !== 'string') throw new RedactionInputError(`${field}[${i}]`, 'must be a string');
    const clean = name.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (clean.length > 200) throw new RedactionInputError(`${field}[${i}]`, 'is longer than 200 characters');
    if (clean.length > 0) out.add(clean);
  });
  return [...out].sort(compareStrings);
}

function checkPrivate(value: unknown, field: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new RedactionInputError(field, 'must be a boolean');
  return value;
}

function checkRef(ref: unknown, field: string): string {
  if (typeof ref !== 'string' || !REF_PATTERN.test(ref)) {
    throw new RedactionInputError(field, 'must be 1-64 characters of letters, digits and . _ : - (e.g. W-0003)');
  }
  return ref;
}

/** Validates the input and puts it in canonical form: sorted, NFC, white space collapsed, duplicates dropped. */
export function canonicaliseDictionary(input: DictionaryInput): CanonicalDictionary {
  if (!input || typeof input !== 'object') throw new RedactionInputError('dictionary', 'must be an object');
  if (!Array.isArray(input.people)) throw new RedactionInputError('dictionary.people', 'must be an array');
  const seenPeople = new Set<string>();
  const people = input.people.map((p, i) => {
    const ref = checkRef(p?.ref, `dictionary.people[${i}].ref`);
    if (p.category !== 'person') throw new RedactionInputError(`dictionary.people[${i}].category`, "must be 'person'");
    if (seenPeople.has(ref)) throw new RedactionInputError(`dictionary.people[${i}].ref`, `duplicate ref ${ref}`);
    seenPeople.add(ref);
    return { ref, names: cleanNames(p.names, `dictionary.people[${i}].names`), aliases: cleanNames(p.aliases, `dictionary.people[${i}].aliases`), privateRef: checkPrivate(p.privateRef, `dictionary.people[${i}].privateRef`) };
  });
  const seenPlaces = new Set<string>();
  if (input.places !== undefined && !Array.isArray(input.places)) throw new RedactionInputError('dictionary.places', 'must be an array');
  const places = (input.places ?? []).map((p, i) => {
    const ref = checkRef(p?.ref, `dictionary.places[${i}].ref`);
    if (seenPlaces.has(ref)) throw new RedactionInputError(`dictionary.places[${i}].ref`, `duplicate ref ${ref}`);
    seenPlaces.add(ref);
    return { ref, names: cleanNames(p.names, `dictionary.places[${i}].names`) };
  });
  if (input.customTerms !== undefined && !Array.isArray(input.customTerms)) throw new RedactionInputError('dictionary.customTerms', 'must be an array');
  const terms = new Map<string, { term: string; category: Category; ref: string | null; privateRef: boolean; place?: true }>();
  (input.customTerms ?? []).forEach((t, i) => {
    const [term] = cleanNames([t?.term], `dictionary.customTerms[${i}].term`);
    if (!term) throw new RedactionInputError(`dictionary.customTerms[${i}].term`, 'must be a non-empty string');
    if (!isCategory(t.category)) throw new RedactionInputError(`dictionary.customTerms[${i}].category`, 'is not a known category');
    const ref = t.ref === undefined ? null : checkRef(t.ref, `dictionary.customTerms[${i}].ref`);
    const privateRef = checkPrivate(t.privateRef, `dictionary.customTerms[${i}].privateRef`);
    if (privateRef && ref === null) throw new RedactionInputError(`dictionary.customTerms[${i}].privateRef`, 'needs a ref');
    const place = checkPrivate(t.place, `dictionary.customTerms[${i}].place`);
    const key = `${t.category}\u0000${term}\u0000${ref ?? ''}\u0000${place ? 'place' : ''}`;
    // The same term listed twice, once private: private wins (never the less protective).
    const value: { term: string; category: Category; ref: string | null; privateRef: boolean; place?: true } = { term, category: t.category, ref, privateRef: privateRef || (terms.get(key)?.privateRef ?? false) };
    // Only present when set, so that dictionaries without place terms keep their canonical form.
    if (place) value.place = true;
    terms.set(key, value);
  });
  if (input.dates !== undefined && !Array.isArray(input.dates)) throw new RedactionInputError('dictionary.dates', 'must be an array');
  const dates = new Map<string, { date: string; ref: string; privateRef: boolean }>();
  (input.dates ?? []).forEach((d, i) => {
    const ref = checkRef(d?.ref, `dictionary.dates[${i}].ref`);
    if (typeof d.date !== 'string' || !parseRegisteredDate(d.date)) throw new RedactionInputError(`dictionary.dates[${i}].date`, 'must be a valid YYYY-MM-DD or YYYY-MM date');
    if (d.category !== undefined && d.category !== 'date-of-birth') throw new RedactionInputError(`dictionary.dates[${i}].category`, "must be 'date-of-birth'");
    const privateRef = checkPrivate(d.privateRef, `dictionary.dates[${i}].privateRef`);
    const key = `${d.date}\u0000${ref}`;
    dates.set(key, { date: d.date, ref, privateRef: privateRef || (dates.get(key)?.privateRef ?? false) });
  });
  return {
    people: people.sort((x, y) => compareStrings(x.ref, y.ref)),
    places: places.sort((x, y) => compareStrings(x.ref, y.ref)),
    customTerms: [...terms.entries()].sort((x, y) => compareStrings(x[0], y[0])).map(([, v]) => v),
    // Absent when empty, so that dictionaries without dates keep their canonical form.
    ...(dates.size > 0 ? { dates: [...dates.entries()].sort((x, y) => compareStrings(x[0], y[0])).map(([, v]) => v) } : {}),
  };
}

function versionOf(canonical: CanonicalDictionary): string {
  return createHash('sha256').update(JSON.stringify({ engine: ENGINE_VERSION, ...canonical }), 'utf8').digest('hex');
}

/**
 * SHA-256 (hex) over a canonical JSON encoding of the dictionary input (people and places sorted by
 * ref, names NFC-normalised, trimmed, deduplicated and sorted; custom terms sorted) together with
 * ENGINE_VERSION. Two inputs that differ only in order or spacing have the same version; any change
 * to what can be matched changes it.
 */
export function dictionaryVersion(input: DictionaryInput): string {
  return versionOf(canonicaliseDictionary(input));
}

/** Compiles the registry of one case into a reusable matcher. Throws RedactionInputError on bad input. */
export function compileDictionary(input: DictionaryInput): CompiledDictionary {
  const steps = compileSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Same result as compileDictionary, but gives the event loop a turn every `sliceMs` of work, so a
 * large registry (≈ 1 s to compile) does not hold up timers in a worker: the queue's job-lock
 * renewal and stalled checks keep running while the dictionary compiles.
 */
export async function compileDictionaryAsync(input: DictionaryInput, sliceMs = 20): Promise<CompiledDictionary> {
  const steps = compileSteps(input);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** The compilation, yielding after each unit of work (an entry's variants, a batch of patterns). */
function* compileSteps(input: DictionaryInput): Generator<void, CompiledDictionary, void> {
  const canonical = canonicaliseDictionary(input);
  const entries: DictionaryEntry[] = [];
  const variantsByEntry: NameVariant[][] = [];
  // Surname references (`김 씨`, `Mr. Kim`) come from the names only, never from aliases (`여우` is not
  // 여 + 우), and are added once per surname (its Hangul forms, 이/리 together) with every person who has it.
  const bySurname = new Map<string, { forms: string[]; refs: Set<string>; privateRef: boolean }>();
  for (const p of canonical.people) {
    entries.push({ kind: 'person', category: 'person', ref: p.ref, privateRef: p.privateRef });
    const surnames: string[] = [];
    variantsByEntry.push([...p.names.flatMap((n) => personVariants(n, { surnames })), ...p.aliases.flatMap((n) => personVariants(n))]);
    yield;
    const forms = [...new Set(surnames)].sort(compareStrings);
    if (forms.length === 0) continue;
    const key = forms.join('|');
    const group = bySurname.get(key) ?? { forms, refs: new Set<string>(), privateRef: false };
    group.refs.add(p.ref);
    group.privateRef ||= p.privateRef;
    bySurname.set(key, group);
  }
  for (const key of [...bySurname.keys()].sort(compareStrings)) {
    const group = bySurname.get(key) as { forms: string[]; refs: Set<string>; privateRef: boolean };
    const refs = [...group.refs].sort(compareStrings);
    if (refs.length === 1) entries.push({ kind: 'person', category: 'person', ref: refs[0], privateRef: group.privateRef });
    else entries.push({ kind: 'person', category: 'person', ref: undefined, privateRef: false, refs });
    variantsByEntry.push(surnameReferenceVariants(group.forms));
    yield;
  }
  for (const p of canonical.places) {
    entries.push({ kind: 'place', category: 'place', ref: p.ref, privateRef: false });
    variantsByEntry.push(p.names.flatMap((n) => placeVariants(n)));
    yield;
  }
  const broadRefs = new Set<string>();
  for (const t of canonical.customTerms) {
    if (t.place) {
      // Boundary rules of a place (short Hangul names need a place suffix), category and ref of the term.
      entries.push({ kind: 'place', category: t.category, ref: t.ref ?? undefined, privateRef: t.privateRef });
      variantsByEntry.push(placeVariants(t.term));
      if (t.ref !== null && isBroadPlace(t.term)) broadRefs.add(t.ref);
      yield;
      continue;
    }
    entries.push({ kind: 'custom', category: t.category, ref: t.ref ?? undefined, privateRef: t.privateRef });
    variantsByEntry.push(customTermVariants(t.term));
    yield;
  }
  const dates: RegisteredDate[] = (canonical.dates ?? []).map((d) => ({ ...(parseRegisteredDate(d.date) as Omit<RegisteredDate, 'ref'>), ref: d.ref }));

  // Symbols for every character the variants use, in code point order (deterministic).
  const chars = new Set<number>();
  for (const list of variantsByEntry) for (const v of list) charsToIntern(v.text, chars);
  const charSym = new Int32Array(0x10000);
  let nextSym = FIRST_INTERNED_SYMBOL;
  for (const c of [...chars].sort((x, y) => x - y)) charSym[c] = nextSym++;
  if (nextSym > 0xffff) throw new RedactionInputError('dictionary', 'uses too many distinct characters');

  const patternIndex = new Map<string, number>();
  const patterns: string[] = [];
  const owners: Array<Array<{ entry: number; rule: number; flags: number }>> = [];
  const ruleIndex = new Map<string, number>();
  let variantCount = 0;
  const reader = new SymbolReader('', charSym);
  const symbols: number[] = [];
  for (const [entry, list] of variantsByEntry.entries()) {
    yield;
    for (const v of list) {
      variantCount++;
      symbols.length = 0;
      reader.load(v.text);
      let broken = false;
      while (reader.next()) {
        if (reader.sym === SYM_BREAK) broken = true;
        if (reader.sym === SYM_SEP && symbols.length === 0) continue;
        symbols.push(reader.sym);
      }
      while (symbols.length > 0 && symbols[symbols.length - 1] === SYM_SEP) symbols.pop();
      if (symbols.length === 0 || broken) continue;
      let key = '';
      for (const sym of symbols) key += String.fromCharCode(sym);
      let p = patternIndex.get(key);
      if (p === undefined) {
        p = patterns.length;
        patternIndex.set(key, p);
        patterns.push(key);
        owners.push([]);
      }
      let rule = ruleIndex.get(v.rule);
      if (rule === undefined) {
        rule = ruleIndex.size;
        ruleIndex.set(v.rule, rule);
      }
      const list2 = owners[p];
      if (!list2.some((o) => o.entry === entry && o.rule === rule && o.flags === v.flags)) list2.push({ entry, rule, flags: v.flags });
    }
  }
  yield;

  const automaton = new AhoCorasick(patterns, nextSym);
  yield;
  const ownerStart = new Int32Array(patterns.length + 1);
  owners.forEach((list, p) => (ownerStart[p + 1] = ownerStart[p] + list.length));
  const total = ownerStart[patterns.length];
  const ownerEntry = new Int32Array(total);
  const ownerRule = new Int32Array(total);
  const ownerFlags = new Int32Array(total);
  const ownerRunEnd = new Int32Array(total);
  const kindOrder: Record<EntryKind, number> = { person: 0, place: 1, custom: 2 };
  owners.forEach((list, p) => {
    list.sort((x, y) => x.flags - y.flags || kindOrder[entries[x.entry].kind] - kindOrder[entries[y.entry].kind] || x.entry - y.entry || x.rule - y.rule);
    for (let k = list.length - 1; k >= 0; k--) {
      const same = k + 1 < list.length && list[k + 1].flags === list[k].flags && entries[list[k + 1].entry].kind === entries[list[k].entry].kind;
      ownerRunEnd[ownerStart[p] + k] = same ? ownerRunEnd[ownerStart[p] + k + 1] : ownerStart[p] + k + 1;
    }
    list.forEach((o, k) => {
      ownerEntry[ownerStart[p] + k] = o.entry;
      ownerRule[ownerStart[p] + k] = o.rule;
      ownerFlags[ownerStart[p] + k] = o.flags;
    });
  });
  return {
    version: versionOf(canonical),
    entries,
    // A ref shared by a private and a public entry counts as private.
    privateRefs: new Set([
      ...entries.filter((e) => e.privateRef && e.ref !== undefined).map((e) => e.ref as string),
      ...(canonical.dates ?? []).filter((d) => d.privateRef).map((d) => d.ref),
    ]),
    broadRefs,
    dates,
    variantCount,
    patternCount: patterns.length,
    automaton,
    charSym,
    ownerStart,
    ownerEntry,
    ownerRule,
    ownerFlags,
    ownerRunEnd,
    ruleNames: [...ruleIndex.keys()],
    maxPatternLength: patterns.reduce((m, p) => Math.max(m, p.length), 0),
  };
}
