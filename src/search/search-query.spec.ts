import { placeNameKey } from 'src/places/place-names';
import { buildSnippet, decodeCursor, encodeCursor, escapeHtml, expansionSpellings, hangulTsquery, matchRanges, parseSearchQuery, quoteLexeme, romanKey } from 'src/search/search-query';

describe('parseSearchQuery', () => {
  it('splits words and "quoted phrases", dropping punctuation', () => {
    expect(parseSearchQuery('  요덕 "forced  labour" arrested, - ')).toEqual([
      { text: '요덕', phrase: false },
      { text: 'forced labour', phrase: true },
      { text: 'arrested', phrase: false },
    ]);
  });
  it('treats curly quotes as quotes and a one-word phrase as a word; caps the clauses', () => {
    expect(parseSearchQuery('“Yodok”')).toEqual([{ text: 'Yodok', phrase: false }]);
    expect(parseSearchQuery('a b c d e f g h i j k l m n o')).toHaveLength(12);
    expect(parseSearchQuery('" " ...')).toEqual([]);
  });
});

describe('Korean and romanised lexemes', () => {
  it('turns Hangul into bigram lexemes, a single syllable into a prefix', () => {
    expect(hangulTsquery('요덕')).toBe("'요덕'");
    expect(hangulTsquery('요덕수용소')).toBe("'요덕' & '덕수' & '수용' & '용소'");
    expect(hangulTsquery('덕')).toBe("'덕':*");
    expect(hangulTsquery('Yodok')).toBeNull();
  });
  it('quotes lexemes safely', () => {
    expect(quoteLexeme("it's \\")).toBe("'it''s \\\\'");
  });
  it('gives every romanisation of a name the same key, like the gazetteer', () => {
    for (const spelling of ['Yodok', 'Yoduk', 'Yodeok', 'Yodŏk']) expect(romanKey(spelling)).toBe(placeNameKey('Yodeok'));
    expect(romanKey('W-0007')).toBeNull();
    expect(romanKey('요덕')).toBeNull();
  });
  it('expands gazetteer names into minimal Hangul substrings and single Latin words', () => {
    const names = ['Yodok County', '요덕군', '요덕', 'Yodŏk-kun', 'Yodeok-gun', 'Yodeok', '요덕수용소', '요덕 제15호 관리소'];
    expect(expansionSpellings(names, false)).toEqual({ hangul: ['요덕'], latinWords: ['Yodŏk', 'Yodeok'], latinPhrases: [] });
    expect(expansionSpellings(['Ministry of State Security', '국가보위성', 'Bowibu'], true)).toEqual({ hangul: ['국가보위성'], latinWords: ['Bowibu'], latinPhrases: ['Ministry of State Security'] });
  });
});

describe('snippets', () => {
  it('escapes HTML before marking matches', () => {
    const s = buildSnippet('<b>Guards</b> arrested him & others at Yoduk; 요덕수용소에서 일했다', { substrings: ['요덕'], stems: ['arrest'], keys: [romanKey('Yodok') as string] });
    expect(s).toBe('&lt;b&gt;Guards&lt;/b&gt; <mark>arrested</mark> him &amp; others at <mark>Yoduk</mark>; <mark>요덕</mark>수용소에서 일했다');
  });
  it('cuts a window around the first match with ellipses', () => {
    const text = `${'x '.repeat(200)}the arrest happened${' y'.repeat(200)}`;
    const s = buildSnippet(text, { substrings: [], stems: ['arrest'], keys: [] }, 10, 40);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('<mark>arrest</mark>');
  });
  it('merges overlapping matches and finds substrings case-insensitively', () => {
    expect(matchRanges('Forced Labour camp', { substrings: ['forced labour', 'labour camp'], stems: [], keys: [] })).toEqual([[0, 18]]);
    expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
  });
  it('starts at the beginning when nothing matches', () => {
    expect(buildSnippet('short text', { substrings: ['zzz'], stems: [], keys: [] })).toBe('short text');
  });
});

describe('cursor', () => {
  it('round-trips rank and id and refuses anything else', () => {
    const c = { rank: 0.123456789012345, id: '3f1b1c1e-1111-4222-8333-444455556666' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(decodeCursor(Buffer.from('[1,"x"]').toString('base64url'))).toBeNull();
  });
});
