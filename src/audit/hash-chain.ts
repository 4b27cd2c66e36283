import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry that the hash covers (everything but the hash itself). */
export interface ChainedFields {
  seq: string;
  occurredAt: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  caseId: string | null;
  details: unknown;
  correlationId: string | null;
  prevHash: string;
}

/**
 * Canonical JSON: object keys sorted by code unit, no insignificant white space, no undefined.
 * The same value always encodes to the same bytes, whatever order the keys came in (jsonb
 * reorders them), so a hash over it can be recomputed from what the database returns.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex');
}

export interface ChainBreak {
  seq: string;
  reason: 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'head_signature_invalid' | 'head_mismatch' | 'unlinked_too_long';
  message: string;
}

/**
 * Checks one batch of consecutive entries against the state left by the previous batch.
 * Returns the first break, or the state to carry into the next batch.
 */
export function verifyChainBatch(
  entries: Array<ChainedFields & { hash: string }>,
  previous: { seq: bigint; hash: string },
): { ok: true; last: { seq: bigint; hash: string } } | { ok: false; broken: ChainBreak; last: { seq: bigint; hash: string }; verified: number } {
  let last = previous;
  for (const [verified, entry] of entries.entries()) {
    const fail = (broken: ChainBreak) => ({ ok: false as const, broken, last, verified });
    const seq = BigInt(entry.seq);
    if (seq !== last.seq + 1n) {
      return fail({ seq: entry.seq, reason: 'sequence_gap', message: `entry ${entry.seq} follows ${last.seq}: entries are missing` });
    }
    if (entry.prevHash !== last.hash) {
      return fail({ seq: entry.seq, reason: 'prev_hash_mismatch', message: `entry ${entry.seq} does not point to the hash of entry ${last.seq}` });
    }
    const { hash, ...fields } = entry;
    if (entryHash(fields) !== hash) {
      return fail({ seq: entry.seq, reason: 'hash_mismatch', message: `entry ${entry.seq} was altered: its content no longer matches its hash` });
    }
    last = { seq, hash };
  }
  return { ok: true, last };
}

/** What a writer records: every hashed field but the two the sequencer assigns. */
export type ContentFields = Omit<ChainedFields, 'seq' | 'prevHash'>;

export interface ChainHead {
  seq: bigint;
  hash: string;
}

export interface ChainLink {
  id: string;
  seq: string;
  prevHash: string;
  hash: string;
}

/**
 * Links committed, unlinked entries after `head`, in the order given: consecutive positions and
 * each entry's hash over its content, its position and the previous hash (the same hash as
 * entries written before the sequencer, so one verifier reads the whole chain).
 */
export function linkPending(head: ChainHead, pending: Array<ContentFields & { id: string }>): { links: ChainLink[]; head: ChainHead } {
  let last = head;
  const links = pending.map(({ id, ...content }) => {
    const seq = last.seq + 1n;
    const fields: ChainedFields = { ...content, seq: seq.toString(), prevHash: last.hash };
    const hash = entryHash(fields);
    last = { seq, hash };
    return { id, seq: fields.seq, prevHash: fields.prevHash, hash };
  });
  return { links, head: last };
}
