import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { NestedDto } from 'src/common/http/nested';
import { PageQueryDto } from 'src/common/http/pagination';
import type { JsonObject } from 'src/common/json';
import { CONSENT_PURPOSES, RECIPIENT_KINDS, type ConsentPurpose, type RecipientKind } from 'src/consent/policy/consent.types';
import { EXPORT_STATUSES, ExportEntity, type ExportStatus } from 'src/exports/entities/export.entity';

const PROFILE_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
// The name goes into bag-info.txt, one line: no control characters, no surrounding spaces.
const ONE_LINE = /^\S(?:[^\p{Cc}]*\S)?$/u;
const DEATH_PENALTY = ['true', 'false', 'unknown'] as const;

export class ExportRecipientDto {
  @ApiProperty({ enum: RECIPIENT_KINDS })
  @IsIn(RECIPIENT_KINDS as unknown as string[], { message: `recipient.kind must be one of: ${RECIPIENT_KINDS.join(', ')}` }) kind: RecipientKind;
  @ApiProperty({ example: 'OHCHR Seoul', maxLength: 200 })
  @IsString({ message: 'recipient.name must be a string' }) @MinLength(1, { message: 'recipient.name must not be empty' }) @MaxLength(200, { message: 'recipient.name must be at most 200 characters' })
  @Matches(ONE_LINE, { message: 'recipient.name must be one line without leading or trailing spaces' }) name: string;
  @ApiProperty({ enum: DEATH_PENALTY, description: 'Can proceedings this recipient conducts or feeds impose the death penalty? unknown counts as yes where a witness set that condition' })
  @IsIn(DEATH_PENALTY as unknown as string[], { message: 'recipient.deathPenaltyJurisdiction must be one of: true, false, unknown' }) deathPenaltyJurisdiction: (typeof DEATH_PENALTY)[number];
}

export class CreateExportDto {
  @ApiProperty({ type: ExportRecipientDto })
  @IsDefined({ message: 'recipient is required' }) @NestedDto(() => ExportRecipientDto) recipient: ExportRecipientDto;
  @ApiProperty({ enum: CONSENT_PURPOSES })
  @IsIn(CONSENT_PURPOSES as unknown as string[], { message: `purpose must be one of: ${CONSENT_PURPOSES.join(', ')}` }) purpose: ConsentPurpose;
  @ApiProperty({ example: 'un', description: 'Redaction profile whose approved redactions go out: internal, un, icc, public, or a custom profile of the case' })
  @Matches(PROFILE_NAME, { message: 'profile must be a profile name (lower-case letters, digits, . _ -)' }) profile: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Legal framework version for the case matrix; omit for the current published Rome Statute' })
  @IsOptional() @IsUUID('all', { message: 'frameworkVersionId must be a legal framework version id' }) frameworkVersionId?: string;
}

export class ListExportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_STATUSES })
  @IsOptional() @IsIn(EXPORT_STATUSES as unknown as string[], { message: `status must be one of: ${EXPORT_STATUSES.join(', ')}` }) status?: ExportStatus;
}

export class ExcludedItemDto {
  @ApiProperty({ description: 'Pseudonym code (testimonies) or item code' }) code: string;
  @ApiProperty({ description: 'testimony, evidence_item, evidence_link, file, incident_source' }) kind: string;
  @ApiProperty({ description: 'Short reference (e.g. the first 8 characters of the id)' }) ref: string;
  @ApiProperty() reason: string;
}

export class ExportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: ExportRecipientDto }) recipient: ExportRecipientDto;
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose: string;
  @ApiProperty() profile: string;
  @ApiPropertyOptional({ nullable: true, type: String }) frameworkVersionId: string | null;
  @ApiProperty({ enum: EXPORT_STATUSES }) status: ExportStatus;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'The export.build job (GET /jobs/:id)' }) jobId: string | null;
  @ApiProperty({ minimum: 0, maximum: 100, description: "The job's progress" }) progress: number;
  @ApiPropertyOptional({ nullable: true, type: String }) packageSha256: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) sizeBytes: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'SHA-256 fingerprint of the signing public key' }) keyFingerprint: string | null;
  @ApiProperty({ type: Object }) included: JsonObject;
  @ApiProperty() excludedCount: number;
  @ApiProperty({ type: [ExcludedItemDto] }) excluded: ExcludedItemDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) error: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) finishedAt: string | null;
}

export class SigningKeyDto {
  @ApiProperty() algorithm: string;
  @ApiProperty({ description: 'SPKI PEM; pass to npm run verify -- <zip> --key <file>' }) publicKeyPem: string;
  @ApiProperty({ description: 'Hex SHA-256 of the SPKI DER' }) fingerprint: string;
  @ApiProperty() createdAt: string;
}

export function mapExport(e: ExportEntity, progress = 0): ExportDto {
  return {
    id: e.id,
    caseId: e.caseId,
    recipient: { kind: e.recipientKind as RecipientKind, name: e.recipientName, deathPenaltyJurisdiction: e.recipientDeathPenalty },
    purpose: e.purpose,
    profile: e.profile,
    frameworkVersionId: e.frameworkVersionId,
    status: e.status,
    jobId: e.jobId,
    progress: e.status === 'ready' ? 100 : progress,
    packageSha256: e.packageSha256,
    sizeBytes: e.sizeBytes === null ? null : Number(e.sizeBytes),
    keyFingerprint: e.keyFingerprint,
    included: e.included,
    excludedCount: e.excludedCount,
    excluded: e.excluded.map((x) => ({ code: x.code, kind: x.kind, ref: x.ref, reason: x.reason })),
    error: e.error,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
    finishedAt: e.finishedAt ? e.finishedAt.toISOString() : null,
  };
}

export class PreviewEntryDto {
  @ApiProperty({ description: 'testimony, transcript, file, evidence_item, incident or person' }) kind: string;
  @ApiProperty({ description: 'Pseudonym code (testimonies, transcripts, people) or item / incident code' }) code: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Short reference (the first 8 hex digits of the id); people have none' }) ref: string | null;
  @ApiPropertyOptional({ description: 'Transcript kind and language, file media type, disclosure form or person kind' }) detail?: string;
  @ApiPropertyOptional({ description: 'Why it is left out (or, for an included incident, why its narrative is held back): a stable code' }) reason?: string;
  @ApiPropertyOptional({ description: 'The reason as a person reads it, in the Accept-Language (en or ko)' }) reasonText?: string;
}

export class PreviewCountsDto {
  @ApiProperty({ type: Object, description: 'Included entries per kind' }) included: Record<string, number>;
  @ApiProperty({ type: Object, description: 'Left-out entries per kind' }) leftOut: Record<string, number>;
}

export class ExportPreviewDto {
  @ApiProperty({ enum: ['en', 'ko'], description: 'Language of reasonText (from Accept-Language)' }) language: 'en' | 'ko';
  @ApiProperty({ type: [PreviewEntryDto] }) included: PreviewEntryDto[];
  @ApiProperty({ type: [PreviewEntryDto] }) leftOut: PreviewEntryDto[];
  @ApiProperty({ type: PreviewCountsDto }) counts: PreviewCountsDto;
  @ApiProperty({ description: 'False while a transcript that went out before awaits an approved redaction of its new version: an export now would fail naming them (see waiting)' }) ready: boolean;
  @ApiProperty({ type: [PreviewEntryDto], description: 'Transcripts whose new version awaits an approved redaction (reason: the redaction status)' }) waiting: PreviewEntryDto[];
}
