import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';
import { JobEntity } from 'src/jobs/entities/job.entity';

export const IMPORT_ENTITY_TYPES = ['people', 'incidents', 'perpetrators'] as const;
export type ImportEntityType = (typeof IMPORT_ENTITY_TYPES)[number];
export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * One bulk import of a file. The file sits sealed in the store; its job (jobs row) carries the
 * status and progress; the counters here are committed with each batch, so a retried job
 * resumes after `rows_processed` and counts every row exactly once.
 */
@Entity('imports')
@Index('imports_case_created_idx', ['caseId', 'createdAt'])
export class ImportEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @ManyToOne(() => CaseEntity) @JoinColumn({ name: 'case_id' }) case?: CaseEntity;
  @Index('imports_job_idx')
  @Column({ name: 'job_id', type: 'uuid' }) jobId: string;
  @ManyToOne(() => JobEntity) @JoinColumn({ name: 'job_id' }) job?: JobEntity;
  @Column({ name: 'entity_type', type: 'text' }) entityType: ImportEntityType;
  @Column({ type: 'text' }) format: ImportFormat;
  @Column({ name: 'dry_run', type: 'boolean' }) dryRun: boolean;
  @Column({ type: 'text' }) sha256: string;
  @Column({ name: 'size_bytes', type: 'bigint' }) sizeBytes: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  /** Data rows read so far (the last one committed; resume point). */
  @Column({ name: 'rows_processed', type: 'integer', default: 0 }) rowsProcessed: number;
  @Column({ name: 'rows_created', type: 'integer', default: 0 }) rowsCreated: number;
  /** Rows whose external_id was imported before: left as they are. */
  @Column({ name: 'rows_skipped', type: 'integer', default: 0 }) rowsSkipped: number;
  /** Rows refused, each with at least one entry in import_row_errors. */
  @Column({ name: 'rows_failed', type: 'integer', default: 0 }) rowsFailed: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}

/** One problem of one row: row number, field, what is wrong. Never the value itself. */
@Entity('import_row_errors')
@Index('import_row_errors_import_row_idx', ['importId', 'row'])
export class ImportRowErrorEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column({ name: 'import_id', type: 'uuid' }) importId: string;
  @ManyToOne(() => ImportEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'import_id' }) import?: ImportEntity;
  /** 1-based data row (the header is not counted); 0 for a problem of the file as a whole. */
  @Column({ type: 'integer' }) row: number;
  @Column({ type: 'text' }) field: string;
  @Column({ type: 'text' }) message: string;
}

/**
 * Stable external ids: (case, entity type, external id) → the record an import created for it.
 * Makes re-running an import idempotent, and lets rows refer to records of earlier imports.
 * The external id itself is never stored: `external_key` is its HMAC-SHA-256 under a key
 * derived from the case's data key (a spreadsheet's id column may hold a name).
 */
@Entity('external_refs')
@Index('external_refs_entity_idx', ['entityId'])
export class ExternalRefEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ name: 'entity_type', type: 'text' }) entityType: ImportEntityType;
  @PrimaryColumn({ name: 'external_key', type: 'text' }) externalKey: string;
  @Column({ name: 'entity_id', type: 'uuid' }) entityId: string;
  @Column({ name: 'import_id', type: 'uuid', nullable: true }) importId: string | null;
  @Column({ name: 'source_row', type: 'integer', nullable: true }) sourceRow: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
