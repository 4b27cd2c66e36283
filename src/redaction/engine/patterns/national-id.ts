/**
 * National identity numbers.
 * - ROK resident registration number (주민등록번호) `YYMMDD-SBBBBNC`: with a hyphen it is accepted when
 *   the date is valid and S is 1–8 (masked forms such as `750302-1******` included); without a hyphen
 *   (13 digits) it also needs a valid check digit or an RRN label (주민등록번호, 주민번호, RRN …)
 *   earlier on the same line. Numbers issued since October 2020 have no check digit, hence the label rule.
 * - PRC resident identity card number: 18 characters, 6-digit region code, YYYYMMDD, 3-digit serial,
 *   check character 0–9/X (ISO 7064 MOD 11-2). Accepted with a valid check character, or with a
 *   valid date and an ID label (身份证, ID card, 신분증 …) earlier on the same line.
 */
import { labelBefore, PatternDetector, validMonthDay } from 'src/redaction/engine/patterns/shared';
import { DetectedSpan, makeSpan } from 'src/redaction/engine/types';

const MMDD = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
/** One pass: (1) RRN with hyphen, (2) PRC ID, (3) RRN without hyphen. */
const COMBINED = new RegExp(
  `(?<![\\dA-Za-z-])(?:(\\d{2}${MMDD} ?[-\\u2010\\u2011\\u2013] ?[1-8*][\\d*]{6})(?![\\d*])|([1-8]\\d{5} ?(?:18|19|20)\\d{2}${MMDD} ?\\d{3}[\\dXx])(?![\\dA-Za-z])|(\\d{2}${MMDD}[1-8]\\d{6})(?!\\d))`,
  'g',
);
const RRN_LABEL = /주민\s*등록\s*번호|주민\s*번호|주민등록|RRN|resident\s+registration|registration\s+(?:no|number)/i;
const CN_LABEL = /身份证|身份證|居民身份|公民身份|ID\s*card|ID\s*(?:no|number)|identity\s+card|identity\s+number|신분증|신분증\s*번호|중국\s*신분/i;

/**
 * Right after an ID label (`ID card`, `신분증`, `주민등록번호`, `身份证` …, optionally `번호`/`number`/`no.`
 * and a colon), a run of 6–18 digits (with hyphens, spaces, X or masking asterisks) is an ID number
 * even when its date is impossible or its check digit wrong: validity checks gate detection without
 * a label, never with one.
 */
const LABELLED_ID =
  /(?:身份证|身份證|居民身份证|公民身份号码|ID\s*card|identity\s+card|identity\s+number|ID\s*(?:no\.?|number|#)|신분증|주민\s*등록\s*번호|주민\s*번호|주민등록증|RRN|resident\s+registration\s+(?:no\.?|number))(?:\s*(?:번호|号码|号|number|no\.?|#))?(?:\s*(?:는|은|:|：|=|is|was))?\s*(\d[\dXx*]*(?:[ \-\u2010\u2011\u2013][\dXx*]+){0,3})(?![\dA-Za-z])/gi;

const RRN_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
/** Check digit of a 13-digit RRN: (11 − Σ dᵢwᵢ mod 11) mod 10. */
export function rrnChecksumValid(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * RRN_WEIGHTS[i];
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_CHECK = '10X98765432';
/** ISO 7064 MOD 11-2 check character of an 18-character PRC ID number. */
export function cnIdChecksumValid(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * CN_WEIGHTS[i];
  return CN_CHECK[sum % 11] === id[17].toUpperCase();
}

export const nationalIdDetector: PatternDetector = {
  category: 'national-id',
  rules: ['national-id.kr-rrn', 'national-id.cn-ric', 'national-id.labelled'],
  detect(text: string, out: DetectedSpan[]): void {
    const from = out.length;
    COMBINED.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = COMBINED.exec(text)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[1] !== undefined) {
        if (!validMonthDay(Number(m[0].slice(2, 4)), Number(m[0].slice(4, 6)))) continue;
        out.push(makeSpan(start, end, 'national-id', 'national-id.kr-rrn'));
      } else if (m[2] !== undefined) {
        const compact = m[0].replace(/ /g, '');
        if (!validMonthDay(Number(compact.slice(10, 12)), Number(compact.slice(12, 14)))) continue;
        if (!cnIdChecksumValid(compact) && !labelBefore(text, start, 40, CN_LABEL)) continue;
        out.push(makeSpan(start, end, 'national-id', 'national-id.cn-ric'));
      } else {
        if (!validMonthDay(Number(m[0].slice(2, 4)), Number(m[0].slice(4, 6)))) continue;
        if (!rrnChecksumValid(m[0]) && !labelBefore(text, start, 40, RRN_LABEL)) continue;
        out.push(makeSpan(start, end, 'national-id', 'national-id.kr-rrn'));
      }
    }
    // Labelled values the rules above did not take (an impossible date, a wrong check digit).
    const found = new Set<number>();
    for (let i = from; i < out.length; i++) found.add(out[i].start);
    LABELLED_ID.lastIndex = 0;
    let l: RegExpExecArray | null;
    while ((l = LABELLED_ID.exec(text)) !== null) {
      const digits = l[1].replace(/[^\dXx*]/g, '').length;
      if (digits < 6 || digits > 20) continue;
      const start = l.index + l[0].length - l[1].length;
      if (!found.has(start)) out.push(makeSpan(start, start + l[1].length, 'national-id', 'national-id.labelled'));
    }
  },
};
