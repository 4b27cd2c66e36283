import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import type { AuditHighlight } from 'src/audit/audit-highlight';
import type { AuditListRow } from 'src/audit/audit.service';
import { PageMetaDto, PageQueryDto } from 'src/common/http/pagination';

const HIGHLIGHTS = ['identity_read', 'download'] as const;

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only entries by this user' })
  @IsOptional() @IsUUID('all', { message: 'actorId must be a user id (uuid)' })
  actorId?: string;

  @ApiPropertyOptional({ example: 'person.', description: 'Only actions starting with this (e.g. "person." or "file.download")' })
  @IsOptional() @MaxLength(100, { message: 'action must be at most 100 characters' }) @Matches(/^[a-z0-9_.]+$/, { message: 'action must be lower-case letters, digits, "_" and "."' })
  action?: string;

  @ApiPropertyOptional({ example: 'person', description: 'Only entries about this kind of record' })
  @IsOptional() @MaxLength(60, { message: 'subjectType must be at most 60 characters' }) @Matches(/^[a-z_]+$/, { message: 'subjectType must be lower-case letters and "_"' })
  subjectType?: string;

  @ApiPropertyOptional({ description: 'Only entries about this record (its id)' })
  @IsOptional() @MaxLength(100, { message: 'subjectId must be at most 100 characters' }) @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'subjectId must be a record id' })
  subjectId?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z', description: 'Entries at or after this moment' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31T23:59:59Z', description: 'Entries before this moment' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;

  @ApiPropertyOptional({ enum: HIGHLIGHTS, description: 'Only identity reads, or only downloads' })
  @IsOptional() @IsIn(HIGHLIGHTS, { message: 'highlight must be identity_read or download' })
  highlight?: AuditHighlight;
}

export class AuditEntryDto {
  @ApiProperty({ description: 'Entry id (insertion order; stable while the entry waits to be linked)' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Position in the chain; null while pending' }) seq: string | null;
  @ApiProperty({ description: 'Committed but not yet linked into the chain by the sequencer (normally for a few milliseconds)' }) pending: boolean;
  @ApiProperty() at: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) actorId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorDisplayName: string | null;
  @ApiProperty() action: string;
  @ApiProperty() subjectType: string;
  @ApiPropertyOptional({ nullable: true, type: String }) subjectId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) caseId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Non-identifying facts of the action: ids, codes, field names, counts, hashes' })
  details: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true, enum: HIGHLIGHTS, description: 'A read of identifying data or a download: shown prominently' })
  highlight: AuditHighlight | null;
}

export class AuditPageDto extends PageMetaDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
}

export function mapAuditEntry(row: AuditListRow): AuditEntryDto {
  return {
    id: row.id,
    seq: row.seq,
    pending: row.seq === null,
    at: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorDisplayName: row.actorDisplayName,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    caseId: row.caseId,
    details: row.details,
    highlight: row.highlight,
  };
}
