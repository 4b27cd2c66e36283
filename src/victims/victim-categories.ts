/**
 * The categories a victim is counted by, outside the sealed identity: enumerations only (never
 * free text, so nothing identifying can be typed into them). Codes are stable; labels are for
 * the web app. Recorded by members with identity clearance (they know who the person is), read
 * in aggregate by every member through the statistics, with small cells suppressed.
 */
export const VICTIM_SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type VictimSex = (typeof VICTIM_SEXES)[number];

/** Age at the time of the documented violations. */
export const AGE_GROUPS = ['0-11', '12-17', '18-29', '30-44', '45-59', '60+', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/**
 * Status categories relevant to DPRK documentation (HURIDOCS MT23 "relevant characteristics",
 * COI 2014 findings): why a person was targeted or what made them vulnerable.
 */
export const VICTIM_STATUSES = [
  'repatriated_detainee', 'border_crosser', 'christian', 'other_religious_believer', 'family_member_of_defector', 'family_member_of_detainee',
  'political_prisoner', 'abductee_foreign_national', 'returnee_from_japan', 'low_songbun', 'child_born_in_detention', 'woman_trafficked', 'other',
] as const;
export type VictimStatus = (typeof VICTIM_STATUSES)[number];
