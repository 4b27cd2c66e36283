import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { PersonEntity } from 'src/people/entities/person.entity';
import { CaseEntity } from 'src/cases/entities/case.entity';
import type { DatePrecision } from 'src/common/dates/dated-value';

export const TESTIMONY_STATUSES = ['draft', 'transcribed', 'redacted', 'reviewed'] as const;
export type TestimonyStatus = (typeof TESTIMONY_STATUSES)[number];
export const MODALITIES = ['in_person', 'video_call', 'phone', 'written'] as const;
export type Modality = (typeof MODALITIES)[number];
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** A survivor or witness interview. Where it took place and who interpreted are sealed. */
@Entity('testimonies')
@Index('testimonies_case_created_idx', ['caseId', 'createdAt'])
export class TestimonyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  @Index('testimonies_interviewee_idx')
  @Column({ name: 'interviewee_id', type: 'uuid' }) intervieweeId: string;
  @ManyToOne(() => PersonEntity) @JoinColumn({ name: 'interviewee_id' }) interviewee?: PersonEntity;
  @Column({ name: 'interviewer_ids', type: 'uuid', array: true, default: () => "'{}'" }) interviewerIds: string[];
  @Column({ name: 'interview_date', type: 'text', nullable: true }) interviewDate: string | null;
  @Column({ name: 'interview_date_precision', type: 'text' }) interviewDatePrecision: DatePrecision;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) languages: string[];
  @Column({ type: 'text' }) modality: Modality;
  @Column({ name: 'risk_level', type: 'text' }) riskLevel: RiskLevel;
  /** Place of interview, interpreter and risk notes, sealed under the case key. */
  @Column({ name: 'sensitive_sealed', type: 'bytea', nullable: true, select: false }) sensitiveSealed: Buffer | null;
  @Index('testimonies_status_idx')
  @Column({ type: 'text' }) status: TestimonyStatus;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
