export type DatePrecision = 'day' | 'month' | 'year' | 'approximate' | 'range' | 'unknown';

export interface IncidentDateValue {
  precision: DatePrecision;
  date?: string | null;
  from?: string | null;
  to?: string | null;
}

type T = (key: string, vars?: Record<string, string>) => string;

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) in the interface language, at its own precision. */
export function formatPartialDate(value: string, lang: string): string {
  const [y = 0, m = 0, d = 0] = value.split('-').map(Number);
  if (!m) return new Intl.DateTimeFormat(lang, { year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, 0, 1));
  if (!d) return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** An incident's date as people say it: a day, a month, a year, "about", or a range shown as a range. */
export function formatIncidentDate(v: IncidentDateValue, lang: string, t: T): string {
  switch (v.precision) {
    case 'unknown':
      return t('incidents.date.unknownDate');
    case 'range':
      return t('incidents.date.rangeValue', { from: v.from ? formatPartialDate(v.from, lang) : '…', to: v.to ? formatPartialDate(v.to, lang) : '…' });
    case 'approximate':
      return v.date ? t('incidents.date.approximateValue', { date: formatPartialDate(v.date, lang) }) : t('incidents.date.unknownDate');
    default:
      return v.date ? formatPartialDate(v.date, lang) : t('incidents.date.unknownDate');
  }
}

const PARTIAL = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const SHAPES: Record<string, RegExp> = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ };

/** The form's date problem (a message key) or null; the API checks again. */
export function incidentDateProblem(v: IncidentDateValue): { field: 'date' | 'from' | 'to'; key: string } | null {
  if (v.precision === 'unknown') return null;
  if (v.precision === 'range') {
    if (!v.from || !PARTIAL.test(v.from)) return { field: 'from', key: 'incidents.date.partialFormat' };
    if (!v.to || !PARTIAL.test(v.to)) return { field: 'to', key: 'incidents.date.partialFormat' };
    if (v.to.slice(0, v.from.length) < v.from.slice(0, v.to.length)) return { field: 'to', key: 'incidents.date.toBeforeFrom' };
    return null;
  }
  if (!v.date || !PARTIAL.test(v.date)) return { field: 'date', key: 'incidents.date.partialFormat' };
  const shape = SHAPES[v.precision];
  if (shape && !shape.test(v.date)) return { field: 'date', key: `incidents.date.format.${v.precision}` };
  return null;
}

/** The body the API takes for a date of this precision (only the fields it uses). */
export function incidentDateBody(v: IncidentDateValue): { precision: DatePrecision; date?: string; from?: string; to?: string } {
  if (v.precision === 'unknown') return { precision: 'unknown' };
  if (v.precision === 'range') return { precision: 'range', from: v.from ?? undefined, to: v.to ?? undefined };
  return { precision: v.precision, date: v.date ?? undefined };
}
