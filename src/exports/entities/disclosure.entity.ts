import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';
import { ExportEntity } from 'src/exports/entities/export.entity';

export const DISCLOSURE_SUBJECTS = ['testimony', 'transcript', 'file', 'evidence_item', 'incident', 'person'] as const;
export type DisclosureSubject = (typeof DISCLOSURE_SUBJECTS)[number];

/**
 * The disclosure register, one row per item an export carried: which package sent it, to whom
 * (the export row), when. Written in the transaction that marks the export ready, so a failed
 * build registers nothing. Holds ids and pseudonym codes only, never content.
 */
@Entity('disclosures')
@Index('disclosures_case_subject_idx', ['caseId', 'subjectType', 'subjectId'])
@Index('disclosures_case_testimony_idx', ['caseId', 'testimonyId'])
@Index('disclosures_case_person_idx', ['caseId', 'personCode'])
@Index('disclosures_export_idx', ['exportId'])
export class DisclosureEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  @Column({ name: 'export_id', type: 'uuid' }) exportId: string;
  @ManyToOne(() => ExportEntity) @JoinColumn({ name: 'export_id' }) export?: ExportEntity;
  @Column({ name: 'subject_type', type: 'text' }) subjectType: DisclosureSubject;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  /** The item's code (E-0001, I-0001), or for a testimony, transcript or person the person's pseudonym code. */
  @Column({ name: 'subject_code', type: 'text' }) subjectCode: string;
  /** The testimony the item comes from (itself, its transcript, its recording, an item quoting it). */
  @Column({ name: 'testimony_id', type: 'uuid', nullable: true }) testimonyId: string | null;
  /** The person it concerns: the interviewee of that testimony, or the person listed. */
  @Column({ name: 'person_code', type: 'text', nullable: true }) personCode: string | null;
  @Column({ name: 'disclosed_at', type: 'timestamptz' }) disclosedAt: Date;
}
