import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Redaction engine 1 wrote the refs of a registered person's relatives, contacts, birthplace and
 * current location into the redacted text (`[W-0001.R1]`, `[W-0001.C1]`, `[W-0001.BP]`), which
 * every member reads, search indexes and exports send. Engine 2 writes a keyed token instead. This
 * migration scrubs those tokens from the redactions engine 1 made: each becomes its category's
 * label (the case secret that keyed tokens need is not available here), the span log's output
 * offsets and replacement follow, the SHA-256 is recomputed, and every current one (proposed,
 * approved, returned) is marked stale: out of search and exports, not approvable, to be run again.
 * The span log keeps its refs, which only members with identity clearance see.
 *
 * Self-contained on purpose (labels copied, no app imports): a migration must not change meaning
 * when the code it would import changes.
 */

const ENGINE_1 = 'sillok-redaction-engine/1';
/** A ref derived from a person's code: relative, contact, birthplace, current location. */
const RELATION_REF = /^[A-Za-z0-9][A-Za-z0-9._:-]*\.(?:R\d+|C\d+|BP|LOC)$/;
const RELATION_TOKEN = /\[[A-Za-z0-9][A-Za-z0-9._:-]*\.(?:R\d+|C\d+|BP|LOC)\]/g;
const RELATION_TOKEN_SQL = '\\[[A-Za-z0-9][A-Za-z0-9._:-]*\\.(R[0-9]+|C[0-9]+|BP|LOC)\\]';
/** The engine's default labels when this migration was written (every built-in profile uses them). */
const DEFAULT_LABELS: Readonly<Record<string, string>> = {
  person: '[PERSON]', place: '[PLACE]', phone: '[PHONE]', 'national-id': '[NATIONAL-ID]', email: '[EMAIL]',
  'date-of-birth': '[DATE-OF-BIRTH]', coordinates: '[COORDINATES]', handle: '[HANDLE]', custom: '[REDACTED]',
};
const BATCH = 200;

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

export class PrivateRefTokens1795380100000 implements MigrationInterface {
  name = 'PrivateRefTokens1795380100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const profiles = (await queryRunner.query('SELECT case_id, name, spec FROM redaction_profiles')) as Array<{ case_id: string; name: string; spec: { labels?: Record<string, string> } }>;
    const labelsOf = (caseId: string, profile: string): Record<string, string> => {
      const custom = profiles.find((p) => p.case_id === caseId && p.name === profile);
      return { ...DEFAULT_LABELS, ...(custom?.spec?.labels ?? {}) };
    };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT id, case_id, profile, redacted_text, spans FROM redactions
          WHERE engine_version = $1 AND redacted_text ~ $2 AND id > $3 ORDER BY id LIMIT ${BATCH}`,
        [ENGINE_1, RELATION_TOKEN_SQL, after],
      )) as Array<{ id: string; case_id: string; profile: string; redacted_text: string; spans: StoredSpan[] }>;
      if (!rows.length) return;
      for (const row of rows) {
        const scrubbed = scrubRelationTokens(row.redacted_text, row.spans, labelsOf(row.case_id, row.profile));
        if (!scrubbed.changed) continue;
        await queryRunner.query(
          `UPDATE redactions SET redacted_text = $2, redacted_sha256 = $3, spans = $4::jsonb,
                  status = CASE WHEN status IN ('proposed', 'approved', 'returned') THEN 'stale' ELSE status END,
                  version = version + 1, updated_at = now()
            WHERE id = $1`,
          [row.id, scrubbed.text, createHash('sha256').update(scrubbed.text, 'utf8').digest('hex'), JSON.stringify(scrubbed.spans)],
        );
      }
      after = rows[rows.length - 1].id;
    }
  }

  public async down(): Promise<void> {
    // Nothing to restore: the tokens it removed were the leak.
  }
}
