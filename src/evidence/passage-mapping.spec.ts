import { originalToRedacted, PassageMappingError, redactedToOriginal } from 'src/evidence/passage-mapping';
import { renderRedaction } from 'src/redaction/render';

const ORIGINAL = 'In 1998 Kim Chol-su, whom we called Big Kim, beat me at Yodok. Call 010-1234-5678.';
const at = (word: string) => ({ start: ORIGINAL.indexOf(word), end: ORIGINAL.indexOf(word) + word.length });
const rendered = renderRedaction(ORIGINAL, [
  { ...at('Kim Chol-su'), replacement: '[P-0001]' },
  { ...at('Big Kim'), replacement: '[P-0001]' },
  { ...at('Yodok'), replacement: null }, // kept as it is
  { ...at('010-1234-5678'), replacement: '' }, // removed
]);
const REDACTED = rendered.text;
const SPANS = rendered.spans;
const sel = (s: string) => ({ start: REDACTED.indexOf(s), end: REDACTED.indexOf(s) + s.length });

describe('passage mapping through a span log', () => {
  it('the fixture redacts as expected', () => {
    expect(REDACTED).toBe('In 1998 [P-0001], whom we called [P-0001], beat me at Yodok. Call .');
  });

  it('maps a selection with whole tokens to the original sentence, unwidened', () => {
    const { start, end } = sel('[P-0001], whom we called [P-0001], beat me at Yodok.');
    const m = redactedToOriginal(SPANS, REDACTED.length, start, end);
    expect(ORIGINAL.slice(m.start, m.end)).toBe('Kim Chol-su, whom we called Big Kim, beat me at Yodok.');
    expect(REDACTED.slice(m.redactedStart, m.redactedEnd)).toBe('[P-0001], whom we called [P-0001], beat me at Yodok.');
    expect(m.widened).toBe(false);
  });

  it('widens a selection that starts or ends inside a token to the whole token', () => {
    const start = REDACTED.indexOf('0001], whom');
    const end = REDACTED.indexOf('[P-0001], beat') + 3;
    const m = redactedToOriginal(SPANS, REDACTED.length, start, end);
    expect(m.widened).toBe(true);
    expect(REDACTED.slice(m.redactedStart, m.redactedEnd)).toBe('[P-0001], whom we called [P-0001]');
    expect(ORIGINAL.slice(m.start, m.end)).toBe('Kim Chol-su, whom we called Big Kim');
  });

  it('maps text inside a kept span exactly (it shifts nothing)', () => {
    const { start, end } = sel('odo');
    const m = redactedToOriginal(SPANS, REDACTED.length, start, end);
    expect(ORIGINAL.slice(m.start, m.end)).toBe('odo');
    expect(m.widened).toBe(false);
  });

  it('leaves a removed (empty) token at a selection edge outside the passage', () => {
    const { start } = sel('Call ');
    const m = redactedToOriginal(SPANS, REDACTED.length, start, start + 'Call '.length);
    expect(ORIGINAL.slice(m.start, m.end)).toBe('Call ');
    const after = redactedToOriginal(SPANS, REDACTED.length, REDACTED.length - 1, REDACTED.length);
    expect(ORIGINAL.slice(after.start, after.end)).toBe('.');
  });

  it('refuses ranges outside the text or empty, naming the field', () => {
    const fail = (s: number, e: number) => {
      try {
        redactedToOriginal(SPANS, REDACTED.length, s, e);
      } catch (error) {
        return error instanceof PassageMappingError ? error.field : 'other';
      }
      return 'none';
    };
    expect(fail(-1, 3)).toBe('start');
    expect(fail(REDACTED.length, REDACTED.length + 1)).toBe('start');
    expect(fail(5, 5)).toBe('end');
    expect(fail(5, REDACTED.length + 1)).toBe('end');
  });

  it('round-trips every token-aligned selection, and maps original passages back', () => {
    const boundaries = new Set<number>([0, REDACTED.length]);
    for (let p = 0; p <= REDACTED.length; p++) if (!SPANS.some((s) => s.replacement !== null && s.outputStart < p && p < s.outputEnd)) boundaries.add(p);
    const list = [...boundaries].sort((a, b) => a - b);
    for (const s of list) {
      for (const e of list) {
        if (e <= s) continue;
        const m = redactedToOriginal(SPANS, REDACTED.length, s, e);
        expect([m.redactedStart, m.redactedEnd]).toEqual([s, e]);
        // Rendering just the passage's part of the original gives back the selected redacted text.
        const back = originalToRedacted(SPANS, m.start, m.end);
        expect(back).toEqual({ start: s, end: e });
      }
    }
  });

  it('widens an original passage whose edge falls inside hidden text', () => {
    const o = ORIGINAL.indexOf('Chol-su, whom');
    const back = originalToRedacted(SPANS, o, o + 'Chol-su, whom'.length);
    expect(back && REDACTED.slice(back.start, back.end)).toBe('[P-0001], whom');
    const hidden = at('010-1234-5678');
    expect(originalToRedacted(SPANS, hidden.start, hidden.end)).toBeNull();
  });
});
