import { DomainException } from 'src/common/errors/domain.exception';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { findInputProblem, findNullProblem, InputGuardPipe, MAX_INPUT_DEPTH } from 'src/common/http/input-guard';

class PointDto {
  @ApiProperty() lat: number;
  @ApiPropertyOptional({ nullable: true }) label?: string | null;
}

class PatchDto {
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional({ nullable: true, description: 'null removes it' }) placeId?: string | null;
  @ApiPropertyOptional({ type: PointDto }) point?: PointDto;
  @ApiPropertyOptional({ type: () => [PointDto] }) points?: PointDto[];
}

const nested = (depth: number, leaf: unknown, wrap: (v: unknown) => unknown) => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
};

describe('findInputProblem', () => {
  it('passes ordinary input, Korean, NFD and right-to-left text and well-formed surrogate pairs', () => {
    expect(findInputProblem({ title: '요덕수용소', nfd: '한국'.normalize('NFD'), rtl: '\u202Eabc\u202C שלום', emoji: 'ok 😀', items: [{ n: 1, ok: true, none: null }] }, 'body')).toBeNull();
    expect(findInputProblem(nested(MAX_INPUT_DEPTH, 'x', (v) => [v]), 'body')).toBeNull();
  });

  it('names the field holding a NUL or a lone surrogate, in values and in property names', () => {
    expect(findInputProblem({ a: { b: ['ok', 'x\u0000y'] } }, 'body')).toEqual({ field: 'a.b.1', problems: ['must not contain NUL characters (U+0000)'] });
    expect(findInputProblem({ email: 'a\uD800@example.org' }, 'body')).toEqual({ field: 'email', problems: ['must be valid Unicode text (it contains a lone surrogate)'] });
    expect(findInputProblem({ email: 'a\uDC00' }, 'body')?.field).toBe('email');
    expect(findInputProblem({ list: [{ 'k\u0000': 1 }] }, 'body')).toEqual({ field: 'list.0', problems: ['has a property name that must not contain NUL characters (U+0000)'] });
    expect(findInputProblem('x\u0000', 'caseId')).toEqual({ field: 'caseId', problems: ['must not contain NUL characters (U+0000)'] });
  });

  it('refuses nesting beyond the limit without recursing: 5,000 objects and 200,000 arrays deep', () => {
    expect(findInputProblem(nested(MAX_INPUT_DEPTH + 1, 'x', (v) => [v]), 'body')?.problems).toEqual([`is nested more than ${MAX_INPUT_DEPTH} levels deep`]);
    const objects = findInputProblem({ title: nested(5000, 1, (v) => ({ a: v })) }, 'body');
    expect(objects?.field).toBe('title.a.a.a.a.a…');
    expect(findInputProblem(nested(200_000, 1, (v) => [v]), 'body')?.problems[0]).toMatch(/nested more than/);
  });
});

describe('findNullProblem', () => {
  it('accepts null only where the DTO (and so the OpenAPI document) says nullable, in nested DTOs too', () => {
    expect(findNullProblem({ title: 'x', placeId: null, point: { lat: 1, label: null }, points: [{ lat: 2, label: null }] }, PatchDto)).toBeNull();
    expect(findNullProblem({ title: null }, PatchDto)).toEqual({ field: 'title', problems: ['must not be null (leave it out instead)'] });
    expect(findNullProblem({ point: { lat: null } }, PatchDto)?.field).toBe('point.lat');
    expect(findNullProblem({ points: [{ lat: 1 }, { lat: null }] }, PatchDto)?.field).toBe('points.1.lat');
    expect(findNullProblem({ unknown: null }, PatchDto)).toBeNull();
    expect(findNullProblem({ title: null }, Object)).toBeNull();
  });
});

describe('InputGuardPipe', () => {
  const pipe = new InputGuardPipe();
  it('checks bodies, queries and path parameters, and leaves other arguments alone', () => {
    expect(() => pipe.transform({ q: 'a\u0000' }, { type: 'query' })).toThrow(DomainException);
    expect(() => pipe.transform('\uD800', { type: 'param', data: 'code' })).toThrow(/code: must be valid Unicode/);
    expect(() => pipe.transform({ x: '\u0000' }, { type: 'custom' })).not.toThrow();
    expect(pipe.transform({ q: 'ok' }, { type: 'query' })).toEqual({ q: 'ok' });
    expect(() => pipe.transform({ title: null }, { type: 'body', metatype: PatchDto })).toThrow(/title: must not be null/);
  });
});
