import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';

export const PERSON_KINDS = ['survivor', 'witness', 'victim', 'perpetrator_individual', 'other'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** Pseudonym prefixes: the code (W-0007) is what everyone uses; the identity stays sealed. */
export const PSEUDONYM_PREFIX: Record<PersonKind, string> = {
  survivor: 'S',
  witness: 'W',
  victim: 'V',
  perpetrator_individual: 'P',
  other: 'O',
};

@Entity('people')
@Index('people_case_code_unique', ['caseId', 'code'], { unique: true })
@Index('people_case_kind_idx', ['caseId', 'kind'])
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  @Column({ type: 'text' }) kind: PersonKind;
  @Column({ type: 'text' }) code: string;
  /** AES-256-GCM under the case key (AAD person:<id>:identity); null once erased. */
  @Column({ name: 'identity_sealed', type: 'bytea', nullable: true, select: false }) identitySealed: Buffer | null;
  @Column({ name: 'identity_erased_at', type: 'timestamptz', nullable: true }) identityErasedAt: Date | null;
  @Column({ name: 'identity_erasure_reason', type: 'text', nullable: true }) identityErasureReason: string | null;
  /** Bumped on every identity change so dependent work (redaction dictionaries) can go stale. */
  @Column({ name: 'identity_revision', type: 'integer', default: 0 }) identityRevision: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
