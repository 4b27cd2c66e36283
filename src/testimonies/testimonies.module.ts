import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { EvidenceModule } from 'src/evidence/evidence.module';
import { IncidentsModule } from 'src/incidents/incidents.module';
import { RedactionModule } from 'src/redaction/redaction.module';
import { ConsentsService } from 'src/testimonies/consents.service';
import { TestimoniesController } from 'src/testimonies/testimonies.controller';
import { TestimoniesService } from 'src/testimonies/testimonies.service';
import { TranscriptsService } from 'src/testimonies/transcripts.service';

@Module({
  imports: [AuditModule, CasesModule, EvidenceModule, IncidentsModule, RedactionModule],
  controllers: [TestimoniesController],
  providers: [TestimoniesService, TranscriptsService, ConsentsService],
  exports: [TestimoniesService, TranscriptsService, ConsentsService],
})
export class TestimoniesModule {}
