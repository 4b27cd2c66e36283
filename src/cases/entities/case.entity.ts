import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const CASE_STATUSES = ['active', 'archived'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** An investigation. Everything else belongs to exactly one case. */
@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Index('cases_status_idx')
  @Column({ type: 'text' }) status: CaseStatus;
  /** The case's AES-256 data key, wrapped by SILLOK_MASTER_KEY. Never leaves the server. */
  @Column({ name: 'wrapped_data_key', type: 'bytea' }) wrappedDataKey: Buffer;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @VersionColumn() version: number;
}
