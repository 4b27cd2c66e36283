/**
 * Redaction profiles: for each category, what happens to a detected span.
 *
 * Actions:
 * - `keep`      the text stays; the span is still logged (so reviewers see what was detected);
 * - `pseudonym` the registry code in brackets, the same everywhere in the case (`[W-0003]`, places
 *               `[P-0012]`). Spans whose ref is private (a registered person's relative or contact,
 *               `W-0003.R1`) and spans without a single ref (pattern hits, homonyms, custom terms
 *               without ref) get a keyed-hash token (`[PERSON-7f3a1c02]`, `[PHONE-3f9a1c02]`) when the
 *               caller supplies a case secret, and the category label otherwise (homonyms always);
 * - `label`     the category label (`[PERSON]`, `[PHONE]` …);
 * - `remove`    the span is deleted.
 *
 * Built-in profiles (recipient → default treatment):
 *
 * | category      | internal  | un        | icc       | public |
 * |---------------|-----------|-----------|-----------|--------|
 * | person        | pseudonym | pseudonym | pseudonym | label  |
 * | place         | keep      | pseudonym | pseudonym | label  |
 * | phone         | label     | label     | label     | remove |
 * | national-id   | label     | label     | label     | remove |
 * | email         | label     | label     | label     | remove |
 * | handle        | label     | label     | label     | remove |
 * | date-of-birth | label     | label     | label     | label  |
 * | coordinates   | keep      | label     | keep      | label  |
 * | custom        | label     | label     | label     | label  |
 *
 * internal: analysts of the case need places and coordinates (where things happened) but not
 * contacts or identities. un/icc: sensitive places (home villages, safe houses — the registry holds
 * only sensitive ones) become codes; the ICC keeps coordinates, which are evidence of crime scenes.
 * public: nothing identifying survives, not even stable pseudonyms (which would let readers link
 * testimonies of the same witness); particles are neutralised (은(는)) so they do not hint at the
 * hidden name's last syllable. What a witness consented to is checked elsewhere (export); these are
 * only defaults, and custom profiles can change any of them.
 */
import { CATEGORIES, Category, isCategory, RedactionInputError } from 'src/redaction/engine/types';

export const ACTIONS = ['keep', 'pseudonym', 'label', 'remove'] as const;
export type RedactionAction = (typeof ACTIONS)[number];

export interface RedactionProfile {
  readonly name: string;
  readonly actions: Readonly<Record<Category, RedactionAction>>;
  readonly labels: Readonly<Record<Category, string>>;
  /** Rewrite a particle after a redacted Hangul name to its neutral form (`은` → `은(는)`). */
  readonly neutraliseParticles: boolean;
  /**
   * A registered name that is also an ordinary word (`강철` "steel", span `ambiguity: 'common-word'`):
   * `redact` applies the category's action, `keep` leaves the text. Either way the span is logged
   * with `ambiguous: true` for the review screen. Default (absent): `redact`.
   */
  readonly ambiguousWords?: AmbiguousWordsChoice;
  /**
   * A registered birthplace or current location at city level or above (`서울`, `Seoul`): `context`
   * redacts it only where the text says it is the person's (`lives in Seoul`, `서울에서 살고`, `서울
   * 출신`), `always` everywhere (`Seoul office` too). Default (absent): `always`.
   */
  readonly broadPlaces?: BroadPlacesChoice;
}

export const AMBIGUOUS_WORDS_CHOICES = ['redact', 'keep'] as const;
export type AmbiguousWordsChoice = (typeof AMBIGUOUS_WORDS_CHOICES)[number];
export const BROAD_PLACES_CHOICES = ['context', 'always'] as const;
export type BroadPlacesChoice = (typeof BROAD_PLACES_CHOICES)[number];

export const DEFAULT_LABELS: Readonly<Record<Category, string>> = {
  person: '[PERSON]',
  place: '[PLACE]',
  phone: '[PHONE]',
  'national-id': '[NATIONAL-ID]',
  email: '[EMAIL]',
  'date-of-birth': '[DATE-OF-BIRTH]',
  coordinates: '[COORDINATES]',
  handle: '[HANDLE]',
  custom: '[REDACTED]',
};

export type BuiltInProfileName = 'internal' | 'un' | 'icc' | 'public';

function profile(
  name: string,
  actions: Record<Category, RedactionAction>,
  neutraliseParticles: boolean,
  ambiguousWords: AmbiguousWordsChoice,
  broadPlaces: BroadPlacesChoice,
): RedactionProfile {
  return Object.freeze({ name, actions: Object.freeze(actions), labels: DEFAULT_LABELS, neutraliseParticles, ambiguousWords, broadPlaces });
}

export const BUILT_IN_PROFILES: Readonly<Record<BuiltInProfileName, RedactionProfile>> = Object.freeze({
  internal: profile(
    'internal',
    { person: 'pseudonym', place: 'keep', phone: 'label', 'national-id': 'label', email: 'label', handle: 'label', 'date-of-birth': 'label', coordinates: 'keep', custom: 'label' },
    false,
    'keep',
    'context',
  ),
  un: profile(
    'un',
    { person: 'pseudonym', place: 'pseudonym', phone: 'label', 'national-id': 'label', email: 'label', handle: 'label', 'date-of-birth': 'label', coordinates: 'label', custom: 'label' },
    false,
    'redact',
    'context',
  ),
  icc: profile(
    'icc',
    { person: 'pseudonym', place: 'pseudonym', phone: 'label', 'national-id': 'label', email: 'label', handle: 'label', 'date-of-birth': 'label', coordinates: 'keep', custom: 'label' },
    false,
    'redact',
    'context',
  ),
  public: profile(
    'public',
    { person: 'label', place: 'label', phone: 'remove', 'national-id': 'remove', email: 'remove', handle: 'remove', 'date-of-birth': 'label', coordinates: 'label', custom: 'label' },
    true,
    'redact',
    'always',
  ),
});

export interface ProfileSpec {
  name: string;
  /** Profile to start from; default `public` (the most protective). */
  base?: BuiltInProfileName | RedactionProfile;
  actions?: Partial<Record<Category, RedactionAction>>;
  labels?: Partial<Record<Category, string>>;
  neutraliseParticles?: boolean;
  ambiguousWords?: AmbiguousWordsChoice;
  broadPlaces?: BroadPlacesChoice;
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Builds a custom profile; unspecified categories inherit from `base`. Throws RedactionInputError on bad input. */
export function defineProfile(spec: ProfileSpec): RedactionProfile {
  if (!spec || typeof spec.name !== 'string' || !NAME.test(spec.name)) {
    throw new RedactionInputError('profile.name', 'must be 1-64 lower-case letters, digits, . _ -');
  }
  const base = resolveProfile(spec.base ?? 'public');
  const actions: Record<Category, RedactionAction> = { ...base.actions };
  for (const [category, action] of Object.entries(spec.actions ?? {})) {
    if (!isCategory(category)) throw new RedactionInputError(`profile.actions.${category}`, 'is not a known category');
    if (!(ACTIONS as readonly string[]).includes(action as string)) {
      throw new RedactionInputError(`profile.actions.${category}`, `must be one of ${ACTIONS.join(', ')}`);
    }
    actions[category] = action as RedactionAction;
  }
  const labels: Record<Category, string> = { ...base.labels };
  for (const [category, label] of Object.entries(spec.labels ?? {})) {
    if (!isCategory(category)) throw new RedactionInputError(`profile.labels.${category}`, 'is not a known category');
    if (typeof label !== 'string' || label.length === 0 || label.length > 40 || /[\r\n]/.test(label)) {
      throw new RedactionInputError(`profile.labels.${category}`, 'must be 1-40 characters on one line');
    }
    labels[category] = label;
  }
  if (spec.neutraliseParticles !== undefined && typeof spec.neutraliseParticles !== 'boolean') {
    throw new RedactionInputError('profile.neutraliseParticles', 'must be a boolean');
  }
  if (spec.ambiguousWords !== undefined && !(AMBIGUOUS_WORDS_CHOICES as readonly string[]).includes(spec.ambiguousWords)) {
    throw new RedactionInputError('profile.ambiguousWords', `must be one of ${AMBIGUOUS_WORDS_CHOICES.join(', ')}`);
  }
  if (spec.broadPlaces !== undefined && !(BROAD_PLACES_CHOICES as readonly string[]).includes(spec.broadPlaces)) {
    throw new RedactionInputError('profile.broadPlaces', `must be one of ${BROAD_PLACES_CHOICES.join(', ')}`);
  }
  return Object.freeze({
    name: spec.name,
    actions: Object.freeze(actions),
    labels: Object.freeze(labels),
    neutraliseParticles: spec.neutraliseParticles ?? base.neutraliseParticles,
    ambiguousWords: spec.ambiguousWords ?? base.ambiguousWords ?? 'redact',
    broadPlaces: spec.broadPlaces ?? base.broadPlaces ?? 'always',
  });
}

/**
 * Categories whose detected text identifies someone: the registry's names, aliases and relatives
 * (person), contacts and patterns (phone, national-id, email, handle, date-of-birth) and custom
 * terms, which include a registered person's birthplace and current location. `place` (the
 * case's sensitive places) and `coordinates` are not listed: the internal profile keeps them by
 * design (analysts need where things happened).
 */
export const IDENTIFYING_CATEGORIES: readonly Category[] = Object.freeze(['person', 'phone', 'national-id', 'email', 'handle', 'date-of-birth', 'custom'] as const);

/**
 * The identifying categories a profile keeps as they are in the original. Redacted text is read
 * by members without identity clearance, indexed and exported, so a profile that keeps any of
 * them would hand out what the registry seals.
 */
export function keptIdentifyingCategories(profile: RedactionProfile): Category[] {
  return IDENTIFYING_CATEGORIES.filter((c) => profile.actions[c] === 'keep');
}

/** A built-in profile by name, or the given profile checked for completeness. */
export function resolveProfile(p: RedactionProfile | BuiltInProfileName): RedactionProfile {
  if (typeof p === 'string') {
    const found = (BUILT_IN_PROFILES as Record<string, RedactionProfile | undefined>)[p];
    if (!found) throw new RedactionInputError('profile', `unknown profile ${p}; built-in: ${Object.keys(BUILT_IN_PROFILES).join(', ')}`);
    return found;
  }
  for (const c of CATEGORIES) {
    if (!(ACTIONS as readonly string[]).includes(p.actions?.[c])) throw new RedactionInputError(`profile.actions.${c}`, 'is missing or invalid');
    if (typeof p.labels?.[c] !== 'string') throw new RedactionInputError(`profile.labels.${c}`, 'is missing');
  }
  return p;
}

/** Canonical encoding of a profile (for result fingerprints). */
export function profileFingerprint(p: RedactionProfile): string {
  return JSON.stringify({
    name: p.name,
    actions: CATEGORIES.map((c) => p.actions[c]),
    labels: CATEGORIES.map((c) => p.labels[c]),
    neutraliseParticles: p.neutraliseParticles,
    ambiguousWords: p.ambiguousWords ?? 'redact',
    broadPlaces: p.broadPlaces ?? 'always',
  });
}
