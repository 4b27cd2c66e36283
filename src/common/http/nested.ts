import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

/**
 * A nested DTO, or with `each` an array of them: validated, and required to be an object.
 * Bare @ValidateNested accepts an array where an object belongs (it validates the array's
 * items, and [] has none), so `requirements: [[]]` reached the database as an empty row.
 */
export function NestedDto(type: () => new () => object, options: { each?: boolean } = {}): PropertyDecorator {
  const each = options.each ?? false;
  return applyDecorators(
    ValidateNested({ each }),
    Type(type),
    IsObject({ each, message: each ? '$property must contain only objects' : '$property must be an object' }),
  );
}
