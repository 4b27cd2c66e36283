import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { memberMay } from 'src/cases/case-permissions';
import { page, type Page } from 'src/common/http/pagination';
import type { ListCaseJobsQueryDto } from 'src/jobs/dto/job.dto';
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
    private readonly access: CaseAccessService,
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

  /** A job is visible to whoever started it, to admins, and to the leads of its case. */
  async get(id: string, actor: AuthenticatedUser): Promise<JobEntity> {
    const job = await this.dataSource.getRepository(JobEntity).findOne({ where: { id } });
    if (!job) throw new NotFoundDomainException('Job');
    if (job.createdBy === actor.id || actor.role === 'admin') return job;
    const member = job.caseId ? await this.access.membership(job.caseId, actor) : null;
    if (!member || !memberMay(member, 'manage')) throw new NotFoundDomainException('Job');
    return job;
  }

  /**
   * A case's jobs, newest first, so progress survives a page reload: members see the jobs they
   * started, leads every job of the case.
   */
  async listForCase(caseId: string, query: ListCaseJobsQueryDto, actor: AuthenticatedUser): Promise<Page<JobEntity>> {
    const member = await this.access.require(caseId, actor, 'read');
    const qb = this.dataSource.getRepository(JobEntity).createQueryBuilder('j').where('j.case_id = :caseId', { caseId });
    if (!memberMay(member, 'manage')) qb.andWhere('j.created_by = :actor', { actor: actor.id });
    if (query.status) qb.andWhere('j.status = :status', { status: query.status });
    if (query.queue) qb.andWhere('j.queue = :queue', { queue: query.queue });
    const [items, total] = await qb.orderBy('j.created_at', 'DESC').addOrderBy('j.id', 'ASC').take(query.limit).skip(query.offset).getManyAndCount();
    return page(items, total, query);
  }
}
