import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import type { JsonObject } from 'src/common/json';
import { NotFoundDomainException } from 'src/common/errors/domain.exception';
import { currentCorrelationId } from 'src/common/logging/request-context';
import { JOB_QUEUE, JobName, JobPayloads } from 'src/jobs/job-definitions';
import { JobEntity } from 'src/jobs/entities/job.entity';
import { QueueGateway } from 'src/jobs/queue.gateway';

@Injectable()
export class JobsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueGateway,
    private readonly audit: AuditService,
  ) {}

  /**
   * Stores the job row and enqueues it in one transaction: if Redis refuses, the row rolls back
   * and the caller gets 503 with nothing half-written. The worker retries a job whose row it
   * cannot see yet (the transaction commits a moment after the enqueue).
   */
  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], actor: Pick<AuthenticatedUser, 'id'>, caseId: string | null = null, manager?: EntityManager): Promise<JobEntity> {
    const run = async (tx: EntityManager): Promise<JobEntity> => {
      const job = tx.create(JobEntity, {
        id: randomUUID(),
        queue: JOB_QUEUE[name],
        name,
        status: 'queued',
        progress: 0,
        payload: data as unknown as JsonObject,
        result: null,
        error: null,
        attempts: 0,
        caseId,
        createdBy: actor.id,
        finishedAt: null,
      });
      await tx.save(job);
      await this.audit.record(tx, { actorId: actor.id, action: 'job.enqueue', subjectType: 'job', subjectId: job.id, caseId, details: { name } });
      await this.queues.enqueue(job.queue as (typeof JOB_QUEUE)[N], { jobId: job.id, name, actorId: actor.id, correlationId: currentCorrelationId() ?? null, data });
      return job;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** A job is visible to whoever started it and to admins; case jobs will add case members. */
  async get(id: string, actor: AuthenticatedUser): Promise<JobEntity> {
    const job = await this.dataSource.getRepository(JobEntity).findOne({ where: { id } });
    if (!job || (job.createdBy !== actor.id && actor.role !== 'admin')) throw new NotFoundDomainException('Job');
    return job;
  }
}
