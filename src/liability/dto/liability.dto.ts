import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from 'src/common/http/pagination';
import { LINK_RELATIONS, LINK_STATUSES, SOURCE_RELIABILITY, type LinkRelation, type LinkStatus, type SourceReliability } from 'src/evidence/entities/evidence-link.entity';
import { isWeak } from 'src/evidence/matrix/assessment';
import { KoreanTextResponseDto } from 'src/legal/dto/framework.dto';
import type { LiabilityLinkEntity } from 'src/liability/entities/liability-link.entity';

const oneOf = (name: string, values: readonly string[]) => ({ message: `${name} must be one of: ${values.join(', ')}` });
const uuid = (name: string, what: string) => IsUUID('all', { message: `${name} must be ${what}` });

export class CreateLiabilityLinkDto {
  @ApiProperty({ format: 'uuid', description: 'An evidence item of this case' }) @uuid('itemId', 'an evidence item id') itemId: string;
  @ApiProperty({ format: 'uuid', description: 'A published framework version' }) @uuid('frameworkVersionId', 'a legal framework version id') frameworkVersionId: string;
  @ApiProperty({ format: 'uuid', description: 'The accused: an individual perpetrator of this case (art. 25(1): never a unit)' }) @uuid('perpetratorId', 'a perpetrator id') perpetratorId: string;
  @ApiProperty({ format: 'uuid', description: 'A requirement of a mode of liability of that version' }) @uuid('requirementId', 'a mode-of-liability requirement id') requirementId: string;
  @ApiPropertyOptional({ format: 'uuid', description: "The requirement's mode (checked when given)" }) @IsOptional() @uuid('modeOfLiabilityId', 'a mode of liability id') modeOfLiabilityId?: string;
  @ApiPropertyOptional({ example: 'a', description: "Letter of the requirement's alternative, when it has alternatives" }) @IsOptional() @Matches(/^[a-z]$/, { message: 'alternative must be one lower-case letter' }) alternative?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The crime (of the same version) the mode is charged for' }) @IsOptional() @uuid('crimeId', 'a crime id') crimeId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'An incident of this case' }) @IsOptional() @uuid('incidentId', 'an incident id') incidentId?: string;
  @ApiProperty({ enum: LINK_RELATIONS }) @IsIn(LINK_RELATIONS as unknown as string[], oneOf('relation', LINK_RELATIONS)) relation: LinkRelation;
  @ApiProperty({ minimum: 1, maximum: 5 }) @Type(() => Number) @IsInt({ message: 'probativeValue must be an integer from 1 to 5' }) @Min(1) @Max(5) probativeValue: number;
  @ApiProperty({ enum: SOURCE_RELIABILITY }) @IsIn(SOURCE_RELIABILITY as unknown as string[], oneOf('sourceReliability', SOURCE_RELIABILITY)) sourceReliability: SourceReliability;
  @ApiProperty({ minimum: 1, maximum: 6 }) @Type(() => Number) @IsInt({ message: 'informationCredibility must be an integer from 1 to 6' }) @Min(1) @Max(6) informationCredibility: number;
  @ApiPropertyOptional({ description: "Analyst's note (never logged or audited)" }) @IsOptional() @IsString() @MaxLength(10_000) note?: string;
}

export class LiabilityLinkVersionDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class ListLiabilityLinksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('frameworkVersionId', 'a legal framework version id') frameworkVersionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('perpetratorId', 'a perpetrator id') perpetratorId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('requirementId', 'a requirement id') requirementId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('itemId', 'an evidence item id') itemId?: string;
}

export class LiabilityViewQueryDto {
  @ApiProperty({ format: 'uuid' }) @uuid('frameworkVersionId', 'a legal framework version id') frameworkVersionId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this individual' }) @IsOptional() @uuid('perpetratorId', 'a perpetrator id') perpetratorId?: string;
}

export class LiabilityLinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ example: 'E-0001' }) itemCode: string;
  @ApiProperty({ format: 'uuid' }) frameworkVersionId: string;
  @ApiProperty({ format: 'uuid' }) perpetratorId: string;
  @ApiProperty({ format: 'uuid' }) modeOfLiabilityId: string;
  @ApiProperty({ example: 'RS-28-b' }) modeCode: string;
  @ApiProperty({ format: 'uuid' }) requirementId: string;
  @ApiProperty({ example: 'RS-28-b-R4' }) requirementCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) alternative: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) crimeId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) incidentId: string | null;
  @ApiProperty({ enum: LINK_RELATIONS }) relation: LinkRelation;
  @ApiProperty() probativeValue: number;
  @ApiProperty({ enum: SOURCE_RELIABILITY }) sourceReliability: SourceReliability;
  @ApiProperty() informationCredibility: number;
  @ApiProperty() weak: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: LINK_STATUSES }) status: LinkStatus;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'uuid' }) assessedBy: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) reviewedBy: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() version: number;
}

export interface LiabilityLinkCodes { itemCode: string; modeCode: string; requirementCode: string }

export function mapLiabilityLink(l: LiabilityLinkEntity, codes: LiabilityLinkCodes): LiabilityLinkDto {
  return {
    id: l.id, itemId: l.itemId, itemCode: codes.itemCode, frameworkVersionId: l.frameworkId, perpetratorId: l.perpetratorId, modeOfLiabilityId: l.modeId, modeCode: codes.modeCode,
    requirementId: l.requirementId, requirementCode: codes.requirementCode, alternative: l.alternative, crimeId: l.crimeId, incidentId: l.incidentId, relation: l.relation,
    probativeValue: l.probativeValue, sourceReliability: l.sourceReliability, informationCredibility: l.informationCredibility, weak: isWeak(l), note: l.note, status: l.status,
    createdBy: l.createdBy, assessedBy: l.assessedBy, reviewedBy: l.reviewedBy, reviewedAt: l.reviewedAt?.toISOString() ?? null, createdAt: l.createdAt.toISOString(), version: l.version,
  };
}

// ----- the view -------------------------------------------------------------------------------

export class LiabilityUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'U-0001' }) code: string;
  @ApiProperty({ description: 'Public name of the institution or unit' }) name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) unitType: string | null;
}

export class LiabilityPositionDto {
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true, type: String }) rank: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) from: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) to: string | null;
  @ApiProperty({ type: [LiabilityUnitDto], description: 'The unit of the position, then its parents, nearest first (context, never accused)' }) units: LiabilityUnitDto[];
}

export class RequirementSupportDto {
  @ApiProperty() links: number;
  @ApiProperty() reviewed: number;
  @ApiProperty({ description: 'Reviewed and not weak' }) reviewedStrong: number;
}

export class LiabilityRequirementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RS-28-b-R4' }) code: string;
  @ApiProperty() number: number;
  @ApiProperty() kind: string;
  @ApiProperty() text: string;
  @ApiPropertyOptional({ nullable: true, type: KoreanTextResponseDto, description: 'Korean paraphrase' }) textKo: KoreanTextResponseDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) statuteRef: string | null;
  @ApiProperty({ type: RequirementSupportDto }) supporting: RequirementSupportDto;
  @ApiProperty() undermining: number;
  @ApiProperty() context: number;
  @ApiProperty({ description: 'Distinct sources among the supporting links' }) independentSources: number;
  @ApiProperty({ description: 'Supporting links per alternative (any one meets the requirement)', type: 'array', items: { type: 'object', properties: { letter: { type: 'string' }, supporting: { type: 'number' } } } })
  alternatives: Array<{ letter: string; supporting: number }>;
  @ApiPropertyOptional({ nullable: true, enum: ['no_evidence', 'not_reviewed'], description: 'no_evidence: nothing supports it; not_reviewed: support only proposed' }) gap: 'no_evidence' | 'not_reviewed' | null;
  @ApiProperty() contested: boolean;
}

export class LiabilityModeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RS-28-b' }) code: string;
  @ApiPropertyOptional({ nullable: true, type: String }) articleRef: string | null;
  @ApiProperty() titleEn: string;
  @ApiPropertyOptional({ nullable: true, type: KoreanTextResponseDto }) titleKo: KoreanTextResponseDto | null;
  @ApiProperty({ description: 'Requirements with a gap' }) gaps: number;
  @ApiProperty({ description: 'Evidence links to crime elements that name this individual and mode' }) elementLinks: number;
  @ApiProperty({ type: [LiabilityRequirementDto] }) requirements: LiabilityRequirementDto[];
}

export class LiabilityPerpetratorDto {
  @ApiProperty({ format: 'uuid' }) perpetratorId: string;
  @ApiProperty({ description: "The individual's pseudonym code (never a name)" }) label: string;
  @ApiProperty({ type: [LiabilityPositionDto], description: 'Chain of command above the individual' }) chainOfCommand: LiabilityPositionDto[];
  @ApiProperty({ type: [LiabilityModeDto] }) modes: LiabilityModeDto[];
}

export class LiabilityViewDto {
  @ApiProperty({ format: 'uuid' }) frameworkVersionId: string;
  @ApiProperty() frameworkCode: string;
  @ApiProperty() frameworkVersion: string;
  @ApiProperty({ type: [LiabilityPerpetratorDto] }) perpetrators: LiabilityPerpetratorDto[];
}
