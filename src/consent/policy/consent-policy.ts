import { findConsentRecordProblem, isConsentPurpose, isRecipientKind, isValidDate } from 'src/consent/policy/consent-validation';
import type {
  AllowReasonCode,
  ConsentPurpose,
  ConsentRecord,
  DenialReason,
  DisclosureDecision,
  DisclosureRequest,
  Recipient,
} from 'src/consent/policy/consent.types';
import { requiredGrants } from 'src/consent/policy/purpose-routes';

// Explanations may reach logs and the disclosure register: they name the purpose, the
// recipient and the consent version, never who took the consent or why it was withdrawn.

const deny = (reason: DenialReason, explanation: string): DisclosureDecision => ({ allowed: false, reason, explanation });

/** Thrown when a consent history cannot be ordered safely (duplicate versions, dates out of order). */
export class ConsentHistoryError extends Error {
  override readonly name = 'ConsentHistoryError';
}

/**
 * The consent version that governs a disclosure at `at`: the highest version taken at or
 * before `at`. A withdrawn version is still returned — falling back to an older version
 * would resurrect a consent the witness has since withdrawn; evaluateDisclosure denies it.
 * Returns undefined when no version had been taken by then.
 */
export function latestConsentVersionAt(history: readonly ConsentRecord[], at: Date): ConsentRecord | undefined {
  if (!isValidDate(at)) throw new ConsentHistoryError('the date to evaluate at is not a valid date');
  const ordered = [...history].sort((a, b) => a.version - b.version);
  for (let i = 0; i < ordered.length; i++) {
    const record = ordered[i];
    if (!Number.isSafeInteger(record.version) || !isValidDate(record.takenAt)) {
      throw new ConsentHistoryError(`consent version ${String(record.version)} has no valid version number or date`);
    }
    const previous = ordered[i - 1];
    if (previous && previous.version === record.version) {
      throw new ConsentHistoryError(`consent version ${record.version} appears more than once`);
    }
    // A later version taken earlier than its predecessor makes "latest" undecidable.
    if (previous && previous.takenAt.getTime() > record.takenAt.getTime()) {
      throw new ConsentHistoryError(`consent version ${record.version} is dated before version ${previous.version}`);
    }
  }
  let latest: ConsentRecord | undefined;
  for (const record of ordered) if (record.takenAt.getTime() <= at.getTime()) latest = record;
  return latest;
}

/** May this testimony go to this recipient for this purpose, and in what form? */
export function evaluateDisclosure(request: DisclosureRequest): DisclosureDecision {
  const { consent, recipient, purpose, at } = request;
  if (!isValidDate(at)) return deny('invalid_request', 'The date of the disclosure is not a valid date.');
  if (!isConsentPurpose(purpose)) {
    return deny('unknown_purpose', `The purpose "${String(purpose)}" is not a known disclosure purpose.`);
  }
  const recipientProblem = findRecipientProblem(recipient);
  if (recipientProblem) return deny(recipientProblem.reason, recipientProblem.explanation);
  if (!consent) {
    return deny('no_consent_in_force', `No consent had been recorded by ${at.toISOString()}.`);
  }
  const recordProblem = findConsentRecordProblem(consent);
  if (recordProblem) return deny('invalid_consent_record', `The consent record is not usable: ${recordProblem}.`);

  const v = `consent version ${consent.version}`;
  if (consent.takenAt.getTime() > at.getTime()) {
    return deny('consent_not_yet_in_force', `The ${v} was taken after ${at.toISOString()}.`);
  }
  if (consent.withdrawnAt && consent.withdrawnAt.getTime() <= at.getTime()) {
    return deny(
      'consent_withdrawn',
      `The ${v} was withdrawn on ${consent.withdrawnAt.toISOString()}; nothing may be disclosed after that.`,
    );
  }

  const grants = requiredGrants(purpose, recipient.kind);
  if (!grants) {
    return deny(
      'recipient_not_covered_by_purpose',
      `A recipient of kind "${recipient.kind}" (${recipient.name}) cannot receive testimony for the purpose "${purpose}".`,
    );
  }
  const missing = grants.filter((g) => !consent.purposes.includes(g));
  if (missing.length > 0) {
    return deny(
      'purpose_not_granted',
      `The ${v} does not grant ${missing.join(', ')}, which sending to ${recipient.name} for "${purpose}" requires.`,
    );
  }

  const reasonCodes: AllowReasonCode[] = [
    'consent_in_force',
    'recipient_matches_purpose',
    ...grants.map((g): `granted:${ConsentPurpose}` => `granted:${g}`),
  ];

  if (consent.noDeathPenaltyProceedings) {
    // Fail closed: a recipient whose exposure to the death penalty is not established is
    // treated as one that can impose it. The caller must establish `false` to proceed.
    if (recipient.deathPenaltyJurisdiction === 'unknown') {
      return deny(
        'death_penalty_jurisdiction_unknown',
        `The witness excluded proceedings that can impose the death penalty, and it is not established that ${recipient.name} cannot impose it.`,
      );
    }
    if (recipient.deathPenaltyJurisdiction) {
      return deny(
        'death_penalty_jurisdiction',
        `The witness excluded proceedings that can impose the death penalty, and ${recipient.name} can impose it.`,
      );
    }
    reasonCodes.push('recipient_cannot_impose_death_penalty');
  } else {
    reasonCodes.push('no_death_penalty_condition');
  }

  // Anonymity wins over a contradictory disclosure flag.
  if (consent.anonymityRequired) {
    reasonCodes.push('anonymity_required');
    return { allowed: true, form: 'pseudonymised', consentVersion: consent.version, reasonCodes };
  }
  if (!consent.identityDisclosureAllowed) {
    reasonCodes.push('identity_disclosure_not_allowed');
    return { allowed: true, form: 'pseudonymised', consentVersion: consent.version, reasonCodes };
  }
  reasonCodes.push('identity_disclosure_allowed');
  return { allowed: true, form: 'identified', consentVersion: consent.version, reasonCodes };
}

/** Picks the version in force at `at` from a whole history, then evaluates it. */
export function evaluateDisclosureFromHistory(
  history: readonly ConsentRecord[],
  request: Omit<DisclosureRequest, 'consent'>,
): DisclosureDecision {
  let consent: ConsentRecord | undefined;
  try {
    consent = latestConsentVersionAt(history, request.at);
  } catch (error) {
    if (!(error instanceof ConsentHistoryError)) throw error;
    if (!isValidDate(request.at)) return deny('invalid_request', 'The date of the disclosure is not a valid date.');
    return deny('ambiguous_consent_history', `The consent history cannot be ordered: ${error.message}.`);
  }
  return evaluateDisclosure({ ...request, consent });
}

function findRecipientProblem(recipient: Recipient): { reason: DenialReason; explanation: string } | undefined {
  if (typeof recipient !== 'object' || recipient === null) {
    return { reason: 'invalid_request', explanation: 'The recipient is missing.' };
  }
  if (!isRecipientKind(recipient.kind)) {
    return {
      reason: 'unknown_recipient_kind',
      explanation: `The recipient kind "${String(recipient.kind)}" is not known.`,
    };
  }
  if (typeof recipient.name !== 'string' || recipient.name.trim() === '') {
    return { reason: 'invalid_request', explanation: 'The recipient has no name.' };
  }
  const dp: unknown = recipient.deathPenaltyJurisdiction;
  if (dp !== true && dp !== false && dp !== 'unknown') {
    return {
      reason: 'invalid_request',
      explanation: `deathPenaltyJurisdiction of ${recipient.name} must be true, false or 'unknown'.`,
    };
  }
  return undefined;
}
