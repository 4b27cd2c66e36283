import { segments } from './selection';

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
