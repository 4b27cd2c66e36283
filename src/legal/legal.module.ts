import { Module } from '@nestjs/common';
import { AuditModule } from 'src/audit/audit.module';
import { LegalController } from 'src/legal/legal.controller';
import { LegalService } from 'src/legal/legal.service';

@Module({ imports: [AuditModule], controllers: [LegalController], providers: [LegalService], exports: [LegalService] })
export class LegalModule {}
