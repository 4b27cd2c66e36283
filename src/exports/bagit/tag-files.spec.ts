import { buildBagInfo } from 'src/exports/bagit/bag-info';
import {
  humanSize,
  parseManifest,
  parsePayloadOxum,
  parseTagFile,
  renderManifest,
  renderTagFile,
  TagFileError,
  tagValues,
} from 'src/exports/bagit/tag-files';

describe('renderTagFile / parseTagFile', () => {
  it('round-trips labels and values, long values on one line', () => {
    const long = 'x'.repeat(200);
    const text = renderTagFile([
      ['Source-Organization', '북한인권 기록단체'],
      ['Internal-Sender-Description', long],
      ['Sillok-Recipient', 'ICC: Office of the Prosecutor'],
    ]);
    expect(text.split('\n')).toHaveLength(4);
    const parsed = parseTagFile(text);
    expect(parsed.errors).toEqual([]);
    expect(tagValues(parsed, 'internal-sender-description')).toEqual([long]);
    expect(tagValues(parsed, 'Sillok-Recipient')).toEqual(['ICC: Office of the Prosecutor']);
  });

  it.each([
    [['Bad:Label', 'v']],
    [['Bad\nLabel', 'v']],
    [[' Padded', 'v']],
    [['Label', 'two\nlines']],
    [['Label', 'carriage\rreturn']],
    [['Label', '']],
    [['Label', ' leading space']],
  ] as Array<[readonly [string, string]]>)('refuses %j', (line) => {
    expect(() => renderTagFile([line])).toThrow(TagFileError);
  });

  it('reads folded values from other tools: padding dropped, line break kept', () => {
    const parsed = parseTagFile('External-Description: first part\n   second part\r\nBag-Count: 1 of 2\n');
    expect(tagValues(parsed, 'External-Description')).toEqual(['first part\nsecond part']);
    expect(tagValues(parsed, 'Bag-Count')).toEqual(['1 of 2']);
  });

  it('reports lines that are not labels', () => {
    expect(parseTagFile('no colon here\n').errors).toHaveLength(1);
    expect(parseTagFile('  orphan continuation\n').errors).toHaveLength(1);
  });
});

describe('manifests', () => {
  it('round-trips paths with CR, LF and %', () => {
    const entries = [
      { path: 'data/a.txt', digest: 'ab'.repeat(32) },
      { path: 'data/odd\nname%.txt', digest: 'cd'.repeat(32) },
    ];
    const text = renderManifest(entries);
    expect(text).toContain('data/odd%0Aname%25.txt');
    expect(parseManifest(text)).toEqual({ entries, errors: [] });
  });

  it('accepts several spaces or a tab and upper-case hex, reports junk', () => {
    const parsed = parseManifest(`${'AB'.repeat(32)}  data/a.txt\n${'cd'.repeat(32)}\tdata/b c.txt\njunk\n`);
    expect(parsed.entries).toEqual([
      { path: 'data/a.txt', digest: 'ab'.repeat(32) },
      { path: 'data/b c.txt', digest: 'cd'.repeat(32) },
    ]);
    expect(parsed.errors).toEqual(['line 3: not "<checksum> <path>"']);
  });
});

describe('bag-info values', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1536, '1.5 KB'],
    [200 * 2 ** 20, '200.0 MB'],
    [3 * 2 ** 40, '3.0 TB'],
  ])('humanSize(%d) = %s', (bytes, text) => expect(humanSize(bytes)).toBe(text));

  it('parses Payload-Oxum', () => {
    expect(parsePayloadOxum('1024.3')).toEqual({ octets: 1024, files: 3 });
    expect(parsePayloadOxum('1024')).toBeUndefined();
    expect(parsePayloadOxum('-1.3')).toBeUndefined();
  });

  it('orders the labels and refuses a custom label that repeats one the writer sets', () => {
    const meta = { sourceOrganization: 'Org', externalIdentifier: 'EXP-1', custom: [['Sillok-Purpose', 'share_icc']] as const };
    const text = buildBagInfo(meta, new Date('2025-06-01T23:30:00Z'), 2048, 2);
    expect(text).toBe(
      'Source-Organization: Org\nExternal-Identifier: EXP-1\nBagging-Date: 2025-06-01\nBag-Size: 2.0 KB\n' +
        'Payload-Oxum: 2048.2\nSillok-Purpose: share_icc\n',
    );
    expect(() => buildBagInfo({ ...meta, custom: [['payload-oxum', '1.1']] }, new Date(), 0, 0)).toThrow(TagFileError);
  });
});
