import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from 'src/common/json';

/**
 * One entry of the chain-of-custody log. A writer inserts it in its own transaction with the
 * content fields only (no lock); the sequencer (audit-sequencer.service.ts) later gives it its
 * gap-free position `seq`, `prevHash` and `hash` = SHA-256 over the canonical encoding of the
 * other fields including `prevHash`, so changing, removing or reordering any linked entry
 * breaks every later link. A trigger refuses DELETE, TRUNCATE and every UPDATE except that one
 * linking of an unlinked entry (content unchanged).
 */
@Entity('audit_log')
@Check('audit_log_linked_together', `("seq" IS NULL) = ("prev_hash" IS NULL) AND ("seq" IS NULL) = ("hash" IS NULL)`)
@Index('audit_log_actor_seq_idx', ['actorId', 'seq'])
// Committed entries the sequencer has not linked yet: made in a migration (partial index).
@Index('audit_log_pending_idx', { synchronize: false })
export class AuditEntryEntity {
  /** Insertion id: a provisional order only (sequences leave gaps and commit order differs). */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  /** Position in the chain, assigned by the sequencer without gaps; null while pending. */
  @Index('audit_log_seq_unique', { unique: true })
  @Column({ type: 'bigint', nullable: true }) seq: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Index('audit_log_action_idx')
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType: string;
  @Index('audit_log_subject_idx')
  @Column({ name: 'subject_id', type: 'text', nullable: true }) subjectId: string | null;
  @Index('audit_log_case_idx')
  // (case_id, seq) for membership entries only: made in a migration (see src/cases/membership-history.ts).
  @Index('audit_log_membership_idx', { synchronize: false })
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId: string | null;
  @Column({ type: 'jsonb' }) details: JsonObject;
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId: string | null;
  @Column({ name: 'prev_hash', type: 'text', nullable: true }) prevHash: string | null;
  @Column({ type: 'text', nullable: true }) hash: string | null;
}
