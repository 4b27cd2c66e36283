import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditVerification } from 'src/audit/audit.service';

export class ChainBreakDto {
  @ApiProperty({ example: '42' }) seq: string;
  @ApiProperty({ enum: ['sequence_gap', 'prev_hash_mismatch', 'hash_mismatch', 'head_signature_invalid', 'head_mismatch', 'unlinked_too_long'] }) reason: string;
  @ApiProperty() message: string;
}

export class AuditVerificationDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Entries verified before the first break (or all of them)' }) entriesChecked: number;
  @ApiPropertyOptional({ nullable: true, type: String }) lastValidSeq: string | null;
  @ApiPropertyOptional({ nullable: true, type: ChainBreakDto }) firstBroken: ChainBreakDto | null;
  @ApiProperty({ description: 'Signed chain heads checked (signature and the hash at their position)' }) headsChecked: number;
  @ApiProperty({ description: 'Committed entries not yet linked (written while the check ran)' }) pending: number;
  @ApiProperty({ description: 'Hex SHA-256 of the public key that signs chain heads' }) headKeyFingerprint: string;
}

export function mapAuditVerification(v: AuditVerification): AuditVerificationDto {
  return { ok: v.ok, entriesChecked: v.entriesChecked, lastValidSeq: v.lastSeq, firstBroken: v.firstBroken, headsChecked: v.headsChecked, pending: v.pending, headKeyFingerprint: v.headKeyFingerprint };
}
