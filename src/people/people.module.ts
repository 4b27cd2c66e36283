import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { PeopleController } from 'src/people/people.controller';
import { PeopleService } from 'src/people/people.service';
import { RedactionModule } from 'src/redaction/redaction.module';

@Module({ imports: [AuditModule, CasesModule, RedactionModule], controllers: [PeopleController], providers: [PeopleService], exports: [PeopleService] })
export class PeopleModule {}
