import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource, In } from 'typeorm';
import type { JsonObject } from 'src/common/json';
import { jobLockMsFrom } from 'src/config/config';
import { ExportBuilder } from 'src/exports/export-builder.service';
import { ExportEntity } from 'src/exports/entities/export.entity';
import { JobEnvelope } from 'src/jobs/job-definitions';
import { JobRunner } from 'src/jobs/job-runner.service';

const jobLockMs = jobLockMsFrom();

/** Thin: each job of the `export` queue goes to the runner with the export builder; a final failure marks the export failed. */
@Processor('export', { lockDuration: jobLockMs, stalledInterval: Math.max(1000, Math.floor(jobLockMs / 2)), maxStalledCount: 2 })
export class ExportProcessor extends WorkerHost {
  constructor(
    private readonly jobs: JobRunner,
    private readonly builder: ExportBuilder,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async process(job: Job<JobEnvelope>): Promise<JsonObject> {
    if (job.data.name !== 'export.build') throw new UnrecoverableError(`unknown job ${String(job.data.name)}`);
    const typed = job as Job<JobEnvelope<'export.build'>>;
    try {
      return await this.jobs.run(typed, (data, ctx) => this.builder.run(data, ctx));
    } catch (error) {
      const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const reason = error instanceof Error ? error.message : String(error);
      await this.dataSource.getRepository(ExportEntity).update({ id: typed.data.data.exportId, status: In(['queued', 'building']) }, { status: final ? 'failed' : 'queued', error: reason.slice(0, 500), finishedAt: final ? new Date() : null });
      throw error;
    }
  }
}
