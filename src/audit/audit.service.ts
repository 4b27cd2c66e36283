import { Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditHighlight, auditHighlight, HIGHLIGHT_ACTIONS } from 'src/audit/audit-highlight';
import { AuditSequencer, markAuditPending } from 'src/audit/audit-sequencer.service';
import { ChainBreak, ChainedFields, ChainHead, GENESIS_HASH, verifyChainBatch } from 'src/audit/hash-chain';
import { headSignatureValid } from 'src/audit/head-signing';
import type { Page } from 'src/common/http/pagination';
import type { JsonObject } from 'src/common/json';
import { currentCorrelationId } from 'src/common/logging/request-context';

const VERIFY_BATCH = 2000;
/** A committed entry still unlinked after this long means the sequencer is not running: verify fails. */
export const PENDING_BOUND_MS = 60_000;

export interface AuditRecordInput {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  caseId?: string | null;
  /** Minimal facts of the change: ids, field names, counts. Never names, contacts or transcript text. */
  details?: JsonObject;
}

export interface AuditVerification {
  ok: boolean;
  entriesChecked: number;
  lastSeq: string | null;
  firstBroken: ChainBreak | null;
  /** Signed heads checked (signature, and the hash of the entry at their position). */
  headsChecked: number;
  /** Committed entries not linked yet (written while verify ran). */
  pending: number;
  /** Fingerprint of the key the heads must be signed with. */
  headKeyFingerprint: string;
}

export interface AuditListFilter {
  actorId?: string;
  /** Prefix of the action. */
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  highlight?: AuditHighlight;
  limit: number;
  offset: number;
}

export interface AuditListRow {
  id: string;
  /** Null while the entry waits for the sequencer. */
  seq: string | null;
  occurredAt: Date;
  actorId: string | null;
  actorDisplayName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  caseId: string | null;
  details: JsonObject;
  highlight: AuditHighlight | null;
}

/** Chain order, newest first: pending entries (not linked yet) come last in the chain, so first here. */
export const CHAIN_ORDER_DESC = 'a.seq DESC NULLS FIRST, a.id DESC';
/** Chain order, oldest first: pending entries after every linked one, in insertion order. */
export const CHAIN_ORDER_ASC = 'a.seq ASC NULLS LAST, a.id ASC';

const INSERT_ENTRY = `INSERT INTO audit_log (occurred_at, actor_id, action, subject_type, subject_id, case_id, details, correlation_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sequencer: AuditSequencer,
  ) {}

  /**
   * Appends an entry inside the caller's transaction (the manager must belong to one), so the
   * record and the change it describes commit or roll back together. One INSERT, no lock: the
   * sequencer links the entry into the chain after the commit.
   */
  async record(manager: EntityManager, input: AuditRecordInput): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditService.record must run inside a transaction');
    await manager.query(INSERT_ENTRY, entryParams(input));
    markAuditPending(manager.queryRunner);
  }

  /** For an action that changes nothing else (a login, a read): one INSERT on its own. */
  async recordStandalone(input: AuditRecordInput): Promise<void> {
    await this.dataSource.query(INSERT_ENTRY, entryParams(input));
    this.sequencer.kick();
  }

  /** Links every entry committed so far, so that a read of the trail that follows shows them in chain order. */
  settle(): Promise<void> {
    return this.sequencer.settle();
  }

  /**
   * A filtered page of the log in chain order, newest first. `caseId` narrows to one case (a
   * lead's view); without it, the whole log (admins). Details are returned as recorded: they
   * hold ids, codes, field names and counts only (see AuditRecordInput.details).
   */
  async list(filter: AuditListFilter, caseId?: string): Promise<Page<AuditListRow>> {
    await this.settle();
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (caseId) add((n) => `a.case_id = ${n}`, caseId);
    if (filter.actorId) add((n) => `a.actor_id = ${n}`, filter.actorId);
    if (filter.action) add((n) => `starts_with(a.action, ${n})`, filter.action);
    if (filter.subjectType) add((n) => `a.subject_type = ${n}`, filter.subjectType);
    if (filter.subjectId) add((n) => `a.subject_id = ${n}`, filter.subjectId);
    if (filter.from) add((n) => `a.occurred_at >= ${n}::timestamptz`, filter.from);
    if (filter.to) add((n) => `a.occurred_at < ${n}::timestamptz`, filter.to);
    if (filter.highlight) add((n) => `a.action = ANY(${n}::text[])`, HIGHLIGHT_ACTIONS[filter.highlight]);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log a ${clause}`, params)) as Array<{ total: number }>;
    const rows = (await this.dataSource.query(
      `SELECT a.id::text AS id, a.seq::text AS seq, a.occurred_at AS "occurredAt", a.actor_id AS "actorId", u.display_name AS "actorDisplayName", a.action,
              a.subject_type AS "subjectType", a.subject_id AS "subjectId", a.case_id AS "caseId", a.details
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         ${clause}
        ORDER BY ${CHAIN_ORDER_DESC}
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    )) as Array<Omit<AuditListRow, 'highlight'>>;
    return { items: rows.map((row) => ({ ...row, highlight: auditHighlight(row.action) })), total, limit: filter.limit, offset: filter.offset };
  }

  /**
   * Links what is pending, then recomputes the whole chain in batches (positions gap-free from 1,
   * each entry pointing to the previous hash, each hash matching its content), checks every
   * signed head (signature by this deployment's head key, and the hash of the entry at its
   * position; the last head at the chain's end) and that nothing stays unlinked for longer than
   * PENDING_BOUND_MS. Reports the first break.
   */
  async verify(): Promise<AuditVerification> {
    await this.settle();
    const base = { headsChecked: 0, pending: 0, headKeyFingerprint: this.sequencer.key.fingerprint };
    let previous = { seq: 0n, hash: GENESIS_HASH };
    let checked = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT a.seq::text AS seq, a.occurred_at AS "occurredAt", a.actor_id AS "actorId", a.action, a.subject_type AS "subjectType", a.subject_id AS "subjectId",
                a.case_id AS "caseId", a.details, a.correlation_id AS "correlationId", a.prev_hash AS "prevHash", a.hash
           FROM audit_log a WHERE a.seq > $1 ORDER BY a.seq LIMIT ${VERIFY_BATCH}`,
        [previous.seq.toString()],
      )) as LinkedRow[];
      if (rows.length === 0) break;
      const result = verifyChainBatch(rows.map(toChained), previous);
      if (!result.ok) {
        return { ...base, ok: false, entriesChecked: checked + result.verified, lastSeq: result.last.seq ? result.last.seq.toString() : null, firstBroken: result.broken };
      }
      checked += rows.length;
      previous = result.last;
    }
    const lastSeq = previous.seq ? previous.seq.toString() : null;
    const heads = await this.verifyHeads(previous);
    const [{ pending, stale }] = (await this.dataSource.query(
      'SELECT count(*)::int AS pending, count(*) FILTER (WHERE occurred_at < now() - make_interval(secs => $1))::int AS stale FROM audit_log WHERE seq IS NULL',
      [PENDING_BOUND_MS / 1000],
    )) as Array<{ pending: number; stale: number }>;
    const broken: ChainBreak | null = heads.broken ?? (stale
      ? { seq: lastSeq ?? '0', reason: 'unlinked_too_long', message: `${stale} committed entries have waited more than ${PENDING_BOUND_MS / 1000} s to be linked: the sequencer is not running` }
      : null);
    return { ...base, ok: !broken, entriesChecked: checked, lastSeq, firstBroken: broken, headsChecked: heads.checked, pending };
  }

  /** Every signed head, oldest first, against the chain just verified (which ends at `end`). */
  private async verifyHeads(end: ChainHead): Promise<{ checked: number; broken: ChainBreak | null }> {
    const publicKey = this.sequencer.key.publicKey;
    let after = '0';
    let checked = 0;
    let last: string | null = null;
    for (;;) {
      const heads = (await this.dataSource.query(
        `SELECT h.seq::text AS seq, h.hash, h.signed_at AS "signedAt", h.key_fingerprint AS "keyFingerprint", h.signature, a.hash AS "entryHash"
           FROM audit_chain_heads h LEFT JOIN audit_log a ON a.seq = h.seq
          WHERE h.seq > $1 ORDER BY h.seq LIMIT ${VERIFY_BATCH}`,
        [after],
      )) as HeadRow[];
      if (heads.length === 0) break;
      for (const head of heads) {
        const broken = checkHead(head, publicKey, this.sequencer.key.fingerprint);
        if (broken) return { checked, broken };
        checked++;
        last = head.seq;
      }
      after = heads[heads.length - 1].seq;
    }
    if (end.seq > 0n && last !== end.seq.toString()) {
      return {
        checked,
        broken: { seq: end.seq.toString(), reason: 'head_mismatch', message: `the chain ends at entry ${end.seq} but the last signed head is ${last ?? 'missing'}: entries were added or removed outside the sequencer` },
      };
    }
    return { checked, broken: null };
  }
}

interface LinkedRow extends Omit<ChainedFields, 'occurredAt'> {
  occurredAt: Date;
  hash: string;
}

interface HeadRow {
  seq: string;
  hash: string;
  signedAt: Date;
  keyFingerprint: string;
  signature: string;
  entryHash: string | null;
}

function checkHead(head: HeadRow, publicKey: KeyObject, fingerprint: string): ChainBreak | null {
  const fields = { seq: head.seq, hash: head.hash, signedAt: head.signedAt.toISOString() };
  if (head.keyFingerprint !== fingerprint || !headSignatureValid(publicKey, fields, head.signature)) {
    return { seq: head.seq, reason: 'head_signature_invalid', message: `the signed head at entry ${head.seq} is not signed by this deployment's audit-head key` };
  }
  if (head.entryHash !== head.hash) {
    return { seq: head.seq, reason: 'head_mismatch', message: `entry ${head.seq} no longer has the hash its signed head recorded: the chain was rewritten` };
  }
  return null;
}

function entryParams(input: AuditRecordInput): unknown[] {
  return [
    // Millisecond precision survives the round trip through timestamptz unchanged.
    new Date(),
    input.actorId,
    input.action,
    input.subjectType,
    input.subjectId ?? null,
    input.caseId ?? null,
    JSON.stringify(input.details ?? {}),
    currentCorrelationId() ?? null,
  ];
}

function toChained(row: LinkedRow): ChainedFields & { hash: string } {
  return { ...row, occurredAt: row.occurredAt.toISOString() };
}
