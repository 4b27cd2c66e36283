import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, UnrecoverableError } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { describeForLog } from 'src/common/errors/all-exceptions.filter';
import type { JsonObject } from 'src/common/json';
import { ROOT_LOGGER } from 'src/common/logging/logger';
import { requestContext } from 'src/common/logging/request-context';
import { JobEnvelope, JobName, JobPayloads } from 'src/jobs/job-definitions';
import { JobEntity } from 'src/jobs/entities/job.entity';

export interface JobContext {
  jobId: string;
  actorId: string | null;
  reportProgress(percent: number): Promise<void>;
}

export type JobHandler<N extends JobName> = (data: JobPayloads[N], ctx: JobContext) => Promise<JsonObject>;

/**
 * Runs one BullMQ job against its durable row: marks it active, calls the handler, stores the
 * result, and keeps the row's status true through retries and final failure. A job whose row
 * is already completed is not run again, so a redelivered job takes effect once.
 */
@Injectable()
export class JobRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  run<N extends JobName>(job: Job<JobEnvelope<N>>, handler: JobHandler<N>): Promise<JsonObject> {
    const envelope = job.data;
    return requestContext.run({ correlationId: envelope.correlationId ?? envelope.jobId }, () => this.execute(job, handler));
  }

  private async execute<N extends JobName>(job: Job<JobEnvelope<N>>, handler: JobHandler<N>): Promise<JsonObject> {
    const { jobId, actorId, data } = job.data;
    const repo = this.dataSource.getRepository(JobEntity);
    // The api enqueues inside the transaction that stores the row, so a fast worker can get
    // here a moment before that commit is visible: look again briefly before retrying.
    let row = await repo.findOne({ where: { id: jobId } });
    for (let i = 0; !row && i < 40; i++) {
      await sleep(50);
      row = await repo.findOne({ where: { id: jobId } });
    }
    const maxAttempts = job.opts.attempts ?? 1;
    if (!row) {
      // The api commits the row just after enqueueing; give it a moment before giving up.
      if (job.attemptsMade + 1 < maxAttempts) throw new Error('job row not visible yet');
      throw new UnrecoverableError('job row does not exist');
    }
    if (row.status === 'completed') return row.result ?? {};
    const current = row;

    await repo.update({ id: jobId }, { status: 'active', attempts: job.attemptsMade + 1, error: null });
    this.logger.info({ jobId, name: job.name, attempt: job.attemptsMade + 1 }, 'job started');
    const ctx: JobContext = {
      jobId,
      actorId,
      reportProgress: async (percent) => {
        const value = Math.max(0, Math.min(100, Math.round(percent)));
        await Promise.all([job.updateProgress(value), repo.update({ id: jobId }, { progress: value })]);
      },
    };
    try {
      const result = await handler(data, ctx);
      await this.dataSource.transaction(async (manager) => {
        await manager.save(Object.assign(current, { status: 'completed', progress: 100, attempts: job.attemptsMade + 1, result, error: null, finishedAt: new Date() }));
        await this.audit.record(manager, { actorId, action: 'job.complete', subjectType: 'job', subjectId: jobId, caseId: current.caseId, details: { name: current.name } });
      });
      this.logger.info({ jobId, name: job.name }, 'job completed');
      return result;
    } catch (error) {
      const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= maxAttempts;
      // The reason is stored and shown on the job: a database error's message can quote input, so
      // it is reduced to its SQLSTATE (the same rule as the error log).
      const described = describeForLog(error);
      const reason = typeof described === 'string' ? 'unknown failure' : described.sqlState ? `database error ${String(described.sqlState)}` : String(described.message);
      await repo.update({ id: jobId }, { status: final ? 'failed' : 'queued', error: reason, finishedAt: final ? new Date() : null });
      this.logger.warn({ jobId, name: job.name, final, reason }, 'job attempt failed');
      throw error;
    }
  }
}
