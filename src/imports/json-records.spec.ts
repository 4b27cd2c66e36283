import { jsonRecords, JsonFileError, type JsonRecord } from 'src/imports/json-records';

async function collect(chunks: Array<string | Buffer>): Promise<JsonRecord[]> {
  const out: JsonRecord[] = [];
  async function* source() { for (const c of chunks) yield c; }
  for await (const r of jsonRecords(source())) out.push(r);
  return out;
}

/** Cuts a text into chunks of n bytes, splitting UTF-8 sequences on purpose. */
function bytes(text: string, n: number): Buffer[] {
  const all = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  for (let i = 0; i < all.length; i += n) out.push(all.subarray(i, i + n));
  return out;
}

describe('jsonRecords', () => {
  it('reads a top-level array element by element, whatever the chunking', async () => {
    const text = '\uFEFF [ {"external_id":"a","title":"요덕 [15], \\"quoted\\""}, {"external_id":"b","nested":{"x":[1,2]}} ]\n';
    for (const size of [1, 2, 3, 7, 1000]) {
      const records = await collect(bytes(text, size));
      expect(records).toEqual([
        { row: 1, value: { external_id: 'a', title: '요덕 [15], "quoted"' } },
        { row: 2, value: { external_id: 'b', nested: { x: [1, 2] } } },
      ]);
    }
  });

  it('reads JSON Lines, objects possibly spanning lines, blank lines ignored', async () => {
    const records = await collect(['{"a":1}\n\n{"b":\n 2}\r\n', '{"c":3}']);
    expect(records.map((r) => r.value)).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('one malformed element is one bad row; the others still come', async () => {
    const records = await collect(['[{"a":1}, {"a": tru}, {"a":3}]']);
    expect(records).toEqual([{ row: 1, value: { a: 1 } }, { row: 2, error: 'is not valid JSON' }, { row: 3, value: { a: 3 } }]);
  });

  it('an empty array has no records', async () => {
    expect(await collect(['[ ]'])).toEqual([]);
    expect(await collect([''])).toEqual([]);
  });

  it.each([
    ['[{"a":1}', 'not closed'],
    ['[{"a":1}] x', 'content after'],
    ['[{"a":1},,{"a":2}]', 'empty element'],
    ['{"a":"open', 'ends inside'],
    ['{"a":1}}', 'unmatched'],
  ])('refuses a broken file %s', async (text, message) => {
    await expect(collect([text])).rejects.toThrow(JsonFileError);
    await expect(collect([text])).rejects.toThrow(message);
  });
});
