/**
 * Dates of birth — only in context, so that ordinary dates and years are left alone:
 * - a birth label followed, within 30 characters and before any newline, comma, full stop or
 *   semicolon, by a date:
 *   `born 1975-03-02`, `DOB: 02/03/1975`, `date of birth 2 March 1975`, `born in 1975`,
 *   `생년월일 1975년 3월 2일`, `생년월일: 1975.03.02`, `出生日期 1975年3月2日`;
 * - a Korean/Chinese date followed by a birth word: `1975년 3월 2일생`, `75년생`,
 *   `1975년 3월 2일에 태어났다`, `1975年生`.
 * The span covers the date only, not the label. Year-only dates need a label or 생/生.
 */
import { PatternDetector, validMonthDay } from 'src/redaction/engine/patterns/shared';
import { DetectedSpan, makeSpan } from 'src/redaction/engine/types';

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';

interface DateFormat {
  re: RegExp;
  yearOnly: boolean;
  valid(m: RegExpExecArray): boolean;
}

const MONTH_NUMBER: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Month number of an English month name or abbreviation found in `s`. */
function monthIn(s: string): number {
  const m = /(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.exec(s);
  return m ? MONTH_NUMBER[m[1].toLowerCase()] : 0;
}

function plausibleYear(y: string): boolean {
  if (y.length === 2) return true;
  const n = Number(y);
  return n >= 1880 && n <= 2099;
}

const FORMATS: readonly DateFormat[] = [
  { re: /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/y, yearOnly: false, valid: (m) => plausibleYear(m[1]) && validMonthDay(+m[2], +m[3]) },
  { re: /(\d{2})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/y, yearOnly: false, valid: (m) => validMonthDay(+m[2], +m[3]) },
  { re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/y, yearOnly: false, valid: (m) => plausibleYear(m[1]) && validMonthDay(+m[2], +m[3]) },
  { re: /(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})(?!\d)/y, yearOnly: false, valid: (m) => plausibleYear(m[1]) && validMonthDay(+m[2], +m[3]) },
  {
    re: /(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4}|\d{2})(?!\d)/y,
    yearOnly: false,
    valid: (m) => plausibleYear(m[3]) && (validMonthDay(+m[2], +m[1]) || validMonthDay(+m[1], +m[2])),
  },
  {
    re: new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})(?!\\d)`, 'iy'),
    yearOnly: false,
    valid: (m) => plausibleYear(m[2]) && validMonthDay(monthIn(m[0].slice(m[1].length)), +m[1]),
  },
  {
    re: new RegExp(`${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iy'),
    yearOnly: false,
    valid: (m) => plausibleYear(m[2]) && validMonthDay(monthIn(m[0]), +m[1]),
  },
  { re: new RegExp(`${MONTH}\\.?,?\\s+(\\d{4})(?!\\d)`, 'iy'), yearOnly: false, valid: (m) => plausibleYear(m[1]) },
  { re: /(\d{4}|\d{2})\s*년\s*(\d{1,2})\s*월(?!\s*\d)/y, yearOnly: false, valid: (m) => plausibleYear(m[1]) && +m[2] >= 1 && +m[2] <= 12 },
  { re: /(\d{4})\s*年\s*(\d{1,2})\s*月/y, yearOnly: false, valid: (m) => plausibleYear(m[1]) && +m[2] >= 1 && +m[2] <= 12 },
  { re: /(\d{4})\s*[-./]\s*(\d{1,2})(?![\d./-])/y, yearOnly: false, valid: (m) => plausibleYear(m[1]) && +m[2] >= 1 && +m[2] <= 12 },
  { re: /((?:18|19|20)\d{2})(?:\s*(?:년|年))?(?!\d)/y, yearOnly: true, valid: (m) => plausibleYear(m[1]) },
  { re: /(\d{2})\s*년(?!\d)/y, yearOnly: true, valid: () => true },
];

/** The first date format matching exactly at `pos`, or null. */
function dateAt(text: string, pos: number, allowYearOnly: boolean): { end: number } | null {
  for (const f of FORMATS) {
    if (f.yearOnly && !allowYearOnly) continue;
    f.re.lastIndex = pos;
    const m = f.re.exec(text);
    if (m && f.valid(m)) return { end: pos + m[0].length };
  }
  return null;
}

const LABEL_BEFORE =
  /(?<![A-Za-z])(?:date\s+of\s+birth|birth\s*date|birthdate|birthday|d\.\s?o\.\s?b\.?|dob|born|b\.(?=\s*\d))(?![A-Za-z])|생년월일|출생\s*일자|출생일|출생\s*연도|출생\s*년도|출생|생일|태어난\s*날|出生日期|出生年月日|出生|生日/gi;
/** Labels after which a bare year is a birth year. */
const YEAR_LABEL = /^(?:born|b\.|출생|출생\s*연도|출생\s*년도|出生|생년)/i;

const KOREAN_DATE_THEN_BIRTH =
  /(?<!\d)(?:\d{4}|\d{2})\s*(?:년|年)(?:\s*\d{1,2}\s*(?:월|月)(?:\s*\d{1,2}\s*(?:일|日))?)?(?=\s*(?:생(?![활산명존각겼긴기계포])|에\s*(?:태어|출생)|출생|生))/g;

export const dateOfBirthDetector: PatternDetector = {
  category: 'date-of-birth',
  rules: ['date-of-birth.labelled', 'date-of-birth.birth-suffix'],
  detect(text: string, out: DetectedSpan[]): void {
    LABEL_BEFORE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LABEL_BEFORE.exec(text)) !== null) {
      const allowYear = YEAR_LABEL.test(m[0]);
      const limit = Math.min(text.length, m.index + m[0].length + 30);
      for (let pos = m.index + m[0].length; pos < limit; pos++) {
        const c = text.charCodeAt(pos);
        if (c === 0x0a || c === 0x3002 || c === 0x2c || c === 0xff0c || c === 0x3b || c === 0x2e) break;
        const isDigit = c >= 0x30 && c <= 0x39;
        const isAlpha = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
        if (!isDigit && !isAlpha) continue;
        if (isAlpha && pos > 0 && /[A-Za-z]/.test(text[pos - 1])) continue;
        const d = dateAt(text, pos, allowYear);
        if (d) {
          out.push(makeSpan(pos, d.end, 'date-of-birth', 'date-of-birth.labelled'));
          LABEL_BEFORE.lastIndex = Math.max(LABEL_BEFORE.lastIndex, d.end);
          break;
        }
        if (isDigit) break;
      }
    }
    KOREAN_DATE_THEN_BIRTH.lastIndex = 0;
    while ((m = KOREAN_DATE_THEN_BIRTH.exec(text)) !== null) {
      const d = dateAt(text, m.index, true);
      if (!d) continue;
      out.push(makeSpan(m.index, m.index + m[0].length, 'date-of-birth', 'date-of-birth.birth-suffix'));
    }
  },
};
