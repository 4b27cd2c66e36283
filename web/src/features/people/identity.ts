import type { Schemas } from '../../api/client';

export type Identity = Schemas['PersonIdentityDto'];
export type PersonKind = Schemas['PersonDto']['kind'];
export type Sex = NonNullable<Identity['sex']>;
export type DatePrecision = Schemas['DatedValueDto']['precision'];
export type ContactKind = Schemas['ContactDto']['kind'];

export const PERSON_KINDS: readonly PersonKind[] = ['survivor', 'witness', 'victim', 'perpetrator_individual', 'other'];
export const SEXES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];
export const DATE_PRECISIONS: readonly DatePrecision[] = ['unknown', 'day', 'month', 'year', 'approximate'];
export const CONTACT_KINDS: readonly ContactKind[] = ['phone', 'email', 'messaging', 'address', 'other'];
export const ERASURE_REASONS = ['consent_withdrawn', 'witness_request', 'safety', 'data_minimisation'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

/** The identity as the form edits it: every field present, strings rather than absences. */
export interface IdentityForm {
  namesHangul: string[];
  namesRomanised: string[];
  aliases: string[];
  sex: Sex | '';
  birthPrecision: DatePrecision;
  birthDate: string;
  birthplace: string;
  currentLocation: string;
  relatives: Array<{ relation: string; name: string; note: string }>;
  contacts: Array<{ kind: ContactKind; value: string }>;
}

export const IDENTITY_FIELDS = ['namesHangul', 'namesRomanised', 'aliases', 'sex', 'birthDate', 'birthplace', 'currentLocation', 'relatives', 'contacts'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

export function emptyIdentityForm(): IdentityForm {
  return { namesHangul: [], namesRomanised: [], aliases: [], sex: '', birthPrecision: 'unknown', birthDate: '', birthplace: '', currentLocation: '', relatives: [], contacts: [] };
}

export function identityToForm(identity: Identity | null | undefined): IdentityForm {
  if (!identity) return emptyIdentityForm();
  return {
    namesHangul: identity.namesHangul ?? [],
    namesRomanised: identity.namesRomanised ?? [],
    aliases: identity.aliases ?? [],
    sex: identity.sex ?? '',
    birthPrecision: identity.birthDate?.precision ?? 'unknown',
    birthDate: identity.birthDate?.date ?? '',
    birthplace: identity.birthplace ?? '',
    currentLocation: identity.currentLocation ?? '',
    relatives: (identity.relatives ?? []).map((r) => ({ relation: r.relation, name: r.name, note: r.note ?? '' })),
    contacts: (identity.contacts ?? []).map((c) => ({ kind: c.kind, value: c.value })),
  };
}

const trimmed = (list: string[]) => list.map((s) => s.trim()).filter(Boolean);

/** What the API expects: only what was given (blank rows and empty fields left out). */
export function formToIdentity(form: IdentityForm): Identity {
  const identity: Identity = {};
  const hangul = trimmed(form.namesHangul);
  const romanised = trimmed(form.namesRomanised);
  const aliases = trimmed(form.aliases);
  if (hangul.length) identity.namesHangul = hangul;
  if (romanised.length) identity.namesRomanised = romanised;
  if (aliases.length) identity.aliases = aliases;
  if (form.sex) identity.sex = form.sex;
  if (form.birthPrecision !== 'unknown' || form.birthDate.trim()) identity.birthDate = { precision: form.birthPrecision, date: form.birthDate.trim() || undefined };
  if (form.birthplace.trim()) identity.birthplace = form.birthplace.trim();
  if (form.currentLocation.trim()) identity.currentLocation = form.currentLocation.trim();
  const relatives = form.relatives
    .filter((r) => r.relation.trim() || r.name.trim() || r.note.trim())
    .map((r) => ({ relation: r.relation.trim(), name: r.name.trim(), ...(r.note.trim() ? { note: r.note.trim() } : {}) }));
  if (relatives.length) identity.relatives = relatives;
  const contacts = form.contacts.filter((c) => c.value.trim()).map((c) => ({ kind: c.kind, value: c.value.trim() }));
  if (contacts.length) identity.contacts = contacts;
  return identity;
}

/** Stable text of one field of an identity, for comparing two versions. */
function fieldKey(identity: Identity, field: IdentityField): string {
  return JSON.stringify(identity[field] ?? null);
}

/** The fields where two versions of an identity differ (what a 409 merge must ask about). */
export function differingFields(mine: Identity, theirs: Identity): IdentityField[] {
  return IDENTITY_FIELDS.filter((f) => fieldKey(mine, f) !== fieldKey(theirs, f));
}

/** Theirs, with the fields the user chose to keep from their own version. */
export function mergeIdentity(mine: Identity, theirs: Identity, keepMine: ReadonlySet<IdentityField>): Identity {
  const merged: Record<string, unknown> = {};
  for (const field of IDENTITY_FIELDS) {
    const value = keepMine.has(field) ? mine[field] : theirs[field];
    if (value !== undefined) merged[field] = value;
  }
  return merged as Identity;
}

/** The form has something the user typed that is not saved yet. */
export function formIsDirty(form: IdentityForm, saved: Identity | null | undefined): boolean {
  return JSON.stringify(formToIdentity(form)) !== JSON.stringify(formToIdentity(identityToForm(saved)));
}

/**
 * A place from the gazetteer as stored in an identity: its name, with its full Hangul name when it
 * has one (the longest: 회령시 rather than 회령), so the same place always reads the same.
 */
export function placeLabel(place: { name: string; names: Array<{ system: string; name: string }> }): string {
  const hangul = place.names.filter((n) => n.system === 'hangul').map((n) => n.name).sort((a, b) => b.length - a.length || a.localeCompare(b))[0];
  return hangul && hangul !== place.name ? `${place.name} (${hangul})` : place.name;
}
