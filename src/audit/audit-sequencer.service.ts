import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { ContentFields, GENESIS_HASH, linkPending } from 'src/audit/hash-chain';
import { deriveHeadKey, HeadKey, signHead } from 'src/audit/head-signing';
import { describeForLog } from 'src/common/errors/all-exceptions.filter';
import type { JsonObject } from 'src/common/json';
import { ROOT_LOGGER } from 'src/common/logging/logger';
import { APP_CONFIG, AppConfig } from 'src/config/config';

// Only one sequencer links at a time, across every api and worker replica: a transaction-scoped
// advisory lock, taken by the sequencer only (writers never take it).
export const AUDIT_SEQUENCER_LOCK_KEY = 74_110_002;
/** Entries linked (and one head signed) per sequencer transaction. */
export const SEQUENCER_BATCH = 500;
// Between two passes under load, so that one pass links many entries.
const MIN_GAP_MS = 10;
// A sweep for entries whose commit this process did not see (written by another replica).
const SWEEP_MS = 250;
const PENDING_MARK = 'auditPending';
/** Set in the `data` of the sequencer's own query runners. */
export const SEQUENCER_MARK = 'auditSequencer';

interface PendingRow {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  caseId: string | null;
  details: JsonObject;
  correlationId: string | null;
}

/** Marks the transaction as having written an audit entry: its commit wakes the sequencer. */
export function markAuditPending(queryRunner: QueryRunner | undefined): void {
  if (queryRunner) (queryRunner.data as Record<string, unknown>)[PENDING_MARK] = true;
}

/**
 * Links committed audit entries into the hash chain in gap-free order and signs the new head,
 * like a transparency log's sequencer. Writers append without any lock; a pass runs after each
 * commit that wrote an entry (coalesced), every SWEEP_MS, and on demand (settle) before the
 * trail is read or verified.
 */
@Injectable()
export class AuditSequencer implements OnApplicationBootstrap, OnModuleDestroy, EntitySubscriberInterface {
  readonly key: HeadKey;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private headChecked = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.key = deriveHeadKey(config.masterKey);
    dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown>;
    if (data[PENDING_MARK] && !event.queryRunner.isTransactionActive) {
      data[PENDING_MARK] = false;
      this.kick();
    }
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), SWEEP_MS);
    this.timer.unref();
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Asks for a pass soon; passes never overlap within a process. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /**
   * Links every entry committed before the call (waiting for another replica's pass if one is
   * running), so a read that follows sees them in chain order.
   */
  async settle(): Promise<void> {
    const [{ pending }] = (await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM audit_log WHERE seq IS NULL) AS pending')) as Array<{ pending: boolean }>;
    if (!pending && this.headChecked) return;
    while ((await this.pass(true)) === SEQUENCER_BATCH);
  }

  private async loop(): Promise<void> {
    let misses = 0;
    do {
      this.again = false;
      try {
        const linked = await this.pass(false);
        if (linked === SEQUENCER_BATCH) this.again = true;
        if (linked < 0 && misses++ < 3) this.again = true;
      } catch (error) {
        // The next commit or sweep tries again; the entries stay pending meanwhile (verify reports them).
        this.logger.warn({ err: describeForLog(error) }, 'audit sequencer pass failed');
        return;
      }
      if (this.again) await sleep(MIN_GAP_MS);
    } while (this.again && !this.stopped);
  }

  /** One transaction: entries linked, or -1 when another replica holds the sequencer lock. */
  private async pass(wait: boolean): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    // Tells the sequencer's own statements apart (statement counts in tests).
    (runner.data as Record<string, unknown>)[SEQUENCER_MARK] = true;
    try {
      await runner.connect();
      await runner.startTransaction();
      const linked = await this.link(runner.manager, wait);
      await runner.commitTransaction();
      return linked;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async link(manager: EntityManager, wait: boolean): Promise<number> {
    if (wait) await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_SEQUENCER_LOCK_KEY]);
    else {
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [AUDIT_SEQUENCER_LOCK_KEY])) as Array<{ locked: boolean }>;
      if (!locked) return -1;
    }
    const pending = (await manager.query(
      `SELECT a.id::text AS id, a.occurred_at AS "occurredAt", a.actor_id AS "actorId", a.action, a.subject_type AS "subjectType", a.subject_id AS "subjectId",
              a.case_id AS "caseId", a.details, a.correlation_id AS "correlationId"
         FROM audit_log a WHERE a.seq IS NULL ORDER BY a.id LIMIT $1`,
      [SEQUENCER_BATCH],
    )) as PendingRow[];
    if (!pending.length && this.headChecked) return 0;
    const [last] = (await manager.query('SELECT a.seq::text AS seq, a.hash FROM audit_log a WHERE a.seq IS NOT NULL ORDER BY a.seq DESC LIMIT 1')) as Array<{ seq: string; hash: string }>;
    const { links, head } = linkPending(last ? { seq: BigInt(last.seq), hash: last.hash } : { seq: 0n, hash: GENESIS_HASH }, pending.map(toContent));
    if (links.length) {
      await manager.query(
        `UPDATE audit_log a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev_hash, hash)
          WHERE a.id = v.id`,
        [links.map((l) => l.id), links.map((l) => l.seq), links.map((l) => l.prevHash), links.map((l) => l.hash)],
      );
      await this.signHead(manager, head.seq.toString(), head.hash, false);
    } else if (last) {
      // First pass of this process with nothing to link: entries written before the sequencer
      // existed get their first signed head (only while there is no head at all: a chain that
      // already has heads is never re-signed from what the table holds).
      await this.signHead(manager, last.seq, last.hash, true);
    }
    this.headChecked = true;
    return links.length;
  }

  private async signHead(manager: EntityManager, seq: string, hash: string, ifNone: boolean): Promise<void> {
    const signedAt = new Date().toISOString();
    const signature = signHead(this.key, { seq, hash, signedAt });
    await manager.query(
      ifNone
        ? 'INSERT INTO audit_chain_heads (seq, hash, signed_at, key_fingerprint, signature) SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM audit_chain_heads)'
        : 'INSERT INTO audit_chain_heads (seq, hash, signed_at, key_fingerprint, signature) VALUES ($1, $2, $3, $4, $5)',
      [seq, hash, signedAt, this.key.fingerprint, signature],
    );
  }
}

function toContent(row: PendingRow): ContentFields & { id: string } {
  return {
    id: row.id,
    // Millisecond precision survives the round trip through timestamptz unchanged.
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    caseId: row.caseId,
    details: row.details,
    correlationId: row.correlationId,
  };
}
