/**
 * E-mail addresses: `local@domain.tld` (ASCII local part of letters, digits and . _ % + -; a domain
 * of labels with at least one dot and a final label of 2+ letters), found from each `@` outwards so
 * the cost is proportional to the number of `@` signs. Also the common obfuscations
 * `name [at] example [dot] com` / `name (at) example.com`.
 */
import { PatternDetector } from 'src/redaction/engine/patterns/shared';
import { DetectedSpan, makeSpan } from 'src/redaction/engine/types';

function isLocalChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
}
function isDomainChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d;
}

const OBFUSCATED = /[A-Za-z0-9._%+-]+[ \t]*[[(][ \t]*at[ \t]*[\])][ \t]*[A-Za-z0-9-]+(?:(?:[ \t]*[[(][ \t]*dot[ \t]*[\])][ \t]*|\.)[A-Za-z0-9-]+)+/iy;
const OBFUSCATION_HINT = /[[(][ \t]*at[ \t]*[\])]/gi;

export const emailDetector: PatternDetector = {
  category: 'email',
  rules: ['email.address', 'email.obfuscated'],
  detect(text: string, out: DetectedSpan[]): void {
    let at = text.indexOf('@');
    while (at !== -1) {
      let s = at;
      while (s > 0 && isLocalChar(text.charCodeAt(s - 1))) s--;
      while (s < at && text.charCodeAt(s) === 0x2e) s++;
      let e = at + 1;
      while (e < text.length && isDomainChar(text.charCodeAt(e))) e++;
      while (e > at + 1 && (text.charCodeAt(e - 1) === 0x2e || text.charCodeAt(e - 1) === 0x2d)) e--;
      const domain = text.slice(at + 1, e);
      const lastDot = domain.lastIndexOf('.');
      if (s < at && lastDot > 0 && /^[A-Za-z]{2,}$/.test(domain.slice(lastDot + 1)) && !domain.includes('..')) {
        out.push(makeSpan(s, e, 'email', 'email.address'));
      }
      at = text.indexOf('@', Math.max(e, at + 1));
    }
    // Obfuscated forms: from each "[at]", back over blanks and the local part, then match forwards.
    OBFUSCATION_HINT.lastIndex = 0;
    let hint: RegExpExecArray | null;
    while ((hint = OBFUSCATION_HINT.exec(text)) !== null) {
      let s = hint.index;
      while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
      const localEnd = s;
      while (s > 0 && isLocalChar(text.charCodeAt(s - 1))) s--;
      if (s === localEnd) continue;
      OBFUSCATED.lastIndex = s;
      const m = OBFUSCATED.exec(text);
      if (m) {
        out.push(makeSpan(s, s + m[0].length, 'email', 'email.obfuscated'));
        OBFUSCATION_HINT.lastIndex = Math.max(OBFUSCATION_HINT.lastIndex, s + m[0].length);
      }
    }
  },
};
