import { scrubRelationTokens, type StoredSpan } from './private-ref-tokens';

const LABELS = { person: '[PERSON]', phone: '[PHONE]', custom: '[REDACTED]', place: '[PLACE]' };

interface Piece { category: string; replacement: string | null; personRef?: string; ref?: string; [key: string]: unknown }

/** Builds an engine-1 style text and span log from pieces: strings stay, spans are replaced. */
function build(pieces: Array<string | Piece>): { text: string; spans: StoredSpan[] } {
  let text = '';
  const spans: StoredSpan[] = [];
  for (const p of pieces) {
    if (typeof p === 'string') text += p;
    else {
      const shown = p.replacement ?? 'kept';
      spans.push({ ...p, outputStart: text.length, outputEnd: text.length + shown.length });
      text += shown;
    }
  }
  return { text, spans };
}

describe('scrubRelationTokens (engine-1 redactions)', () => {
  const old = build([
    { category: 'person', replacement: '[W-0001]', personRef: 'W-0001', rule: 'person.hangul' },
    '의 누나 ',
    { category: 'person', replacement: '[W-0001.R1]은(는)', personRef: 'W-0001.R1', particleNeutralised: true },
    ' 회령에 있다. 번호 ',
    { category: 'phone', replacement: '[W-0001.C12]', ref: 'W-0001.C12' },
    ', born in ',
    { category: 'custom', replacement: '[W-0001.BP]', ref: 'W-0001.BP' },
    ' / ',
    { category: 'place', replacement: null, placeRef: 'P-0001' },
    ' / ',
    { category: 'person', replacement: '[PERSON]', candidateRefs: ['V-0002', 'W-0001.R1'] },
    '.',
  ]);

  it('replaces each relation token by its label and moves the offsets; refs stay in the log', () => {
    const r = scrubRelationTokens(old.text, old.spans, LABELS);
    expect(r.changed).toBe(true);
    expect(r.text).toBe('[W-0001]의 누나 [PERSON]은(는) 회령에 있다. 번호 [PHONE], born in [REDACTED] / kept / [PERSON].');
    expect(r.spans.map((s) => s.replacement)).toEqual(['[W-0001]', '[PERSON]은(는)', '[PHONE]', '[REDACTED]', null, '[PERSON]']);
    expect(r.spans.map((s) => s.personRef ?? s.ref)).toEqual(['W-0001', 'W-0001.R1', 'W-0001.C12', 'W-0001.BP', undefined, undefined]);
    for (const s of r.spans) expect(r.text.slice(s.outputStart, s.outputEnd)).toBe(s.replacement ?? 'kept');
    expect(r.spans[1]).toMatchObject({ particleNeutralised: true });
  });

  it('uses the profile labels, and leaves the input alone', () => {
    const before = JSON.stringify(old);
    expect(scrubRelationTokens(old.text, old.spans, { ...LABELS, person: '[NAME]' }).text).toContain('[NAME]은(는)');
    expect(JSON.stringify(old)).toBe(before);
  });

  it('changes nothing without relation tokens', () => {
    const clean = build(['a ', { category: 'person', replacement: '[W-0001]', personRef: 'W-0001' }, ' b ', { category: 'custom', replacement: '[T-0001]', ref: 'T-0001' }]);
    expect(scrubRelationTokens(clean.text, clean.spans, LABELS)).toEqual({ text: clean.text, spans: clean.spans, changed: false });
  });

  it('removes a relation token the span log does not account for', () => {
    const r = scrubRelationTokens('x [W-0001.R1] y [W-0002.LOC]', [], LABELS);
    expect(r).toEqual({ text: 'x [REDACTED] y [REDACTED]', spans: [], changed: true });
  });
});
