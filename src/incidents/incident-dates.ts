import { datedValueProblem } from 'src/common/dates/dated-value';

/**
 * How exactly an incident's date is known. `day` … `unknown` are the precisions used everywhere
 * (src/common/dates); `range` adds "between two partial dates", both ends required.
 */
export const INCIDENT_DATE_PRECISIONS = ['day', 'month', 'year', 'approximate', 'range', 'unknown'] as const;
export type IncidentDatePrecision = (typeof INCIDENT_DATE_PRECISIONS)[number];

export interface IncidentDateInput {
  precision: IncidentDatePrecision;
  /** For day, month, year and approximate. */
  date?: string | null;
  /** For range: each end YYYY, YYYY-MM or YYYY-MM-DD. */
  from?: string | null;
  to?: string | null;
}

export interface DateProblem {
  /** Relative to the date object: `date`, `from`, `to` or `precision`. */
  field: 'date' | 'from' | 'to' | 'precision';
  problem: string;
}

/** What is wrong with an incident date, or null. Pure. */
export function incidentDateProblem(input: IncidentDateInput): DateProblem | null {
  const { precision } = input;
  if (!INCIDENT_DATE_PRECISIONS.includes(precision)) return { field: 'precision', problem: `must be one of: ${INCIDENT_DATE_PRECISIONS.join(', ')}` };
  if (precision === 'range') {
    if (input.date) return { field: 'date', problem: 'must be empty for a range; give from and to' };
    if (!input.from) return { field: 'from', problem: 'is required for a range' };
    if (!input.to) return { field: 'to', problem: 'is required for a range' };
    const fromProblem = datedValueProblem(input.from, 'approximate');
    if (fromProblem) return { field: 'from', problem: fromProblem };
    const toProblem = datedValueProblem(input.to, 'approximate');
    if (toProblem) return { field: 'to', problem: toProblem };
    if (periodStart(input.from) > periodEnd(input.to)) return { field: 'to', problem: 'must not be before from' };
    return null;
  }
  if (input.from || input.to) return { field: input.from ? 'from' : 'to', problem: 'is only for precision range' };
  const problem = datedValueProblem(input.date ?? null, precision);
  return problem ? { field: 'date', problem } : null;
}

function parts(value: string): [number, number | undefined, number | undefined] {
  const [y, m, d] = value.split('-').map(Number);
  return [y, m, d];
}

const iso = (date: Date): string => date.toISOString().slice(0, 10);

/** First day of a partial date's period: 1997 → 1997-01-01, 1997-03 → 1997-03-01. */
export function periodStart(value: string): string {
  const [y, m = 1, d = 1] = parts(value);
  return iso(new Date(Date.UTC(y, m - 1, d)));
}

/** Last day of a partial date's period: 1997 → 1997-12-31, 1996-02 → 1996-02-29. */
export function periodEnd(value: string): string {
  const [y, m, d] = parts(value);
  if (m === undefined) return `${String(y).padStart(4, '0')}-12-31`;
  if (d === undefined) return iso(new Date(Date.UTC(y, m, 0)));
  return iso(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * The earliest and latest day the incident can have happened on, for filtering by date
 * range (overlap). Unknown dates have no bounds. Approximate dates use the stated period.
 * Call only on a date that incidentDateProblem accepts.
 */
export function incidentDateBounds(input: IncidentDateInput): { start: string | null; end: string | null } {
  if (input.precision === 'unknown') return { start: null, end: null };
  if (input.precision === 'range') return { start: periodStart(input.from as string), end: periodEnd(input.to as string) };
  const date = input.date as string;
  return { start: periodStart(date), end: periodEnd(date) };
}

/**
 * A passage is a character range [start, end) of one transcript version, in UTF-16 code units
 * (the unit of transcript_versions.text_length). Returns the problem with the field it concerns.
 */
export function passageProblem(start: number, end: number, textLength: number): { field: 'start' | 'end'; problem: string } | null {
  if (!Number.isInteger(start) || start < 0) return { field: 'start', problem: 'must be a whole number ≥ 0' };
  if (!Number.isInteger(end) || end <= start) return { field: 'end', problem: 'must be a whole number greater than start' };
  if (start >= textLength) return { field: 'start', problem: `is outside the transcript version (its length is ${textLength})` };
  if (end > textLength) return { field: 'end', problem: `is beyond the end of the transcript version (its length is ${textLength})` };
  return null;
}
