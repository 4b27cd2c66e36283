import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { IncidentsModule } from 'src/incidents/incidents.module';
import { PerpetratorsController } from 'src/perpetrators/perpetrators.controller';
import { PerpetratorsService } from 'src/perpetrators/perpetrators.service';

@Module({ imports: [AuditModule, CasesModule, IncidentsModule], controllers: [PerpetratorsController], providers: [PerpetratorsService], exports: [PerpetratorsService] })
export class PerpetratorsModule {}
