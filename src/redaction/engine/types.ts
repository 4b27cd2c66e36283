/**
 * Shared types of the redaction engine. The engine is pure: no NestJS, no TypeORM, no I/O.
 *
 * Offsets: every `start`/`end` in this engine is a UTF-16 code unit offset into the ORIGINAL
 * text (what `String.prototype.slice` takes), `start` inclusive, `end` exclusive.
 */

/** What a detected span is. Custom terms carry one of these too. */
export const CATEGORIES = [
  'person',
  'place',
  'phone',
  'national-id',
  'email',
  'date-of-birth',
  'coordinates',
  'handle',
  'custom',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Tie-break order when two candidate spans have the same length: lower index wins. */
export const CATEGORY_PRIORITY: Readonly<Record<Category, number>> = {
  person: 0,
  'national-id': 1,
  phone: 2,
  email: 3,
  handle: 4,
  'date-of-birth': 5,
  coordinates: 6,
  place: 7,
  custom: 8,
};

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

/** A registered person of the case: pseudonym code plus every known name and alias. */
export interface PersonEntry {
  /** Stable pseudonym code, e.g. `W-0003`. Becomes the pseudonym token `[W-0003]`. */
  ref: string;
  category: 'person';
  /** Names in Hangul (`김철수`, `김 철수`) or Latin (`Kim Chol-su`, `Chol-su Kim`). */
  names: string[];
  aliases?: string[];
  /**
   * The ref links this entry to a registered person it is not (a relative `W-0003.R1`): it goes
   * into the span log for cleared readers but never into the redacted text, where the pseudonym
   * action writes a keyed token instead (`[PERSON-7f3a1c02]`; README.md, "Private refs").
   */
  privateRef?: boolean;
}

/** A sensitive place of the case (home village, safe house, ...). */
export interface PlaceEntry {
  ref: string;
  names: string[];
}

/** A per-case term matched literally (case-insensitive, spacing-tolerant for Latin). */
export interface CustomTerm {
  term: string;
  category: Category;
  /** Optional code used as pseudonym token; without it the pseudonym action falls back to the label. */
  ref?: string;
  /** As for PersonEntry: the ref (`W-0003.C1`, a contact) is logged but never written into the text. */
  privateRef?: boolean;
}

export interface DictionaryInput {
  people: PersonEntry[];
  places?: PlaceEntry[];
  customTerms?: CustomTerm[];
}

/** A detection before actions are applied. */
export interface DetectedSpan {
  start: number;
  end: number;
  category: Category;
  /** Which rule found it, e.g. `person.hangul`, `phone.kr-mobile`. */
  rule: string;
  /** Registry ref when the span is attributed to exactly one registered person/place/term. */
  ref?: string;
  /** When several registry entries produce this very span (homonyms), all their refs, sorted. */
  candidateRefs?: string[];
  /** True when `ref` was chosen among `candidateRefs` because the same text names that entry unambiguously. */
  refFromContext?: boolean;
  /** True when this span is the uncovered remainder of a candidate that partially overlapped a longer one. */
  partial?: boolean;
}

/**
 * Creates a DetectedSpan. Every span has the same set of own properties (absent ones undefined) so
 * that the hot loops over spans see one object shape.
 */
export function makeSpan(start: number, end: number, category: Category, rule: string, ref?: string): DetectedSpan {
  return { start, end, category, rule, ref, candidateRefs: undefined, refFromContext: undefined, partial: undefined };
}

export class RedactionInputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'RedactionInputError';
  }
}
