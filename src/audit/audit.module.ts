import { Module } from '@nestjs/common';
import { AuditService } from 'src/audit/audit.service';

@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
