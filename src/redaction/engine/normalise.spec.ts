import { foldLetters, isInWordApostrophe, keyWord, latinKey, SYM_BREAK, SYM_SEP, SymbolReader } from 'src/redaction/engine/normalise';

describe('keyWord (romanisation key)', () => {
  it.each([
    [['Kim', 'Gim', 'KIM', 'kim'], 'kim'],
    [['Lee', 'Ri', 'Rhee', 'Li'], 'li'],
    [['Pak', 'Bak'], 'pak'],
    [['Choi', 'Choe', 'Chwe', "Ch'oe"], 'cwe'],
    [["Ch'ŏl", 'Cheol', 'Chol', 'Chhol', 'CHOL'], 'col'],
    [['Young', 'Yeong', 'Yong', 'Yŏng'], 'yonk'],
    [['Hee', 'Hui', 'Heui', 'Hŭi'], 'hi'],
    [['Soo', 'Su'], 'su'],
    [['Jong', 'Chong', 'Jeong', "Ch'ŏng"], 'conk'],
    [["P'yŏngyang", 'Phyongyang', 'Pyeongyang', 'Pyongyang'], 'pyonkyank'],
    [['Hoeryŏng', 'Hoeryong', 'Hoeryeong', 'Hweryong'], 'hwelyonk'],
  ])('%j → %s', (spellings, key) => {
    for (const s of spellings) expect(keyWord(s)).toBe(key);
  });

  it('keeps spellings of different sounds apart', () => {
    expect(keyWord('Chol')).not.toBe(keyWord('Chul'));
    expect(keyWord('Kim')).not.toBe(keyWord('Kimchi'));
    expect(keyWord('Pak')).not.toBe(keyWord('Park'));
  });
});

describe('foldLetters', () => {
  it('drops case, diacritics, apostrophes and non-letters', () => {
    expect(foldLetters("Ch'ŏl-su")).toBe('cholsu');
    expect(foldLetters('Kŭm-ok')).toBe('kumok');
  });
});

describe('latinKey', () => {
  it('collapses white space and hyphens into one separator', () => {
    expect(latinKey('Kim  Chol-su')).toBe('kim col su');
    expect(latinKey('KIM CHOL \n SU')).toBe('kim col su');
    expect(latinKey('Kim Cholsu')).toBe('kim colsu');
  });
  it('drops MR apostrophes inside words but not possessives', () => {
    expect(latinKey("Ch'ŏl-su")).toBe('col su');
    expect(latinKey("Kim's")).toBe("kim's");
  });
  it('reads decomposed diacritics (o + combining breve) like precomposed ones', () => {
    expect(latinKey('Cho\u0306l')).toBe(latinKey('Chŏl'));
  });
});

describe('isInWordApostrophe', () => {
  it('tells MR apostrophes from English contractions', () => {
    expect(isInWordApostrophe("Ch'ol", 2)).toBe(true);
    expect(isInWordApostrophe("Kim's", 3)).toBe(false);
    expect(isInWordApostrophe("don't", 3)).toBe(false);
    expect(isInWordApostrophe("Kim'", 3)).toBe(false);
  });
});

describe('SymbolReader', () => {
  function read(text: string, charSym: Int32Array | null = null): Array<{ sym: number; text: string }> {
    const r = new SymbolReader(text, charSym);
    const out: Array<{ sym: number; text: string }> = [];
    while (r.next()) out.push({ sym: r.sym, text: text.slice(r.start, r.end) });
    return out;
  }

  it('maps every symbol back to the UTF-16 range it came from', () => {
    const symbols = read("Ch'ŏl-su  Kim");
    expect(symbols.map((s) => s.text)).toEqual(["Ch", 'ŏ', 'l', '-', 's', 'u', '  ', 'K', 'i', 'm']);
  });

  it('extends a letter over following combining marks', () => {
    const symbols = read('Cho\u0306l');
    expect(symbols.map((s) => s.text)).toEqual(['Ch', 'o\u0306', 'l']);
  });

  it('reports characters the dictionary does not use as one BREAK per run', () => {
    const charSym = new Int32Array(0x10000);
    charSym['김'.charCodeAt(0)] = 30;
    const symbols = read('가나김 다', charSym);
    expect(symbols.map((s) => s.sym)).toEqual([SYM_BREAK, 30, SYM_SEP, SYM_BREAK]);
  });

  it('ignores zero-width characters and soft hyphens', () => {
    expect(read('Ki\u200Bm').map((s) => s.text)).toEqual(['K', 'i\u200B', 'm']);
    expect(latinKey('Kim\u00ADChol')).toBe('kimcol');
  });

  it('can be reloaded with another text', () => {
    const r = new SymbolReader('ab', null);
    r.load('Kim');
    const codes: string[] = [];
    while (r.next()) codes.push(String.fromCharCode(r.code));
    expect(codes.join('')).toBe('kim');
  });
});
