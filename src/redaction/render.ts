/** A span to apply: replace text[start, end) with `replacement` (null keeps the original). */
export interface RenderSpan {
  start: number;
  end: number;
  replacement: string | null;
}

/**
 * Applies non-overlapping spans to the original text and reports where each landed in the
 * output. Used when a reviewer adds or removes spans: the approved text is rebuilt from the
 * original, never patched on the proposal.
 */
export function renderRedaction<S extends RenderSpan>(text: string, spans: readonly S[]): { text: string; spans: Array<S & { outputStart: number; outputEnd: number }> } {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  const placed: Array<S & { outputStart: number; outputEnd: number }> = [];
  for (const span of sorted) {
    if (span.start < at || span.end <= span.start || span.end > text.length) throw new RangeError(`span ${span.start}-${span.end} overlaps another or lies outside the text`);
    out += text.slice(at, span.start);
    const outputStart = out.length;
    out += span.replacement ?? text.slice(span.start, span.end);
    placed.push({ ...span, outputStart, outputEnd: out.length });
    at = span.end;
  }
  return { text: out + text.slice(at), spans: placed };
}
