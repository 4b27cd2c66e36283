import { segments, sentenceAt, sentenceBounds, sentenceRange, stepSentences } from './selection';

describe('reader segments', () => {
  it('cuts the text only at passage boundaries, marking what covers each piece', () => {
    expect(segments(20, [{ start: 2, end: 8 }, { start: 5, end: 12 }])).toEqual([
      { start: 0, end: 2, passages: [] },
      { start: 2, end: 5, passages: [0] },
      { start: 5, end: 8, passages: [0, 1] },
      { start: 8, end: 12, passages: [1] },
      { start: 12, end: 20, passages: [] },
    ]);
  });
  it('gives one segment for text without passages, and clamps passages to the text', () => {
    expect(segments(10, [])).toEqual([{ start: 0, end: 10, passages: [] }]);
    expect(segments(10, [{ start: 8, end: 30 }])).toEqual([{ start: 0, end: 8, passages: [] }, { start: 8, end: 10, passages: [0] }]);
  });
  it('stays linear in pieces for a 200 KB text with 500 passages', () => {
    const passages = Array.from({ length: 500 }, (_v, i) => ({ start: i * 400, end: i * 400 + 100 }));
    expect(segments(200_000, passages)).toHaveLength(1000);
  });
});

describe('keyboard selection by sentences', () => {
  const text = '저는 1997년에 왔습니다. 그곳은 요덕이었습니다.\n\nWe were moved to the mine. Nobody told us why!';
  it('finds Korean and English sentences, leaving trailing spaces and line breaks out', () => {
    const bounds = sentenceBounds(text, 'ko');
    const all = bounds.slice(0, -1).map((_b, i) => { const r = sentenceRange(text, bounds, i); return text.slice(r.start, r.end); });
    expect(all).toEqual(['저는 1997년에 왔습니다.', '그곳은 요덕이었습니다.', 'We were moved to the mine.', 'Nobody told us why!']);
    const two = sentenceRange(text, bounds, 1, 2);
    expect(text.slice(two.start, two.end)).toBe('그곳은 요덕이었습니다.\n\nWe were moved to the mine.');
    expect(sentenceAt(bounds, text.indexOf('mine'))).toBe(2);
    expect(sentenceAt(bounds, 0)).toBe(0);
    expect(sentenceAt(bounds, text.length)).toBe(3);
  });
  it('steps, extends and shrinks within the text', () => {
    expect(stepSentences(4, null, 'next')).toEqual({ first: 0, last: 0 });
    expect(stepSentences(4, null, 'previous')).toEqual({ first: 3, last: 3 });
    expect(stepSentences(4, { first: 1, last: 1 }, 'extend')).toEqual({ first: 1, last: 2 });
    expect(stepSentences(4, { first: 1, last: 3 }, 'extend')).toEqual({ first: 1, last: 3 });
    expect(stepSentences(4, { first: 1, last: 2 }, 'shrink')).toEqual({ first: 1, last: 1 });
    expect(stepSentences(4, { first: 1, last: 1 }, 'shrink')).toEqual({ first: 1, last: 1 });
    expect(stepSentences(4, { first: 1, last: 2 }, 'next')).toEqual({ first: 3, last: 3 });
    expect(stepSentences(4, { first: 0, last: 2 }, 'previous')).toEqual({ first: 0, last: 0 });
  });
});
