import { Module } from '@nestjs/common';
import { AuditSequencer } from 'src/audit/audit-sequencer.service';
import { AuditService } from 'src/audit/audit.service';

@Module({ providers: [AuditSequencer, AuditService], exports: [AuditService] })
export class AuditModule {}
