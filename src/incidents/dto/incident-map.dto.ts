import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IncidentDateResponseDto } from 'src/incidents/dto/incident.dto';
import { PlaceRefDto } from 'src/places/dto/place.dto';

export class MapIncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'I-0001' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: IncidentDateResponseDto }) date: IncidentDateResponseDto;
}

export class IncidentMapPointDto {
  @ApiProperty({ example: 39.57 }) latitude: number;
  @ApiProperty({ example: 126.06 }) longitude: number;
  @ApiPropertyOptional({ type: PlaceRefDto, nullable: true, description: 'The gazetteer place the point stands for (null: coordinates recorded on the incident)' }) place: PlaceRefDto | null;
  @ApiProperty({ description: 'Some incident here is drawn at an enclosing place (its own place has no coordinates)' }) approximate: boolean;
  @ApiProperty({ type: [MapIncidentDto], description: 'The incidents drawn at this point, oldest first' }) incidents: MapIncidentDto[];
}

export class IncidentMapDto {
  @ApiProperty({ type: [IncidentMapPointDto], description: 'Biggest first' }) points: IncidentMapPointDto[];
  @ApiProperty({ description: 'Incidents with no coordinates of their own, of their place or of any enclosing place' }) unplaced: number;
  @ApiProperty({ description: 'All incidents of the case' }) total: number;
}
