import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { DownloadFormatDto, type ListDownloadShape } from 'src/common/csv/list-download';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { NestedDto } from 'src/common/http/nested';
import { PageQueryDto } from 'src/common/http/pagination';
import { CONFIDENCES, INVOLVEMENTS, type Confidence, type Involvement } from 'src/incidents/entities/incident.entity';
import { INCIDENT_DATE_PRECISIONS, type IncidentDatePrecision } from 'src/incidents/incident-dates';
import type { ViolationTypeEntity } from 'src/incidents/entities/violation-type.entity';
import type { IncidentView } from 'src/incidents/incidents.service';
import { CoordinatesDto, mapPlaceRef, PlaceRefDto } from 'src/places/dto/place.dto';
import { PerpetratorDto } from 'src/perpetrators/dto/perpetrator.dto';

const oneOf = (name: string, values: readonly string[]) => ({ message: `${name} must be one of: ${values.join(', ')}` });
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const CODE = /^[a-z][a-z0-9_]{0,63}$/;

/** When: a date with its precision, or a range of two partial dates. Checked by incidentDateProblem. */
export class IncidentDateDto {
  @ApiProperty({ enum: INCIDENT_DATE_PRECISIONS, description: 'day (exact), month, year, approximate, range or unknown' })
  @IsIn(INCIDENT_DATE_PRECISIONS as unknown as string[], oneOf('precision', INCIDENT_DATE_PRECISIONS)) precision: IncidentDatePrecision;
  @ApiPropertyOptional({ example: '1997-03', description: 'For day (YYYY-MM-DD), month (YYYY-MM), year (YYYY), approximate (any of them)' })
  @IsOptional() @IsString() @MaxLength(10) date?: string;
  @ApiPropertyOptional({ example: '1995', description: 'For range: the first end (YYYY[-MM[-DD]])' }) @IsOptional() @IsString() @MaxLength(10) from?: string;
  @ApiPropertyOptional({ example: '1998-06', description: 'For range: the last end' }) @IsOptional() @IsString() @MaxLength(10) to?: string;
}

export class VictimInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A person of the case; or give groupCount' }) @IsOptional() @IsUUID('all', { message: 'personId must be a person id' }) personId?: string;
  @ApiPropertyOptional({ example: 30, description: 'A counted group of victims' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) groupCount?: number;
  @ApiPropertyOptional({ example: 'prisoners of work team 3' }) @IsOptional() @IsString() @MaxLength(2000) groupDescription?: string;
}

export class InvolvementInputDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'perpetratorId must be a perpetrator id' }) perpetratorId: string;
  @ApiProperty({ enum: INVOLVEMENTS }) @IsIn(INVOLVEMENTS as unknown as string[], oneOf('involvement', INVOLVEMENTS)) involvement: Involvement;
  @ApiProperty({ enum: CONFIDENCES }) @IsIn(CONFIDENCES as unknown as string[], oneOf('confidence', CONFIDENCES)) confidence: Confidence;
}

export class PassageInputDto {
  @ApiProperty({ format: 'uuid', description: 'A version of a transcript of the source testimony' }) @IsUUID('all', { message: 'transcriptVersionId must be a transcript version id' }) transcriptVersionId: string;
  @ApiProperty({ description: 'First character, UTF-16 code units from 0' }) @Type(() => Number) @IsInt() @Min(0) start: number;
  @ApiProperty({ description: 'One past the last character; at most the version’s length' }) @Type(() => Number) @IsInt() @Min(1) end: number;
}

export class SourceInputDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'testimonyId must be a testimony id' }) testimonyId: string;
  @ApiPropertyOptional({ type: PassageInputDto, description: 'The passage that reports the incident' }) @IsOptional() @NestedDto(() => PassageInputDto) passage?: PassageInputDto;
}

export class CreateIncidentDto {
  @ApiProperty({ example: 'Beating during interrogation at the county MSS office' }) @IsString() @MinLength(1) @MaxLength(500) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) description?: string;
  @ApiProperty({ example: ['torture', 'arbitrary_detention'], description: 'Codes from /vocabularies/violation-types' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @Matches(CODE, { each: true, message: 'each violationType must be a vocabulary code' }) violationTypes: string[];
  @ApiProperty({ type: IncidentDateDto }) @NestedDto(() => IncidentDateDto) date: IncidentDateDto;
  @ApiPropertyOptional({ format: 'uuid', description: 'A place of the gazetteer' }) @IsOptional() @IsUUID('all', { message: 'placeId must be a place id' }) placeId?: string;
  @ApiPropertyOptional({ type: CoordinatesDto }) @IsOptional() @NestedDto(() => CoordinatesDto) coordinates?: CoordinatesDto;
  @ApiPropertyOptional({ type: [VictimInputDto] }) @IsOptional() @IsArray() @ArrayMaxSize(500) @NestedDto(() => VictimInputDto, { each: true }) victims?: VictimInputDto[];
  @ApiPropertyOptional({ type: [InvolvementInputDto] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @NestedDto(() => InvolvementInputDto, { each: true }) perpetrators?: InvolvementInputDto[];
  @ApiPropertyOptional({ type: [SourceInputDto] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @NestedDto(() => SourceInputDto, { each: true }) sources?: SourceInputDto[];
}

export class UpdateIncidentDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @Matches(CODE, { each: true, message: 'each violationType must be a vocabulary code' }) violationTypes?: string[];
  @ApiPropertyOptional({ type: IncidentDateDto }) @IsOptional() @NestedDto(() => IncidentDateDto) date?: IncidentDateDto;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null removes the place' }) @IsOptional() @IsUUID('all', { message: 'placeId must be a place id' }) placeId?: string | null;
  @ApiPropertyOptional({ type: CoordinatesDto, nullable: true }) @IsOptional() @NestedDto(() => CoordinatesDto) coordinates?: CoordinatesDto | null;
  @ApiPropertyOptional({ type: [VictimInputDto], description: 'Replaces the victims' }) @IsOptional() @IsArray() @ArrayMaxSize(500) @NestedDto(() => VictimInputDto, { each: true }) victims?: VictimInputDto[];
  @ApiPropertyOptional({ type: [InvolvementInputDto], description: 'Replaces the perpetrators' }) @IsOptional() @IsArray() @ArrayMaxSize(200) @NestedDto(() => InvolvementInputDto, { each: true }) perpetrators?: InvolvementInputDto[];
  @ApiPropertyOptional({ type: [SourceInputDto], description: 'Replaces the sources' }) @IsOptional() @IsArray() @ArrayMaxSize(200) @NestedDto(() => SourceInputDto, { each: true }) sources?: SourceInputDto[];
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const INCIDENT_SORTS = ['code', '-code', 'date', '-date', 'createdAt', '-createdAt'] as const;
export class ListIncidentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Incidents at this place or anywhere inside it (a province finds its facilities)' }) @IsOptional() @IsUUID('all', { message: 'placeId must be a place id' }) placeId?: string;
  @ApiPropertyOptional({ example: '1995', description: 'Incidents that may have happened on or after (YYYY[-MM[-DD]])' }) @IsOptional() @Matches(PARTIAL_DATE, { message: 'dateFrom must be YYYY, YYYY-MM or YYYY-MM-DD' }) dateFrom?: string;
  @ApiPropertyOptional({ example: '1999-12', description: 'Incidents that may have happened on or before' }) @IsOptional() @Matches(PARTIAL_DATE, { message: 'dateTo must be YYYY, YYYY-MM or YYYY-MM-DD' }) dateTo?: string;
  @ApiPropertyOptional({ example: 'torture' }) @IsOptional() @Matches(CODE, { message: 'violationType must be a vocabulary code' }) violationType?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Incidents naming this perpetrator (and, for a unit, its sub-units)' }) @IsOptional() @IsUUID('all', { message: 'perpetratorId must be a perpetrator id' }) perpetratorId?: string;
  @ApiPropertyOptional({ default: true, description: 'With perpetratorId: include the sub-units of a unit' }) @IsOptional() @Transform(toBoolean) @IsBoolean({ message: 'includeSubUnits must be true or false' }) includeSubUnits: boolean = true;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'victimId must be a person id' }) victimId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'testimonyId must be a testimony id' }) testimonyId?: string;
  @ApiPropertyOptional({ description: 'Words of the title' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: INCIDENT_SORTS, default: '-createdAt' }) @IsOptional() @IsIn(INCIDENT_SORTS as unknown as string[], oneOf('sort', INCIDENT_SORTS)) sort: (typeof INCIDENT_SORTS)[number] = '-createdAt';
}

/** The incident list as a file: the list's filters and order, every page, CSV or JSON. */
export class DownloadIncidentsQueryDto extends IntersectionType(OmitType(ListIncidentsQueryDto, ['limit', 'offset'] as const), DownloadFormatDto) {}

/** The incidents of one perpetrator (its page). */
export class PerpetratorIncidentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ default: true, description: 'For a unit: include the incidents of its sub-units' }) @IsOptional() @Transform(toBoolean) @IsBoolean({ message: 'includeSubUnits must be true or false' }) includeSubUnits: boolean = true;
  @ApiPropertyOptional({ enum: INCIDENT_SORTS, default: '-date' }) @IsOptional() @IsIn(INCIDENT_SORTS as unknown as string[], oneOf('sort', INCIDENT_SORTS)) sort: (typeof INCIDENT_SORTS)[number] = '-date';
}

export class IncidentDateResponseDto {
  @ApiProperty({ enum: INCIDENT_DATE_PRECISIONS }) precision: IncidentDatePrecision;
  @ApiPropertyOptional({ nullable: true, type: String }) date: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) from: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) to: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Earliest possible day' }) earliest: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Latest possible day' }) latest: string | null;
}

export class VictimDto {
  @ApiPropertyOptional({ nullable: true, description: 'The person, by pseudonym code only', type: Object, example: { id: '…', code: 'V-0001' } }) person: { id: string; code: string } | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) groupCount: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) groupDescription: string | null;
}

export class InvolvementDto {
  @ApiProperty({ type: PerpetratorDto }) perpetrator: Pick<PerpetratorDto, 'id' | 'kind' | 'code' | 'name'>;
  @ApiProperty({ enum: INVOLVEMENTS }) involvement: Involvement;
  @ApiProperty({ enum: CONFIDENCES }) confidence: Confidence;
}

export class PassageDto {
  @ApiProperty({ format: 'uuid' }) transcriptVersionId: string;
  @ApiProperty() start: number;
  @ApiProperty() end: number;
}

export class SourceDto {
  @ApiProperty({ format: 'uuid' }) testimonyId: string;
  @ApiProperty({ example: 'W-0001', description: 'The interviewee’s pseudonym code' }) intervieweeCode: string;
  @ApiPropertyOptional({ type: PassageDto, nullable: true }) passage: PassageDto | null;
  @ApiProperty({ description: "A new version of the passage's transcript changed its words: the passage still points into the superseded version and must be chosen again" }) needsReanchoring: boolean;
}

export class IncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'I-0001' }) code: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: [String] }) violationTypes: string[];
  @ApiProperty({ type: IncidentDateResponseDto }) date: IncidentDateResponseDto;
  @ApiPropertyOptional({ type: PlaceRefDto, nullable: true }) place: PlaceRefDto | null;
  @ApiPropertyOptional({ type: CoordinatesDto, nullable: true }) coordinates: CoordinatesDto | null;
  @ApiProperty({ type: [VictimDto] }) victims: VictimDto[];
  @ApiProperty({ type: [InvolvementDto] }) perpetrators: InvolvementDto[];
  @ApiProperty({ type: [SourceDto] }) sources: SourceDto[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class ViolationTypeDto {
  @ApiProperty({ example: 'torture' }) code: string;
  @ApiProperty() label: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: '고문' }) labelKo: string;
  @ApiProperty() descriptionKo: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'COI-E' }) coiCategory: string | null;
}

export function mapIncident(v: IncidentView): IncidentDto {
  const i = v.entity;
  const range = i.datePrecision === 'range';
  return {
    id: i.id,
    code: i.code,
    title: i.title,
    description: i.description,
    violationTypes: i.violationTypes,
    date: { precision: i.datePrecision, date: range ? null : i.dateFrom, from: range ? i.dateFrom : null, to: range ? i.dateTo : null, earliest: i.dateStart, latest: i.dateEnd },
    place: v.place ? mapPlaceRef(v.place) : null,
    coordinates: i.latitude !== null && i.longitude !== null ? { latitude: i.latitude, longitude: i.longitude } : null,
    victims: v.victims.map(({ entity, personCode }) => ({ person: entity.personId && personCode ? { id: entity.personId, code: personCode } : null, groupCount: entity.groupCount, groupDescription: entity.groupDescription })),
    perpetrators: v.perpetrators.map(({ entity, perpetrator }) => ({ perpetrator, involvement: entity.involvement, confidence: entity.confidence })),
    sources: v.sources.map(({ entity, intervieweeCode }) => ({
      testimonyId: entity.testimonyId,
      intervieweeCode,
      passage: entity.transcriptVersionId ? { transcriptVersionId: entity.transcriptVersionId, start: entity.passageStart as number, end: entity.passageEnd as number } : null,
      needsReanchoring: entity.needsReanchoring ?? false,
    })),
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
  };
}

export function mapViolationType(t: ViolationTypeEntity): ViolationTypeDto {
  return { code: t.code, label: t.label, description: t.description, labelKo: t.labelKo, descriptionKo: t.descriptionKo, coiCategory: t.coiCategory };
}

export class ViolationTypePageDto {
  @ApiProperty({ type: [ViolationTypeDto] }) items: ViolationTypeDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

/** Incidents as a download: victims and sources by pseudonym code only, as in the list. */
export const INCIDENT_DOWNLOAD: ListDownloadShape<IncidentDto> = {
  columns: [
    ['code', (i) => i.code],
    ['title', (i) => i.title],
    ['description', (i) => i.description],
    ['violation_types', (i) => i.violationTypes.join(' ')],
    ['date_precision', (i) => i.date.precision],
    ['date', (i) => i.date.date],
    ['date_from', (i) => i.date.from],
    ['date_to', (i) => i.date.to],
    ['earliest', (i) => i.date.earliest],
    ['latest', (i) => i.date.latest],
    ['place_code', (i) => i.place?.code ?? null],
    ['place_name', (i) => i.place?.name ?? null],
    ['latitude', (i) => i.coordinates?.latitude ?? null],
    ['longitude', (i) => i.coordinates?.longitude ?? null],
    ['victim_codes', (i) => i.victims.flatMap((v) => (v.person ? [v.person.code] : [])).join(' ')],
    ['victim_groups', (i) => i.victims.flatMap((v) => (v.groupCount !== null ? [`${v.groupCount}${v.groupDescription ? ` ${v.groupDescription}` : ''}`] : [])).join('; ')],
    ['perpetrators', (i) => i.perpetrators.map((p) => `${p.perpetrator.code}:${p.involvement}:${p.confidence}`).join(' ')],
    ['source_interviewee_codes', (i) => i.sources.map((s) => s.intervieweeCode).join(' ')],
    ['created_at', (i) => i.createdAt],
    ['updated_at', (i) => i.updatedAt],
    ['version', (i) => i.version],
  ],
  json: (i) => i,
};
