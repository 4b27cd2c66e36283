import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NestedDto } from 'src/common/http/nested';
import { PageQueryDto } from 'src/common/http/pagination';
import { ARMED_CONFLICT_TYPES, type ArmedConflictType, type CrimeDetails, type ElementAlternative, LegalCrimeEntity, LegalElementEntity } from 'src/legal/entities/legal-crime.entity';
import {
  CONFIDENCE_TAGS, ELEMENT_KINDS, FRAMEWORK_STATUSES, LegalFrameworkEntity, LegalSharedRequirementEntity,
  type Annotation, type ConfidenceTag, type ElementKind, type FrameworkGroup, type FrameworkReference, type FrameworkStatus, type KoreanText,
} from 'src/legal/entities/legal-framework.entity';
import { LegalModeEntity, LegalModeRequirementEntity } from 'src/legal/entities/legal-mode.entity';

const oneOf = (name: string, values: readonly string[]) => ({ message: `${name} must be one of: ${values.join(', ')}` });
export const FRAMEWORK_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;
export const VERSION_LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Codes of crimes, modes and shared requirements, e.g. `RS-7-1-c`, `KR-CC-250(1)`. */
export const NODE_CODE = /^[A-Za-z0-9][A-Za-z0-9().-]{0,63}$/;
const GROUP_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;

// ----- request DTOs -------------------------------------------------------------------------

export class KoreanTextDto {
  @ApiProperty({ example: '노예화' }) @IsString() @MinLength(1) @MaxLength(300) text: string;
  @ApiProperty({ enum: CONFIDENCE_TAGS, description: 'V verified, S secondary source, U unverified' }) @IsIn(CONFIDENCE_TAGS as unknown as string[], oneOf('confidence', CONFIDENCE_TAGS)) confidence: ConfidenceTag;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class GroupInputDto {
  @ApiProperty({ example: 'crimes-against-persons', description: 'lower-case key that crimes name in `group`' }) @Matches(GROUP_KEY, { message: 'key must be lower-case letters, digits and hyphens' }) key: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) titleEn: string;
  @ApiPropertyOptional({ type: KoreanTextDto }) @IsOptional() @NestedDto(() => KoreanTextDto) titleKo?: KoreanTextDto;
  @ApiPropertyOptional({ example: 'Criminal Act, chapter 24' }) @IsOptional() @IsString() @MaxLength(200) articleRef?: string;
}

export class SharedRequirementInputDto {
  @ApiProperty({ example: 'KR-CTX-1' }) @Matches(NODE_CODE, { message: 'code must be letters, digits and ( ) . - (at most 64)' }) code: string;
  @ApiProperty({ enum: ELEMENT_KINDS }) @IsIn(ELEMENT_KINDS as unknown as string[], oneOf('kind', ELEMENT_KINDS)) kind: ElementKind;
  @ApiProperty({ description: 'Our paraphrase' }) @IsString() @MinLength(1) @MaxLength(5000) text: string;
  @ApiPropertyOptional() @IsOptional() @Matches(GROUP_KEY, { message: 'group must be a group key' }) group?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) sourceRef?: string;
}

export class CreateFrameworkDto {
  @ApiProperty({ example: 'kr-criminal-act', description: 'Stable code; (code, version) is unique' }) @Matches(FRAMEWORK_CODE, { message: 'code must be 2-64 lower-case letters, digits and hyphens' }) code: string;
  @ApiProperty({ example: '2023-amended', description: 'Version label of the legal text' }) @Matches(VERSION_LABEL, { message: 'version must be 1-64 letters, digits and . _ -' }) version: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) titleEn: string;
  @ApiPropertyOptional({ type: KoreanTextDto }) @IsOptional() @NestedDto(() => KoreanTextDto) titleKo?: KoreanTextDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional({ example: 'KR' }) @IsOptional() @IsString() @MaxLength(200) jurisdiction?: string;
  @ApiPropertyOptional({ type: [GroupInputDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @NestedDto(() => GroupInputDto, { each: true }) groups?: GroupInputDto[];
  @ApiPropertyOptional({ type: [SharedRequirementInputDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @NestedDto(() => SharedRequirementInputDto, { each: true }) sharedRequirements?: SharedRequirementInputDto[];
}

export class UpdateFrameworkDto {
  @ApiProperty({ description: 'The revision you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) revision: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(300) titleEn?: string;
  @ApiPropertyOptional({ type: KoreanTextDto }) @IsOptional() @NestedDto(() => KoreanTextDto) titleKo?: KoreanTextDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) jurisdiction?: string;
  @ApiPropertyOptional({ type: [GroupInputDto], description: 'Replaces the groups' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @NestedDto(() => GroupInputDto, { each: true }) groups?: GroupInputDto[];
  @ApiPropertyOptional({ type: [SharedRequirementInputDto], description: 'Replaces the shared requirements' }) @IsOptional() @IsArray() @ArrayMaxSize(100) @NestedDto(() => SharedRequirementInputDto, { each: true }) sharedRequirements?: SharedRequirementInputDto[];
}

export class AlternativeInputDto {
  @ApiProperty({ description: 'Our paraphrase; lettered a, b, … in the order given' }) @IsString() @MinLength(1) @MaxLength(5000) text: string;
}

export class ElementInputDto {
  @ApiProperty({ enum: ELEMENT_KINDS }) @IsIn(ELEMENT_KINDS as unknown as string[], oneOf('kind', ELEMENT_KINDS)) kind: ElementKind;
  @ApiProperty({ description: 'Our paraphrase' }) @IsString() @MinLength(1) @MaxLength(5000) text: string;
  @ApiPropertyOptional({ type: KoreanTextDto, description: 'Korean wording of the element, where translated' }) @IsOptional() @NestedDto(() => KoreanTextDto) textKo?: KoreanTextDto;
  @ApiPropertyOptional({ description: 'Code of a shared requirement of this framework version' }) @IsOptional() @Matches(NODE_CODE, { message: 'sharedRef must be a shared requirement code' }) sharedRef?: string;
  @ApiPropertyOptional({ type: [AlternativeInputDto], description: 'The element is satisfied by any one alternative' })
  @IsOptional() @IsArray() @ArrayMinSize(2) @ArrayMaxSize(10) @NestedDto(() => AlternativeInputDto, { each: true })
  alternatives?: AlternativeInputDto[];
}

export class CrimeInputDto {
  @ApiProperty({ example: 'KR-CA-250-1', description: 'Elements get `<code>-E<n>` in the order given' }) @Matches(NODE_CODE, { message: 'code must be letters, digits and ( ) . - (at most 64)' }) code: string;
  @ApiPropertyOptional({ example: 'art. 250(1)' }) @IsOptional() @IsString() @MaxLength(100) referenceId?: string;
  @ApiProperty({ example: 'crimes-against-persons' }) @Matches(GROUP_KEY, { message: 'group must be lower-case letters, digits and hyphens' }) group: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) articleRef?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) titleEn: string;
  @ApiPropertyOptional({ type: KoreanTextDto }) @IsOptional() @NestedDto(() => KoreanTextDto) titleKo?: KoreanTextDto;
  @ApiPropertyOptional({ description: 'Order within the group; default: after the last' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) sortOrder?: number;
  @ApiPropertyOptional({ enum: ARMED_CONFLICT_TYPES }) @IsOptional() @IsIn(ARMED_CONFLICT_TYPES as unknown as string[], oneOf('armedConflict', ARMED_CONFLICT_TYPES)) armedConflict?: ArmedConflictType;
  @ApiProperty({ type: [ElementInputDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @NestedDto(() => ElementInputDto, { each: true }) elements: ElementInputDto[];
}

export class UpdateCrimeDto extends CrimeInputDto {
  @ApiProperty({ description: 'The revision you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) revision: number;
}

export class RequirementInputDto {
  @ApiProperty({ enum: ELEMENT_KINDS }) @IsIn(ELEMENT_KINDS as unknown as string[], oneOf('kind', ELEMENT_KINDS)) kind: ElementKind;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) text: string;
  @ApiPropertyOptional({ type: KoreanTextDto, description: 'Korean paraphrase' }) @IsOptional() @NestedDto(() => KoreanTextDto) textKo?: KoreanTextDto;
  @ApiPropertyOptional({ example: 'art. 30' }) @IsOptional() @IsString() @MaxLength(200) statuteRef?: string;
  @ApiPropertyOptional({ type: [AlternativeInputDto] }) @IsOptional() @IsArray() @ArrayMinSize(2) @ArrayMaxSize(10) @NestedDto(() => AlternativeInputDto, { each: true }) alternatives?: AlternativeInputDto[];
}

export class ModeInputDto {
  @ApiProperty({ example: 'KR-CA-30', description: 'Requirements get `<code>-R<n>`' }) @Matches(NODE_CODE, { message: 'code must be letters, digits and ( ) . - (at most 64)' }) code: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) referenceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) articleRef?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) titleEn: string;
  @ApiPropertyOptional({ type: KoreanTextDto }) @IsOptional() @NestedDto(() => KoreanTextDto) titleKo?: KoreanTextDto;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) sortOrder?: number;
  @ApiPropertyOptional({ type: [String], description: 'Crime groups it applies to; omitted = all' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @Matches(GROUP_KEY, { each: true, message: 'each appliesTo must be a group key' })
  appliesTo?: string[];
  @ApiProperty({ type: [RequirementInputDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @NestedDto(() => RequirementInputDto, { each: true }) requirements: RequirementInputDto[];
}

export class UpdateModeDto extends ModeInputDto {
  @ApiProperty({ description: 'The revision you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) revision: number;
}

export class RevisionDto {
  @ApiProperty({ description: 'The revision you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) revision: number;
}

export class RetireFrameworkDto {
  @ApiProperty({ description: 'The revision you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) revision: number;
  @ApiProperty({ description: 'Why the version is retired (kept with it, shown to readers)', minLength: 3, maxLength: 2000 })
  @IsString({ message: 'reason must be text' }) @MinLength(3, { message: 'reason must say why, in at least 3 characters' }) @MaxLength(2000) reason: string;
}

export class NewVersionDto {
  @ApiProperty({ example: '2019-amended', description: 'Version label of the new draft' }) @Matches(VERSION_LABEL, { message: 'version must be 1-64 letters, digits and . _ -' }) version: string;
  @ApiPropertyOptional({ description: 'Default: the title of the version it copies' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(300) titleEn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
}

export const FRAMEWORK_SORTS = ['code', '-code', 'createdAt', '-createdAt'] as const;
export class ListFrameworksQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(FRAMEWORK_CODE, { message: 'code must be a framework code' }) code?: string;
  @ApiPropertyOptional({ enum: FRAMEWORK_STATUSES }) @IsOptional() @IsIn(FRAMEWORK_STATUSES as unknown as string[], oneOf('status', FRAMEWORK_STATUSES)) status?: FrameworkStatus;
  @ApiPropertyOptional({ type: Boolean }) @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean({ message: 'builtin must be true or false' }) builtin?: boolean;
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Retired versions are left out unless asked for (or status=retired)' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean({ message: 'includeRetired must be true or false' }) includeRetired?: boolean;
  @ApiPropertyOptional({ enum: FRAMEWORK_SORTS, default: 'code' }) @IsOptional() @IsIn(FRAMEWORK_SORTS as unknown as string[], oneOf('sort', FRAMEWORK_SORTS)) sort: (typeof FRAMEWORK_SORTS)[number] = 'code';
}

// ----- response DTOs ------------------------------------------------------------------------

export class KoreanTextResponseDto {
  @ApiProperty() text: string;
  @ApiProperty({ enum: CONFIDENCE_TAGS }) confidence: ConfidenceTag;
  @ApiPropertyOptional() note?: string;
}

export class AnnotationDto {
  @ApiProperty() text: string;
  @ApiProperty() source: string;
  @ApiProperty({ enum: CONFIDENCE_TAGS }) confidence: ConfidenceTag;
}

export class AlternativeDto {
  @ApiProperty({ example: 'RS-7-1-i-E1a' }) code: string;
  @ApiProperty({ example: 'a' }) letter: string;
  @ApiProperty() text: string;
  @ApiPropertyOptional({ type: () => KoreanTextResponseDto, description: 'Korean paraphrase, where seeded' }) textKo?: KoreanTextResponseDto | null;
  @ApiProperty({ type: [AnnotationDto] }) notes: AnnotationDto[];
}

export class ElementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RS-7-1-c-E1' }) code: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: ELEMENT_KINDS }) kind: ElementKind;
  @ApiProperty() text: string;
  @ApiPropertyOptional({ nullable: true, type: KoreanTextResponseDto, description: 'Korean wording, where translated' }) textKo: KoreanTextResponseDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sharedRef: string | null;
  @ApiProperty({ type: [AlternativeDto] }) alternatives: AlternativeDto[];
  @ApiProperty({ type: [AnnotationDto] }) notes: AnnotationDto[];
  @ApiPropertyOptional({ nullable: true, enum: CONFIDENCE_TAGS }) confidence: ConfidenceTag | null;
}

export class CrimeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RS-7-1-c' }) code: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '7(1)(c)' }) referenceId: string | null;
  @ApiProperty({ example: 'crimes-against-humanity' }) group: string;
  @ApiPropertyOptional({ nullable: true, type: String }) articleRef: string | null;
  @ApiProperty() titleEn: string;
  @ApiPropertyOptional({ nullable: true, type: KoreanTextResponseDto }) titleKo: KoreanTextResponseDto | null;
  @ApiProperty() sortOrder: number;
  @ApiPropertyOptional({ nullable: true, enum: ARMED_CONFLICT_TYPES }) armedConflict: ArmedConflictType | null;
  @ApiPropertyOptional({ nullable: true, enum: CONFIDENCE_TAGS }) confidence: ConfidenceTag | null;
  @ApiProperty({ description: 'Notes, definition references, tagging variants, persecution grounds', type: Object }) details: CrimeDetails;
  @ApiProperty({ type: [ElementDto] }) elements: ElementDto[];
  @ApiProperty() revision: number;
}

export class RequirementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RS-28-b-R1' }) code: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: ELEMENT_KINDS }) kind: ElementKind;
  @ApiProperty() text: string;
  @ApiPropertyOptional({ nullable: true, type: KoreanTextResponseDto, description: 'Korean paraphrase' }) textKo: KoreanTextResponseDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) statuteRef: string | null;
  @ApiProperty({ type: [AlternativeDto] }) alternatives: AlternativeDto[];
  @ApiProperty({ type: [AnnotationDto] }) notes: AnnotationDto[];
  @ApiPropertyOptional({ nullable: true, enum: CONFIDENCE_TAGS }) confidence: ConfidenceTag | null;
}

export class ModeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RS-25-3-a-joint' }) code: string;
  @ApiPropertyOptional({ nullable: true, type: String }) referenceId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) articleRef: string | null;
  @ApiProperty() titleEn: string;
  @ApiPropertyOptional({ nullable: true, type: KoreanTextResponseDto }) titleKo: KoreanTextResponseDto | null;
  @ApiProperty() sortOrder: number;
  @ApiProperty({ description: "'all' or the crime groups it applies to", oneOf: [{ type: 'string', enum: ['all'] }, { type: 'array', items: { type: 'string' } }] }) appliesTo: 'all' | string[];
  @ApiPropertyOptional({ nullable: true, enum: CONFIDENCE_TAGS }) confidence: ConfidenceTag | null;
  @ApiProperty({ type: [AnnotationDto] }) notes: AnnotationDto[];
  @ApiProperty({ type: [RequirementDto] }) requirements: RequirementDto[];
  @ApiProperty() revision: number;
}

export class SharedRequirementDto {
  @ApiProperty({ example: 'RS-7-CTX-1' }) code: string;
  @ApiPropertyOptional({ nullable: true, type: String }) group: string | null;
  @ApiProperty({ enum: ELEMENT_KINDS }) kind: ElementKind;
  @ApiProperty() text: string;
  @ApiPropertyOptional({ nullable: true, type: String }) sourceRef: string | null;
  @ApiProperty({ type: [String] }) referenceIds: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) refines: string | null;
  @ApiProperty({ type: [AnnotationDto] }) notes: AnnotationDto[];
  @ApiPropertyOptional({ nullable: true, enum: CONFIDENCE_TAGS }) confidence: ConfidenceTag | null;
}

export class GroupDto {
  @ApiProperty() key: string;
  @ApiProperty() code: string;
  @ApiPropertyOptional({ nullable: true, type: String }) articleRef: string | null;
  @ApiProperty() titleEn: string;
  @ApiPropertyOptional({ nullable: true, type: KoreanTextResponseDto }) titleKo: KoreanTextResponseDto | null;
  @ApiProperty() sortOrder: number;
}

export class FrameworkSummaryDto {
  @ApiProperty({ format: 'uuid', description: 'Id of this framework version; evidence links name it as frameworkVersionId' }) id: string;
  @ApiProperty({ example: 'rome-statute' }) code: string;
  @ApiProperty({ example: '2011-icc-ed' }) version: string;
  @ApiProperty() titleEn: string;
  @ApiPropertyOptional({ nullable: true, type: KoreanTextResponseDto }) titleKo: KoreanTextResponseDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) jurisdiction: string | null;
  @ApiProperty({ enum: FRAMEWORK_STATUSES }) status: FrameworkStatus;
  @ApiProperty({ description: 'Seeded by a migration' }) builtin: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) supersedesId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) publishedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) supersededAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When an admin retired it: no new evidence links; existing links and exports keep it' }) retiredAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) retirementReason: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Optimistic lock of this row (send it back when changing a draft)' }) revision: number;
}

export class FrameworkDto extends FrameworkSummaryDto {
  @ApiProperty({ type: [GroupDto] }) groups: GroupDto[];
  @ApiProperty({ type: [SharedRequirementDto] }) sharedRequirements: SharedRequirementDto[];
  @ApiProperty({ type: [CrimeDto] }) crimes: CrimeDto[];
  @ApiProperty({ type: [ModeDto] }) modesOfLiability: ModeDto[];
  @ApiProperty({ description: 'Sources, instrument versions, caveats, glossary, guidance notes', type: Object }) reference: FrameworkReference;
}

// ----- mappers ------------------------------------------------------------------------------

const ko = (k: KoreanText | null): KoreanTextResponseDto | null => (k ? { text: k.text, confidence: k.confidence, ...(k.note ? { note: k.note } : {}) } : null);
const notes = (n: Annotation[] | undefined): AnnotationDto[] => (n ?? []).map((a) => ({ text: a.text, source: a.source, confidence: a.confidence }));
const alternatives = (alts: ElementAlternative[]): AlternativeDto[] => alts.map((a) => ({ code: a.code, letter: a.letter, text: a.text, ...(a.textKo ? { textKo: ko(a.textKo) } : {}), notes: notes(a.notes) }));

export function mapFrameworkSummary(f: LegalFrameworkEntity): FrameworkSummaryDto {
  return {
    id: f.id,
    code: f.code,
    version: f.version,
    titleEn: f.titleEn,
    titleKo: ko(f.titleKo),
    description: f.description,
    jurisdiction: f.jurisdiction,
    status: f.status,
    builtin: f.builtin,
    supersedesId: f.supersedesId,
    publishedAt: f.publishedAt?.toISOString() ?? null,
    supersededAt: f.supersededAt?.toISOString() ?? null,
    retiredAt: f.retiredAt?.toISOString() ?? null,
    retirementReason: f.retirementReason,
    createdAt: f.createdAt.toISOString(),
    revision: f.revision,
  };
}

export function mapElement(e: LegalElementEntity): ElementDto {
  return { id: e.id, code: e.code, number: e.number, kind: e.kind, text: e.text, textKo: ko(e.textKo), sharedRef: e.sharedRef, alternatives: alternatives(e.alternatives), notes: notes(e.notes), confidence: e.confidence };
}

export function mapCrime(c: LegalCrimeEntity, elements: LegalElementEntity[]): CrimeDto {
  return {
    id: c.id,
    code: c.code,
    referenceId: c.referenceId,
    group: c.groupKey,
    articleRef: c.articleRef,
    titleEn: c.titleEn,
    titleKo: ko(c.titleKo),
    sortOrder: c.sortOrder,
    armedConflict: c.armedConflict,
    confidence: c.confidence,
    details: c.details,
    elements: [...elements].sort((a, b) => a.number - b.number).map(mapElement),
    revision: c.revision,
  };
}

export function mapMode(m: LegalModeEntity, requirements: LegalModeRequirementEntity[]): ModeDto {
  return {
    id: m.id,
    code: m.code,
    referenceId: m.referenceId,
    articleRef: m.articleRef,
    titleEn: m.titleEn,
    titleKo: ko(m.titleKo),
    sortOrder: m.sortOrder,
    appliesTo: m.appliesTo ?? 'all',
    confidence: m.confidence,
    notes: notes(m.notes),
    requirements: [...requirements].sort((a, b) => a.number - b.number).map((r) => ({
      id: r.id, code: r.code, number: r.number, kind: r.kind, text: r.text, textKo: ko(r.textKo), statuteRef: r.statuteRef, alternatives: alternatives(r.alternatives), notes: notes(r.notes), confidence: r.confidence,
    })),
    revision: m.revision,
  };
}

export function mapSharedRequirement(s: LegalSharedRequirementEntity): SharedRequirementDto {
  return { code: s.code, group: s.groupKey, kind: s.kind, text: s.text, sourceRef: s.sourceRef, referenceIds: s.referenceIds, refines: s.refines, notes: notes(s.notes), confidence: s.confidence };
}

export function mapGroup(g: FrameworkGroup): GroupDto {
  return { key: g.key, code: g.code, articleRef: g.articleRef, titleEn: g.titleEn, titleKo: ko(g.titleKo), sortOrder: g.sortOrder };
}
