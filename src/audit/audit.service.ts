import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditHighlight, auditHighlight, HIGHLIGHT_ACTIONS } from 'src/audit/audit-highlight';
import { AuditEntryEntity } from 'src/audit/entities/audit-entry.entity';
import { ChainBreak, ChainedFields, entryHash, GENESIS_HASH, verifyChainBatch } from 'src/audit/hash-chain';
import type { Page } from 'src/common/http/pagination';
import type { JsonObject } from 'src/common/json';
import { currentCorrelationId } from 'src/common/logging/request-context';

// Serialises appends so each entry links to the one before it. Held until the caller's
// transaction ends: record the audit entry as the last write of a transaction.
const AUDIT_CHAIN_LOCK_KEY = 74_110_002;
const VERIFY_BATCH = 2000;

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
  seq: string;
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

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an entry inside the caller's transaction (the manager must belong to one), so the
   * record and the change it describes commit or roll back together.
   */
  async record(manager: EntityManager, input: AuditRecordInput): Promise<AuditEntryEntity> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditService.record must run inside a transaction');
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    const [last] = (await manager.query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')) as Array<{ seq: string; hash: string }>;
    const fields: ChainedFields = {
      seq: last ? (BigInt(last.seq) + 1n).toString() : '1',
      // Millisecond precision survives the round trip through timestamptz unchanged.
      occurredAt: new Date().toISOString(),
      actorId: input.actorId,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      caseId: input.caseId ?? null,
      details: input.details ?? {},
      correlationId: currentCorrelationId() ?? null,
      prevHash: last ? last.hash : GENESIS_HASH,
    };
    const entry = Object.assign(new AuditEntryEntity(), { ...fields, occurredAt: new Date(fields.occurredAt), details: fields.details as JsonObject, hash: entryHash(fields) });
    await manager.query(
      `INSERT INTO audit_log (seq, occurred_at, actor_id, action, subject_type, subject_id, case_id, details, correlation_id, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [entry.seq, entry.occurredAt, entry.actorId, entry.action, entry.subjectType, entry.subjectId, entry.caseId, JSON.stringify(entry.details), entry.correlationId, entry.prevHash, entry.hash],
    );
    return entry;
  }

  /** Convenience for an action that changes nothing else (a login, a read): its own transaction. */
  recordStandalone(input: AuditRecordInput): Promise<AuditEntryEntity> {
    return this.dataSource.transaction((manager) => this.record(manager, input));
  }

  /**
   * A filtered page of the log, newest first. `caseId` narrows to one case (a lead's view);
   * without it, the whole log (admins). Details are returned as recorded: they hold ids, codes,
   * field names and counts only (see AuditRecordInput.details).
   */
  async list(filter: AuditListFilter, caseId?: string): Promise<Page<AuditListRow>> {
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
      `SELECT a.seq::text AS seq, a.occurred_at AS "occurredAt", a.actor_id AS "actorId", u.display_name AS "actorDisplayName", a.action,
              a.subject_type AS "subjectType", a.subject_id AS "subjectId", a.case_id AS "caseId", a.details
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
         ${clause}
        ORDER BY a.seq DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    )) as Array<Omit<AuditListRow, 'highlight'>>;
    return { items: rows.map((row) => ({ ...row, highlight: auditHighlight(row.action) })), total, limit: filter.limit, offset: filter.offset };
  }

  /** Recomputes the whole chain in batches and reports the first broken entry. */
  async verify(): Promise<AuditVerification> {
    let previous = { seq: 0n, hash: GENESIS_HASH };
    let checked = 0;
    for (;;) {
      const rows = await this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a')
        .where('a.seq > :after', { after: previous.seq.toString() })
        .orderBy('a.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      if (rows.length === 0) break;
      const result = verifyChainBatch(rows.map(toChained), previous);
      if (!result.ok) {
        return { ok: false, entriesChecked: checked + result.verified, lastSeq: result.last.seq ? result.last.seq.toString() : null, firstBroken: result.broken };
      }
      checked += rows.length;
      previous = result.last;
    }
    return { ok: true, entriesChecked: checked, lastSeq: previous.seq ? previous.seq.toString() : null, firstBroken: null };
  }
}

function toChained(row: AuditEntryEntity): ChainedFields & { hash: string } {
  return {
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    caseId: row.caseId,
    details: row.details,
    correlationId: row.correlationId,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
