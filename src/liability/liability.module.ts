import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { LiabilityController } from 'src/liability/liability.controller';
import { LiabilityService } from 'src/liability/liability.service';

@Module({
  imports: [AuditModule, CasesModule],
  controllers: [LiabilityController],
  providers: [LiabilityService],
  exports: [LiabilityService],
})
export class LiabilityModule {}
