/**
 * The normalised symbol stream that the dictionary matcher runs on, for the text and for the
 * dictionary's own variants alike (one code path for both, so they cannot disagree).
 *
 * - Latin (also Greek/Cyrillic) words are case-folded, stripped of diacritics and MR apostrophes
 *   (`Ch'ŏl` = `chol`), then "keyed": spellings that romanisation systems use for the same Korean
 *   sound collapse to one key (see `keyLetters`). Each key letter is one symbol.
 * - A run of white space and/or hyphens is one SEP symbol: `Chol-su`, `Chol su`, `Chol \n su` are
 *   the same stream; `Cholsu` (joined) is a different one and is generated as its own variant.
 * - Hangul syllables, digits and any other character used by the dictionary are one symbol each;
 *   a character that no dictionary entry uses is BREAK (the matcher restarts from the root).
 * - Zero-width characters and soft hyphens are ignored.
 *
 * Every symbol remembers the UTF-16 range [start, end) of the original text it came from.
 */

export const SYM_BREAK = 0;
/** Symbols 1..26 are the key letters a..z. */
export const SYM_SEP = 27;
export const FIRST_INTERNED_SYMBOL = 28;

/** Character classes (plain numbers so that the hot loops compare small integers). */
const CL_OTHER = 0;
const CL_LETTER = 1;
const CL_MARK = 2;
const CL_APOSTROPHE = 3;
const CL_SEPARATOR = 4;
const CL_HANGUL = 5;
const CL_JAMO = 6;
const CL_DIGIT = 7;
const CL_IGNORE = 8;
export const CharClass = {
  Other: CL_OTHER,
  Letter: CL_LETTER,
  Mark: CL_MARK,
  Apostrophe: CL_APOSTROPHE,
  Separator: CL_SEPARATOR,
  Hangul: CL_HANGUL,
  Jamo: CL_JAMO,
  Digit: CL_DIGIT,
  Ignore: CL_IGNORE,
} as const;

const HYPHENS = [0x2d, 0x2010, 0x2011];
const APOSTROPHES = [0x27, 0x60, 0xb4, 0x2018, 0x2019, 0x2bc, 0x2032];
const IGNORED = [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];

/** Character class of every BMP code unit. */
export const CHAR_CLASS = new Uint8Array(0x10000);
/** For letters: the case-folded base letter (ASCII a–z when the letter decomposes to one). */
export const LETTER_BASE = new Uint16Array(0x10000);

(function buildTables(): void {
  const letter = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;
  const isLetter = /^\p{L}$/u;
  const isMark = /^\p{M}$/u;
  const isSpace = /^\s$/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (c >= 0x30 && c <= 0x39) CHAR_CLASS[c] = CL_DIGIT;
    else if (c >= 0xac00 && c <= 0xd7a3) CHAR_CLASS[c] = CL_HANGUL;
    else if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0x3131 && c <= 0x318e) || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xd7b0 && c <= 0xd7ff)) {
      CHAR_CLASS[c] = CL_JAMO;
    } else if (IGNORED.includes(c)) CHAR_CLASS[c] = CL_IGNORE;
    else if (HYPHENS.includes(c) || isSpace.test(ch)) CHAR_CLASS[c] = CL_SEPARATOR;
    else if (APOSTROPHES.includes(c)) CHAR_CLASS[c] = CL_APOSTROPHE;
    else if (isMark.test(ch)) CHAR_CLASS[c] = CL_MARK;
    else if (isLetter.test(ch) && letter.test(ch)) {
      CHAR_CLASS[c] = CL_LETTER;
      const folded = ch.normalize('NFKD').toLowerCase();
      const first = folded.charCodeAt(0);
      LETTER_BASE[c] = first >= 0x61 && first <= 0x7a ? first : ch.toLowerCase().charCodeAt(0);
    }
  }
})();

export function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

const a = 0x61;
const c_ = 0x63;
const e = 0x65;
const h = 0x68;
const i = 0x69;
const k = 0x6b;
const l = 0x6c;
const o = 0x6f;
const p = 0x70;
const s = 0x73;
const t = 0x74;
const u = 0x75;
const w = 0x77;

/**
 * Romanisation key of one word. `lc` holds case-folded base letters; for each key letter written to
 * `outCode`, `outFrom`/`outTo` give the first and last index in `lc` it was made from.
 * Rules, applied left to right, longest first:
 *   aspiration and tensing marks drop: chh/ch/tch/j/jj → c; kh/kk/gg/g → k; th/tt/dd/d → t;
 *   ph/pp/bb/b → p; sh/ss → s; rh/rr/r/ll → l;
 *   vowels: eo → o, eui/ui → i, eu → u, ee → i, oo → u, ou → o, ae → e, oe/oi → we.
 * So Kim = Gim, Lee = Ri = Rhee = Li, Pak = Bak, Choi = Choe = Chwe, Chol = Cheol = Ch'ŏl = Chhol,
 * Young = Yeong = Yong, Hee = Hui = Heui, Soo = Su.
 */
export function keyLetters(lc: Uint16Array, n: number, outCode: Uint16Array, outFrom: Int32Array, outTo: Int32Array): number {
  let m = 0;
  let j = 0;
  while (j < n) {
    const c = lc[j];
    const c1 = j + 1 < n ? lc[j + 1] : 0;
    const c2 = j + 2 < n ? lc[j + 2] : 0;
    let key = c;
    let used = 1;
    switch (c) {
      case c_:
        if (c1 === h) used = c2 === h ? 3 : 2;
        break;
      case t:
        if (c1 === c_ && c2 === h) {
          key = c_;
          used = 3;
        } else if (c1 === h || c1 === t) used = 2;
        break;
      case 0x6a: // j
        key = c_;
        if (c1 === 0x6a) used = 2;
        break;
      case k:
        if (c1 === h || c1 === k) used = 2;
        break;
      case 0x67: // g
        key = k;
        if (c1 === 0x67) used = 2;
        break;
      case 0x64: // d
        key = t;
        if (c1 === 0x64) used = 2;
        break;
      case 0x62: // b
        key = p;
        if (c1 === 0x62) used = 2;
        break;
      case p:
        if (c1 === h || c1 === p) used = 2;
        break;
      case s:
        if (c1 === h || c1 === s) used = 2;
        break;
      case 0x72: // r
        key = l;
        if (c1 === h || c1 === 0x72) used = 2;
        break;
      case l:
        if (c1 === l) used = 2;
        break;
      case e:
        if (c1 === o) {
          key = o;
          used = 2;
        } else if (c1 === u) {
          if (c2 === i) {
            key = i;
            used = 3;
          } else {
            key = u;
            used = 2;
          }
        } else if (c1 === e) {
          key = i;
          used = 2;
        }
        break;
      case a:
        if (c1 === e) {
          key = e;
          used = 2;
        }
        break;
      case o:
        if (c1 === o) {
          key = u;
          used = 2;
        } else if (c1 === u) used = 2;
        else if (c1 === e || c1 === i) {
          outCode[m] = w;
          outFrom[m] = j;
          outTo[m] = j;
          m++;
          key = e;
          j++;
        }
        break;
      case u:
        if (c1 === i) {
          key = i;
          used = 2;
        }
        break;
      default:
        break;
    }
    outCode[m] = key;
    outFrom[m] = j;
    outTo[m] = j + used - 1;
    m++;
    j += used;
  }
  return m;
}

const wordBuf = { base: new Uint16Array(64), code: new Uint16Array(128), from: new Int32Array(128), to: new Int32Array(128) };

/**
 * The key of one word as a string (`Ch'ŏl` → `col`, `Young` → `yonk`). Characters that are not
 * letters are dropped. Used by the romanisation tables; the text goes through SymbolReader.
 */
export function keyWord(word: string): string {
  if (wordBuf.base.length < word.length) {
    wordBuf.base = new Uint16Array(word.length);
    wordBuf.code = new Uint16Array(word.length * 2);
    wordBuf.from = new Int32Array(word.length * 2);
    wordBuf.to = new Int32Array(word.length * 2);
  }
  let n = 0;
  for (let j = 0; j < word.length; j++) {
    const c = word.charCodeAt(j);
    if (CHAR_CLASS[c] === CL_LETTER) wordBuf.base[n++] = LETTER_BASE[c];
  }
  const m = keyLetters(wordBuf.base, n, wordBuf.code, wordBuf.from, wordBuf.to);
  return String.fromCharCode(...wordBuf.code.subarray(0, m));
}

/** Case-folded base letters of a word, diacritics and apostrophes dropped (`Ch'ŏl-su` → `cholsu`). */
export function foldLetters(word: string): string {
  let out = '';
  for (let j = 0; j < word.length; j++) {
    const c = word.charCodeAt(j);
    if (CHAR_CLASS[c] === CL_LETTER) out += String.fromCharCode(LETTER_BASE[c]);
  }
  return out;
}

/** The key of a whole string, words joined by single spaces (for tests and diagnostics). */
export function latinKey(text: string): string {
  const out: string[] = [];
  const reader = new SymbolReader(text, null);
  while (reader.next()) {
    if (reader.sym === SYM_SEP) out.push(' ');
    else if (reader.sym === SYM_BREAK) out.push('|');
    else out.push(String.fromCharCode(reader.code));
  }
  return out.join('').trim();
}

/**
 * Reads symbols off a string. After `next()` returns true, `sym` is the symbol, `code` the key
 * letter or character it stands for, and [`start`, `end`) its range in the original text.
 * With `charSym` null the reader reports every non-letter character as itself (code) and `sym` 28.
 */
export class SymbolReader {
  sym = 0;
  code = 0;
  start = 0;
  end = 0;
  private pos = 0;
  private prevSym = SYM_SEP;
  private qLen = 0;
  private qIdx = 0;
  private wBase = new Uint16Array(64);
  private wStart = new Int32Array(64);
  private wEnd = new Int32Array(64);
  private kCode = new Uint16Array(128);
  private kFrom = new Int32Array(128);
  private kTo = new Int32Array(128);
  private readonly chunkSym = new Int32Array(64);
  private readonly chunkCode = new Int32Array(64);
  private readonly chunkStart = new Int32Array(64);
  private readonly chunkEnd = new Int32Array(64);
  private chunkIdx = 0;
  private chunkLen = 0;

  constructor(
    private text: string,
    private readonly charSym: Int32Array | null,
  ) {}

  /** Starts reading `text` from the beginning (reuses the buffers). */
  load(text: string): void {
    this.text = text;
    this.pos = 0;
    this.prevSym = SYM_SEP;
    this.qLen = 0;
    this.qIdx = 0;
    this.chunkIdx = 0;
    this.chunkLen = 0;
  }

  /** Reads the next symbol into `sym`, `code`, `start`, `end`; false at the end of the text. */
  next(): boolean {
    if (this.chunkIdx >= this.chunkLen) {
      this.chunkLen = this.fill(this.chunkSym, this.chunkCode, this.chunkStart, this.chunkEnd);
      this.chunkIdx = 0;
      if (this.chunkLen === 0) return false;
    }
    const i = this.chunkIdx++;
    this.sym = this.chunkSym[i];
    this.code = this.chunkCode[i];
    this.start = this.chunkStart[i];
    this.end = this.chunkEnd[i];
    return true;
  }

  /**
   * Reads up to `syms.length` symbols into the arrays (symbol, key letter or character, start,
   * end); returns how many, 0 at the end of the text. The bulk form of `next()`, for hot loops.
   */
  fill(syms: Int32Array, codes: Int32Array | null, starts: Int32Array, ends: Int32Array): number {
    const cap = syms.length;
    const text = this.text;
    const n = text.length;
    const charSym = this.charSym;
    let count = 0;
    let prevSym = this.prevSym;
    while (count < cap) {
      if (this.qIdx < this.qLen) {
        // Key letters of the current word.
        const q = this.qIdx++;
        const code = this.kCode[q];
        const sym = code >= 0x61 && code <= 0x7a ? code - 0x60 : charSym === null ? FIRST_INTERNED_SYMBOL : charSym[code];
        syms[count] = sym;
        if (codes !== null) codes[count] = code;
        starts[count] = this.wStart[this.kFrom[q]];
        ends[count] = this.wEnd[this.kTo[q]];
        count++;
        prevSym = sym;
        continue;
      }
      const pos = this.pos;
      if (pos >= n) break;
      const c = text.charCodeAt(pos);
      const cls = CHAR_CLASS[c];
      if (cls === CL_LETTER) {
        this.readWord();
        continue;
      }
      if (cls === CL_SEPARATOR) {
        let j = pos + 1;
        while (j < n) {
          const cl = CHAR_CLASS[text.charCodeAt(j)];
          if (cl !== CL_SEPARATOR && cl !== CL_IGNORE) break;
          j++;
        }
        this.pos = j;
        if (prevSym === SYM_SEP) continue;
        syms[count] = SYM_SEP;
        if (codes !== null) codes[count] = 0x20;
        starts[count] = pos;
        ends[count] = j;
        count++;
        prevSym = SYM_SEP;
        continue;
      }
      this.pos = pos + 1;
      if (cls === CL_IGNORE || cls === CL_MARK) continue;
      const sym = charSym === null ? FIRST_INTERNED_SYMBOL : charSym[c];
      if (sym === SYM_BREAK && prevSym === SYM_BREAK) continue;
      syms[count] = sym;
      if (codes !== null) codes[count] = c;
      starts[count] = pos;
      ends[count] = pos + 1;
      count++;
      prevSym = sym;
    }
    this.prevSym = prevSym;
    return count;
  }

  /** Collects the letters of the word at `pos` (skipping marks, ignorables, in-word apostrophes) and keys them. */
  private readWord(): void {
    const text = this.text;
    const n = text.length;
    let j = this.pos;
    let len = 0;
    while (j < n) {
      const c = text.charCodeAt(j);
      const cls = CHAR_CLASS[c];
      if (cls === CL_LETTER) {
        if (len === this.wBase.length) this.growWord();
        this.wBase[len] = LETTER_BASE[c];
        this.wStart[len] = j;
        this.wEnd[len] = j + 1;
        len++;
        j++;
      } else if (cls === CL_MARK || cls === CL_IGNORE) {
        j++;
        if (len > 0) this.wEnd[len - 1] = j;
      } else if (cls === CL_APOSTROPHE && isInWordApostrophe(text, j)) {
        j++;
      } else break;
    }
    this.pos = j;
    if (this.kCode.length < len * 2) {
      this.kCode = new Uint16Array(len * 2);
      this.kFrom = new Int32Array(len * 2);
      this.kTo = new Int32Array(len * 2);
    }
    this.qLen = keyLetters(this.wBase, len, this.kCode, this.kFrom, this.kTo);
    this.qIdx = 0;
  }

  private growWord(): void {
    const size = this.wBase.length * 2;
    const base = new Uint16Array(size);
    base.set(this.wBase);
    const start = new Int32Array(size);
    start.set(this.wStart);
    const end = new Int32Array(size);
    end.set(this.wEnd);
    this.wBase = base;
    this.wStart = start;
    this.wEnd = end;
  }
}

/**
 * An apostrophe at `j` (preceded by a letter) is part of the word, as in MR `Ch'ŏl`, when a letter
 * follows — except the English possessive/contraction `'s`/`'t`/`'d`/`'m`/`'ll`/`'re`/`'ve` at the end of a word.
 */
export function isInWordApostrophe(text: string, j: number): boolean {
  const next = j + 1 < text.length ? text.charCodeAt(j + 1) : 0;
  if (CHAR_CLASS[next] !== CL_LETTER) return false;
  let end = j + 1;
  while (end < text.length && CHAR_CLASS[text.charCodeAt(end)] === CL_LETTER) end++;
  const tail = text.slice(j + 1, end).toLowerCase();
  return !(tail === 's' || tail === 't' || tail === 'd' || tail === 'm' || tail === 'll' || tail === 're' || tail === 've');
}

/** Characters whose symbol must be interned for `text` to be read as the dictionary reads it. */
export function charsToIntern(text: string, into: Set<number>): void {
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    const cls = CHAR_CLASS[c];
    if (cls === CL_LETTER) {
      const base = LETTER_BASE[c];
      if (base < 0x61 || base > 0x7a) into.add(base);
    } else if (cls !== CL_SEPARATOR && cls !== CL_MARK && cls !== CL_IGNORE) {
      into.add(c);
    }
  }
}
