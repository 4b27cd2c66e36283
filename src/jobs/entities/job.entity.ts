import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { JsonObject } from 'src/common/json';

export const JOB_STATUSES = ['queued', 'active', 'completed', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * The durable record of a queued job. PostgreSQL is the source of truth: Redis holds only queue
 * state, so a job can be re-enqueued from this row if Redis is lost.
 */
@Entity('jobs')
@Index('jobs_case_idx', ['caseId', 'createdAt'])
export class JobEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) queue: string;
  @Column({ type: 'text' }) name: string;
  @Index('jobs_status_idx')
  @Column({ type: 'text' }) status: JobStatus;
  @Column({ type: 'integer', default: 0 }) progress: number;
  @Column({ type: 'jsonb' }) payload: JsonObject;
  @Column({ type: 'jsonb', nullable: true }) result: JsonObject | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
