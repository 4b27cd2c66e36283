import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import type { JsonObject } from 'src/common/json';
import { JobEnvelope } from 'src/jobs/job-definitions';
import { JobRunner } from 'src/jobs/job-runner.service';

/** Thin: hands each job of the `system` queue to the runner with its handler. */
@Processor('system')
export class SystemProcessor extends WorkerHost {
  constructor(private readonly runner: JobRunner) {
    super();
  }

  async process(job: Job<JobEnvelope>): Promise<JsonObject> {
    switch (job.data.name) {
      case 'system.echo':
        return this.runner.run(job as Job<JobEnvelope<'system.echo'>>, async (data, ctx) => {
          await ctx.reportProgress(50);
          return { echo: data.message, processedAt: new Date().toISOString() };
        });
      default:
        throw new UnrecoverableError(`unknown job ${String(job.data.name)}`);
    }
  }
}
