import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';

export const TRANSCRIPT_KINDS = ['original', 'translation'] as const;
export type TranscriptKind = (typeof TRANSCRIPT_KINDS)[number];

/** One transcript of a testimony: the original, or a translation into one language. */
@Entity('transcripts')
@Index('transcripts_testimony_language_unique', ['testimonyId', 'kind', 'language'], { unique: true })
@Index('transcripts_one_original', ['testimonyId'], { unique: true, where: "kind = 'original'" })
export class TranscriptEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'testimony_id', type: 'uuid' }) testimonyId: string;
  @ManyToOne(() => TestimonyEntity) @JoinColumn({ name: 'testimony_id' }) testimony?: TestimonyEntity;
  @Column({ type: 'text' }) kind: TranscriptKind;
  /** BCP 47 tag: ko, en, zh, … */
  @Column({ type: 'text' }) language: string;
  @Column({ name: 'latest_version', type: 'integer' }) latestVersion: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/**
 * An immutable version of a transcript's text. The text is sealed under the case key; its
 * length and SHA-256 stay readable so passages can be validated and integrity checked.
 */
@Entity('transcript_versions')
@Index('transcript_versions_unique', ['transcriptId', 'version'], { unique: true })
export class TranscriptVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'transcript_id', type: 'uuid' }) transcriptId: string;
  @ManyToOne(() => TranscriptEntity) @JoinColumn({ name: 'transcript_id' }) transcript?: TranscriptEntity;
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'text_sealed', type: 'bytea', select: false }) textSealed: Buffer;
  /** Length in UTF-16 code units, the unit of passage offsets. */
  @Column({ name: 'text_length', type: 'integer' }) textLength: number;
  @Column({ name: 'text_sha256', type: 'text' }) textSha256: string;
  /** For a translation: the version of the original it translates. */
  @Column({ name: 'translates_version_id', type: 'uuid', nullable: true }) translatesVersionId: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
