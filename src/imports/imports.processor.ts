import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import type { JsonObject } from 'src/common/json';
import { ImportRunner } from 'src/imports/import-runner.service';
import { JobEnvelope } from 'src/jobs/job-definitions';
import { JobRunner } from 'src/jobs/job-runner.service';

/** Thin: hands each job of the `import` queue to the runner with the import handler. */
@Processor('import')
export class ImportsProcessor extends WorkerHost {
  constructor(
    private readonly runner: JobRunner,
    private readonly imports: ImportRunner,
  ) {
    super();
  }

  async process(job: Job<JobEnvelope>): Promise<JsonObject> {
    switch (job.data.name) {
      case 'import.run':
        return this.runner.run(job as Job<JobEnvelope<'import.run'>>, (data, ctx) => this.imports.run(data.importId, ctx));
      default:
        throw new UnrecoverableError(`unknown job ${String(job.data.name)}`);
    }
  }
}
