import { emailDetector } from 'src/redaction/engine/patterns/email';
import { DetectedSpan } from 'src/redaction/engine/types';

function emails(text: string): Array<[string, string]> {
  const out: DetectedSpan[] = [];
  emailDetector.detect(text, out);
  return out.map((s) => [text.slice(s.start, s.end), s.rule]);
}

describe('emailDetector', () => {
  it('finds addresses and leaves trailing punctuation out', () => {
    expect(emails('Write to kim.cs+1@example.org. Or 이메일은 park_j@mail.example.kr이다')).toEqual([
      ['kim.cs+1@example.org', 'email.address'],
      ['park_j@mail.example.kr', 'email.address'],
    ]);
  });
  it('finds obfuscated addresses', () => {
    expect(emails('lee [at] mail [dot] kr and kim (at) example.org')).toEqual([
      ['lee [at] mail [dot] kr', 'email.obfuscated'],
      ['kim (at) example.org', 'email.obfuscated'],
    ]);
  });
  it('ignores what is not an address', () => {
    expect(emails('@kim_cs, a@b, me@localhost, x@y.1, @ home, [at] the market')).toEqual([]);
  });
});
