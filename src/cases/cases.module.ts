import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { CasesController } from 'src/cases/cases.controller';
import { CasesService } from 'src/cases/cases.service';
import { MemberCandidatesController } from 'src/cases/member-candidates.controller';
import { MemberCandidatesService } from 'src/cases/member-candidates.service';

@Module({
  imports: [AuditModule],
  controllers: [CasesController, MemberCandidatesController],
  providers: [CasesService, CaseAccessService, CaseKeysService, MemberCandidatesService],
  exports: [CaseAccessService, CaseKeysService],
})
export class CasesModule {}
