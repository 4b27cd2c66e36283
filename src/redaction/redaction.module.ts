import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { JobsModule } from 'src/jobs/jobs.module';
import { RedactionInputsService } from 'src/redaction/redaction-inputs.service';
import { RedactionsController } from 'src/redaction/redactions.controller';
import { RedactionsService } from 'src/redaction/redactions.service';

/** The api's side of redaction: requests, review, terms, profiles, staleness. */
@Module({
  imports: [AuditModule, CasesModule, JobsModule],
  controllers: [RedactionsController],
  providers: [RedactionsService, RedactionInputsService],
  exports: [RedactionsService],
})
export class RedactionModule {}
