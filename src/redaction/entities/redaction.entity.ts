import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { JsonObject } from 'src/common/json';

/**
 * proposed → approved, or → returned (sent back with a comment; approvable again, e.g. by a
 * cleared reviewer who edits the spans); any of them → stale when the case's dictionary changes.
 */
export const REDACTION_STATUSES = ['proposed', 'approved', 'returned', 'stale'] as const;
export type RedactionStatus = (typeof REDACTION_STATUSES)[number];

/**
 * The redacted text of one transcript version under one profile and one dictionary version.
 * The text is de-identified by construction and stored as is; the span log holds offsets,
 * categories, rules and pseudonym codes, never the words that were removed.
 */
@Entity('redactions')
@Index('redactions_idempotency_unique', ['transcriptVersionId', 'configKey'], { unique: true })
@Index('redactions_case_testimony_idx', ['caseId', 'testimonyId'])
export class RedactionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'testimony_id', type: 'uuid' }) testimonyId: string;
  @Column({ name: 'transcript_id', type: 'uuid' }) transcriptId: string;
  @Column({ name: 'transcript_version_id', type: 'uuid' }) transcriptVersionId: string;
  /** SHA-256 of the original text this was made from (transcript_versions.text_sha256). */
  @Column({ name: 'source_sha256', type: 'text' }) sourceSha256: string;
  @Column({ type: 'text' }) profile: string;
  @Column({ name: 'dictionary_version', type: 'text' }) dictionaryVersion: string;
  @Column({ name: 'engine_version', type: 'text' }) engineVersion: string;
  /** Hash of engine, profile and dictionary: the same key always yields the same text. */
  @Column({ name: 'config_key', type: 'text' }) configKey: string;
  @Index('redactions_status_idx')
  @Column({ type: 'text' }) status: RedactionStatus;
  @Column({ name: 'redacted_text', type: 'text' }) redactedText: string;
  @Column({ name: 'redacted_sha256', type: 'text' }) redactedSha256: string;
  @Column({ type: 'jsonb' }) spans: JsonObject[];
  @Column({ name: 'job_id', type: 'uuid', nullable: true }) jobId: string | null;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  /** What the reviewer added or removed (offsets and categories only). */
  @Column({ name: 'review_changes', type: 'jsonb', nullable: true }) reviewChanges: JsonObject | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
