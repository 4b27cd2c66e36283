import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { CasesController } from 'src/cases/cases.controller';
import { CasesService } from 'src/cases/cases.service';

@Module({
  imports: [AuditModule],
  controllers: [CasesController],
  providers: [CasesService, CaseAccessService, CaseKeysService],
  exports: [CaseAccessService, CaseKeysService],
})
export class CasesModule {}
