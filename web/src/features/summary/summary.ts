/**
 * The case summary for print, as plain functions: what the page shows is computed here from the
 * API's answers, and only from fields that carry no identity (pseudonym codes, counts, vocabulary
 * codes, gazetteer places, legal texts). Free text that people type (incident titles and
 * descriptions, group descriptions, notes) is never taken, so no name can reach the printed page.
 */

export type ElementStatus = 'no_evidence' | 'only_unreviewed' | 'weak' | 'supported';
export const SUMMARY_STATUSES: readonly ElementStatus[] = ['supported', 'weak', 'only_unreviewed', 'no_evidence'];

export interface MatrixCrimeInput {
  id: string;
  code: string;
  titleEn: string;
  titleKo?: string | null;
  elements: ReadonlyArray<{ status: ElementStatus }>;
}

export interface CrimeSummary {
  id: string;
  code: string;
  title: string;
  elements: number;
  counts: Record<ElementStatus, number>;
}

export interface MatrixSummary {
  /** Crimes with evidence linked to at least one element, in the framework's order. */
  crimes: CrimeSummary[];
  /** Crimes none of whose elements has any evidence: counted, not listed (one page). */
  withoutEvidence: { crimes: number; elements: number };
  totals: Record<ElementStatus, number> & { elements: number };
}

const zero = (): Record<ElementStatus, number> => ({ supported: 0, weak: 0, only_unreviewed: 0, no_evidence: 0 });

/** Per crime: how many elements are supported, weak, only unreviewed or without evidence. */
export function summariseMatrix(crimes: readonly MatrixCrimeInput[], lang: string): MatrixSummary {
  const ko = lang.startsWith('ko');
  const totals = { ...zero(), elements: 0 };
  const listed: CrimeSummary[] = [];
  const withoutEvidence = { crimes: 0, elements: 0 };
  for (const crime of crimes) {
    const counts = zero();
    for (const e of crime.elements) counts[e.status] += 1;
    for (const s of SUMMARY_STATUSES) totals[s] += counts[s];
    totals.elements += crime.elements.length;
    if (counts.no_evidence === crime.elements.length) {
      withoutEvidence.crimes += 1;
      withoutEvidence.elements += crime.elements.length;
      continue;
    }
    listed.push({ id: crime.id, code: crime.code, title: ko && crime.titleKo ? crime.titleKo : crime.titleEn, elements: crime.elements.length, counts });
  }
  return { crimes: listed, withoutEvidence, totals };
}

export const PERSON_KINDS = ['survivor', 'witness', 'victim', 'perpetrator_individual', 'other'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** The people of the case by role, codes only (in code order); roles nobody has are left out. */
export function peopleByKind(people: ReadonlyArray<{ code: string; kind: PersonKind }>): Array<{ kind: PersonKind; codes: string[] }> {
  return PERSON_KINDS.map((kind) => ({ kind, codes: people.filter((p) => p.kind === kind).map((p) => p.code).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })) })).filter((g) => g.codes.length > 0);
}

export interface IncidentInput {
  id: string;
  code: string;
  violationTypes: string[];
  date: { precision: 'day' | 'month' | 'year' | 'approximate' | 'range' | 'unknown'; date?: string | null; from?: string | null; to?: string | null; earliest?: string | null };
  place?: { name: string } | null;
  victims: ReadonlyArray<{ person?: unknown; groupCount?: number | null }>;
}

export interface TimelineEntry {
  id: string;
  code: string;
  date: IncidentInput['date'];
  place: string | null;
  violationTypes: string[];
  /** Pseudonym codes of the victims who are people of the case. */
  victimCodes: string[];
  /** Victims counted in groups (the group's description is free text and is left out). */
  groupVictims: number;
}

const personCode = (person: unknown): string | null => (person && typeof person === 'object' && typeof (person as { code?: unknown }).code === 'string' ? (person as { code: string }).code : null);

/**
 * The timeline: oldest first by the earliest possible day (a range from its start), undated
 * incidents last, ties by code. Only structured fields are kept.
 */
export function incidentTimeline(incidents: readonly IncidentInput[]): TimelineEntry[] {
  const key = (i: IncidentInput) => i.date.earliest ?? '\uffff';
  return [...incidents]
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.code.localeCompare(b.code, 'en', { numeric: true })))
    .map((i) => ({
      id: i.id,
      code: i.code,
      date: { precision: i.date.precision, date: i.date.date ?? null, from: i.date.from ?? null, to: i.date.to ?? null },
      place: i.place?.name ?? null,
      violationTypes: i.violationTypes,
      victimCodes: i.victims.map((v) => personCode(v.person)).filter((c): c is string => c !== null),
      groupVictims: i.victims.reduce((n, v) => n + (personCode(v.person) === null ? (v.groupCount ?? 0) : 0), 0),
    }));
}

/** The case's short reference (as exports name it): the first 8 hex digits of its id. */
export function caseCode(caseId: string): string {
  return caseId.replace(/-/g, '').slice(0, 8);
}
