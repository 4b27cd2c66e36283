import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { NestedDto } from 'src/common/http/nested';
import { DatedValueDto } from 'src/common/dates/dated-value.dto';
import { PageQueryDto } from 'src/common/http/pagination';
import { CONSENT_METHODS, CONSENT_PURPOSES, RECIPIENT_KINDS, type ConsentMethod, type ConsentPurpose, type RecipientKind } from 'src/consent/policy/consent.types';
import { MODALITIES, RISK_LEVELS, TESTIMONY_STATUSES, TestimonyEntity, type Modality, type RiskLevel, type TestimonyStatus } from 'src/testimonies/entities/testimony.entity';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const oneOf = (name: string, values: readonly string[]) => ({ message: `${name} must be one of: ${values.join(', ')}` });

export class TestimonySensitiveDto {
  @ApiPropertyOptional({ description: 'Where the interview took place (sensitive)' }) @IsOptional() @IsString() @MaxLength(1000) placeOfInterview?: string;
  @ApiPropertyOptional({ description: 'Interpreter (sensitive)' }) @IsOptional() @IsString() @MaxLength(500) interpreter?: string;
  @ApiPropertyOptional({ description: 'Risk assessment notes (sensitive)' }) @IsOptional() @IsString() @MaxLength(10_000) riskNotes?: string;
}

export class ConsentInputDto {
  @ApiProperty({ enum: CONSENT_PURPOSES, isArray: true })
  @IsArray() @ArrayMaxSize(CONSENT_PURPOSES.length) @IsIn(CONSENT_PURPOSES as unknown as string[], { each: true, ...oneOf('each purpose', CONSENT_PURPOSES) })
  purposes: ConsentPurpose[];
  @ApiProperty() @IsBoolean() anonymityRequired: boolean;
  @ApiProperty() @IsBoolean() identityDisclosureAllowed: boolean;
  @ApiProperty({ description: 'Not for proceedings that can impose the death penalty' }) @IsBoolean() noDeathPenaltyProceedings: boolean;
  @ApiProperty() @IsBoolean() recontactAllowed: boolean;
  @ApiProperty({ enum: CONSENT_METHODS }) @IsIn(CONSENT_METHODS as unknown as string[], oneOf('method', CONSENT_METHODS)) method: ConsentMethod;
  @ApiProperty({ format: 'uuid', description: 'The staff member who took the consent' }) @IsUUID('all', { message: 'takenBy must be a user id' }) takenBy: string;
  @ApiProperty({ example: '2026-05-01T10:00:00Z' }) @IsDateString({ strict: true }, { message: 'takenAt must be an ISO 8601 date-time' }) takenAt: string;
}

export class WithdrawConsentDto {
  @ApiProperty({ example: '2026-06-01T00:00:00Z' }) @IsDateString({ strict: true }, { message: 'withdrawnAt must be an ISO 8601 date-time' }) withdrawnAt: string;
  @ApiProperty({ description: 'Sealed; readable only with identity clearance' }) @IsString() @MinLength(1) @MaxLength(5000) reason: string;
}

export class CreateTestimonyDto {
  @ApiProperty({ format: 'uuid', description: 'A person of the case' }) @IsUUID('all', { message: 'intervieweeId must be a person id' }) intervieweeId: string;
  @ApiPropertyOptional({ type: [String], description: 'User ids of the interviewers' }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'each interviewerId must be a user id' }) interviewerIds?: string[];
  @ApiProperty({ type: DatedValueDto }) @NestedDto(() => DatedValueDto) interviewDate: DatedValueDto;
  @ApiProperty({ example: ['ko'], description: 'BCP 47 language tags' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @Matches(LANGUAGE_TAG, { each: true, message: 'each language must be a BCP 47 tag such as ko or en' })
  languages: string[];
  @ApiProperty({ enum: MODALITIES }) @IsIn(MODALITIES as unknown as string[], oneOf('modality', MODALITIES)) modality: Modality;
  @ApiProperty({ enum: RISK_LEVELS }) @IsIn(RISK_LEVELS as unknown as string[], oneOf('riskLevel', RISK_LEVELS)) riskLevel: RiskLevel;
  @ApiPropertyOptional({ type: TestimonySensitiveDto }) @IsOptional() @NestedDto(() => TestimonySensitiveDto) sensitive?: TestimonySensitiveDto;
  @ApiPropertyOptional({ example: ['kwanliso', 'forced-labour'] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true }) tags?: string[];
  @ApiPropertyOptional({ type: ConsentInputDto, description: 'The first consent version, if taken at the interview' }) @IsOptional() @NestedDto(() => ConsentInputDto) consent?: ConsentInputDto;
}

export class UpdateTestimonyDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true, message: 'each interviewerId must be a user id' }) interviewerIds?: string[];
  @ApiPropertyOptional({ type: DatedValueDto }) @IsOptional() @NestedDto(() => DatedValueDto) interviewDate?: DatedValueDto;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @Matches(LANGUAGE_TAG, { each: true, message: 'each language must be a BCP 47 tag such as ko or en' }) languages?: string[];
  @ApiPropertyOptional({ enum: MODALITIES }) @IsOptional() @IsIn(MODALITIES as unknown as string[], oneOf('modality', MODALITIES)) modality?: Modality;
  @ApiPropertyOptional({ enum: RISK_LEVELS }) @IsOptional() @IsIn(RISK_LEVELS as unknown as string[], oneOf('riskLevel', RISK_LEVELS)) riskLevel?: RiskLevel;
  @ApiPropertyOptional({ type: TestimonySensitiveDto, description: 'Replaces the sealed fields (needs identity clearance)' }) @IsOptional() @NestedDto(() => TestimonySensitiveDto) sensitive?: TestimonySensitiveDto;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(100, { each: true }) tags?: string[];
}

export class ChangeStatusDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiProperty({ enum: TESTIMONY_STATUSES }) @IsIn(TESTIMONY_STATUSES as unknown as string[], oneOf('status', TESTIMONY_STATUSES)) status: TestimonyStatus;
}

export const TESTIMONY_SORTS = ['createdAt', '-createdAt', 'interviewDate', '-interviewDate', 'updatedAt', '-updatedAt'] as const;
export class ListTestimoniesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TESTIMONY_STATUSES }) @IsOptional() @IsIn(TESTIMONY_STATUSES as unknown as string[], oneOf('status', TESTIMONY_STATUSES)) status?: TestimonyStatus;
  @ApiPropertyOptional() @IsOptional() @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag' }) language?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'intervieweeId must be a person id' }) intervieweeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) tag?: string;
  @ApiPropertyOptional({ enum: RISK_LEVELS }) @IsOptional() @IsIn(RISK_LEVELS as unknown as string[], oneOf('riskLevel', RISK_LEVELS)) riskLevel?: RiskLevel;
  @ApiPropertyOptional({ example: '2000', description: 'Interviews on or after (YYYY[-MM[-DD]])' }) @IsOptional() @Matches(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'interviewedFrom must be YYYY, YYYY-MM or YYYY-MM-DD' }) interviewedFrom?: string;
  @ApiPropertyOptional({ example: '2010-12-31' }) @IsOptional() @Matches(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'interviewedTo must be YYYY, YYYY-MM or YYYY-MM-DD' }) interviewedTo?: string;
  @ApiPropertyOptional({ enum: TESTIMONY_SORTS, default: '-createdAt' }) @IsOptional() @IsIn(TESTIMONY_SORTS as unknown as string[], oneOf('sort', TESTIMONY_SORTS)) sort: (typeof TESTIMONY_SORTS)[number] = '-createdAt';
}

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'W-0003' }) code: string;
}

export class TestimonyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: PersonRefDto }) interviewee: PersonRefDto;
  @ApiProperty({ type: [String] }) interviewerIds: string[];
  @ApiProperty({ type: DatedValueDto }) interviewDate: DatedValueDto;
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ enum: MODALITIES }) modality: Modality;
  @ApiProperty({ enum: RISK_LEVELS }) riskLevel: RiskLevel;
  @ApiProperty({ enum: TESTIMONY_STATUSES }) status: TestimonyStatus;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export function mapTestimony(t: TestimonyEntity, intervieweeCode: string): TestimonyDto {
  return {
    id: t.id,
    caseId: t.caseId,
    interviewee: { id: t.intervieweeId, code: intervieweeCode },
    interviewerIds: t.interviewerIds,
    interviewDate: { date: t.interviewDate, precision: t.interviewDatePrecision },
    languages: t.languages,
    modality: t.modality,
    riskLevel: t.riskLevel,
    status: t.status,
    tags: t.tags,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}

export class ConsentWithdrawalReasonDto {
  @ApiProperty() version: number;
  @ApiProperty() reason: string;
}

export class TestimonySensitiveResponseDto extends TestimonySensitiveDto {
  @ApiProperty({ description: 'Withdrawal reasons by consent version', type: [ConsentWithdrawalReasonDto] }) consentWithdrawalReasons: ConsentWithdrawalReasonDto[];
}

export class ConsentVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ enum: CONSENT_PURPOSES, isArray: true }) purposes: ConsentPurpose[];
  @ApiProperty() anonymityRequired: boolean;
  @ApiProperty() identityDisclosureAllowed: boolean;
  @ApiProperty() noDeathPenaltyProceedings: boolean;
  @ApiProperty() recontactAllowed: boolean;
  @ApiProperty({ enum: CONSENT_METHODS }) method: ConsentMethod;
  @ApiProperty({ format: 'uuid' }) takenBy: string;
  @ApiProperty() takenAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) withdrawnAt: string | null;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ format: 'uuid', description: 'Who recorded this version' }) recordedBy: string;
}

const DEATH_PENALTY = ['true', 'false', 'unknown'] as const;
export class ConsentDecisionQueryDto {
  @ApiProperty({ enum: RECIPIENT_KINDS }) @IsIn(RECIPIENT_KINDS as unknown as string[], oneOf('recipientKind', RECIPIENT_KINDS)) recipientKind: RecipientKind;
  @ApiPropertyOptional({ example: 'OHCHR Seoul' }) @IsOptional() @IsString() @MaxLength(300) recipientName?: string;
  @ApiProperty({ enum: CONSENT_PURPOSES }) @IsIn(CONSENT_PURPOSES as unknown as string[], oneOf('purpose', CONSENT_PURPOSES)) purpose: ConsentPurpose;
  @ApiProperty({ enum: DEATH_PENALTY, description: 'Can the recipient’s proceedings impose the death penalty?' }) @IsIn(DEATH_PENALTY as unknown as string[], oneOf('deathPenaltyJurisdiction', DEATH_PENALTY)) deathPenaltyJurisdiction: (typeof DEATH_PENALTY)[number];
}

export class ConsentDecisionDto {
  @ApiProperty() allowed: boolean;
  @ApiPropertyOptional({ enum: ['identified', 'pseudonymised'] }) form?: 'identified' | 'pseudonymised';
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional() explanation?: string;
  @ApiPropertyOptional() consentVersion?: number;
  @ApiPropertyOptional({ type: [String] }) reasonCodes?: string[];
}
