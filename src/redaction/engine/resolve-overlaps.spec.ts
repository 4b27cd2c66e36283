import { comparePrecedence, mergeIdentical, resolveOverlaps } from 'src/redaction/engine/resolve-overlaps';
import { Category, DetectedSpan, makeSpan } from 'src/redaction/engine/types';

const span = (start: number, end: number, category: Category, rule = `${category}.x`, ref?: string): DetectedSpan => makeSpan(start, end, category, rule, ref);
const brief = (spans: DetectedSpan[]): Array<[number, number, string]> => spans.map((s) => [s.start, s.end, s.category]);

describe('resolveOverlaps', () => {
  it('keeps spans that do not overlap, sorted by start', () => {
    expect(brief(resolveOverlaps([span(10, 12, 'email'), span(0, 3, 'person')], 20))).toEqual([
      [0, 3, 'person'],
      [10, 12, 'email'],
    ]);
  });

  it('lets the longest span win and drops what it contains', () => {
    expect(brief(resolveOverlaps([span(2, 5, 'person'), span(0, 13, 'phone')], 20))).toEqual([[0, 13, 'phone']]);
  });

  it('breaks length ties by category priority, then by earlier start', () => {
    expect(brief(resolveOverlaps([span(0, 4, 'place'), span(0, 4, 'person')], 10))).toEqual([[0, 4, 'person']]);
    expect(brief(resolveOverlaps([span(0, 4, 'custom'), span(2, 6, 'phone')], 10))).toEqual([
      [0, 2, 'custom'],
      [2, 6, 'phone'],
    ]);
    expect(brief(resolveOverlaps([span(2, 6, 'person'), span(0, 4, 'person')], 10))[0]).toEqual([0, 4, 'person']);
  });

  it('keeps the uncovered remainder of a partially overlapping span, marked partial', () => {
    const out = resolveOverlaps([span(0, 6, 'phone'), span(4, 8, 'person', 'person.x', 'W-1')], 10);
    expect(brief(out)).toEqual([
      [0, 6, 'phone'],
      [6, 8, 'person'],
    ]);
    expect(out[1]).toMatchObject({ partial: true, ref: 'W-1' });
  });

  it('splits a loser covered in the middle into two remainders', () => {
    const out = resolveOverlaps([span(0, 10, 'custom'), span(3, 6, 'person'), span(2, 8, 'phone')], 12);
    expect(brief(out)).toEqual([[0, 10, 'custom']]);
    const out2 = resolveOverlaps([span(0, 4, 'custom'), span(3, 6, 'phone'), span(5, 9, 'person')], 12);
    expect(brief(out2)).toEqual([
      [0, 4, 'custom'],
      [4, 5, 'phone'],
      [5, 9, 'person'],
    ]);
  });

  it('merges identical spans and pools their refs', () => {
    const out = resolveOverlaps([span(0, 2, 'person', 'person.b', 'W-2'), span(0, 2, 'person', 'person.a', 'W-1'), span(0, 2, 'person', 'person.a', 'W-1')], 5);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'person.a', candidateRefs: ['W-1', 'W-2'] });
    expect(out[0].ref).toBeUndefined();
  });

  it('drops spans outside the text and empty spans', () => {
    expect(resolveOverlaps([span(-1, 2, 'person'), span(3, 3, 'person'), span(4, 99, 'person')], 10)).toEqual([]);
  });

  it('does not depend on the input order', () => {
    const spans = [span(0, 6, 'phone'), span(4, 8, 'person', 'p', 'W-1'), span(7, 12, 'email'), span(7, 12, 'custom'), span(20, 22, 'place'), span(21, 25, 'handle')];
    const expected = resolveOverlaps(spans, 30);
    const reversed = resolveOverlaps([...spans].reverse(), 30);
    const rotated = resolveOverlaps([...spans.slice(3), ...spans.slice(0, 3)], 30);
    expect(reversed).toEqual(expected);
    expect(rotated).toEqual(expected);
    for (let i = 1; i < expected.length; i++) expect(expected[i].start).toBeGreaterThanOrEqual(expected[i - 1].end);
  });
});

describe('comparePrecedence and mergeIdentical', () => {
  it('orders by length, category priority, start, rule, ref', () => {
    expect(comparePrecedence(span(0, 5, 'custom'), span(0, 4, 'person'))).toBeLessThan(0);
    expect(comparePrecedence(span(0, 4, 'person'), span(0, 4, 'phone'))).toBeLessThan(0);
    expect(comparePrecedence(span(0, 4, 'person', 'a'), span(0, 4, 'person', 'b'))).toBeLessThan(0);
    expect(comparePrecedence(span(0, 4, 'person', 'a', 'W-1'), span(0, 4, 'person', 'a', 'W-2'))).toBeLessThan(0);
  });
  it('keeps distinct categories apart', () => {
    expect(mergeIdentical([span(0, 2, 'person'), span(0, 2, 'place')])).toHaveLength(2);
  });
});
