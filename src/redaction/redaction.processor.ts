import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import type { JsonObject } from 'src/common/json';
import { jobLockMsFrom } from 'src/config/config';
import { JobEnvelope } from 'src/jobs/job-definitions';
import { JobRunner } from 'src/jobs/job-runner.service';
import { RedactionRunner } from 'src/redaction/redaction-runner.service';

// Worker options are fixed when the class is declared; the whole config is validated at boot.
const jobLockMs = jobLockMsFrom();

/** Thin: each job of the `redaction` queue goes to the runner with the redaction handler. */
@Processor('redaction', { lockDuration: jobLockMs, stalledInterval: Math.max(1000, Math.floor(jobLockMs / 2)), maxStalledCount: 2 })
export class RedactionProcessor extends WorkerHost {
  constructor(
    private readonly jobs: JobRunner,
    private readonly redactions: RedactionRunner,
  ) {
    super();
  }

  async process(job: Job<JobEnvelope>): Promise<JsonObject> {
    if (job.data.name !== 'redaction.run') throw new UnrecoverableError(`unknown job ${String(job.data.name)}`);
    return this.jobs.run(job as Job<JobEnvelope<'redaction.run'>>, (data, ctx) => this.redactions.run(data, ctx));
  }
}
