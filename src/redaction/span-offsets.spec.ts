import { compileDictionary, compilePatterns, redact } from 'src/redaction/engine';
import { renderRedaction } from 'src/redaction/render';
import { mapOriginalOffset, mapOriginalToRedacted } from 'src/redaction/span-offsets';

const TEXT = 'Kim Chol-su and Pak Yong-ho were beaten; call 010-1234-5678 or ask Ri.';
const at = (word: string) => ({ start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length });
const SPANS = [
  { ...at('Kim Chol-su'), replacement: '[W-0001]' },
  { ...at('Pak Yong-ho'), replacement: '[P-0001]' },
  { ...at('010-1234-5678'), replacement: '' },
  { ...at('Ri'), replacement: null },
];

/** Independent oracle: widen the passage to whole spans, then render that piece on its own. */
function oracle(text: string, spans: ReadonlyArray<{ start: number; end: number; replacement: string | null }>, start: number, end: number): string {
  let s = start;
  let e = end;
  for (const sp of spans) {
    if (sp.replacement === null) continue;
    if (sp.start < s && s < sp.end) s = sp.start;
    if (sp.start < e && e < sp.end) e = sp.end;
  }
  if (e < s) e = s;
  const inside = spans.filter((sp) => sp.start >= s && sp.end <= e).map((sp) => ({ ...sp, start: sp.start - s, end: sp.end - s }));
  return renderRedaction(text.slice(s, e), inside).text;
}

describe('mapOriginalToRedacted (passages through a span log)', () => {
  const rendered = renderRedaction(TEXT, SPANS);

  it('maps a passage that touches no span by the shift of the spans before it', () => {
    const p = at('were beaten');
    const r = mapOriginalToRedacted(rendered.spans, p.start, p.end);
    expect(rendered.text.slice(r.start, r.end)).toBe('were beaten');
    expect(r.start).toBe(p.start - ('Pak Yong-ho'.length - '[P-0001]'.length) - ('Kim Chol-su'.length - '[W-0001]'.length));
  });

  it('keeps the token of redacted words inside the quote, and widens a boundary inside a name to the whole token', () => {
    const whole = mapOriginalToRedacted(rendered.spans, 0, at('were').end);
    expect(rendered.text.slice(whole.start, whole.end)).toBe('[W-0001] and [P-0001] were');
    const inside = mapOriginalToRedacted(rendered.spans, 4, TEXT.indexOf('Yong-ho'));
    expect(rendered.text.slice(inside.start, inside.end)).toBe('[W-0001] and [P-0001]');
    const onlyName = mapOriginalToRedacted(rendered.spans, 5, 7);
    expect(rendered.text.slice(onlyName.start, onlyName.end)).toBe('[W-0001]');
  });

  it('a passage ending where a name begins leaves the token out; one beginning where it ends too', () => {
    const before = mapOriginalToRedacted(rendered.spans, at('and').start, at('Pak Yong-ho').start);
    expect(rendered.text.slice(before.start, before.end)).toBe('and ');
    const after = mapOriginalToRedacted(rendered.spans, at('Kim Chol-su').end, at('and').end);
    expect(rendered.text.slice(after.start, after.end)).toBe(' and');
  });

  it('removed text leaves nothing; kept spans shift nothing', () => {
    const phone = at('010-1234-5678');
    const within = mapOriginalToRedacted(rendered.spans, phone.start + 2, phone.end - 2);
    expect(within.start).toBe(within.end);
    const across = mapOriginalToRedacted(rendered.spans, at('call').start, TEXT.length);
    expect(rendered.text.slice(across.start, across.end)).toBe('call  or ask Ri.');
    expect(mapOriginalOffset(rendered.spans, TEXT.length, 'end')).toBe(rendered.text.length);
  });

  it('agrees with the oracle on every passage of a real engine redaction (Korean, particles, surrogate pairs)', () => {
    const text = '저는 김철수입니다. 박영호 씨와 😀 김철수는 1997년에 요덕에 있었습니다. Kim Chol-su was there; 010-9876-5432.';
    const dictionary = compileDictionary({ people: [{ ref: 'W-0001', category: 'person', names: ['김철수', 'Kim Chol-su'] }, { ref: 'W-0002', category: 'person', names: ['박영호'] }], places: [{ ref: 'P-0001', names: ['요덕'] }] });
    const result = redact(text, { profile: 'public', dictionary, patterns: compilePatterns(), pseudonymSecret: 'secret' });
    expect(result.text).toContain('[PERSON]');
    const spans = result.spans;
    expect(spans.length).toBeGreaterThan(0);
    let checked = 0;
    for (let s = 0; s <= text.length; s++) {
      for (let e = s; e <= text.length; e++) {
        const r = mapOriginalToRedacted(spans, s, e);
        expect(result.text.slice(r.start, r.end), `${s}-${e}`).toBe(oracle(text, spans, s, e));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('refuses what is not a range', () => {
    expect(() => mapOriginalToRedacted([], 5, 3)).toThrow(RangeError);
    expect(() => mapOriginalToRedacted([], -1, 3)).toThrow(RangeError);
  });
});
