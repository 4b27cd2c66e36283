import { parse } from 'csv-parse/sync';
import { pagedRows, renderDownload, type ListDownloadShape } from 'src/common/csv/list-download';

const shape: ListDownloadShape<{ n: number; text: string | null }> = {
  columns: [['n', (r) => r.n], ['text', (r) => r.text]],
  json: (r) => ({ n: r.n }),
};

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

async function* pagesOf<T>(...pages: T[][]): AsyncGenerator<T[]> {
  for (const p of pages) yield p;
}

describe('pagedRows', () => {
  const rows = Array.from({ length: 7 }, (_, i) => i);
  const fetcher = (calls: Array<[number, number]>) => async (offset: number, limit: number) => {
    calls.push([offset, limit]);
    return rows.slice(offset, offset + limit);
  };

  it('fetches page after page until a short one, and every row once', async () => {
    const calls: Array<[number, number]> = [];
    const seen: number[] = [];
    for await (const page of await pagedRows(fetcher(calls), 3)) seen.push(...page);
    expect(seen).toEqual(rows);
    expect(calls).toEqual([[0, 3], [3, 3], [6, 3]]);
  });

  it('stops after an empty page when the rows end on a page boundary', async () => {
    const calls: Array<[number, number]> = [];
    const seen: number[] = [];
    for await (const page of await pagedRows(async (o, l) => { calls.push([o, l]); return rows.slice(0, 6).slice(o, o + l); }, 3)) seen.push(...page);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(calls).toHaveLength(3);
  });

  it('fetches the first page before returning, so its errors reach the caller as errors', async () => {
    await expect(pagedRows(async () => { throw new Error('bad filter'); })).rejects.toThrow('bad filter');
  });
});

describe('renderDownload', () => {
  it('writes CSV with a byte-order mark, a header, CRLF lines and formula-safe cells', async () => {
    const out = await text(renderDownload('csv', shape, pagesOf([{ n: 1, text: '=1+1' }], [{ n: 2, text: null }, { n: 3, text: 'a, "b"\nc' }])));
    expect(out.startsWith('\uFEFFn,text\r\n1,\'=1+1\r\n')).toBe(true);
    expect(parse(out, { bom: true, columns: true })).toEqual([{ n: '1', text: '\'=1+1' }, { n: '2', text: '' }, { n: '3', text: 'a, "b"\nc' }]);
  });

  it('writes one JSON array across pages, skipping empty ones', async () => {
    const out = await text(renderDownload('json', shape, pagesOf([{ n: 1, text: 'x' }], [], [{ n: 2, text: 'y' }, { n: 3, text: 'z' }])));
    expect(JSON.parse(out)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(JSON.parse(await text(renderDownload('json', shape, pagesOf([]))))).toEqual([]);
  });
});
