import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JsonObject } from 'src/common/json';

/**
 * One link of the chain-of-custody log. Append-only: a trigger in the database refuses UPDATE,
 * DELETE and TRUNCATE. `hash` = SHA-256 over the canonical encoding of the other fields,
 * including `prevHash`, so changing or removing any entry breaks every later link.
 */
@Entity('audit_log')
@Index('audit_log_actor_seq_idx', ['actorId', 'seq'])
export class AuditEntryEntity {
  /** Position in the chain, assigned under a lock so it has no gaps. */
  @PrimaryColumn({ type: 'bigint' }) seq: string;
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
  @Column({ name: 'prev_hash', type: 'text' }) prevHash: string;
  @Column({ type: 'text' }) hash: string;
}
