import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';
import type { JsonObject } from 'src/common/json';

export const EXPORT_STATUSES = ['queued', 'building', 'ready', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** One item left out of a package: a pseudonym code / reference and a reason, never content. */
export interface ExcludedItem {
  code: string;
  kind: string;
  ref: string;
  reason: string;
}

/**
 * A case-file export for one recipient: a signed, zipped BagIt bag stored encrypted under the
 * case key in the file store. The request (recipient, purpose, profile) is fixed at creation;
 * the worker fills in the package's hash, size and what it included and left out.
 */
@Entity('exports')
@Index('exports_case_created_idx', ['caseId', 'createdAt'])
export class ExportEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  @Column({ name: 'recipient_kind', type: 'text' }) recipientKind: string;
  @Column({ name: 'recipient_name', type: 'text' }) recipientName: string;
  /** 'true', 'false' or 'unknown' (the consent policy treats unknown as a denial where the condition is set). */
  @Column({ name: 'recipient_death_penalty', type: 'text' }) recipientDeathPenalty: 'true' | 'false' | 'unknown';
  @Column({ type: 'text' }) purpose: string;
  @Column({ type: 'text' }) profile: string;
  @Column({ name: 'framework_version_id', type: 'uuid', nullable: true }) frameworkVersionId: string | null;
  @Column({ type: 'text' }) status: ExportStatus;
  @Column({ name: 'job_id', type: 'uuid', nullable: true }) jobId: string | null;
  @Column({ name: 'storage_key', type: 'text', nullable: true }) storageKey: string | null;
  @Column({ name: 'package_sha256', type: 'text', nullable: true }) packageSha256: string | null;
  @Column({ name: 'size_bytes', type: 'bigint', nullable: true }) sizeBytes: string | null;
  @Column({ name: 'key_fingerprint', type: 'text', nullable: true }) keyFingerprint: string | null;
  /** Counts per kind of what went in: testimonies, evidenceItems, evidenceLinks, files, … */
  @Column({ type: 'jsonb', default: () => "'{}'" }) included: JsonObject;
  @Column({ name: 'excluded_count', type: 'integer', default: 0 }) excludedCount: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) excluded: ExcludedItem[];
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
