import type { TFunction } from 'i18next';
import type { ConsentVersion, DatedValue } from './queries';

/** Languages offered by the picker; any BCP 47 tag already on a testimony is shown too. */
export const COMMON_LANGUAGES = ['ko', 'ko-KP', 'en', 'zh', 'ja', 'ru', 'mn', 'vi', 'th', 'fr', 'de', 'es'] as const;

/** "Korean (North Korea)" / "한국어(북한)" from the browser's Intl data, falling back to the tag. */
export function languageName(tag: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A dated value as people say it: a day, a month, a year, "about 2019", or "date unknown". */
export function formatDatedValue(value: DatedValue, uiLanguage: string, t: TFunction): string {
  if (value.precision === 'unknown' || !value.date) return t('testimonies.date.unknown');
  const [y = 1970, m = 1, d = 1] = value.date.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d));
  const parts = value.date.split('-').length;
  const options: Intl.DateTimeFormatOptions =
    parts === 3 ? { year: 'numeric', month: 'long', day: 'numeric' } : parts === 2 ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
  const text = new Intl.DateTimeFormat(uiLanguage, { ...options, timeZone: 'UTC' }).format(at);
  return value.precision === 'approximate' ? t('testimonies.date.about', { date: text }) : text;
}

export function formatDateTime(iso: string, uiLanguage: string): string {
  return new Intl.DateTimeFormat(uiLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A local date-time input value (YYYY-MM-DDTHH:mm) for now, for <input type="datetime-local">. */
export function localDateTimeNow(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

export const CONSENT_SCOPE_FIELDS = ['purposes', 'anonymityRequired', 'identityDisclosureAllowed', 'noDeathPenaltyProceedings', 'recontactAllowed', 'method', 'takenBy', 'takenAt', 'withdrawnAt'] as const;
export type ConsentScopeField = (typeof CONSENT_SCOPE_FIELDS)[number];

/** Which fields of a consent version differ from the one before it (all of them for the first). */
export function consentChanges(previous: ConsentVersion | undefined, current: ConsentVersion): ConsentScopeField[] {
  if (!previous) return [];
  return CONSENT_SCOPE_FIELDS.filter((field) => {
    const a = previous[field];
    const b = current[field];
    if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join() !== [...b].sort().join();
    return a !== b;
  });
}
