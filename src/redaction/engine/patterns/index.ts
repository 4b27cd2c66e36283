/**
 * The pattern detectors (PII that is not in the registry) and their configuration.
 * Each detector is a handful of linear regular expressions or an indexOf scan; none backtracks
 * over more than a short window.
 */
import { createHash } from 'node:crypto';
import { makeCoordinatesDetector, RegionOfInterest, DEFAULT_REGION } from 'src/redaction/engine/patterns/coordinates';
import { dateOfBirthDetector } from 'src/redaction/engine/patterns/date-of-birth';
import { emailDetector } from 'src/redaction/engine/patterns/email';
import { handleDetector } from 'src/redaction/engine/patterns/handle';
import { nationalIdDetector } from 'src/redaction/engine/patterns/national-id';
import { phoneDetector } from 'src/redaction/engine/patterns/phone';
import { PatternDetector } from 'src/redaction/engine/patterns/shared';
import { Category, DetectedSpan, isCategory, makeSpan, RedactionInputError } from 'src/redaction/engine/types';

export type PatternCategory = 'phone' | 'national-id' | 'email' | 'date-of-birth' | 'coordinates' | 'handle';
export const PATTERN_CATEGORIES: readonly PatternCategory[] = ['phone', 'national-id', 'email', 'date-of-birth', 'coordinates', 'handle'];

/** A per-case regular expression. Its source is run as given (with the `g` flag added): keep it linear. */
export interface CustomPattern {
  name: string;
  source: string;
  flags?: string;
  category: Category;
}

export interface PatternOptions {
  /** Categories to detect; default all of PATTERN_CATEGORIES. */
  categories?: readonly PatternCategory[];
  /** Where a bare decimal pair such as `39.6, 126.9` counts as coordinates. */
  regionOfInterest?: RegionOfInterest;
  custom?: readonly CustomPattern[];
}

export interface CompiledPatterns {
  /** SHA-256 (hex) of the canonical options: part of what makes a redaction result reproducible. */
  readonly version: string;
  readonly detectors: readonly PatternDetector[];
}

const CUSTOM_NAME = /^[a-z0-9][a-z0-9.-]{0,63}$/;

export function compilePatterns(options: PatternOptions = {}): CompiledPatterns {
  const categories = [...new Set(options.categories ?? PATTERN_CATEGORIES)].sort();
  for (const c of categories) {
    if (!PATTERN_CATEGORIES.includes(c)) throw new RedactionInputError('patterns.categories', `unknown pattern category ${String(c)}`);
  }
  const region = options.regionOfInterest ?? DEFAULT_REGION;
  const detectors: PatternDetector[] = [];
  const byCategory: Record<PatternCategory, () => PatternDetector> = {
    phone: () => phoneDetector,
    'national-id': () => nationalIdDetector,
    email: () => emailDetector,
    'date-of-birth': () => dateOfBirthDetector,
    coordinates: () => makeCoordinatesDetector(region),
    handle: () => handleDetector,
  };
  for (const c of categories) detectors.push(byCategory[c]());
  const custom = [...(options.custom ?? [])].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  custom.forEach((p, i) => {
    if (!CUSTOM_NAME.test(p.name)) throw new RedactionInputError(`patterns.custom[${i}].name`, 'must be lower-case letters, digits, dots and hyphens');
    if (!isCategory(p.category)) throw new RedactionInputError(`patterns.custom[${i}].category`, 'is not a known category');
    let re: RegExp;
    try {
      re = new RegExp(p.source, [...new Set(`${p.flags ?? ''}g`)].filter((f) => f !== 'y').join(''));
    } catch (err) {
      throw new RedactionInputError(`patterns.custom[${i}].source`, `is not a valid regular expression (${(err as Error).message})`);
    }
    const rule = `custom.${p.name}`;
    detectors.push({
      category: p.category,
      rules: [rule],
      detect(text: string, out: DetectedSpan[]): void {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) !== null) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          out.push(makeSpan(m.index, m.index + m[0].length, p.category, rule));
        }
      },
    });
  });
  const version = createHash('sha256')
    .update(JSON.stringify({ categories, region, custom: custom.map((p) => [p.name, p.source, p.flags ?? '', p.category]) }), 'utf8')
    .digest('hex');
  return { version, detectors };
}

/** Appends every pattern detection in `text` to `out` (unresolved). */
export function detectPatterns(text: string, patterns: CompiledPatterns, out: DetectedSpan[]): void {
  for (const d of patterns.detectors) d.detect(text, out);
}

export type { RegionOfInterest };
