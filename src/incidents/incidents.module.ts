import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { IncidentMapController } from 'src/incidents/incident-map.controller';
import { IncidentMapService } from 'src/incidents/incident-map.service';
import { IncidentsController, VocabulariesController } from 'src/incidents/incidents.controller';
import { IncidentsService } from 'src/incidents/incidents.service';

@Module({ imports: [AuditModule, CasesModule], controllers: [IncidentsController, VocabulariesController, IncidentMapController], providers: [IncidentsService, IncidentMapService], exports: [IncidentsService] })
export class IncidentsModule {}
