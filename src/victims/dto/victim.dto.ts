import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { NestedDto } from 'src/common/http/nested';
import { IncidentDateDto, IncidentDateResponseDto } from 'src/incidents/dto/incident.dto';
import type { IncidentActEntity, VictimAttributesEntity } from 'src/victims/entities/victim.entity';
import { AGE_GROUPS, VICTIM_SEXES, VICTIM_STATUSES, type AgeGroup, type VictimSex, type VictimStatus } from 'src/victims/victim-categories';

const oneOf = (name: string, values: readonly string[]) => ({ message: `${name} must be one of: ${values.join(', ')}` });

export class VictimAttributesInputDto {
  @ApiProperty({ description: 'The version you read (0 when recording them the first time); a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(0) version: number;
  @ApiProperty({ enum: VICTIM_SEXES }) @IsIn(VICTIM_SEXES as unknown as string[], oneOf('sex', VICTIM_SEXES)) sex: VictimSex;
  @ApiProperty({ enum: AGE_GROUPS, description: 'Age group at the time of the documented violations' }) @IsIn(AGE_GROUPS as unknown as string[], oneOf('ageGroup', AGE_GROUPS)) ageGroup: AgeGroup;
  @ApiProperty({ enum: VICTIM_STATUSES, isArray: true, description: 'Status categories (categories only, never free text)' })
  @IsArray() @ArrayMaxSize(VICTIM_STATUSES.length) @ArrayUnique({ message: 'statuses must not repeat' }) @IsIn(VICTIM_STATUSES as unknown as string[], { each: true, ...oneOf('each of statuses', VICTIM_STATUSES) }) statuses: VictimStatus[];
}

export class VictimAttributesDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ enum: VICTIM_SEXES }) sex: VictimSex;
  @ApiProperty({ enum: AGE_GROUPS }) ageGroup: AgeGroup;
  @ApiProperty({ enum: VICTIM_STATUSES, isArray: true }) statuses: VictimStatus[];
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export function mapVictimAttributes(v: VictimAttributesEntity): VictimAttributesDto {
  return { personId: v.personId, sex: v.sex, ageGroup: v.ageGroup, statuses: v.statuses, updatedAt: v.updatedAt.toISOString(), version: v.version };
}

export class CreateActDto {
  @ApiProperty({ format: 'uuid', description: 'A person named among the incident’s victims' }) @IsUUID('all', { message: 'personId must be a person id' }) personId: string;
  @ApiProperty({ example: 'torture', description: 'A code of GET /violation-types' }) @IsString({ message: 'violationType must be a violation type code' }) @MaxLength(64) violationType: string;
  @ApiPropertyOptional({ type: [String], description: 'Perpetrators of this case' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true, message: 'each perpetratorIds must be a perpetrator id' }) perpetratorIds?: string[];
  @ApiPropertyOptional({ type: IncidentDateDto, description: "When, for this victim (default: the incident's date)" }) @IsOptional() @NestedDto(() => IncidentDateDto) date?: IncidentDateDto;
  @ApiPropertyOptional({ format: 'uuid', description: "Where, for this victim (default: the incident's place)" }) @IsOptional() @IsUUID('all', { message: 'placeId must be a place id' }) placeId?: string;
}

export class ActDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ description: 'Pseudonym code of the person' }) personCode: string;
  @ApiProperty() violationType: string;
  @ApiProperty({ type: [String] }) perpetratorIds: string[];
  @ApiProperty({ type: IncidentDateResponseDto }) date: IncidentDateResponseDto;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) placeId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() version: number;
}

export function mapAct(a: IncidentActEntity, personCode: string): ActDto {
  const range = a.datePrecision === 'range';
  return {
    id: a.id, incidentId: a.incidentId, personId: a.personId, personCode, violationType: a.violationType, perpetratorIds: a.perpetratorIds,
    date: { precision: a.datePrecision, date: range ? null : a.dateFrom, from: range ? a.dateFrom : null, to: range ? a.dateTo : null, earliest: a.dateStart, latest: a.dateEnd },
    placeId: a.placeId, createdAt: a.createdAt.toISOString(), version: a.version,
  };
}

export class ActVersionDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) version: number;
}
