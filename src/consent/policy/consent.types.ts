// Shapes of a witness's consent, the recipient of a disclosure and the decision about it.
// Kept free of ORM types so the policy stays a pure, unit-tested function.

export const CONSENT_PURPOSES = [
  'internal_analysis',
  'advocacy',
  'share_un_mechanisms',
  'share_icc',
  'share_national_prosecutors',
  'publication',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

// 'public' = anyone (an open report, a website); 'media' = journalists. Both lead to publication.
export const RECIPIENT_KINDS = [
  'internal',
  'un_mechanism',
  'icc',
  'national_prosecutor',
  'researcher',
  'public',
  'media',
  'other',
] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const CONSENT_METHODS = ['signed_form', 'recorded_oral', 'other'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** One version of a witness's consent. A change of scope is a new version, never an edit. */
export interface ConsentRecord {
  /** Positive integer, increasing with each new version for the same testimony. */
  version: number;
  purposes: readonly ConsentPurpose[];
  anonymityRequired: boolean;
  identityDisclosureAllowed: boolean;
  /** "Not for proceedings that can impose the death penalty." */
  noDeathPenaltyProceedings: boolean;
  recontactAllowed: boolean;
  method: ConsentMethod;
  /** Who took the consent (user id or staff pseudonym); never echoed in explanations. */
  takenBy: string;
  takenAt: Date;
  withdrawnAt?: Date | null;
  /** Free text; may be sensitive, so never echoed in explanations. */
  withdrawalReason?: string | null;
}

export interface Recipient {
  kind: RecipientKind;
  name: string;
  /**
   * Whether proceedings this recipient conducts or feeds can impose the death penalty.
   * 'unknown' is treated as a denial whenever the witness set the no-death-penalty condition.
   */
  deathPenaltyJurisdiction: boolean | 'unknown';
}

export type DisclosureForm = 'identified' | 'pseudonymised';

export type DenialReason =
  | 'invalid_request'
  | 'invalid_consent_record'
  | 'unknown_purpose'
  | 'unknown_recipient_kind'
  | 'no_consent_in_force'
  | 'ambiguous_consent_history'
  | 'consent_not_yet_in_force'
  | 'consent_withdrawn'
  | 'recipient_not_covered_by_purpose'
  | 'purpose_not_granted'
  | 'death_penalty_jurisdiction'
  | 'death_penalty_jurisdiction_unknown';

export type AllowReasonCode =
  | 'consent_in_force'
  | 'recipient_matches_purpose'
  | `granted:${ConsentPurpose}`
  | 'no_death_penalty_condition'
  | 'recipient_cannot_impose_death_penalty'
  | 'identity_disclosure_allowed'
  | 'identity_disclosure_not_allowed'
  | 'anonymity_required';

export type DisclosureDecision =
  | { allowed: false; reason: DenialReason; explanation: string }
  | { allowed: true; form: DisclosureForm; consentVersion: number; reasonCodes: AllowReasonCode[] };

export interface DisclosureRequest {
  /** The consent version in force at `at` (see latestConsentVersionAt); undefined denies. */
  consent: ConsentRecord | undefined;
  recipient: Recipient;
  /** The purpose of this disclosure. */
  purpose: ConsentPurpose;
  /** When the disclosure happens (usually now); withdrawal and versions are judged at this instant. */
  at: Date;
}
