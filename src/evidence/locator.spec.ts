import { checkLocator } from 'src/evidence/locator';

const fields = (r: ReturnType<typeof checkLocator>) => r.problems.map((p) => p.field);

describe('checkLocator', () => {
  it('a page range: pages from 1, from <= to, within the page count when known', () => {
    expect(checkLocator('document', { kind: 'pages', from: 3, to: 5 }, null)).toEqual({ problems: [], locator: { kind: 'pages', from: 3, to: 5 } });
    expect(checkLocator('document', { kind: 'pages', from: 4, to: 4 }, { pages: 4, durationSeconds: null }).problems).toEqual([]);
    expect(fields(checkLocator('document', { kind: 'pages', from: 0, to: 2 }, null))).toEqual(['locator.from']);
    expect(fields(checkLocator('document', { kind: 'pages', from: 5, to: 3 }, null))).toEqual(['locator.to']);
    expect(fields(checkLocator('document', { kind: 'pages', from: 1.5, to: 3 }, null))).toEqual(['locator.from']);
    expect(checkLocator('document', { kind: 'pages', from: 1, to: 9 }, { pages: 8, durationSeconds: null }).problems).toEqual([{ field: 'locator.to', problems: ["must be at most the document's page count (8)"] }]);
    expect(fields(checkLocator('document', { kind: 'pages', from: 1, to: 2, startSeconds: 3 }, null))).toEqual(['locator.startSeconds']);
  });

  it('a time range: start >= 0, start < end (to the millisecond), within the duration when known', () => {
    expect(checkLocator('audio', { kind: 'time', startSeconds: 61.5, endSeconds: 75.0004 }, null).locator).toEqual({ kind: 'time', startSeconds: 61.5, endSeconds: 75 });
    expect(fields(checkLocator('audio', { kind: 'time', startSeconds: 10, endSeconds: 10 }, null))).toEqual(['locator.endSeconds']);
    expect(fields(checkLocator('video', { kind: 'time', startSeconds: -1, endSeconds: 10 }, null))).toEqual(['locator.startSeconds']);
    expect(fields(checkLocator('video', { kind: 'time', startSeconds: 0, endSeconds: 601 }, { pages: null, durationSeconds: 600 }))).toEqual(['locator.endSeconds']);
  });

  it('a region: relative fractions inside the image; a page only on documents', () => {
    expect(checkLocator('image', { kind: 'region', x: 0.25, y: 0.5, width: 0.5, height: 0.5 }, null).locator).toEqual({ kind: 'region', x: 0.25, y: 0.5, width: 0.5, height: 0.5, page: null });
    expect(fields(checkLocator('image', { kind: 'region', x: 0.6, y: 0, width: 0.5, height: 0.2 }, null))).toEqual(['locator.width']);
    expect(fields(checkLocator('image', { kind: 'region', x: 1, y: 0, width: 0, height: 0.2 }, null))).toEqual(['locator.x', 'locator.width']);
    expect(fields(checkLocator('image', { kind: 'region', x: 0, y: 0, width: 0.1, height: 0.1, page: 2 }, null))).toEqual(['locator.page']);
    expect(checkLocator('document', { kind: 'region', x: 0, y: 0, width: 0.1, height: 0.1, page: 2 }, null).locator).toMatchObject({ page: 2 });
  });

  it('the locator kind must fit the evidence kind; items not from files have none', () => {
    expect(fields(checkLocator('image', { kind: 'time', startSeconds: 0, endSeconds: 1 }, null))).toEqual(['locator.kind']);
    expect(fields(checkLocator('audio', { kind: 'pages', from: 1, to: 1 }, null))).toEqual(['locator.kind']);
    expect(fields(checkLocator('physical_item', { kind: 'pages', from: 1, to: 1 }, null))).toEqual(['locator']);
    expect(fields(checkLocator('transcript_passage', { kind: 'pages', from: 1, to: 1 }, null))).toEqual(['locator']);
    expect(fields(checkLocator('document', { kind: 'chapter' }, null))).toEqual(['locator.kind']);
  });
});
