import type { JsonObject } from 'src/common/json';
import { genericReviewChanges, genericSpanLog } from 'src/redaction/span-log';

describe('generic span log (members without identity clearance)', () => {
  it('keeps output offsets and the category, nothing else', () => {
    const full: JsonObject[] = [
      { start: 3, end: 6, outputStart: 3, outputEnd: 11, category: 'person', rule: 'person.hangul', action: 'pseudonym', replacement: '[W-0001]', personRef: 'W-0001' },
      { start: 40, end: 43, outputStart: 45, outputEnd: 62, category: 'person', rule: 'person.hangul', action: 'pseudonym', replacement: '[PERSON-7f3a1c02]', personRef: 'W-0001.R1', candidateRefs: ['V-0002', 'W-0001.R1'], refFromContext: true },
      { start: 60, end: 73, outputStart: 74, outputEnd: 81, category: 'phone', rule: 'term.custom', action: 'label', replacement: '[PHONE]', ref: 'W-0001.C1' },
    ];
    expect(genericSpanLog(full)).toEqual([
      { outputStart: 3, outputEnd: 11, category: 'person' },
      { outputStart: 45, outputEnd: 62, category: 'person' },
      { outputStart: 74, outputEnd: 81, category: 'phone' },
    ]);
  });
  it('keeps the ambiguous flag (only when it is true), without the candidates behind it', () => {
    expect(genericSpanLog([
      { start: 3, end: 5, outputStart: 3, outputEnd: 11, category: 'person', ambiguous: true, candidateRefs: ['W-0001', 'V-0002'] },
      { start: 9, end: 12, outputStart: 15, outputEnd: 22, category: 'place', ambiguous: 'yes' },
    ])).toEqual([{ outputStart: 3, outputEnd: 11, category: 'person', ambiguous: true }, { outputStart: 15, outputEnd: 22, category: 'place' }]);
  });
  it('never passes on an unknown category string', () => {
    expect(genericSpanLog([{ outputStart: 0, outputEnd: 1, category: 'relative-of-W-0001' }])).toEqual([{ outputStart: 0, outputEnd: 1, category: 'custom' }]);
  });
  it('reduces review changes to counts', () => {
    expect(genericReviewChanges({ removed: [{ start: 1, end: 4, category: 'phone' }], added: [] })).toEqual({ removedCount: 1, addedCount: 0 });
    expect(genericReviewChanges({})).toEqual({ removedCount: 0, addedCount: 0 });
  });
});
