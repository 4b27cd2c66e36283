import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditVerification } from 'src/audit/audit.service';

export class ChainBreakDto {
  @ApiProperty({ example: '42' }) seq: string;
  @ApiProperty({ enum: ['sequence_gap', 'prev_hash_mismatch', 'hash_mismatch'] }) reason: string;
  @ApiProperty() message: string;
}

export class AuditVerificationDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Entries verified before the first break (or all of them)' }) entriesChecked: number;
  @ApiPropertyOptional({ nullable: true, type: String }) lastValidSeq: string | null;
  @ApiPropertyOptional({ nullable: true, type: ChainBreakDto }) firstBroken: ChainBreakDto | null;
}

export function mapAuditVerification(v: AuditVerification): AuditVerificationDto {
  return { ok: v.ok, entriesChecked: v.entriesChecked, lastValidSeq: v.lastSeq, firstBroken: v.firstBroken };
}
