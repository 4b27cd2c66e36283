import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { NestedDto } from 'src/common/http/nested';
import { PageQueryDto } from 'src/common/http/pagination';
import { PERPETRATOR_KINDS, UNIT_TYPES, type PerpetratorKind, type UnitType } from 'src/perpetrators/entities/perpetrator.entity';
import type { PerpetratorDetailView, PerpetratorView } from 'src/perpetrators/perpetrators.service';

const oneOf = (name: string, values: readonly string[]) => ({ message: `${name} must be one of: ${values.join(', ')}` });
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export class PositionInputDto {
  @ApiProperty({ example: 'deputy director of security' }) @IsString() @MinLength(1) @MaxLength(300) title: string;
  @ApiPropertyOptional({ example: 'senior colonel' }) @IsOptional() @IsString() @MaxLength(100) rank?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A unit (perpetrator of kind unit) of this case' }) @IsOptional() @IsUUID('all', { message: 'unitId must be a perpetrator id' }) unitId?: string;
  @ApiPropertyOptional({ example: '1995', description: 'YYYY, YYYY-MM or YYYY-MM-DD' }) @IsOptional() @Matches(PARTIAL_DATE, { message: 'from must be YYYY, YYYY-MM or YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ example: '2001-06' }) @IsOptional() @Matches(PARTIAL_DATE, { message: 'to must be YYYY, YYYY-MM or YYYY-MM-DD' }) to?: string;
}

export class CreatePerpetratorDto {
  @ApiProperty({ enum: PERPETRATOR_KINDS }) @IsIn(PERPETRATOR_KINDS as unknown as string[], oneOf('kind', PERPETRATOR_KINDS)) kind: PerpetratorKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'Individuals: the person of the case (their names stay in the sealed identity)' })
  @IsOptional() @IsUUID('all', { message: 'personId must be a person id' }) personId?: string;
  @ApiPropertyOptional({ example: 'Ministry of State Security', description: 'Units: the public name' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(300) name?: string;
  @ApiPropertyOptional({ example: '국가보위성' }) @IsOptional() @IsString() @MaxLength(300) nameHangul?: string;
  @ApiPropertyOptional({ example: ['State Security Department', 'bowibu', 'Kukka Powisong'], description: 'Units: other and former names, romanisation variants' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(300, { each: true }) aliases?: string[];
  @ApiPropertyOptional({ enum: UNIT_TYPES }) @IsOptional() @IsIn(UNIT_TYPES as unknown as string[], oneOf('unitType', UNIT_TYPES)) unitType?: UnitType;
  @ApiPropertyOptional({ format: 'uuid', description: 'Units: the unit above' }) @IsOptional() @IsUUID('all', { message: 'parentId must be a perpetrator id' }) parentId?: string;
  @ApiPropertyOptional({ description: 'Units: what the institution is and does' }) @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiPropertyOptional({ type: [PositionInputDto], description: 'Individuals: positions over time' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @NestedDto(() => PositionInputDto, { each: true }) positions?: PositionInputDto[];
}

export class UpdatePerpetratorDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(300) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) nameHangul?: string;
  @ApiPropertyOptional({ description: 'Replaces the aliases' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(300, { each: true }) aliases?: string[];
  @ApiPropertyOptional({ enum: UNIT_TYPES }) @IsOptional() @IsIn(UNIT_TYPES as unknown as string[], oneOf('unitType', UNIT_TYPES)) unitType?: UnitType;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null detaches the unit from its parent' })
  @IsOptional() @IsUUID('all', { message: 'parentId must be a perpetrator id' }) parentId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiPropertyOptional({ type: [PositionInputDto], description: 'Replaces the positions' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @NestedDto(() => PositionInputDto, { each: true }) positions?: PositionInputDto[];
}

export const PERPETRATOR_SORTS = ['code', '-code', 'name', '-name', 'createdAt', '-createdAt'] as const;
export class ListPerpetratorsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PERPETRATOR_KINDS }) @IsOptional() @IsIn(PERPETRATOR_KINDS as unknown as string[], oneOf('kind', PERPETRATOR_KINDS)) kind?: PerpetratorKind;
  @ApiPropertyOptional({ enum: UNIT_TYPES }) @IsOptional() @IsIn(UNIT_TYPES as unknown as string[], oneOf('unitType', UNIT_TYPES)) unitType?: UnitType;
  @ApiPropertyOptional({ description: 'A unit name, alias or romanisation variant (any spelling), or a code' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) q?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct sub-units of this unit' }) @IsOptional() @IsUUID('all', { message: 'parentId must be a perpetrator id' }) parentId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only units below this one (any depth)' }) @IsOptional() @IsUUID('all', { message: 'within must be a perpetrator id' }) within?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'personId must be a person id' }) personId?: string;
  @ApiPropertyOptional({ enum: PERPETRATOR_SORTS, default: 'code' }) @IsOptional() @IsIn(PERPETRATOR_SORTS as unknown as string[], oneOf('sort', PERPETRATOR_SORTS)) sort: (typeof PERPETRATOR_SORTS)[number] = 'code';
}

export class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'U-0001' }) code: string | null;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ enum: UNIT_TYPES, nullable: true }) unitType: UnitType | null;
}

export class PersonCodeRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'P-0002' }) code: string;
}

export class PositionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true, type: String }) rank: string | null;
  @ApiPropertyOptional({ type: UnitRefDto, nullable: true }) unit: UnitRefDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) from: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) to: string | null;
}

export class PerpetratorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PERPETRATOR_KINDS }) kind: PerpetratorKind;
  @ApiProperty({ description: 'Units: U-0001; individuals: the person’s pseudonym code' }) code: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Units only; an individual is never named here' }) name: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) nameHangul: string | null;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiPropertyOptional({ enum: UNIT_TYPES, nullable: true }) unitType: UnitType | null;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiPropertyOptional({ type: UnitRefDto, nullable: true }) parent: UnitRefDto | null;
  @ApiPropertyOptional({ type: PersonCodeRefDto, nullable: true }) person: PersonCodeRefDto | null;
  @ApiProperty({ type: [PositionDto] }) positions: PositionDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class UnitChainDto {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'The position this chain starts from (individuals); null for a unit’s own chain' }) positionId: string | null;
  @ApiProperty({ type: [UnitRefDto], description: 'Nearest first, up to the top unit' }) units: UnitRefDto[];
}

export class PerpetratorDetailDto extends PerpetratorDto {
  @ApiProperty({ type: [UnitChainDto], description: 'A unit: the units above it. An individual: for each position, its unit and the units above.' }) chains: UnitChainDto[];
  @ApiProperty({ description: 'Incidents naming this perpetrator; list them at /perpetrators/{id}/incidents' }) incidentCount: number;
}

export function mapPerpetrator(v: PerpetratorView): PerpetratorDto {
  const p = v.entity;
  return {
    id: p.id,
    kind: p.kind,
    code: p.code ?? v.personCode ?? '',
    name: p.name,
    nameHangul: p.nameHangul,
    aliases: p.aliases,
    unitType: p.unitType,
    description: p.description,
    parent: v.parent,
    person: p.personId && v.personCode ? { id: p.personId, code: v.personCode } : null,
    positions: v.positions.map(({ entity, unit }) => ({ id: entity.id, title: entity.title, rank: entity.rank, unit, from: entity.fromDate, to: entity.toDate })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

export function mapPerpetratorDetail(v: PerpetratorDetailView): PerpetratorDetailDto {
  return { ...mapPerpetrator(v), chains: v.chains, incidentCount: v.incidentCount };
}
