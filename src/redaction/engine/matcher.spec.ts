import { AhoCorasick } from 'src/redaction/engine/matcher';

const sym = (s: string): string => s; // letters a–z as symbols (code units 97–122)
const ALPHABET = 128;

function naive(patterns: string[], text: string): Array<{ pattern: number; end: number }> {
  const out: Array<{ pattern: number; end: number }> = [];
  for (let end = 1; end <= text.length; end++) {
    patterns.forEach((p, i) => {
      if (end >= p.length && text.slice(end - p.length, end) === p) out.push({ pattern: i, end });
    });
  }
  return out;
}

function sortHits(h: Array<{ pattern: number; end: number }>): Array<{ pattern: number; end: number }> {
  return [...h].sort((a, b) => a.end - b.end || a.pattern - b.pattern);
}

function codes(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

describe('AhoCorasick', () => {
  it('finds every occurrence of every pattern, overlapping ones included', () => {
    const patterns = ['he', 'she', 'his', 'hers'].map(sym);
    const ac = new AhoCorasick(patterns, ALPHABET);
    expect(sortHits(ac.findAll(codes('ushers')))).toEqual(sortHits(naive(patterns, 'ushers')));
    expect(ac.findAll(codes('ushers')).map((h) => patterns[h.pattern])).toEqual(expect.arrayContaining(['she', 'he', 'hers']));
  });

  it('agrees with a naive search on random inputs', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let round = 0; round < 40; round++) {
      const set = new Set<string>();
      while (set.size < 30) {
        let p = '';
        const len = 1 + rand(5);
        for (let i = 0; i < len; i++) p += 'abcd'[rand(4)];
        set.add(p);
      }
      const patterns = [...set];
      let text = '';
      for (let i = 0; i < 300; i++) text += 'abcde'[rand(5)];
      const ac = new AhoCorasick(patterns, ALPHABET);
      expect(sortHits(ac.findAll(codes(text)))).toEqual(sortHits(naive(patterns, text)));
    }
  });

  it('uses dense rows for nodes with many children and still finds everything', () => {
    const patterns: string[] = [];
    for (let c = 0; c < 60; c++) patterns.push(`x${String.fromCharCode(0x100 + c)}y`);
    const ac = new AhoCorasick(patterns, 0x200);
    const text = `x${String.fromCharCode(0x100 + 7)}yx${String.fromCharCode(0x100 + 59)}y`;
    expect(ac.findAll(codes(text)).map((h) => h.pattern)).toEqual([7, 59]);
  });

  it('restarts at the root on symbol 0', () => {
    const ac = new AhoCorasick(['ab'], ALPHABET);
    expect(ac.findAll([97, 0, 98])).toEqual([]);
    expect(ac.step(ac.step(0, 97), 0)).toBe(0);
  });

  it('reports pattern lengths and node counts', () => {
    const ac = new AhoCorasick(['abc', 'abd', 'b'], ALPHABET);
    expect(Array.from(ac.patternLength)).toEqual([3, 3, 1]);
    expect(ac.nodeCount).toBe(6);
  });

  it('refuses empty, duplicate and out-of-alphabet patterns', () => {
    expect(() => new AhoCorasick([''], ALPHABET)).toThrow(RangeError);
    expect(() => new AhoCorasick(['ab', 'ab'], ALPHABET)).toThrow(RangeError);
    expect(() => new AhoCorasick(['\u0300'], ALPHABET)).toThrow(RangeError);
  });
});
