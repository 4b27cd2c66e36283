import { attributeByContext } from 'src/redaction/engine/context-attribution';
import { DetectedSpan, makeSpan } from 'src/redaction/engine/types';

function ambiguous(start: number, refs: string[]): DetectedSpan {
  const s = makeSpan(start, start + 2, 'person', 'person.hangul.given');
  s.candidateRefs = refs;
  return s;
}

describe('attributeByContext', () => {
  it('attributes an ambiguous span to the one candidate named elsewhere in the text', () => {
    const spans = [makeSpan(0, 3, 'person', 'person.hangul', 'W-2'), ambiguous(10, ['W-1', 'W-2'])];
    const out = attributeByContext(spans);
    expect(out[1]).toMatchObject({ ref: 'W-2', refFromContext: true, candidateRefs: ['W-1', 'W-2'] });
    expect(out[0]).toBe(spans[0]);
  });
  it('leaves the span unattributed when none or several candidates are named', () => {
    expect(attributeByContext([ambiguous(0, ['W-1', 'W-2'])])[0].ref).toBeUndefined();
    const both = [makeSpan(0, 3, 'person', 'person.hangul', 'W-1'), makeSpan(5, 8, 'person', 'person.hangul', 'W-2'), ambiguous(10, ['W-1', 'W-2'])];
    expect(attributeByContext(both)[2].ref).toBeUndefined();
  });
  it('does not use a place to attribute a person', () => {
    expect(attributeByContext([makeSpan(0, 3, 'place', 'place.hangul', 'W-1'), ambiguous(10, ['W-1', 'W-2'])])[1].ref).toBeUndefined();
  });
  it('returns the same array when nothing is ambiguous', () => {
    const spans = [makeSpan(0, 3, 'person', 'person.hangul', 'W-2')];
    expect(attributeByContext(spans)).toBe(spans);
  });
});
