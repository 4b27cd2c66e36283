import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_LABELS, RELATION_TOKEN_SQL, scrubRelationTokens, type StoredSpan } from './support/private-ref-tokens';

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
 * The text work is in ./support/private-ref-tokens.ts.
 */

const ENGINE_1 = 'sillok-redaction-engine/1';
const BATCH = 200;

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
