import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { StatisticsController } from 'src/victims/statistics.controller';
import { StatisticsService } from 'src/victims/statistics.service';
import { VictimsController } from 'src/victims/victims.controller';
import { VictimsService } from 'src/victims/victims.service';

@Module({
  imports: [AuditModule, CasesModule],
  controllers: [VictimsController, StatisticsController],
  providers: [VictimsService, StatisticsService],
})
export class VictimsModule {}
