import { Column, JoinColumn, ManyToOne, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';
import { CaseEntity } from 'src/cases/entities/case.entity';

export const FILE_KINDS = ['audio', 'video', 'document', 'image', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/**
 * An uploaded file. The bytes sit encrypted in the content-addressed store under
 * `<case>/<sha256>`; `sha256` is of the original bytes, computed while they streamed in, and
 * the stored original is never modified.
 */
@Entity('files')
@Index('files_case_sha_idx', ['caseId', 'sha256'])
export class FileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  @Index('files_testimony_idx')
  @Column({ name: 'testimony_id', type: 'uuid', nullable: true }) testimonyId: string | null;
  @ManyToOne(() => TestimonyEntity) @JoinColumn({ name: 'testimony_id' }) testimony?: TestimonyEntity | null;
  @Column({ type: 'text' }) kind: FileKind;
  @Column({ name: 'media_type', type: 'text' }) mediaType: string;
  @Column({ name: 'size_bytes', type: 'bigint' }) sizeBytes: string;
  @Column({ type: 'text' }) sha256: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  /** The original file name can identify someone: sealed. */
  @Column({ name: 'name_sealed', type: 'bytea', nullable: true, select: false }) nameSealed: Buffer | null;
  @Column({ name: 'uploaded_by', type: 'uuid' }) uploadedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
