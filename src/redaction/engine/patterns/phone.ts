/**
 * Phone numbers.
 * - ROK: mobile 010/011/016–019 (`010-1234-5678`, `01012345678`), landlines with area codes 02,
 *   031–064, 070 (`02-123-4567`, `(031) 123-4567`), and `+82`/`0082` international forms.
 * - China: mobile 13x–19x in 3-4-4 (`138 0013 8000`, `13800138000`), landlines with a 0 + 2–3 digit
 *   area code and 7–8 digits (`0433-2345678`), and `+86`/`0086` forms.
 * - DPRK: `+850` numbers. Other countries: `+<country code>` followed by 8–15 digits in groups.
 * - Anything with 7–15 digits right after a phone label (phone, tel, mobile, 전화, 연락처,
 *   휴대폰, 手机, 电话 …) within the same line.
 * A number never starts or ends inside a longer run of digits, so counts, years and ID numbers are left alone.
 * A number without `+` right after a QQ label is left to the handle detector.
 */
import { digitCount, labelBefore, PatternDetector, PHONE_SEP as S } from 'src/redaction/engine/patterns/shared';
import { DetectedSpan, makeSpan } from 'src/redaction/engine/types';

const KR_AREA = '(?:2|[3-6][1-5]|70)';

/** A bare number right after a QQ label is a QQ account number (handle.qq), not a phone number. */
const QQ_LABEL = /QQ/i;

interface PhoneRule {
  rule: string;
  source: string;
  minDigits: number;
  maxDigits: number;
}

/** Tried in this order at each position (one combined regular expression, one pass over the text). */
const RULES: readonly PhoneRule[] = [
  { rule: 'phone.kr-intl', source: `(?:\\+|00)82${S}(?:\\(0\\)${S})?(?:1[016789]|${KR_AREA})${S}\\d{3,4}${S}\\d{4}`, minDigits: 10, maxDigits: 14 },
  { rule: 'phone.cn-intl', source: `(?:\\+|00)86${S}(?:1[3-9]\\d${S}\\d{4}${S}\\d{4}|(?:\\(0?\\d{2,3}\\)|0?\\d{2,3})${S}\\d{7,8})`, minDigits: 11, maxDigits: 15 },
  { rule: 'phone.kp', source: `(?:\\+|00)850${S}(?:\\(\\d{1,3}\\)|\\d{1,4})(?:${S}\\d{2,4}){1,3}`, minDigits: 9, maxDigits: 16 },
  { rule: 'phone.intl', source: `\\+(?!82|86|850)[1-9]\\d{0,2}(?:${S}\\(?\\d{1,4}\\)?){2,5}`, minDigits: 8, maxDigits: 15 },
  { rule: 'phone.kr-mobile', source: `(?:\\(01[016789]\\)|01[016789])${S}\\d{3,4}${S}\\d{4}`, minDigits: 10, maxDigits: 11 },
  { rule: 'phone.kr-landline', source: `(?:\\(0${KR_AREA}\\)|0${KR_AREA})${S}\\d{3,4}${S}\\d{4}`, minDigits: 9, maxDigits: 11 },
  { rule: 'phone.cn-mobile', source: `1[3-9]\\d${S}\\d{4}${S}\\d{4}`, minDigits: 11, maxDigits: 11 },
  { rule: 'phone.cn-landline', source: '(?:\\(0\\d{2,3}\\)|0\\d{2,3})[ -]?\\d{7,8}', minDigits: 10, maxDigits: 12 },
];

/** `+1 …` must not follow a letter or digit; domestic numbers must not follow a digit or `+`. */
const COMBINED = new RegExp(
  `(?:${RULES.map((r) => `(${r.rule === 'phone.intl' ? '(?<![\\w+])' : '(?<![\\d+])'}${r.source})`).join('|')})(?!\\d)`,
  'g',
);

const LABELLED =
  /(?<![A-Za-z])(?:phone|tel|telephone|mobile|cell(?:phone)?|mob|contact number|전화번호|전화|연락처|휴대폰|휴대전화|핸드폰|手机号码|手机号|手机|电话号码|电话|電話)[^\d\n+]{0,15}?(\+?\(?\d(?:[\d()]|[ \-.\u2010\u2011](?=[\d(])){5,24}\d?)(?!\d)/dgi;

export const phoneDetector: PatternDetector = {
  category: 'phone',
  rules: [...RULES.map((r) => r.rule), 'phone.labelled'],
  detect(text: string, out: DetectedSpan[]): void {
    COMBINED.lastIndex = 0;
    let m: RegExpExecArray | null;
    const specific = new Set<number>();
    while ((m = COMBINED.exec(text)) !== null) {
      let k = 0;
      while (m[k + 1] === undefined) k++;
      const r = RULES[k];
      const start = m.index;
      const end = start + m[0].length;
      const digits = digitCount(m[0]);
      if (digits < r.minDigits || digits > r.maxDigits) continue;
      if (text[start] !== '+' && labelBefore(text, start, 12, QQ_LABEL)) continue;
      out.push(makeSpan(start, end, 'phone', r.rule));
      specific.add(start);
    }
    LABELLED.lastIndex = 0;
    while ((m = LABELLED.exec(text)) !== null) {
      const [start, end] = m.indices?.[1] ?? [m.index, m.index + m[0].length];
      if (specific.has(start)) continue;
      const digits = digitCount(text.slice(start, end));
      if (digits < 7 || digits > 15) continue;
      out.push(makeSpan(start, end, 'phone', 'phone.labelled'));
    }
  },
};
