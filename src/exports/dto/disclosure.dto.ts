import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from 'src/common/http/pagination';
import { RECIPIENT_KINDS, type RecipientKind } from 'src/consent/policy/consent.types';
import { ExportRecipientDto } from 'src/exports/dto/export.dto';
import { DISCLOSURE_SUBJECTS, type DisclosureEntity, type DisclosureSubject } from 'src/exports/entities/disclosure.entity';
import type { ExportEntity } from 'src/exports/entities/export.entity';

export class ListDisclosuresQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Everything of this testimony that went out (itself, its transcripts, recordings, evidence quoting it)' })
  @IsOptional() @IsUUID('all', { message: 'testimonyId must be a testimony id' }) testimonyId?: string;
  @ApiPropertyOptional({ example: 'W-0001', description: "A person's pseudonym code: the person listed, and everything of their testimonies" })
  @IsOptional() @Matches(/^[A-Z]-\d{4,}$/, { message: 'personCode must be a pseudonym code such as W-0001' }) personCode?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('all', { message: 'evidenceItemId must be an evidence item id' }) evidenceItemId?: string;
  @ApiPropertyOptional({ description: "Part of the recipient's name (case-insensitive)" })
  @IsOptional() @IsString({ message: 'recipient must be a string' }) @MaxLength(200, { message: 'recipient must be at most 200 characters' }) recipient?: string;
  @ApiPropertyOptional({ enum: RECIPIENT_KINDS })
  @IsOptional() @IsIn(RECIPIENT_KINDS as unknown as string[], { message: `recipientKind must be one of: ${RECIPIENT_KINDS.join(', ')}` }) recipientKind?: RecipientKind;
  @ApiPropertyOptional({ enum: DISCLOSURE_SUBJECTS })
  @IsOptional() @IsIn(DISCLOSURE_SUBJECTS as unknown as string[], { message: `subjectType must be one of: ${DISCLOSURE_SUBJECTS.join(', ')}` }) subjectType?: DisclosureSubject;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID('all', { message: 'exportId must be an export id' }) exportId?: string;
}

export class DisclosureDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DISCLOSURE_SUBJECTS }) subjectType: DisclosureSubject;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ description: 'Item or incident code, or the pseudonym code of the person (for testimonies and transcripts: the interviewee)' }) subjectCode: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) testimonyId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) personCode: string | null;
  @ApiProperty({ format: 'uuid', description: 'The export that carried it' }) exportId: string;
  @ApiProperty({ type: ExportRecipientDto }) recipient: ExportRecipientDto;
  @ApiProperty() purpose: string;
  @ApiProperty({ description: 'Redaction profile' }) profile: string;
  @ApiProperty({ description: 'SHA-256 of the package (zip) as sent' }) packageSha256: string;
  @ApiProperty({ format: 'uuid', description: 'Who requested the export' }) disclosedBy: string;
  @ApiProperty() disclosedAt: string;
}

export function mapDisclosure(d: DisclosureEntity & { export?: ExportEntity }): DisclosureDto {
  const e = d.export as ExportEntity;
  return {
    id: d.id, subjectType: d.subjectType, subjectId: d.subjectId, subjectCode: d.subjectCode, testimonyId: d.testimonyId, personCode: d.personCode,
    exportId: d.exportId, recipient: { kind: e.recipientKind as RecipientKind, name: e.recipientName, deathPenaltyJurisdiction: e.recipientDeathPenalty },
    purpose: e.purpose, profile: e.profile, packageSha256: e.packageSha256 ?? '', disclosedBy: e.createdBy, disclosedAt: d.disclosedAt.toISOString(),
  };
}
