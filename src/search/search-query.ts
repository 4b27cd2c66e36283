/**
 * The pure half of search: parsing a query into clauses, the lexemes the index holds for Korean
 * and for romanised names, snippets with highlighted matches, and the opaque cursor. No NestJS,
 * no database: the SQL in search.service.ts is built from what these functions return.
 *
 * Index side (migration 1795378900000-Search): English-stemmed words, Hangul bigrams
 * (요덕수용소 → 요덕 덕수 수용 용소) and `~key` romanisation keys of capitalised Latin words, where the
 * key is placeNameKey of the word (Yodok, Yoduk, Yodeok and Yodŏk all give `~yotok`).
 */
import { placeNameKey } from 'src/places/place-names';

export const MAX_CLAUSES = 12;
export const SNIPPET_BEFORE = 80;
export const SNIPPET_LENGTH = 240;

const HANGUL_RUN = /[가-힣]+/gu;
const HAS_HANGUL = /[가-힣]/u;
const LATIN_WORD = /^[\p{Script=Latin}'’-]+$/u;
// Admin-unit endings of romanised place names: Yodŏk-kun, Yodeok-gun, Hoeryong-si …
const ADMIN_SUFFIX = /-(kun|gun|si|ri|dong|up|ŭp|eup|ku|gu|myon|myŏn|myeon|rodongjigu)$/iu;

/** One part of the query that every hit must match: a word, or a quoted phrase. */
export interface Clause {
  text: string;
  phrase: boolean;
}

/**
 * Splits a query into clauses: "quoted phrases" (straight or curly quotes) and single words.
 * Every clause must match (AND). Punctuation-only words are dropped; at most MAX_CLAUSES.
 */
export function parseSearchQuery(q: string): Clause[] {
  const clauses: Clause[] = [];
  const re = /["“”]([^"“”]*)["“”]?|(\S+)/gu;
  for (const m of q.normalize('NFC').matchAll(re)) {
    const phrase = m[1] !== undefined;
    const text = (m[1] ?? m[2]).trim().replace(/\s+/gu, ' ');
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    const words = phrase ? text : text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    clauses.push({ text: words, phrase: phrase && words.includes(' ') });
    if (clauses.length === MAX_CLAUSES) break;
  }
  return clauses;
}

export function hasHangul(text: string): boolean {
  return HAS_HANGUL.test(text);
}

/** A lexeme as a tsquery literal, quoted. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The tsquery (text form) that finds Hangul text containing every Hangul run of `text` as a
 * substring, through the bigram lexemes: all the run's bigrams; a one-syllable run as a prefix.
 * The bigrams need not be adjacent in a hit, so callers recheck the substring. Null: no Hangul.
 */
export function hangulTsquery(text: string): string | null {
  const parts = new Set<string>();
  for (const [run] of text.matchAll(HANGUL_RUN)) {
    if (run.length === 1) parts.add(`${quoteLexeme(run)}:*`);
    for (let i = 0; i + 1 < run.length; i++) parts.add(quoteLexeme(run.slice(i, i + 2)));
  }
  return parts.size ? [...parts].join(' & ') : null;
}

/** The romanisation key of one Latin word (placeNameKey), or null when it is not a name-like word. */
export function romanKey(word: string): string | null {
  if (!LATIN_WORD.test(word)) return null;
  const key = placeNameKey(word);
  return key.length >= 3 ? key : null;
}

/** The romanisation-key lexeme as a tsquery literal. */
export function romanKeyTsquery(key: string): string {
  return quoteLexeme(`~${key}`);
}

/**
 * The spellings a gazetteer (or unit registry) entry contributes to a clause: Hangul names
 * without spaces, reduced to those that contain no other (요덕 covers 요덕군 and 요덕수용소), and
 * the single Latin words of its names with administrative endings dropped (Yodŏk-kun → Yodŏk).
 * Multi-word Latin names are returned as phrases only when `phrases` is set (unit names).
 */
export function expansionSpellings(names: readonly string[], phrases: boolean): { hangul: string[]; latinWords: string[]; latinPhrases: string[] } {
  const hangul = [...new Set(names.map((n) => n.normalize('NFC').trim()).filter((n) => hasHangul(n) && !/\s/u.test(n)))];
  const minimal = hangul.filter((h) => !hangul.some((other) => other !== h && h.includes(other)));
  const latinWords = new Set<string>();
  const latinPhrases = new Set<string>();
  for (const name of names) {
    if (hasHangul(name)) continue;
    const trimmed = name.normalize('NFC').trim().replace(ADMIN_SUFFIX, '');
    if (!trimmed) continue;
    if (!/\s/u.test(trimmed)) latinWords.add(trimmed);
    else if (phrases) latinPhrases.add(trimmed);
  }
  return { hangul: minimal, latinWords: [...latinWords], latinPhrases: [...latinPhrases] };
}

/** What a snippet highlights. */
export interface Highlighter {
  /** Matched as substrings, case-insensitively (Hangul words, phrases). */
  substrings: string[];
  /** English stems (lower case): a Latin word starting with one is highlighted (arrest → arresting). */
  stems: string[];
  /** Romanisation keys: a Latin word with the same placeNameKey is highlighted (yotok → Yoduk). */
  keys: string[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The [start, end) ranges of `text` that the highlighter matches, sorted and merged. */
export function matchRanges(text: string, h: Highlighter, limit = 200): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const s of h.substrings) {
    if (!s) continue;
    const re = new RegExp(escapeRegExp(s), 'giu');
    for (const m of text.matchAll(re)) {
      ranges.push([m.index, m.index + m[0].length]);
      if (ranges.length >= limit) break;
    }
  }
  const stems = h.stems.filter((s) => s.length >= 2);
  const keys = new Set(h.keys);
  if (stems.length || keys.size) {
    for (const m of text.matchAll(/[\p{Script=Latin}\p{N}'’-]+/gu)) {
      const word = m[0].toLowerCase();
      const hit = stems.some((s) => word.startsWith(s)) || (keys.size > 0 && /^\p{Lu}/u.test(m[0]) && keys.has(romanKey(m[0]) ?? ''));
      if (hit) ranges.push([m.index, m.index + m[0].length]);
      if (ranges.length >= limit) break;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * A window of the text around its first match, HTML-escaped, with every match inside the window
 * wrapped in <mark>…</mark>; an ellipsis where the window cuts the text. No match: the start.
 */
export function buildSnippet(text: string, h: Highlighter, before = SNIPPET_BEFORE, length = SNIPPET_LENGTH): string {
  const ranges = matchRanges(text, h);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - before);
  let end = Math.min(text.length, start + length);
  // Do not cut a surrogate pair or a match in two.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start--;
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end++;
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start) continue;
    if (s >= end) break;
    const ms = Math.max(s, start);
    const me = Math.min(e, end);
    out += escapeHtml(text.slice(at, ms)) + '<mark>' + escapeHtml(text.slice(ms, me)) + '</mark>';
    at = me;
  }
  out += escapeHtml(text.slice(at, end));
  if (end < text.length) out += '…';
  return out;
}

/** Where the next page starts: after the hit with this rank and document id. */
export interface SearchCursor {
  rank: number;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.id]), 'utf8').toString('base64url');
}

/** The cursor, or null when it is not one this service made. */
export function decodeCursor(value: string): SearchCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [rank, id] = parsed as [unknown, unknown];
    if (typeof rank !== 'number' || !Number.isFinite(rank) || typeof id !== 'string' || !UUID.test(id)) return null;
    return { rank, id };
  } catch {
    return null;
  }
}
