/**
 * One pass of a compiled dictionary over a text, with the boundary rules:
 *
 * - Latin: a match must start and end at word boundaries — not preceded or followed by a letter,
 *   combining mark or in-word apostrophe (`Kim` never matches inside `Kimchi`, `Akim` or `O'kim`).
 *   Person names additionally must not continue with hyphen + letter (`Kim Chol` is not matched
 *   inside `Kim Chol-su`, nor `Chol-su` inside `Yong-chol-su`).
 * - Hangul: a match must not be preceded by a Hangul syllable or jamo (`김철수` is not matched
 *   inside `박김철수`), except that a full name (3+ syllables) may follow a kinship word written
 *   without a space (`동생김철수`, see KINSHIP_WORDS); a name glued to any other word is missed
 *   (register that form as an alias if it occurs). After the match anything may follow
 *   (particles, 씨, 네 …) except for short matches (≤ 2 syllables), which must be followed by a
 *   non-Hangul character or a listed particle/suffix (particles.ts).
 * - Digits: not preceded or followed by another digit.
 * - Given names alone in Latin must not stand next to a known family name (`Han Keum-soon`,
 *   `Sung-hee Cho` are other people: the registered person's own family name would have produced a
 *   longer full-name match). Written with a space (`Chol Su`, which could be ordinary words such as
 *   `Young Ho`) they count only when the same text also names that person in full (rule
 *   `person.latin.given-spaced`); hyphenated or joined (`Chol-su`, `Cholsu`) they always count.
 */
import { CompiledDictionary } from 'src/redaction/engine/dictionary';
import { FLAG_GIVEN_ALONE, FLAG_HANGUL_FULL_NAME, FLAG_NO_INTERNAL_SPACE, FLAG_SHORT_HANGUL, FLAG_STRICT_HYPHEN, SURNAME_RULE } from 'src/redaction/engine/name-variants';
import * as normalise from 'src/redaction/engine/normalise';
import { SymbolReader } from 'src/redaction/engine/normalise';
import * as particles from 'src/redaction/engine/particles';
import { SURNAME_SPELLINGS } from 'src/redaction/engine/romanisation';
import * as types from 'src/redaction/engine/types';
import type { DetectedSpan } from 'src/redaction/engine/types';

// Local bindings: imports compiled to CommonJS are property reads (getters under SWC) on every use.
const CHAR_CLASS = normalise.CHAR_CLASS;
const { isHyphen, isInWordApostrophe, keyWord } = normalise;
const { acceptsShortHangulEnd } = particles;
const { makeSpan } = types;
const CharClass = normalise.CharClass;
const LETTER = CharClass.Letter;
const MARK = CharClass.Mark;
const HANGUL = CharClass.Hangul;
const JAMO = CharClass.Jamo;
const DIGIT = CharClass.Digit;
const IGNORE = CharClass.Ignore;
const SEPARATOR = CharClass.Separator;
const APOSTROPHE = CharClass.Apostrophe;

/**
 * Words after which a full Hangul name is often written without a space (`동생김철수`, `친구이영호`).
 * Only full names (3+ syllables) are accepted there; anything else preceded by Hangul is rejected.
 */
export const KINSHIP_WORDS: readonly string[] = [
  '동생', '남동생', '여동생', '친구', '아버지', '어머니', '아빠', '엄마', '남편', '아내', '부인', '오빠', '언니', '누나', '형',
  '삼촌', '이모', '고모', '외삼촌', '사촌', '아들', '딸', '할머니', '할아버지', '동무', '동지',
];

function followsKinshipWord(text: string, start: number): boolean {
  for (const w of KINSHIP_WORDS) if (start >= w.length && text.startsWith(w, start - w.length)) return true;
  return false;
}

function classAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? CHAR_CLASS[text.charCodeAt(i)] : -1;
}

function startOk(text: string, start: number, flags: number): boolean {
  const first = classAt(text, start);
  let pi = start - 1;
  while (pi >= 0 && classAt(text, pi) === IGNORE) pi--;
  const prev = classAt(text, pi);
  if (first === LETTER) {
    if (prev === LETTER || prev === MARK) return false;
    if (prev === APOSTROPHE && (classAt(text, pi - 1) === LETTER || classAt(text, pi - 1) === MARK) && isInWordApostrophe(text, pi)) return false;
    if ((flags & FLAG_STRICT_HYPHEN) !== 0 && pi > 0 && isHyphen(text.charCodeAt(pi)) && classAt(text, pi - 1) === LETTER) return false;
    return true;
  }
  if (first === HANGUL) {
    if (prev !== HANGUL && prev !== JAMO) return true;
    return (flags & FLAG_HANGUL_FULL_NAME) !== 0 && followsKinshipWord(text, start);
  }
  if (first === DIGIT) return prev !== DIGIT;
  return true;
}

function endOk(text: string, end: number, flags: number, kind: 'person' | 'place' | 'custom'): boolean {
  const last = classAt(text, end - 1);
  let ni = end;
  while (ni < text.length && classAt(text, ni) === IGNORE) ni++;
  const next = classAt(text, ni);
  if (last === LETTER || last === MARK) {
    if (next === LETTER || next === MARK) return false;
    if (next === APOSTROPHE && isInWordApostrophe(text, ni)) return false;
    if ((flags & FLAG_STRICT_HYPHEN) !== 0 && next === SEPARATOR && isHyphen(text.charCodeAt(ni)) && classAt(text, ni + 1) === LETTER) return false;
    return true;
  }
  if (last === HANGUL) {
    if ((flags & FLAG_SHORT_HANGUL) !== 0 && kind !== 'custom') return acceptsShortHangulEnd(text, end, kind);
    return true;
  }
  if (last === DIGIT) return next !== DIGIT;
  return true;
}

let surnameKeys: Set<string> | null = null;

/** Family-name spellings that are also common English words at the start of a sentence: not taken as a family name. */
const ENGLISH_WORDS = new Set(['i', 'a', 'o', 'an', 'so', 'to', 'in', 'no', 'do', 'go', 'ok', 'on']);

const familyWordCache = new Map<string, boolean>();

function isFamilyNameWord(word: string): boolean {
  const cached = familyWordCache.get(word);
  if (cached !== undefined) return cached;
  const result = /^\p{Lu}/u.test(word) && !ENGLISH_WORDS.has(word.toLowerCase()) && (surnameKeys as Set<string>).has(keyWord(word));
  if (familyWordCache.size > 10_000) familyWordCache.clear();
  familyWordCache.set(word, result);
  return result;
}

/**
 * True when the capitalised Latin word just before `start` or just after `end` (across spaces, not
 * newlines) is a known family name that is not also a common English word.
 */
function besideFamilyName(text: string, start: number, end: number): boolean {
  surnameKeys ??= new Set(Object.values(SURNAME_SPELLINGS).flatMap((list) => list.map((sp) => keyWord(sp))));
  let i = start - 1;
  while (i >= 0 && CHAR_CLASS[text.charCodeAt(i)] === SEPARATOR && !isHyphen(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x0a) i--;
  if (i < start - 1) {
    let w = i;
    while (w >= 0 && (classAt(text, w) === LETTER || classAt(text, w) === MARK || classAt(text, w) === APOSTROPHE)) w--;
    if (w < i && isFamilyNameWord(text.slice(w + 1, i + 1))) return true;
  }
  let j = end;
  while (j < text.length && CHAR_CLASS[text.charCodeAt(j)] === SEPARATOR && !isHyphen(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x0a) j++;
  if (j > end) {
    let w = j;
    while (w < text.length && (classAt(text, w) === LETTER || classAt(text, w) === MARK || classAt(text, w) === APOSTROPHE)) w++;
    if (w > j && isFamilyNameWord(text.slice(j, w))) return true;
  }
  return false;
}

function hasWhiteSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (CHAR_CLASS[text.charCodeAt(i)] === SEPARATOR && !isHyphen(text.charCodeAt(i))) return true;
  }
  return false;
}

/** Symbols read per call of SymbolReader.fill. */
const CHUNK = 4096;

const REJECT = 0;
const ACCEPT = 1;
const SPACED = 2;

/** Boundary verdict for a match [start, end) under an owner's flags. */
function verdict(text: string, start: number, end: number, flags: number, kind: 'person' | 'place' | 'custom'): number {
  if (!startOk(text, start, flags) || !endOk(text, end, flags, kind)) return REJECT;
  if ((flags & FLAG_GIVEN_ALONE) !== 0 && besideFamilyName(text, start, end)) return REJECT;
  if ((flags & FLAG_NO_INTERNAL_SPACE) !== 0 && hasWhiteSpace(text, start, end)) return SPACED;
  return ACCEPT;
}

/** Rule of a given name alone written with a space (`Chol Su`), kept only when the text also has the full name. */
export const SPACED_GIVEN_RULE = 'person.latin.given-spaced';

/** Rules that name a person in full (not the given name alone). */
function isFullNameRule(rule: string): boolean {
  return rule.startsWith('person.') && !rule.includes('.given');
}

/**
 * Drops surname references (`Mr. Kim`, `김 씨`) that overlap a longer person match (`Mr. Kim
 * Chol-su`: the full name is the detection; a cut-off `Mr.` would otherwise be redacted alone).
 */
export function dropSurnamesInsideNames(out: DetectedSpan[]): void {
  let any = false;
  for (const s of out) {
    if (s.rule === SURNAME_RULE) {
      any = true;
      break;
    }
  }
  if (!any) return;
  // Person names by start; the longest one bounds how far back an overlapping name may start.
  const names = out.filter((s) => s.category === 'person' && s.rule !== SURNAME_RULE).sort((a, b) => a.start - b.start);
  let longest = 0;
  for (const n of names) if (n.end - n.start > longest) longest = n.end - n.start;
  const insideLonger = (s: DetectedSpan): boolean => {
    // Last name starting before s.end (binary search), then back while it may still overlap.
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid].start < s.end) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0 && names[j].start > s.start - longest; j--) {
      const n = names[j];
      if (n.end > s.start && n.end - n.start > s.end - s.start) return true;
    }
    return false;
  };
  let w = 0;
  for (const s of out) {
    if (s.rule === SURNAME_RULE && insideLonger(s)) continue;
    out[w++] = s;
  }
  out.length = w;
}

/** Appends every dictionary match in `text` that passes the boundary rules to `out` (unresolved). */
export function scanDictionary(text: string, dict: CompiledDictionary, out: DetectedSpan[]): void {
  const from = out.length;
  const spaced = scan(text, dict, out);
  dropUnsupportedSpacedGiven(out, from, spaced);
}

/**
 * Drops `Chol Su`-style given names whose person is not named in full anywhere in the text. (Always
 * called, even with nothing to drop, so that the caller's optimised code never meets an unseen path.)
 */
function dropUnsupportedSpacedGiven(out: DetectedSpan[], from: number, spaced: number): void {
  if (spaced === 0) return;
  const fullyNamed = new Set<string>();
  for (let i = from; i < out.length; i++) {
    const s = out[i];
    if (s.ref !== undefined && isFullNameRule(s.rule)) fullyNamed.add(s.ref);
  }
  let w = from;
  for (let i = from; i < out.length; i++) {
    const s = out[i];
    if (s.rule !== SPACED_GIVEN_RULE || (s.ref !== undefined && fullyNamed.has(s.ref))) out[w++] = s;
  }
  out.length = w;
}

/** Adds `ref` to a span's ref (one) or candidate refs (several). */
function poolRef(span: DetectedSpan, ref: string): void {
  if (ref === span.ref) return;
  if (span.candidateRefs) {
    if (!span.candidateRefs.includes(ref)) span.candidateRefs.push(ref);
  } else if (span.ref !== undefined) {
    span.candidateRefs = [span.ref, ref];
    span.ref = undefined;
  } else span.ref = ref;
}

/** Appends matches to `out`; returns how many are spaced given names (SPACED_GIVEN_RULE). */
function scan(text: string, dict: CompiledDictionary, out: DetectedSpan[]): number {
  if (dict.patternCount === 0) return 0;
  let spacedCount = 0;
  const ac = dict.automaton;
  const nodePattern = ac.nodePattern;
  const outLink = ac.outLink;
  const patternLength = ac.patternLength;
  let ring = 16;
  while (ring <= dict.maxPatternLength) ring *= 2;
  const mask = ring - 1;
  const ringStart = new Int32Array(ring);
  const reader = new SymbolReader(text, dict.charSym);
  const syms = new Int32Array(CHUNK);
  const starts = new Int32Array(CHUNK);
  const ends = new Int32Array(CHUNK);
  let state = 0;
  let idx = 0;
  for (let count = reader.fill(syms, null, starts, ends); count > 0; count = reader.fill(syms, null, starts, ends)) {
    for (let i = 0; i < count; i++) {
      const sym = syms[i];
      if (sym === 0) {
        state = 0;
        continue;
      }
      state = ac.step(state, sym);
      ringStart[idx & mask] = starts[i];
      idx++;
      if (state === 0) continue;
      let node = nodePattern[state] >= 0 ? state : outLink[state];
      // Longest pattern first (the failure chain goes to shorter suffixes). Shorter matches ending at
      // the same place are contained in the first accepted one and would lose the overlap resolution
      // anyway, so they are not even emitted.
      while (node > 0) {
        const p = nodePattern[node];
        const start = ringStart[(idx - patternLength[p]) & mask];
        const end = ends[i];
        // Fast rejection of the commonest case, a Latin match starting inside a word (every owner's
        // verdict would be REJECT by startOk's first rule).
        if (start > 0 && CHAR_CLASS[text.charCodeAt(start)] === LETTER) {
          const prevClass = CHAR_CLASS[text.charCodeAt(start - 1)];
          if (prevClass === LETTER || prevClass === MARK) {
            node = outLink[node];
            continue;
          }
        }
        const firstOfPattern = out.length;
        let accepted = false;
        // Owners are grouped by flags and kind (same verdict): one verdict per group, and a rejected
        // group is skipped as a whole.
        let memoVerdict = REJECT;
        let runEnd = -1;
        for (let o = dict.ownerStart[p]; o < dict.ownerStart[p + 1]; o++) {
          const entry = dict.entries[dict.ownerEntry[o]];
          if (o >= runEnd) {
            runEnd = dict.ownerRunEnd[o];
            memoVerdict = verdict(text, start, end, dict.ownerFlags[o], entry.kind);
            if (memoVerdict === REJECT) {
              o = runEnd - 1;
              continue;
            }
          }
          let rule = dict.ruleNames[dict.ownerRule[o]];
          if (memoVerdict === SPACED) {
            if (entry.ref === undefined) continue;
            rule = SPACED_GIVEN_RULE;
            spacedCount++;
          } else accepted = true;
          // One span per category for this match; homonyms pool their refs (sorted once below).
          let merged = false;
          for (let k = firstOfPattern; k < out.length; k++) {
            const other = out[k];
            if (other.category !== entry.category || (other.rule === SPACED_GIVEN_RULE) !== (rule === SPACED_GIVEN_RULE)) continue;
            if (rule < other.rule) other.rule = rule;
            if (entry.refs !== undefined) for (const r of entry.refs) poolRef(other, r);
            else if (entry.ref !== undefined) poolRef(other, entry.ref);
            merged = true;
            break;
          }
          if (merged) continue;
          // Same shape for every candidate (V8 keeps the hot paths monomorphic).
          const span = makeSpan(start, end, entry.category, rule, entry.ref);
          if (entry.refs !== undefined) span.candidateRefs = [...entry.refs];
          out.push(span);
        }
        for (let k = firstOfPattern; k < out.length; k++) {
          const refs = out[k].candidateRefs;
          if (refs) out[k].candidateRefs = [...new Set(refs)].sort();
        }
        if (accepted) break;
        node = outLink[node];
      }
    }
  }
  return spacedCount;
}
