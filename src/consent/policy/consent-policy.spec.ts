import {
  ConsentHistoryError,
  evaluateDisclosure,
  evaluateDisclosureFromHistory,
  latestConsentVersionAt,
} from 'src/consent/policy/consent-policy';
import type {
  ConsentPurpose,
  ConsentRecord,
  DisclosureDecision,
  Recipient,
  RecipientKind,
} from 'src/consent/policy/consent.types';
import { CONSENT_PURPOSES, RECIPIENT_KINDS } from 'src/consent/policy/consent.types';

const AT = new Date('2025-06-01T12:00:00Z');

const consent = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  version: 1,
  purposes: [...CONSENT_PURPOSES],
  anonymityRequired: false,
  identityDisclosureAllowed: true,
  noDeathPenaltyProceedings: false,
  recontactAllowed: true,
  method: 'signed_form',
  takenBy: 'staff-17',
  takenAt: new Date('2025-01-10T09:00:00Z'),
  ...over,
});

const recipient = (kind: RecipientKind, over: Partial<Recipient> = {}): Recipient => ({
  kind,
  name: `${kind} recipient`,
  deathPenaltyJurisdiction: false,
  ...over,
});

const reasonOf = (d: DisclosureDecision): string => (d.allowed ? 'allowed' : d.reason);

describe('evaluateDisclosure — purpose × recipient kind (all purposes granted)', () => {
  // Every pair of purpose and recipient kind, so a new row in the routing table is a visible change.
  const allowedPairs = new Set([
    'internal_analysis/internal',
    'share_un_mechanisms/un_mechanism',
    'share_icc/icc',
    'share_national_prosecutors/national_prosecutor',
    'publication/public',
    'publication/media',
    'publication/researcher',
    'advocacy/public',
    'advocacy/media',
    'advocacy/researcher',
  ]);
  const cases = CONSENT_PURPOSES.flatMap((purpose) => RECIPIENT_KINDS.map((kind) => [purpose, kind] as const));

  it.each(cases)('%s to %s', (purpose, kind) => {
    const d = evaluateDisclosure({ consent: consent(), recipient: recipient(kind), purpose, at: AT });
    const expected = allowedPairs.has(`${purpose}/${kind}`) ? 'allowed' : 'recipient_not_covered_by_purpose';
    expect(reasonOf(d)).toBe(expected);
  });
});

describe('evaluateDisclosure — grants', () => {
  const cases: Array<[string, ConsentPurpose[], ConsentPurpose, RecipientKind, string]> = [
    ['ICC needs share_icc', ['share_un_mechanisms', 'share_national_prosecutors'], 'share_icc', 'icc', 'purpose_not_granted'],
    ['ICC with share_icc', ['share_icc'], 'share_icc', 'icc', 'allowed'],
    ['UN needs share_un_mechanisms', ['share_icc'], 'share_un_mechanisms', 'un_mechanism', 'purpose_not_granted'],
    ['UN with share_un_mechanisms', ['share_un_mechanisms'], 'share_un_mechanisms', 'un_mechanism', 'allowed'],
    ['prosecutor needs its grant', ['share_icc'], 'share_national_prosecutors', 'national_prosecutor', 'purpose_not_granted'],
    ['prosecutor with its grant', ['share_national_prosecutors'], 'share_national_prosecutors', 'national_prosecutor', 'allowed'],
    ['internal analysis needs internal_analysis', ['advocacy', 'publication'], 'internal_analysis', 'internal', 'purpose_not_granted'],
    ['internal analysis with grant', ['internal_analysis'], 'internal_analysis', 'internal', 'allowed'],
    ['publication needs publication', ['advocacy'], 'publication', 'public', 'purpose_not_granted'],
    ['publication with grant', ['publication'], 'publication', 'media', 'allowed'],
    ['advocacy to media also needs publication', ['advocacy'], 'advocacy', 'media', 'purpose_not_granted'],
    ['advocacy to media needs advocacy', ['publication'], 'advocacy', 'media', 'purpose_not_granted'],
    ['advocacy to media with both', ['advocacy', 'publication'], 'advocacy', 'media', 'allowed'],
    ['researcher needs publication', ['internal_analysis', 'advocacy'], 'advocacy', 'researcher', 'purpose_not_granted'],
    ['nothing granted', [], 'internal_analysis', 'internal', 'purpose_not_granted'],
  ];

  it.each(cases)('%s', (_name, purposes, purpose, kind, expected) => {
    const d = evaluateDisclosure({ consent: consent({ purposes }), recipient: recipient(kind), purpose, at: AT });
    expect(reasonOf(d)).toBe(expected);
  });

  it('names the missing grant in the explanation', () => {
    const d = evaluateDisclosure({
      consent: consent({ purposes: ['advocacy'] }),
      recipient: recipient('media', { name: 'Daily NK' }),
      purpose: 'advocacy',
      at: AT,
    });
    expect(d).toMatchObject({ allowed: false, reason: 'purpose_not_granted' });
    expect(!d.allowed && d.explanation).toContain('publication');
  });

  it('lists the grants used in the reason codes', () => {
    const d = evaluateDisclosure({ consent: consent(), recipient: recipient('public'), purpose: 'advocacy', at: AT });
    expect(d.allowed && d.reasonCodes).toEqual(
      expect.arrayContaining(['consent_in_force', 'recipient_matches_purpose', 'granted:advocacy', 'granted:publication']),
    );
  });
});

describe('evaluateDisclosure — withdrawal and time', () => {
  const cases: Array<[string, Partial<ConsentRecord>, string]> = [
    ['withdrawn before the date', { withdrawnAt: new Date('2025-05-31T00:00:00Z') }, 'consent_withdrawn'],
    ['withdrawn exactly at the date', { withdrawnAt: AT }, 'consent_withdrawn'],
    ['withdrawn after the date (historical disclosure)', { withdrawnAt: new Date('2025-06-02T00:00:00Z') }, 'allowed'],
    ['withdrawnAt null', { withdrawnAt: null }, 'allowed'],
    ['taken after the date', { takenAt: new Date('2025-06-01T12:00:01Z') }, 'consent_not_yet_in_force'],
    ['taken exactly at the date', { takenAt: AT }, 'allowed'],
  ];

  it.each(cases)('%s', (_name, over, expected) => {
    const d = evaluateDisclosure({ consent: consent(over), recipient: recipient('icc'), purpose: 'share_icc', at: AT });
    expect(reasonOf(d)).toBe(expected);
  });

  it('a withdrawal denies every purpose and recipient', () => {
    const withdrawn = consent({ withdrawnAt: new Date('2025-02-01T00:00:00Z'), withdrawalReason: 'family still inside' });
    for (const [purpose, kind] of [
      ['internal_analysis', 'internal'],
      ['share_icc', 'icc'],
      ['publication', 'public'],
    ] as const) {
      const d = evaluateDisclosure({ consent: withdrawn, recipient: recipient(kind), purpose, at: AT });
      expect(reasonOf(d)).toBe('consent_withdrawn');
      // The withdrawal reason is the witness's own words and must not leak into logs.
      expect(!d.allowed && d.explanation).not.toContain('family');
    }
  });

  it('no consent denies', () => {
    const d = evaluateDisclosure({ consent: undefined, recipient: recipient('internal'), purpose: 'internal_analysis', at: AT });
    expect(reasonOf(d)).toBe('no_consent_in_force');
  });
});

describe('evaluateDisclosure — death-penalty condition', () => {
  const cases: Array<[boolean, boolean | 'unknown', string]> = [
    [true, true, 'death_penalty_jurisdiction'],
    [true, 'unknown', 'death_penalty_jurisdiction_unknown'],
    [true, false, 'allowed'],
    [false, true, 'allowed'],
    [false, 'unknown', 'allowed'],
    [false, false, 'allowed'],
  ];

  it.each(cases)('condition %s, jurisdiction %s → %s', (condition, jurisdiction, expected) => {
    const d = evaluateDisclosure({
      consent: consent({ noDeathPenaltyProceedings: condition }),
      recipient: recipient('national_prosecutor', { deathPenaltyJurisdiction: jurisdiction }),
      purpose: 'share_national_prosecutors',
      at: AT,
    });
    expect(reasonOf(d)).toBe(expected);
  });

  it('records why the condition was satisfied', () => {
    const d = evaluateDisclosure({
      consent: consent({ noDeathPenaltyProceedings: true }),
      recipient: recipient('icc'),
      purpose: 'share_icc',
      at: AT,
    });
    expect(d.allowed && d.reasonCodes).toContain('recipient_cannot_impose_death_penalty');
  });

  it('applies to every kind of recipient, publication included', () => {
    const d = evaluateDisclosure({
      consent: consent({ noDeathPenaltyProceedings: true }),
      recipient: recipient('public', { deathPenaltyJurisdiction: 'unknown' }),
      purpose: 'publication',
      at: AT,
    });
    expect(reasonOf(d)).toBe('death_penalty_jurisdiction_unknown');
  });
});

describe('evaluateDisclosure — identified or pseudonymised', () => {
  const cases: Array<[boolean, boolean, string, string]> = [
    [false, true, 'identified', 'identity_disclosure_allowed'],
    [false, false, 'pseudonymised', 'identity_disclosure_not_allowed'],
    [true, false, 'pseudonymised', 'anonymity_required'],
    // Contradictory flags: anonymity wins.
    [true, true, 'pseudonymised', 'anonymity_required'],
  ];

  it.each(cases)('anonymityRequired %s, identityDisclosureAllowed %s → %s', (anon, disclose, form, code) => {
    const d = evaluateDisclosure({
      consent: consent({ anonymityRequired: anon, identityDisclosureAllowed: disclose, version: 3 }),
      recipient: recipient('un_mechanism'),
      purpose: 'share_un_mechanisms',
      at: AT,
    });
    expect(d).toMatchObject({ allowed: true, form, consentVersion: 3 });
    expect(d.allowed && d.reasonCodes).toContain(code);
  });
});

describe('evaluateDisclosure — fails closed on malformed input', () => {
  const bad = <T>(value: unknown): T => value as T;
  const cases: Array<[string, () => DisclosureDecision, string]> = [
    ['unknown purpose', () => evaluateDisclosure({ consent: consent(), recipient: recipient('icc'), purpose: bad('court'), at: AT }), 'unknown_purpose'],
    ['unknown recipient kind', () => evaluateDisclosure({ consent: consent(), recipient: recipient(bad('embassy')), purpose: 'share_icc', at: AT }), 'unknown_recipient_kind'],
    ['invalid date', () => evaluateDisclosure({ consent: consent(), recipient: recipient('icc'), purpose: 'share_icc', at: new Date('nope') }), 'invalid_request'],
    ['blank recipient name', () => evaluateDisclosure({ consent: consent(), recipient: recipient('icc', { name: ' ' }), purpose: 'share_icc', at: AT }), 'invalid_request'],
    ['death-penalty flag not boolean', () => evaluateDisclosure({ consent: consent(), recipient: recipient('icc', { deathPenaltyJurisdiction: bad('no') }), purpose: 'share_icc', at: AT }), 'invalid_request'],
    ['unknown purpose in the record', () => evaluateDisclosure({ consent: consent({ purposes: bad(['share_icc', 'share_everyone']) }), recipient: recipient('icc'), purpose: 'share_icc', at: AT }), 'invalid_consent_record'],
    ['anonymity flag missing', () => evaluateDisclosure({ consent: consent({ anonymityRequired: bad(undefined) }), recipient: recipient('icc'), purpose: 'share_icc', at: AT }), 'invalid_consent_record'],
    ['death-penalty condition as a string', () => evaluateDisclosure({ consent: consent({ noDeathPenaltyProceedings: bad('yes') }), recipient: recipient('icc'), purpose: 'share_icc', at: AT }), 'invalid_consent_record'],
    ['unknown method', () => evaluateDisclosure({ consent: consent({ method: bad('verbal') }), recipient: recipient('icc'), purpose: 'share_icc', at: AT }), 'invalid_consent_record'],
    ['invalid withdrawal date', () => evaluateDisclosure({ consent: consent({ withdrawnAt: new Date('x') }), recipient: recipient('icc'), purpose: 'share_icc', at: AT }), 'invalid_consent_record'],
    ['version 0', () => evaluateDisclosure({ consent: consent({ version: 0 }), recipient: recipient('icc'), purpose: 'share_icc', at: AT }), 'invalid_consent_record'],
  ];

  it.each(cases)('%s', (_name, run, expected) => {
    expect(reasonOf(run())).toBe(expected);
  });

  it('never echoes who took the consent', () => {
    const d = evaluateDisclosure({ consent: consent({ purposes: [] }), recipient: recipient('icc'), purpose: 'share_icc', at: AT });
    expect(!d.allowed && d.explanation).not.toContain('staff-17');
  });
});

describe('latestConsentVersionAt', () => {
  const v1 = consent({ version: 1, takenAt: new Date('2024-01-01T00:00:00Z'), purposes: ['internal_analysis'] });
  const v2 = consent({
    version: 2,
    takenAt: new Date('2024-06-01T00:00:00Z'),
    withdrawnAt: new Date('2024-09-01T00:00:00Z'),
  });
  const v3 = consent({ version: 3, takenAt: new Date('2025-03-01T00:00:00Z'), purposes: ['share_icc'] });
  const history = [v3, v1, v2];

  const cases: Array<[string, string, number | undefined]> = [
    ['before any consent', '2023-12-31T23:59:59Z', undefined],
    ['at v1', '2024-01-01T00:00:00Z', 1],
    ['between v1 and v2', '2024-03-01T00:00:00Z', 1],
    ['after v2, before its withdrawal', '2024-07-01T00:00:00Z', 2],
    // The withdrawn version is returned, not v1: a withdrawal must not revive older consent.
    ['after v2 was withdrawn', '2024-12-01T00:00:00Z', 2],
    ['after re-consent v3', '2025-04-01T00:00:00Z', 3],
  ];

  it.each(cases)('%s', (_name, at, version) => {
    expect(latestConsentVersionAt(history, new Date(at))?.version).toBe(version);
  });

  it('rejects duplicate versions and out-of-order dates', () => {
    expect(() => latestConsentVersionAt([v1, { ...v1 }], AT)).toThrow(ConsentHistoryError);
    expect(() => latestConsentVersionAt([v1, { ...v2, takenAt: new Date('2023-01-01T00:00:00Z') }], AT)).toThrow(
      ConsentHistoryError,
    );
  });

  it('evaluateDisclosureFromHistory: the withdrawn latest version denies, re-consent allows', () => {
    const req = { recipient: recipient('internal'), purpose: 'internal_analysis' as const };
    expect(reasonOf(evaluateDisclosureFromHistory(history, { ...req, at: new Date('2024-12-01T00:00:00Z') }))).toBe(
      'consent_withdrawn',
    );
    // v3 grants only share_icc, so internal analysis stays denied after re-consent.
    expect(reasonOf(evaluateDisclosureFromHistory(history, { ...req, at: new Date('2025-04-01T00:00:00Z') }))).toBe(
      'purpose_not_granted',
    );
    expect(
      reasonOf(
        evaluateDisclosureFromHistory(history, {
          recipient: recipient('icc'),
          purpose: 'share_icc',
          at: new Date('2025-04-01T00:00:00Z'),
        }),
      ),
    ).toBe('allowed');
  });

  it('evaluateDisclosureFromHistory: an inconsistent history denies', () => {
    const d = evaluateDisclosureFromHistory([v1, { ...v1 }], { recipient: recipient('internal'), purpose: 'internal_analysis', at: AT });
    expect(reasonOf(d)).toBe('ambiguous_consent_history');
  });

  it('evaluateDisclosureFromHistory: empty history denies', () => {
    const d = evaluateDisclosureFromHistory([], { recipient: recipient('internal'), purpose: 'internal_analysis', at: AT });
    expect(reasonOf(d)).toBe('no_consent_in_force');
  });
});
