import type { ConsentPurpose, RecipientKind } from 'src/consent/policy/consent.types';

/**
 * Which kinds of recipient may receive a testimony for each purpose, and which grants the
 * consent must hold for that pair. Anything not listed is denied (fail closed):
 *
 * - A named kind of recipient (UN mechanism, ICC, national prosecutor) needs its own grant:
 *   consent is specific to who receives, not only to why.
 * - The public, the media and outside researchers produce published work, so they always
 *   need `publication`; for advocacy they need `advocacy` as well.
 * - `internal` covers only analysis inside the documenting organisation.
 * - `other` has no route: an unknown kind of recipient cannot be matched to a consent scope.
 *   Add a kind (and a row here) rather than widening `other`.
 */
export const PURPOSE_ROUTES: Readonly<
  Record<ConsentPurpose, Readonly<Partial<Record<RecipientKind, readonly ConsentPurpose[]>>>>
> = {
  internal_analysis: { internal: ['internal_analysis'] },
  share_un_mechanisms: { un_mechanism: ['share_un_mechanisms'] },
  share_icc: { icc: ['share_icc'] },
  share_national_prosecutors: { national_prosecutor: ['share_national_prosecutors'] },
  publication: {
    public: ['publication'],
    media: ['publication'],
    researcher: ['publication'],
  },
  advocacy: {
    public: ['advocacy', 'publication'],
    media: ['advocacy', 'publication'],
    researcher: ['advocacy', 'publication'],
  },
};

/** Grants required to send to `kind` for `purpose`, or undefined when that pair is not allowed at all. */
export const requiredGrants = (purpose: ConsentPurpose, kind: RecipientKind): readonly ConsentPurpose[] | undefined =>
  Object.prototype.hasOwnProperty.call(PURPOSE_ROUTES[purpose], kind) ? PURPOSE_ROUTES[purpose][kind] : undefined;
