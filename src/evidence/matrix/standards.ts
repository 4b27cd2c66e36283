/**
 * Standards of proof a case's matrix is judged by, and the status they give each element. Pure;
 * the thresholds are mirrored in SQL by the migration MatrixAggregates1795380500000 (q1 … q3),
 * and src/evidence/matrix/standards.spec.ts pins them.
 *
 * A supporting link qualifies under a standard when it is reviewed and its assessment reaches the
 * standard's minimum probative value, one of its source reliability grades and its credibility
 * ceiling. An element is `supported` when the qualifying links come from at least `minSources`
 * independent sources, of which at least `minWitnesses` are witnesses (people), and — where the
 * standard says so — no reviewed, not weak link undermines it.
 */
export const STANDARDS_OF_PROOF = ['reasonable_grounds', 'substantial_grounds', 'beyond_reasonable_doubt'] as const;
export type StandardOfProof = (typeof STANDARDS_OF_PROOF)[number];
export const DEFAULT_STANDARD: StandardOfProof = 'reasonable_grounds';

export const ELEMENT_STATUSES = ['no_evidence', 'only_unreviewed', 'weak', 'supported'] as const;
export type ElementStatus = (typeof ELEMENT_STATUSES)[number];

export interface StandardRule {
  code: StandardOfProof;
  /** Column prefix of the aggregate counts (q1 … q3). */
  column: 'q1' | 'q2' | 'q3';
  minProbative: number;
  reliability: readonly string[];
  maxCredibility: number;
  minSources: number;
  minWitnesses: number;
  /** A reviewed, not weak undermining link keeps the element from `supported`. */
  uncontested: boolean;
  description: string;
  /** The same rule in Korean (the API returns both; the app shows the user's language). */
  descriptionKo: string;
}

export const STANDARD_RULES: Record<StandardOfProof, StandardRule> = {
  reasonable_grounds: {
    code: 'reasonable_grounds', column: 'q1', minProbative: 3, reliability: ['A', 'B', 'C', 'D'], maxCredibility: 4, minSources: 1, minWitnesses: 0, uncontested: false,
    description: 'Reasonable grounds to believe (arrest warrant, art. 58): at least 1 independent source with a reviewed link of probative value >= 3, source reliability A-D and information credibility <= 4.',
    descriptionKo: '믿을 만한 합리적 근거 (체포영장, 제58조): 증명력 3 이상, 출처 신뢰도 A-D, 정보 신빙성 4 이하인 검토된 연결이 있는 독립 출처 1개 이상.',
  },
  substantial_grounds: {
    code: 'substantial_grounds', column: 'q2', minProbative: 3, reliability: ['A', 'B', 'C'], maxCredibility: 3, minSources: 2, minWitnesses: 1, uncontested: false,
    description: 'Substantial grounds to believe (confirmation of charges, art. 61(7)): at least 2 independent sources, at least 1 of them a witness, each with a reviewed link of probative value >= 3, source reliability A-C and information credibility <= 3.',
    descriptionKo: '믿을 만한 상당한 근거 (공소사실 확인, 제61조 제7항): 독립 출처 2개 이상(그중 증인 1명 이상), 각각 증명력 3 이상, 출처 신뢰도 A-C, 정보 신빙성 3 이하인 검토된 연결이 있을 것.',
  },
  beyond_reasonable_doubt: {
    code: 'beyond_reasonable_doubt', column: 'q3', minProbative: 4, reliability: ['A', 'B'], maxCredibility: 2, minSources: 3, minWitnesses: 2, uncontested: true,
    description: 'Beyond reasonable doubt (conviction, art. 66(3)): at least 3 independent sources, at least 2 of them witnesses, each with a reviewed link of probative value >= 4, source reliability A-B and information credibility <= 2; and no reviewed, not weak link undermining the element.',
    descriptionKo: '합리적 의심의 여지가 없는 증명 (유죄 판결, 제66조 제3항): 독립 출처 3개 이상(그중 증인 2명 이상), 각각 증명력 4 이상, 출처 신뢰도 A-B, 정보 신빙성 2 이하인 검토된 연결이 있을 것; 그리고 그 요소를 반박하는, 검토되었고 약하지 않은 연결이 없을 것.',
  },
};

export function qualifies(rule: StandardRule, a: { reviewed: boolean; probativeValue: number; sourceReliability: string; informationCredibility: number }): boolean {
  return a.reviewed && a.probativeValue >= rule.minProbative && rule.reliability.includes(a.sourceReliability) && a.informationCredibility <= rule.maxCredibility;
}

/** The counts an element's status is decided on. */
export interface StatusInput {
  links: number;
  reviewed: number;
  /** Distinct witnesses and other sources among the links qualifying under the standard. */
  qualifyingWitnesses: number;
  qualifyingOthers: number;
  contested: boolean;
}

export function elementStatus(rule: StandardRule, s: StatusInput): ElementStatus {
  if (s.links === 0) return 'no_evidence';
  if (s.reviewed === 0) return 'only_unreviewed';
  const sources = s.qualifyingWitnesses + s.qualifyingOthers;
  if (sources < rule.minSources || s.qualifyingWitnesses < rule.minWitnesses) return 'weak';
  if (rule.uncontested && s.contested) return 'weak';
  return 'supported';
}
