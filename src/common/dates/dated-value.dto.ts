import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { DATE_PRECISIONS, type DatePrecision, datedValueProblem } from 'src/common/dates/dated-value';

@ValidatorConstraint({ name: 'datedValue' })
class DateMatchesPrecision implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const precision = (args.object as DatedValueDto).precision;
    if (!DATE_PRECISIONS.includes(precision)) return true; // reported by @IsIn
    return datedValueProblem(typeof value === 'string' ? value : null, precision) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    const precision = (args.object as DatedValueDto).precision;
    return `date ${datedValueProblem(typeof args.value === 'string' ? args.value : null, precision)}`;
  }
}

/** A date with an explicit precision: { date: '1997-03', precision: 'month' }. */
export class DatedValueDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: '1997-03', description: 'YYYY, YYYY-MM or YYYY-MM-DD, matching the precision; omitted when unknown' })
  @IsOptional()
  @IsString()
  @Validate(DateMatchesPrecision)
  date?: string | null;

  @ApiProperty({ enum: DATE_PRECISIONS })
  @IsIn(DATE_PRECISIONS as unknown as string[], { message: `precision must be one of: ${DATE_PRECISIONS.join(', ')}` })
  precision: DatePrecision;
}
