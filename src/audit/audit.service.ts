import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntryEntity } from 'src/audit/entities/audit-entry.entity';
import { ChainBreak, ChainedFields, entryHash, GENESIS_HASH, verifyChainBatch } from 'src/audit/hash-chain';
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
