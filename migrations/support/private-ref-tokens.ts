/**
 * For migration 1795380100000-PrivateRefTokens: the pure part (kept out of the migration file,
 * where TypeORM would take every exported function for a migration class). Self-contained on
 * purpose (labels copied, no app imports): a migration must not change meaning when the code it
 * would import changes.
 */

/** A ref derived from a person's code: relative, contact, birthplace, current location. */
const RELATION_REF = /^[A-Za-z0-9][A-Za-z0-9._:-]*\.(?:R\d+|C\d+|BP|LOC)$/;
const RELATION_TOKEN = /\[[A-Za-z0-9][A-Za-z0-9._:-]*\.(?:R\d+|C\d+|BP|LOC)\]/g;
export const RELATION_TOKEN_SQL = '\\[[A-Za-z0-9][A-Za-z0-9._:-]*\\.(R[0-9]+|C[0-9]+|BP|LOC)\\]';
/** The engine's default labels when this migration was written (every built-in profile uses them). */
export const DEFAULT_LABELS: Readonly<Record<string, string>> = {
  person: '[PERSON]', place: '[PLACE]', phone: '[PHONE]', 'national-id': '[NATIONAL-ID]', email: '[EMAIL]',
  'date-of-birth': '[DATE-OF-BIRTH]', coordinates: '[COORDINATES]', handle: '[HANDLE]', custom: '[REDACTED]',
};

export interface StoredSpan {
  outputStart: number;
  outputEnd: number;
  category: string;
  replacement: string | null;
  personRef?: string;
  ref?: string;
  [key: string]: unknown;
}

/**
 * The text and span log with every relation token replaced by its category's label. Spans keep
 * their order and refs; output offsets move with the shorter or longer replacements. A token in
 * the text that no span accounts for (a log that does not match its text) becomes `[REDACTED]`.
 */
export function scrubRelationTokens(text: string, spans: readonly StoredSpan[], labels: Readonly<Record<string, string>>): { text: string; spans: StoredSpan[]; changed: boolean } {
  const result = spans.map((s) => ({ ...s }));
  const order = result.map((_s, i) => i).sort((a, b) => result[a].outputStart - result[b].outputStart || a - b);
  let out = '';
  let at = 0;
  let changed = false;
  for (const i of order) {
    const s = result[i];
    if (s.outputStart < at || s.outputEnd < s.outputStart || s.outputEnd > text.length) continue;
    const shown = text.slice(s.outputStart, s.outputEnd);
    const ref = s.personRef ?? s.ref;
    let replacement = shown;
    if (typeof ref === 'string' && RELATION_REF.test(ref) && s.replacement === shown && shown.startsWith(`[${ref}]`)) {
      // Keep what follows the token (a neutralised particle: `[W-0001.R1]은(는)`).
      replacement = (labels[s.category] ?? DEFAULT_LABELS[s.category] ?? '[REDACTED]') + shown.slice(ref.length + 2);
      s.replacement = replacement;
      changed = true;
    }
    out += text.slice(at, s.outputStart);
    at = s.outputEnd;
    s.outputStart = out.length;
    out += replacement;
    s.outputEnd = out.length;
  }
  out += text.slice(at);
  const safe = out.replace(RELATION_TOKEN, '[REDACTED]');
  return { text: safe, spans: result, changed: changed || safe !== out };
}
