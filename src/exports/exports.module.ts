import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { DisclosuresController } from 'src/exports/disclosures.controller';
import { DisclosuresService } from 'src/exports/disclosures.service';
import { ExportsController } from 'src/exports/exports.controller';
import { ExportsService } from 'src/exports/exports.service';
import { SigningKeysService } from 'src/exports/signing-keys.service';
import { JobsModule } from 'src/jobs/jobs.module';
import { RedactionInputsService } from 'src/redaction/redaction-inputs.service';

/** The api's side of case-file exports: requests, status, download, the signing key. */
@Module({
  imports: [AuditModule, CasesModule, JobsModule],
  controllers: [ExportsController, DisclosuresController],
  providers: [ExportsService, SigningKeysService, RedactionInputsService, DisclosuresService],
})
export class ExportsModule {}

