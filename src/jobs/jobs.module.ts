import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { JobsController } from 'src/jobs/jobs.controller';
import { JobsService } from 'src/jobs/jobs.service';
import { QueueGateway } from 'src/jobs/queue.gateway';

/** The api's side of jobs: durable rows, enqueueing, status. */
@Module({ imports: [AuditModule, CasesModule], controllers: [JobsController], providers: [QueueGateway, JobsService], exports: [QueueGateway, JobsService] })
export class JobsModule {}
