import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { DownloadFormatDto, type ListDownloadShape } from 'src/common/csv/list-download';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { NestedDto } from 'src/common/http/nested';
import { DatedValueDto } from 'src/common/dates/dated-value.dto';
import { PageQueryDto } from 'src/common/http/pagination';
import { PERSON_KINDS, PersonEntity, type PersonKind } from 'src/people/entities/person.entity';

const SEXES = ['female', 'male', 'other', 'unknown'] as const;
const CONTACT_KINDS = ['phone', 'email', 'messaging', 'address', 'other'] as const;

export class ContactDto {
  @ApiProperty({ enum: CONTACT_KINDS }) @IsIn(CONTACT_KINDS as unknown as string[], { message: `kind must be one of: ${CONTACT_KINDS.join(', ')}` }) kind: (typeof CONTACT_KINDS)[number];
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(500) value: string;
}

export class RelativeDto {
  @ApiProperty({ example: 'mother' }) @IsString() @MinLength(1) @MaxLength(100) relation: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) name: string;
  @ApiPropertyOptional({ example: 'still in North Hamgyong' }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

/** Everything that identifies a person. Sealed at rest; shown only to cleared members; reads audited. */
export class PersonIdentityDto {
  @ApiPropertyOptional({ example: ['김철수'] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true }) namesHangul?: string[];
  @ApiPropertyOptional({ example: ['Kim Chol-su', 'Kim Cheol-su'] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true }) namesRomanised?: string[];
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true }) aliases?: string[];
  @ApiPropertyOptional({ enum: SEXES }) @IsOptional() @IsIn(SEXES as unknown as string[], { message: `sex must be one of: ${SEXES.join(', ')}` }) sex?: (typeof SEXES)[number];
  @ApiPropertyOptional({ type: DatedValueDto }) @IsOptional() @NestedDto(() => DatedValueDto) birthDate?: DatedValueDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) birthplace?: string;
  @ApiPropertyOptional({ type: [ContactDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @NestedDto(() => ContactDto, { each: true }) contacts?: ContactDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) currentLocation?: string;
  @ApiPropertyOptional({ type: [RelativeDto] }) @IsOptional() @IsArray() @ArrayMaxSize(100) @NestedDto(() => RelativeDto, { each: true }) relatives?: RelativeDto[];
}

export class CreatePersonDto {
  @ApiProperty({ enum: PERSON_KINDS }) @IsIn(PERSON_KINDS as unknown as string[], { message: `kind must be one of: ${PERSON_KINDS.join(', ')}` }) kind: PersonKind;
  @ApiPropertyOptional({ type: PersonIdentityDto }) @IsOptional() @NestedDto(() => PersonIdentityDto) identity?: PersonIdentityDto;
}

export class UpdateIdentityDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiProperty({ type: PersonIdentityDto }) @NestedDto(() => PersonIdentityDto) identity: PersonIdentityDto;
}

const ERASURE_REASONS = ['consent_withdrawn', 'witness_request', 'safety', 'data_minimisation'] as const;
export class EraseIdentityDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiProperty({ enum: ERASURE_REASONS }) @IsIn(ERASURE_REASONS as unknown as string[], { message: `reason must be one of: ${ERASURE_REASONS.join(', ')}` }) reason: (typeof ERASURE_REASONS)[number];
}

export const PERSON_SORTS = ['code', '-code', 'createdAt', '-createdAt'] as const;
export class ListPeopleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PERSON_KINDS }) @IsOptional() @IsIn(PERSON_KINDS as unknown as string[], { message: `kind must be one of: ${PERSON_KINDS.join(', ')}` }) kind?: PersonKind;
  @ApiPropertyOptional({ description: 'Pseudonym code prefix, e.g. W-00' }) @IsOptional() @IsString() @MaxLength(20) code?: string;
  @ApiPropertyOptional({ enum: PERSON_SORTS, default: 'code' }) @IsOptional() @IsIn(PERSON_SORTS as unknown as string[], { message: `sort must be one of: ${PERSON_SORTS.join(', ')}` }) sort: (typeof PERSON_SORTS)[number] = 'code';
}

/** The people list as a file: the list's filters and order, every page, CSV or JSON. */
export class DownloadPeopleQueryDto extends IntersectionType(OmitType(ListPeopleQueryDto, ['limit', 'offset'] as const), DownloadFormatDto) {}

/** What anyone in the case sees: the pseudonym, never the identity. */
export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'W-0007' }) code: string;
  @ApiProperty({ enum: PERSON_KINDS }) kind: PersonKind;
  @ApiProperty({ description: 'Whether identity data is on file (sealed)' }) hasIdentity: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) identityErasedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() version: number;
}

export function mapPerson(p: PersonEntity, hasIdentity: boolean): PersonDto {
  return { id: p.id, code: p.code, kind: p.kind, hasIdentity, identityErasedAt: p.identityErasedAt?.toISOString() ?? null, createdAt: p.createdAt.toISOString(), version: p.version };
}

export class PersonIdentityResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ type: PersonIdentityDto, nullable: true, description: 'null when erased or never recorded' }) identity: PersonIdentityDto | null;
}

/**
 * People as a download: pseudonym code and non-identifying attributes only. Never a name or any
 * identity field, whoever downloads (the identity is read one person at a time, audited).
 */
export const PERSON_DOWNLOAD: ListDownloadShape<PersonDto> = {
  columns: [
    ['code', (p) => p.code],
    ['kind', (p) => p.kind],
    ['has_identity', (p) => p.hasIdentity],
    ['identity_erased_at', (p) => p.identityErasedAt],
    ['created_at', (p) => p.createdAt],
    ['version', (p) => p.version],
  ],
  json: (p) => ({ code: p.code, kind: p.kind, hasIdentity: p.hasIdentity, identityErasedAt: p.identityErasedAt, createdAt: p.createdAt, version: p.version }),
};
