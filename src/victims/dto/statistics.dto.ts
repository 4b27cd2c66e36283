import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import { STATISTICS_DIMENSIONS, type StatisticsDimension } from 'src/victims/statistics';

export class StatisticsQueryDto {
  @ApiPropertyOptional({ description: `Comma-separated dimensions to cross (default violationType,year): ${STATISTICS_DIMENSIONS.join(', ')}`, example: 'violationType,year,sex' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value))
  @IsArray() @ArrayMinSize(1, { message: 'by must name at least one dimension' }) @ArrayUnique({ message: 'by must not repeat a dimension' })
  @IsIn(STATISTICS_DIMENSIONS as unknown as string[], { each: true, message: `by must list dimensions among: ${STATISTICS_DIMENSIONS.join(', ')}` })
  by: StatisticsDimension[] = ['violationType', 'year'];
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv'], { message: 'format must be one of: json, csv' }) format: 'json' | 'csv' = 'json';
}

export class StatisticsCellDto {
  @ApiProperty({ type: Object, description: 'The value of each dimension of the cell (unknown when not recorded)', example: { violationType: 'torture', year: '1997' } }) key: Record<string, string>;
  @ApiPropertyOptional({ nullable: true, type: Number }) incidents: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Distinct victims (persons)' }) victims: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) acts: number | null;
  @ApiProperty({ enum: [false, 'small_cell', 'complementary'], example: false, description: 'Why the counts are withheld: fewer than k victims, or to protect another withheld cell from differencing' }) suppressed: false | 'small_cell' | 'complementary';
}

export class StatisticsTotalDto {
  @ApiPropertyOptional({ nullable: true, type: Number }) incidents: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) victims: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) acts: number | null;
  @ApiProperty() suppressed: boolean;
}

export class StatisticsDto {
  @ApiProperty({ type: [String], description: 'Case ids counted' }) caseIds: string[];
  @ApiProperty({ enum: STATISTICS_DIMENSIONS, isArray: true }) dimensions: StatisticsDimension[];
  @ApiProperty({ description: 'k: a cell with fewer distinct victims is withheld (STATISTICS_MIN_CELL_SIZE)' }) minCellSize: number;
  @ApiProperty({ type: [StatisticsCellDto] }) cells: StatisticsCellDto[];
  @ApiProperty({ type: StatisticsTotalDto }) total: StatisticsTotalDto;
}
