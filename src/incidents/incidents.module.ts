import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { IncidentsController, VocabulariesController } from 'src/incidents/incidents.controller';
import { IncidentsService } from 'src/incidents/incidents.service';

@Module({ imports: [AuditModule, CasesModule], controllers: [IncidentsController, VocabulariesController], providers: [IncidentsService], exports: [IncidentsService] })
export class IncidentsModule {}
