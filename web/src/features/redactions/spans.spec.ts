import { describe, expect, it } from 'vitest';
import { overlapsAny, previewText, segmentText } from './spans';

describe('segmentText', () => {
  it('cuts a text into plain and marked parts that join back to the text', () => {
    const text = '저는 김철수입니다. 요덕에 있었습니다.';
    const segs = segmentText(text, [{ start: 11, end: 13, key: 'place' }, { start: 3, end: 6, key: 'person' }]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.mark).map((s) => [s.text, s.mark!.key])).toEqual([['김철수', 'person'], ['요덕', 'place']]);
    expect(segs[1]!.start).toBe(3);
  });

  it('drops overlapping and out-of-range marks instead of garbling the text', () => {
    const segs = segmentText('abcdef', [{ start: 1, end: 4, key: 1 }, { start: 2, end: 5, key: 2 }, { start: 5, end: 9, key: 3 }, { start: 3, end: 3, key: 4 }]);
    expect(segs.map((s) => s.text).join('')).toBe('abcdef');
    expect(segs.filter((s) => s.mark).map((s) => s.mark!.key)).toEqual([1]);
  });

  it('handles no marks and an empty text', () => {
    expect(segmentText('abc', [])).toEqual([{ text: 'abc', start: 0, mark: null }]);
    expect(segmentText('', [])).toEqual([]);
  });
});

describe('overlapsAny', () => {
  it('is true only for a shared character', () => {
    expect(overlapsAny(2, 4, [{ start: 4, end: 6 }])).toBe(false);
    expect(overlapsAny(2, 5, [{ start: 4, end: 6 }])).toBe(true);
    expect(overlapsAny(0, 1, [])).toBe(false);
  });
});

describe('previewText', () => {
  it('replaces kept and added spans, keeps the rest of the original', () => {
    const original = '저는 김철수입니다. 누나 김영희는 회령에 있습니다.';
    expect(previewText(original, [{ start: 3, end: 6, replacement: '[W-0001]' }, { start: 14, end: 17, replacement: '[PERSON]' }, { start: 19, end: 21, replacement: null }])).toBe('저는 [W-0001]입니다. 누나 [PERSON]는 회령에 있습니다.');
  });
});
