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

/**
 * A registered date that identifies a person (a date of birth): found in every written format
 * (`1971년 4월 9일`, `71년 4월 9일생`, `1971. 4. 9.`, `1971-04-09`, `9 April 1971`, `April 9, 1971`,
 * `9/4/1971` …) anywhere in the text, not only next to a birth word.
 */
export interface DateEntry {
  /** `YYYY-MM-DD` (a full date) or `YYYY-MM` (month precision: `1971년 4월`, `April 1971`). */
  date: string;
  ref: string;
  category?: 'date-of-birth';
  /** As for PersonEntry: logged, never written into the text. */
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
  /**
   * The term is a place (a registered person's birthplace or current location): it is expanded like
   * a registered place into both scripts (`회령` ↔ `Hoeryong`, `온성군 남양로동자구` ↔ `Namyang
   * workers' district, Onsong County`). A place at city level or above (`서울`, `Seoul`) then counts
   * only where it describes the person (README.md, "Broad places").
   */
  place?: boolean;
}

export interface DictionaryInput {
  people: PersonEntry[];
  places?: PlaceEntry[];
  customTerms?: CustomTerm[];
  dates?: DateEntry[];
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
  /**
   * Set when the engine cannot tell from the text alone: `common-word` (the name is also an ordinary
   * word, `강철` "steel"; the profile decides whether it is redacted), `shared-surname` (a surname
   * reference such as `김 씨` that several registered people share: always redacted with the label).
   * Either way a reviewer should look at it.
   */
  ambiguity?: Ambiguity;
  /** Registered place at city level or above: whether its context describes the person (`lives in Seoul`) or not (`Seoul office`). */
  broadPlace?: 'person' | 'other';
}

export type Ambiguity = 'common-word' | 'shared-surname';

/**
 * Creates a DetectedSpan. Every span has the same set of own properties (absent ones undefined) so
 * that the hot loops over spans see one object shape.
 */
export function makeSpan(start: number, end: number, category: Category, rule: string, ref?: string): DetectedSpan {
  return { start, end, category, rule, ref, candidateRefs: undefined, refFromContext: undefined, partial: undefined, ambiguity: undefined, broadPlace: undefined };
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
