import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A per-case term to redact (a sensitive place, a nickname, a unit's local name). The term itself
 * may identify someone, so it is sealed like an identity.
 */
@Entity('redaction_terms')
@Index('redaction_terms_case_idx', ['caseId'])
export class RedactionTermEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) category: string;
  /** Token used by the pseudonym action, e.g. PL-0002. */
  @Column({ type: 'text' }) ref: string;
  @Column({ name: 'term_sealed', type: 'bytea', select: false }) termSealed: Buffer;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
