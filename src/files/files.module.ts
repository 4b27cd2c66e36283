import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { FilesController } from 'src/files/files.controller';
import { FilesService } from 'src/files/files.service';

@Module({ imports: [AuditModule, CasesModule], controllers: [FilesController], providers: [FilesService], exports: [FilesService] })
export class FilesModule {}
