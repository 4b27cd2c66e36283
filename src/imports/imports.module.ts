import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { ImportFilesService } from 'src/imports/import-files.service';
import { ImportRunner } from 'src/imports/import-runner.service';
import { ImportsController } from 'src/imports/imports.controller';
import { ImportsProcessor } from 'src/imports/imports.processor';
import { ImportsService } from 'src/imports/imports.service';
import { JobRunner } from 'src/jobs/job-runner.service';
import { JobsModule } from 'src/jobs/jobs.module';
import { RedactionModule } from 'src/redaction/redaction.module';

/** The api's side of imports: upload, queue, status and report. */
@Module({ imports: [AuditModule, CasesModule, JobsModule], controllers: [ImportsController], providers: [ImportsService, ImportFilesService] })
export class ImportsModule {}

/** The worker's side: the `import` queue's processor. No controllers. */
@Module({
  // RedactionModule: people imported with identities make existing redactions stale.
  imports: [AuditModule, CasesModule, RedactionModule, BullModule.registerQueue({ name: 'import' })],
  providers: [JobRunner, ImportsProcessor, ImportRunner, ImportFilesService],
})
export class ImportsWorkerModule {}
