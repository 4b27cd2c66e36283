import { renderRedaction } from 'src/redaction/render';

describe('renderRedaction', () => {
  const text = '김철수는 1997년 요덕에 있었다. Call 010-1234-5678.';
  it('replaces, removes and keeps spans in order', () => {
    const result = renderRedaction(text, [{ start: 25, end: 38, replacement: '' }, { start: 0, end: 3, replacement: '[W-0001]' }, { start: 11, end: 13, replacement: null }]);
    expect(result.text).toBe('[W-0001]는 1997년 요덕에 있었다. Call .');
    expect(result.spans.map((s) => [s.start, s.outputStart, s.outputEnd])).toEqual([[0, 0, 8], [11, 16, 18], [25, 30, 30]]);
    expect(result.text.slice(16, 18)).toBe('요덕');
  });
  it('returns the text unchanged without spans', () => {
    expect(renderRedaction(text, []).text).toBe(text);
  });
  it('refuses overlapping or out-of-range spans', () => {
    expect(() => renderRedaction(text, [{ start: 0, end: 4, replacement: 'x' }, { start: 3, end: 5, replacement: 'y' }])).toThrow(RangeError);
    expect(() => renderRedaction(text, [{ start: 40, end: 99, replacement: 'x' }])).toThrow(RangeError);
  });
});
