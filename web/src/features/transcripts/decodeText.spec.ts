import { decodeText, TextEncodingError } from './decodeText';

const utf16 = (text: string, bigEndian: boolean) => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
};

describe('decodeText', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeText(new TextEncoder().encode('요덕 Yodok'))).toBe('요덕 Yodok');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('요덕')]))).toBe('요덕');
  });

  it('reads UTF-16 little- and big-endian by their BOM', () => {
    expect(decodeText(utf16('요덕수용소', false))).toBe('요덕수용소');
    expect(decodeText(utf16('요덕수용소', true))).toBe('요덕수용소');
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', () => {
    expect(() => decodeText(new Uint8Array([0xb1, 0xe8, 0xc1, 0xb6]))).toThrow(TextEncodingError);
  });
});
