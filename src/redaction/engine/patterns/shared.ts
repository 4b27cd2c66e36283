/** Helpers shared by the pattern detectors. */
import { DetectedSpan } from 'src/redaction/engine/types';

/** A rule-producing detector: appends its findings to `out`. */
export interface PatternDetector {
  /** Rule names this detector can emit, e.g. `phone.kr-mobile`. */
  readonly rules: readonly string[];
  readonly category: DetectedSpan['category'];
  detect(text: string, out: DetectedSpan[]): void;
}

export function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

/** True when `label` matches somewhere in the `window` characters before `pos` (same line only). */
export function labelBefore(text: string, pos: number, window: number, label: RegExp): boolean {
  let from = Math.max(0, pos - window);
  const nl = text.lastIndexOf('\n', pos - 1);
  if (nl >= from) from = nl + 1;
  return label.test(text.slice(from, pos));
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Month 1–12 and day within that month (29 February always allowed). */
export function validMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}

/** Separator allowed between digit groups of a phone number. */
export const PHONE_SEP = '[ .\\-\\u2010\\u2011\\u2013]?';
