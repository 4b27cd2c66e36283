import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';
import type { DatePrecision } from 'src/common/dates/dated-value';
import type { Locator, MediaExtent } from 'src/evidence/locator';
import { FileEntity } from 'src/files/entities/file.entity';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';
import { TranscriptVersionEntity } from 'src/testimonies/entities/transcript.entity';

export const EVIDENCE_KINDS = ['transcript_passage', 'document', 'image', 'audio', 'video', 'open_source_capture', 'expert_report', 'physical_item'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
/** Kinds whose content is an uploaded file. */
export const FILE_EVIDENCE_KINDS: readonly EvidenceKind[] = ['document', 'image', 'audio', 'video', 'open_source_capture', 'expert_report'];

/**
 * A piece of evidence in a case: a passage of a transcript version (UTF-16 offsets, like
 * transcript lengths), an uploaded file, or the record of a physical item. The evidentiary
 * original is never changed: what it points at (file, passage, SHA-256, source key) is fixed at
 * intake; a working copy is a separate item that names the item it was made from.
 */
@Entity('evidence_items')
@Index('evidence_items_case_code_unique', ['caseId', 'code'], { unique: true })
@Index('evidence_items_case_kind_idx', ['caseId', 'kind'])
@Check('evidence_items_passage_shape', `("kind" = 'transcript_passage') = ("transcript_version_id" IS NOT NULL) AND ("transcript_version_id" IS NULL OR (0 <= "passage_start" AND "passage_start" < "passage_end"))`)
export class EvidenceItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  /** E-0001, E-0002 … per case. */
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) kind: EvidenceKind;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Index('evidence_items_file_idx')
  @Column({ name: 'file_id', type: 'uuid', nullable: true }) fileId: string | null;
  @ManyToOne(() => FileEntity) @JoinColumn({ name: 'file_id' }) file?: FileEntity | null;
  @Index('evidence_items_transcript_version_idx')
  @Column({ name: 'transcript_version_id', type: 'uuid', nullable: true }) transcriptVersionId: string | null;
  @ManyToOne(() => TranscriptVersionEntity) @JoinColumn({ name: 'transcript_version_id' }) transcriptVersion?: TranscriptVersionEntity | null;
  @Column({ name: 'passage_start', type: 'integer', nullable: true }) passageStart: number | null;
  @Column({ name: 'passage_end', type: 'integer', nullable: true }) passageEnd: number | null;
  /**
   * A new version of the passage's transcript changed its words, so it still points into the
   * superseded version (which no export carries): a person must choose the passage again.
   * Passages whose words are unchanged are moved to the new version instead.
   */
  @Column({ name: 'needs_reanchoring', type: 'boolean', default: false }) needsReanchoring: boolean;
  /**
   * A passage chosen on de-identified text: the approved redaction it was selected in, its
   * offsets there (widened to whole tokens) and its quote as redacted. The original offsets above
   * are mapped from them through the span log. Null for passages chosen on the original.
   */
  @Column({ name: 'redaction_id', type: 'uuid', nullable: true }) redactionId: string | null;
  @Column({ name: 'redacted_start', type: 'integer', nullable: true }) redactedStart: number | null;
  @Column({ name: 'redacted_end', type: 'integer', nullable: true }) redactedEnd: number | null;
  @Column({ name: 'redacted_quote', type: 'text', nullable: true }) redactedQuote: string | null;
  /** Where in the file the item points (page range, time range, image region); fixed at intake. Null: the whole file. */
  @Column({ type: 'jsonb', nullable: true }) locator: Locator | null;
  /** What the file holds, as given at intake (page count, duration), for checking locators. */
  @Column({ name: 'media_extent', type: 'jsonb', nullable: true }) mediaExtent: MediaExtent | null;
  /** The testimony a passage (or a testimony's file) comes from. */
  @Index('evidence_items_testimony_idx')
  @Column({ name: 'testimony_id', type: 'uuid', nullable: true }) testimonyId: string | null;
  @ManyToOne(() => TestimonyEntity) @JoinColumn({ name: 'testimony_id' }) testimony?: TestimonyEntity | null;
  /** SHA-256 fixed at intake: of the file's original bytes, or of the passage's UTF-8 text. */
  @Column({ type: 'text', nullable: true }) sha256: string | null;
  @Index('evidence_items_derived_from_idx')
  @Column({ name: 'derived_from_id', type: 'uuid', nullable: true }) derivedFromId: string | null;
  @ManyToOne(() => EvidenceItemEntity) @JoinColumn({ name: 'derived_from_id' }) derivedFrom?: EvidenceItemEntity | null;
  /** How a working copy was made (cropped, enhanced, transcoded …). */
  @Column({ type: 'text', nullable: true }) derivation: string | null;
  /**
   * What counts as one independent source in the case matrix: `testimony:<id>` for passages and
   * a testimony's files, `file:<sha256>` for other files, `item:<id>` for physical items; a
   * working copy inherits its original's key.
   */
  @Column({ name: 'source_key', type: 'text' }) sourceKey: string;
  @Column({ name: 'provenance_source', type: 'text', nullable: true }) provenanceSource: string | null;
  @Column({ name: 'source_url', type: 'text', nullable: true }) sourceUrl: string | null;
  @Column({ name: 'collected_by', type: 'text', nullable: true }) collectedBy: string | null;
  @Column({ name: 'collected_on', type: 'text', nullable: true }) collectedOn: string | null;
  @Column({ name: 'collected_on_precision', type: 'text', default: 'unknown' }) collectedOnPrecision: DatePrecision;
  @Column({ name: 'collection_method', type: 'text', nullable: true }) collectionMethod: string | null;
  @Column({ name: 'physical_location', type: 'text', nullable: true }) physicalLocation: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
