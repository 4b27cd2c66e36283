import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { NestedDto } from 'src/common/http/nested';
import { PageQueryDto } from 'src/common/http/pagination';
import { FACILITY_TYPES, NAME_SYSTEMS, PLACE_KINDS, PlaceEntity, PlaceNameEntity, type FacilityType, type NameSystem, type PlaceKind } from 'src/places/entities/place.entity';

const oneOf = (name: string, values: readonly string[]) => ({ message: `${name} must be one of: ${values.join(', ')}` });

export class PlaceNameInputDto {
  @ApiProperty({ enum: NAME_SYSTEMS, description: 'hangul, mr (McCune–Reischauer), rr (Revised Romanization), kps (DPRK style), en, other' })
  @IsIn(NAME_SYSTEMS as unknown as string[], oneOf('system', NAME_SYSTEMS)) system: NameSystem;
  @ApiProperty({ example: 'Yodŏk' }) @IsString() @MinLength(1) @MaxLength(300) name: string;
}

export class CoordinatesDto {
  @ApiProperty({ example: 39.57 }) @IsLatitude({ message: 'latitude must be a number between -90 and 90' }) latitude: number;
  @ApiProperty({ example: 126.06 }) @IsLongitude({ message: 'longitude must be a number between -180 and 180' }) longitude: number;
}

export class CreatePlaceDto {
  @ApiProperty({ example: 'Nongp’o holding centre' }) @IsString() @MinLength(1) @MaxLength(300) name: string;
  @ApiProperty({ enum: PLACE_KINDS }) @IsIn(PLACE_KINDS as unknown as string[], oneOf('kind', PLACE_KINDS)) kind: PlaceKind;
  @ApiPropertyOptional({ enum: FACILITY_TYPES, description: 'For kind facility' }) @IsOptional() @IsIn(FACILITY_TYPES as unknown as string[], oneOf('facilityType', FACILITY_TYPES)) facilityType?: FacilityType;
  @ApiPropertyOptional({ format: 'uuid', description: 'The place it lies in' }) @IsOptional() @IsUUID('all', { message: 'parentId must be a place id' }) parentId?: string;
  @ApiPropertyOptional({ example: 'org-nongpo', description: 'Optional stable code, unique across the gazetteer' })
  @IsOptional() @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'code must be 1-64 letters, digits, . _ or -' }) code?: string;
  @ApiPropertyOptional({ type: [PlaceNameInputDto], description: 'Other spellings: Hangul, romanisations' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @NestedDto(() => PlaceNameInputDto, { each: true }) names?: PlaceNameInputDto[];
  @ApiPropertyOptional({ type: CoordinatesDto }) @IsOptional() @NestedDto(() => CoordinatesDto) coordinates?: CoordinatesDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class UpdatePlaceDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(300) name?: string;
  @ApiPropertyOptional({ enum: FACILITY_TYPES }) @IsOptional() @IsIn(FACILITY_TYPES as unknown as string[], oneOf('facilityType', FACILITY_TYPES)) facilityType?: FacilityType;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all', { message: 'parentId must be a place id' }) parentId?: string;
  @ApiPropertyOptional({ type: [PlaceNameInputDto], description: 'Replaces the other spellings' })
  @IsOptional() @IsArray() @ArrayMinSize(0) @ArrayMaxSize(50) @NestedDto(() => PlaceNameInputDto, { each: true }) names?: PlaceNameInputDto[];
  @ApiPropertyOptional({ type: CoordinatesDto }) @IsOptional() @NestedDto(() => CoordinatesDto) coordinates?: CoordinatesDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ListPlacesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'Yodok', description: 'Any spelling: Hangul, McCune–Reischauer, Revised Romanization, DPRK style, or a part of one' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: PLACE_KINDS }) @IsOptional() @IsIn(PLACE_KINDS as unknown as string[], oneOf('kind', PLACE_KINDS)) kind?: PlaceKind;
  @ApiPropertyOptional({ enum: FACILITY_TYPES }) @IsOptional() @IsIn(FACILITY_TYPES as unknown as string[], oneOf('facilityType', FACILITY_TYPES)) facilityType?: FacilityType;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only places inside this one (at any depth)' }) @IsOptional() @IsUUID('all', { message: 'within must be a place id' }) within?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct children of this place' }) @IsOptional() @IsUUID('all', { message: 'parentId must be a place id' }) parentId?: string;
  @ApiPropertyOptional({ example: 'kwanliso-15' }) @IsOptional() @IsString() @MaxLength(64) code?: string;
}

export class PlaceRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLACE_KINDS }) kind: PlaceKind;
}

export class PlaceNameDto {
  @ApiProperty({ enum: NAME_SYSTEMS }) system: NameSystem;
  @ApiProperty() name: string;
}

export class PlaceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) code: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PLACE_KINDS }) kind: PlaceKind;
  @ApiPropertyOptional({ enum: FACILITY_TYPES, nullable: true }) facilityType: FacilityType | null;
  @ApiProperty({ type: [PlaceNameDto] }) names: PlaceNameDto[];
  @ApiPropertyOptional({ type: PlaceRefDto, nullable: true }) parent: PlaceRefDto | null;
  @ApiPropertyOptional({ type: CoordinatesDto, nullable: true }) coordinates: CoordinatesDto | null;
  @ApiProperty({ description: 'Seeded with the system (read-only) or added by the organisation' }) builtin: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty() version: number;
}

export class PlaceDetailDto extends PlaceDto {
  @ApiProperty({ type: [PlaceRefDto], description: 'From the top (country) down to the parent' }) ancestors: PlaceRefDto[];
  @ApiProperty() childCount: number;
}

export function mapPlaceRef(p: Pick<PlaceEntity, 'id' | 'code' | 'name' | 'kind'>): PlaceRefDto {
  return { id: p.id, code: p.code, name: p.name, kind: p.kind };
}

export function mapPlace(p: PlaceEntity, names: PlaceNameEntity[], parent: PlaceEntity | null): PlaceDto {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    facilityType: p.facilityType,
    names: names.map((n) => ({ system: n.system, name: n.name })),
    parent: parent ? mapPlaceRef(parent) : null,
    coordinates: p.latitude !== null && p.longitude !== null ? { latitude: p.latitude, longitude: p.longitude } : null,
    builtin: p.builtin,
    note: p.note,
    version: p.version,
  };
}
