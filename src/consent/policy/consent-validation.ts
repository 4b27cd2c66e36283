import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  RECIPIENT_KINDS,
  type ConsentPurpose,
  type ConsentRecord,
  type RecipientKind,
} from 'src/consent/policy/consent.types';

// Records come from the database or an import at run time; the types alone do not prove
// their shape. Every check returns the offending field so the denial can name it.

export const isValidDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

export const isConsentPurpose = (value: unknown): value is ConsentPurpose =>
  typeof value === 'string' && (CONSENT_PURPOSES as readonly string[]).includes(value);

export const isRecipientKind = (value: unknown): value is RecipientKind =>
  typeof value === 'string' && (RECIPIENT_KINDS as readonly string[]).includes(value);

const BOOLEAN_FIELDS = [
  'anonymityRequired',
  'identityDisclosureAllowed',
  'noDeathPenaltyProceedings',
  'recontactAllowed',
] as const;

/** Returns a description of the first problem found, or undefined when the record is well formed. */
export function findConsentRecordProblem(record: ConsentRecord): string | undefined {
  if (typeof record !== 'object' || record === null) return 'consent record is not an object';
  if (!Number.isSafeInteger(record.version) || record.version < 1) return 'version must be a positive integer';
  if (!Array.isArray(record.purposes)) return 'purposes must be a list';
  // An unknown purpose means a schema we do not understand: refuse rather than guess.
  const unknown = (record.purposes as readonly unknown[]).find((p) => !isConsentPurpose(p));
  if (unknown !== undefined) return `purposes contains an unknown purpose (${String(unknown)})`;
  for (const field of BOOLEAN_FIELDS) {
    if (typeof record[field] !== 'boolean') return `${field} must be true or false`;
  }
  if (!(CONSENT_METHODS as readonly string[]).includes(record.method)) return 'method is not a known consent method';
  if (typeof record.takenBy !== 'string' || record.takenBy.trim() === '') return 'takenBy is required';
  if (!isValidDate(record.takenAt)) return 'takenAt must be a valid date';
  if (record.withdrawnAt !== undefined && record.withdrawnAt !== null && !isValidDate(record.withdrawnAt)) {
    return 'withdrawnAt must be a valid date when present';
  }
  return undefined;
}
