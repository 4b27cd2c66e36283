/**
 * Offsets through a redaction's span log. Pure: offsets only, no text, no I/O.
 *
 * Every offset is a UTF-16 code unit offset (what `String.prototype.slice` takes). A span replaced
 * original [start, end) by its replacement at output [outputStart, outputEnd) — empty for
 * `remove`; a span that kept its text (`replacement: null`) shifts nothing.
 *
 * A passage boundary that falls inside a replaced span is WIDENED to the whole token: the token
 * stands for all of the hidden words, so a passage that began in the middle of a name begins at
 * `[W-0001]` in the redacted text. A passage that lies wholly inside a removed span maps to an
 * empty range at the place of the removal.
 */
export interface OffsetSpan {
  start: number;
  end: number;
  outputStart: number;
  outputEnd: number;
  replacement?: string | null;
}

/** Spans that move offsets, in text order. */
function shifting(spans: readonly OffsetSpan[]): OffsetSpan[] {
  return spans
    .filter((s) => !(s.replacement === null && s.outputEnd - s.outputStart === s.end - s.start))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Where the original offset `offset` lands in the redacted text. `side` says which way a
 * boundary inside a replaced span is widened: a passage's `start` moves to the token's start, its
 * `end` to the token's end.
 */
export function mapOriginalOffset(spans: readonly OffsetSpan[], offset: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const s of shifting(spans)) {
    if (offset <= s.start) break;
    if (offset < s.end) return side === 'start' ? s.outputStart : s.outputEnd;
    delta = s.outputEnd - s.end;
  }
  return offset + delta;
}

/**
 * An original passage [start, end) → the range of the redacted text that shows it, widened to
 * whole tokens. `redactedText.slice(result.start, result.end)` is the passage as redacted.
 */
export function mapOriginalToRedacted(spans: readonly OffsetSpan[], start: number, end: number): { start: number; end: number } {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end)) throw new RangeError(`passage ${start}-${end} is not a range`);
  const sorted = shifting(spans);
  const s = mapOriginalOffset(sorted, start, 'start');
  const e = mapOriginalOffset(sorted, end, 'end');
  return { start: s, end: Math.max(s, e) };
}
