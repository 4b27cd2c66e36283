import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { CasesModule } from 'src/cases/cases.module';
import { EvidenceLinksController } from 'src/evidence/evidence-links.controller';
import { EvidenceLinksService } from 'src/evidence/evidence-links.service';
import { EvidenceController } from 'src/evidence/evidence.controller';
import { EvidenceItemsService } from 'src/evidence/evidence-items.service';
import { MatrixController } from 'src/evidence/matrix.controller';
import { MatrixService } from 'src/evidence/matrix.service';
import { LegalModule } from 'src/legal/legal.module';
import { LiabilityModule } from 'src/liability/liability.module';
import { PassageEvidenceService } from 'src/evidence/passage-evidence.service';
import { ReaderController } from 'src/evidence/reader.controller';
import { ReaderService } from 'src/evidence/reader.service';

@Module({
  imports: [AuditModule, CasesModule, LegalModule, LiabilityModule],
  controllers: [EvidenceController, EvidenceLinksController, MatrixController, ReaderController],
  providers: [EvidenceItemsService, EvidenceLinksService, MatrixService, ReaderService, PassageEvidenceService],
  exports: [MatrixService, EvidenceItemsService],
})
export class EvidenceModule {}
