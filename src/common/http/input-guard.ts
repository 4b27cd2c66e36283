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

/** Throws the standard 400 for findInputProblem's answer. */
export function assertCleanInput(value: unknown, root: string): void {
  const problem = findInputProblem(value, root);
  if (problem) throw new DomainException('VALIDATION_FAILED', `Validation failed: ${problem.field}: ${problem.problems.join(', ')}`, [problem]);
}

/**
 * Runs before the ValidationPipe on every body, query and path parameter: one rule for the whole
 * API, so no route can forget it, and class-transformer never sees a body it cannot walk.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      assertCleanInput(value, metadata.data ?? metadata.type);
    }
    return value;
  }
}
