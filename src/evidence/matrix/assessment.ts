/**
 * How an evidence link's assessment is judged. Pure: used by the case matrix and mirrored by its
 * SQL (src/evidence/matrix.repository.ts), so the two must change together.
 *
 * Scales: probative value 1 (slight) … 5 (decisive); source reliability A (completely reliable) …
 * E (unreliable), F (cannot be judged); information credibility 1 (confirmed) … 5 (improbable),
 * 6 (cannot be judged) — the Admiralty (NATO) grading used by investigators.
 */
export interface Assessment {
  probativeValue: number;
  sourceReliability: string;
  informationCredibility: number;
  reviewed: boolean;
}

/** Probative value at or below this is weak. */
export const WEAK_MAX_PROBATIVE = 2;
/** Source reliability grades that are weak: unreliable, or cannot be judged. */
export const WEAK_RELIABILITY: readonly string[] = ['E', 'F'];
/** Information credibility at or above this is weak: improbable, or cannot be judged. */
export const WEAK_MIN_CREDIBILITY = 5;

export const WEAKNESS_RULE =
  `weak = probative value <= ${WEAK_MAX_PROBATIVE}, or source reliability ${WEAK_RELIABILITY.join('/')}, or information credibility >= ${WEAK_MIN_CREDIBILITY}`;

export function isWeak(a: Omit<Assessment, 'reviewed'>): boolean {
  return a.probativeValue <= WEAK_MAX_PROBATIVE || WEAK_RELIABILITY.includes(a.sourceReliability) || a.informationCredibility >= WEAK_MIN_CREDIBILITY;
}

/**
 * Orders assessments strongest first: reviewed before proposed, then not weak before weak, then
 * higher probative value, better reliability (A before F), better credibility (1 before 6).
 * Returns < 0 when `a` is stronger. Ties are left to the caller (the matrix takes the earliest link).
 */
export function compareStrength(a: Assessment, b: Assessment): number {
  return (
    Number(b.reviewed) - Number(a.reviewed) ||
    Number(isWeak(a)) - Number(isWeak(b)) ||
    b.probativeValue - a.probativeValue ||
    a.sourceReliability.localeCompare(b.sourceReliability) ||
    a.informationCredibility - b.informationCredibility
  );
}

/** Weights of strengthRank: each criterion outranks all the ones after it. */
export const RANK_WEIGHTS = { reviewed: 10_000, strong: 1_000, probative: 100, reliability: 10, credibility: 1 } as const;

/**
 * compareStrength as one number (higher = stronger), so a database can pick the strongest link
 * with an ordinary sort on it: reliability A..F scores 6..1, credibility 1..6 scores 6..1.
 */
export function strengthRank(a: Assessment): number {
  return (
    (a.reviewed ? RANK_WEIGHTS.reviewed : 0) +
    (isWeak(a) ? 0 : RANK_WEIGHTS.strong) +
    a.probativeValue * RANK_WEIGHTS.probative +
    (6 - (a.sourceReliability.charCodeAt(0) - 'A'.charCodeAt(0))) * RANK_WEIGHTS.reliability +
    (7 - a.informationCredibility) * RANK_WEIGHTS.credibility
  );
}
