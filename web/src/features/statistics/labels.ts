import type { Dimension } from './queries';

type T = (key: string, vars?: Record<string, string>) => string;

export interface LabelSources {
  /** Violation-type label in the interface language (the code when unknown). */
  violation: (code: string) => string;
  /** Provinces and special cities of the gazetteer. */
  provinces: ReadonlyArray<{ code?: string | null; name: string; names: ReadonlyArray<{ system: string; name: string }> }>;
}

/** The words for one value of a statistics dimension ("unknown" is said, never shown as a code). */
export function dimensionValueLabel(dimension: Dimension, value: string | undefined, lang: string, t: T, sources: LabelSources): string {
  if (value === undefined || value === 'unknown') return t('statistics.notRecorded');
  switch (dimension) {
    case 'violationType':
      return sources.violation(value);
    case 'sex':
      return t(`statistics.sexes.${value}`);
    case 'ageGroup':
      return t('statistics.ageGroup', { group: value });
    case 'province': {
      const place = sources.provinces.find((p) => p.code === value || p.name === value);
      if (!place) return value;
      const hangul = place.names.find((n) => n.system === 'hangul')?.name;
      return lang.startsWith('ko') && hangul ? hangul : place.name;
    }
    case 'year':
      return value;
  }
}
