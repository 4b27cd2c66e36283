import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';
import { UserEntity } from 'src/users/entities/user.entity';

/**
 * What a member may do in a case:
 * - lead: everything, including membership; investigator: records people, testimonies and files;
 * - analyst: incidents, perpetrators, evidence links; reviewer: approves; observer: reads.
 */
export const CASE_ROLES = ['lead', 'investigator', 'analyst', 'reviewer', 'observer'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

@Entity('case_members')
export class CaseMemberEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Index('case_members_user_idx')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: CaseEntity;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @Column({ type: 'text' }) role: CaseRole;
  /** Sees witness identities and raw transcripts of this case (every such read is audited). */
  @Column({ name: 'identity_clearance', type: 'boolean', default: false }) identityClearance: boolean;
  @Column({ name: 'added_by', type: 'uuid', nullable: true }) addedBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
