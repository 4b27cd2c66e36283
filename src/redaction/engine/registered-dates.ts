/**
 * Registered dates (a person's date of birth) found in every written format, anywhere in the text —
 * not only next to a birth word as the generic date-of-birth pattern requires:
 *
 *   1971년 4월 9일 · 71년 4월 9일생 · 1971. 4. 9. · 1971.04.09 · 1971-04-09 · 1971/4/9 · 19710409 ·
 *   9 April 1971 · 9th of April 1971 · April 9, 1971 · Apr. 9 1971 · 9/4/1971 · 4/9/1971 · 9.4.71 ·
 *   1971年4月9日
 *
 * A date registered with month precision (`1971-04`) is found as `1971년 4월`, `1971. 4.`, `April 1971`,
 * `1971-04`. Two-digit years match the registered year's last two digits. Only dates equal to a
 * registered one are reported (so ordinary dates stay), and a date inside a longer run of digits
 * (an ID number) is not.
 */
import { DetectedSpan, makeSpan } from 'src/redaction/engine/types';

export interface RegisteredDate {
  year: number;
  month: number;
  /** 0 for month precision. */
  day: number;
  ref: string;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` or `YYYY-MM` to its parts, or null when it is not a valid date. */
export function parseRegisteredDate(value: string): Omit<RegisteredDate, 'ref'> | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 0 : Number(m[3]);
  if (year < 1800 || month < 1 || month > 12) return null;
  if (m[3] !== undefined && (day < 1 || day > DAYS_IN_MONTH[month - 1])) return null;
  return { year, month, day };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';

function monthOf(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

interface Form {
  re: RegExp;
  /** Candidate (year, month, day) readings of a match; day 0 when the form has no day. */
  read(m: RegExpExecArray): Array<[string, number, number]>;
}

const SEP = '\\s*[-./]\\s*';
/** Every form; each regex starts where no digit precedes and ends where no digit follows. */
const FORMS: readonly Form[] = [
  { re: /(?<!\d)(\d{4}|\d{2})\s*[년年]\s*(\d{1,2})\s*[월月]\s*(\d{1,2})\s*[일日]/g, read: (m) => [[m[1], +m[2], +m[3]]] },
  { re: new RegExp(`(?<![\\d.])(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})(?!\\d)\\.?`, 'g'), read: (m) => [[m[1], +m[2], +m[3]]] },
  {
    re: new RegExp(`(?<![\\d.])(\\d{1,2})${SEP}(\\d{1,2})${SEP}(\\d{4}|\\d{2})(?![\\d])`, 'g'),
    read: (m) => [[m[3], +m[2], +m[1]], [m[3], +m[1], +m[2]], ...(m[1].length === 2 ? [[m[1], +m[2], +m[3]] as [string, number, number]] : [])],
  },
  { re: /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g, read: (m) => [[m[1], +m[2], +m[3]]] },
  { re: new RegExp(`(?<![\\dA-Za-z])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD},?\\s+(\\d{4})(?!\\d)`, 'gi'), read: (m) => [[m[3], monthOf(m[2]), +m[1]]] },
  { re: new RegExp(`(?<![A-Za-z])${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'gi'), read: (m) => [[m[3], monthOf(m[1]), +m[2]]] },
  // Month precision.
  { re: /(?<!\d)(\d{4}|\d{2})\s*[년年]\s*(\d{1,2})\s*[월月](?!\s*\d)/g, read: (m) => [[m[1], +m[2], 0]] },
  { re: new RegExp(`(?<![A-Za-z\\d]\\s?)${MONTH_WORD},?\\s+(\\d{4})(?!\\d)`, 'gi'), read: (m) => [[m[2], monthOf(m[1]), 0]] },
  { re: new RegExp(`(?<![\\d.])(\\d{4})${SEP}(\\d{1,2})(?![\\d]|\\s*[-./]\\s*\\d)\\.?`, 'g'), read: (m) => [[m[1], +m[2], 0]] },
];

function yearMatches(written: string, year: number): boolean {
  return written.length === 4 ? Number(written) === year : Number(written) === year % 100;
}

/** Appends a date-of-birth span for every written form of a registered date in `text`. */
export function scanRegisteredDates(text: string, dates: readonly RegisteredDate[], out: DetectedSpan[]): void {
  if (dates.length === 0) return;
  // Cheap exit: every form has at least one digit of the year.
  let hasDigit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      hasDigit = true;
      break;
    }
  }
  if (!hasDigit) return;
  for (const form of FORMS) {
    form.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = form.re.exec(text)) !== null) {
      const readings = form.read(m);
      const refs = new Set<string>();
      for (const d of dates) {
        for (const [y, month, day] of readings) {
          if (yearMatches(y, d.year) && month === d.month && day === d.day) refs.add(d.ref);
        }
      }
      let end = m.index + m[0].length;
      // The final full stop belongs to the date in `1971. 4. 9.`, not in `1971-04-09.` (end of a sentence).
      if (m[0].endsWith('.') && !m[0].slice(0, -1).includes('.')) end -= 1;
      for (const ref of [...refs].sort()) out.push(makeSpan(m.index, end, 'date-of-birth', 'date-of-birth.registered', ref));
    }
  }
}
