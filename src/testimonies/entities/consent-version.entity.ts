import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';
import type { ConsentMethod, ConsentPurpose } from 'src/consent/policy/consent.types';

/** One version of a testimony's consent. Never edited: a change, or a withdrawal, is a new version. */
@Entity('consent_versions')
@Index('consent_versions_unique', ['testimonyId', 'version'], { unique: true })
export class ConsentVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'testimony_id', type: 'uuid' }) testimonyId: string;
  @ManyToOne(() => TestimonyEntity) @JoinColumn({ name: 'testimony_id' }) testimony?: TestimonyEntity;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'text', array: true }) purposes: ConsentPurpose[];
  @Column({ name: 'anonymity_required', type: 'boolean' }) anonymityRequired: boolean;
  @Column({ name: 'identity_disclosure_allowed', type: 'boolean' }) identityDisclosureAllowed: boolean;
  @Column({ name: 'no_death_penalty_proceedings', type: 'boolean' }) noDeathPenaltyProceedings: boolean;
  @Column({ name: 'recontact_allowed', type: 'boolean' }) recontactAllowed: boolean;
  @Column({ type: 'text' }) method: ConsentMethod;
  /** Staff member who took the consent (user id). */
  @Column({ name: 'taken_by', type: 'uuid' }) takenBy: string;
  @Column({ name: 'taken_at', type: 'timestamptz' }) takenAt: Date;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  /** The witness's own words may identify them: sealed. */
  @Column({ name: 'withdrawal_reason_sealed', type: 'bytea', nullable: true, select: false }) withdrawalReasonSealed: Buffer | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
