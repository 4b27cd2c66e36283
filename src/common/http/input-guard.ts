import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainException, type FieldProblem } from 'src/common/errors/domain.exception';

/**
 * How deep a request body or query may nest. Our deepest DTO (a framework's crimes, their
 * elements and alternatives) needs about 6; class-transformer recurses per level and overflows
 * the stack somewhere in the thousands.
 */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it contains a lone surrogate)';
  return null;
}

function shortPath(path: string[]): string {
  return path.length > 6 ? `${path.slice(0, 6).join('.')}…` : path.join('.');
}

/**
 * The first problem in a parsed body, query or form that no validator should have to meet:
 * nesting deeper than MAX_INPUT_DEPTH, or a string (value or property name) with NUL or a lone
 * surrogate — PostgreSQL refuses NUL in text (22021), and a lone surrogate is not text at all.
 * Walks without recursion, so a body nested 100,000 deep is answered, not a stack overflow.
 */
export function findInputProblem(value: unknown, root: string): FieldProblem | null {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  while (stack.length) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string[] };
    const field = () => (path.length ? shortPath(path) : root);
    if (typeof current === 'string') {
      const problem = stringProblem(current);
      if (problem) return { field: field(), problems: [problem] };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= MAX_INPUT_DEPTH) return { field: field(), problems: [`is nested more than ${MAX_INPUT_DEPTH} levels deep`] };
    for (const [key, child] of Object.entries(current)) {
      const keyProblem = stringProblem(key);
      if (keyProblem) return { field: path.length ? shortPath(path) : root, problems: [`has a property name that ${keyProblem}`] };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

// @nestjs/swagger's metadata key for @ApiProperty options (DECORATORS.API_MODEL_PROPERTIES).
const API_PROPERTY = 'swagger/apiModelProperties';
type Dto = abstract new (...args: never[]) => object;
const isDto = (type: unknown): type is Dto => typeof type === 'function' && !!type.prototype && Reflect.hasMetadata('swagger/apiModelPropertiesArray', type.prototype as object);

/**
 * The first `null` sent for a property the DTO (and so the OpenAPI document) does not declare
 * nullable. class-validator's @IsOptional lets null through as "absent", and a PATCH then wrote
 * it into a NOT NULL column or code that expected an array; null is a value only where the
 * contract says so (`nullable: true`, e.g. "null removes the place"). Follows nested DTOs.
 */
export function findNullProblem(value: unknown, type: unknown, path: string[] = []): FieldProblem | null {
  if (!isDto(type) || value === null || typeof value !== 'object' || Array.isArray(value) || path.length > MAX_INPUT_DEPTH) return null;
  for (const [key, child] of Object.entries(value)) {
    const meta = Reflect.getMetadata(API_PROPERTY, type.prototype as object, key) as { type?: unknown; nullable?: boolean } | undefined;
    if (!meta) continue; // unknown properties: the ValidationPipe names them
    const field = [...path, key];
    if (child === null) {
      if (!meta.nullable) return { field: field.join('.'), problems: ['must not be null (leave it out instead)'] };
      continue;
    }
    // The nested type: a class, or a thunk returning one (arrow functions have no prototype).
    let nested = meta.type ?? Reflect.getMetadata('design:type', type.prototype as object, key);
    if (typeof nested === 'function' && !nested.prototype) nested = (nested as () => unknown)();
    if (Array.isArray(nested)) nested = nested[0];
    const items = Array.isArray(child) ? child.map((item, i) => ({ item, at: [...field, String(i)] })) : [{ item: child as unknown, at: field }];
    for (const { item, at } of items) {
      const problem = findNullProblem(item, nested, at);
      if (problem) return problem;
    }
  }
  return null;
}

function refuse(problem: FieldProblem | null): void {
  if (problem) throw new DomainException('VALIDATION_FAILED', `Validation failed: ${problem.field}: ${problem.problems.join(', ')}`, [problem]);
}

/** Throws the standard 400 for findInputProblem's answer. */
export function assertCleanInput(value: unknown, root: string): void {
  refuse(findInputProblem(value, root));
}

/**
 * Runs before the ValidationPipe on every body, query and path parameter: one rule for the whole
 * API, so no route can forget it, and class-transformer never sees a body it cannot walk. Bodies
 * also get the null rule (findNullProblem).
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      assertCleanInput(value, metadata.data ?? metadata.type);
      if (metadata.type === 'body' && !metadata.data) refuse(findNullProblem(value, metadata.metatype));
    }
    return value;
  }
}
