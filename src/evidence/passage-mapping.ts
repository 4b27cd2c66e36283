/**
 * Mapping a passage between a transcript version's original text and a redaction of it, through
 * the redaction's span log. Pure: no NestJS, no TypeORM, no text (offsets only).
 *
 * Offsets are UTF-16 code units, like transcript lengths. A span replaced original
 * [start, end) by the token at output [outputStart, outputEnd) (empty for "remove"); spans kept
 * as they are (no replacement) shift nothing and are ignored.
 *
 * Decision on selections that begin or end inside a token (e.g. "P-0001] beat me"): the
 * selection is WIDENED to the whole token, which stands for the whole hidden text, and the
 * result says so (`widened`). A person selecting with a mouse rarely hits token edges exactly,
 * and refusing would make such passages impossible to choose; the stored redacted offsets and
 * quote are the widened ones, so what the analyst reads back is exactly what was stored.
 * A token that was removed entirely (empty output) at a selection's edge stays outside it.
 */
export interface MappingSpan {
  start: number;
  end: number;
  outputStart: number;
  outputEnd: number;
  /** null when the original text was kept: such spans shift nothing. */
  replacement?: string | null;
}

export interface MappedPassage {
  /** Offsets in the original text. */
  start: number;
  end: number;
  /** Offsets in the redacted text (after widening). */
  redactedStart: number;
  redactedEnd: number;
  widened: boolean;
}

export class PassageMappingError extends Error {
  constructor(
    readonly field: 'start' | 'end',
    message: string,
  ) {
    super(message);
  }
}

function shifting(spans: readonly MappingSpan[]): MappingSpan[] {
  return spans
    .filter((s) => s.replacement !== null || s.outputEnd - s.outputStart !== s.end - s.start)
    .sort((a, b) => a.outputStart - b.outputStart || a.start - b.start);
}

/** Original offset of a redacted position; `edge` says which side of an empty token it takes. */
function toOriginal(spans: readonly MappingSpan[], p: number, edge: 'start' | 'end'): number {
  let delta = 0;
  for (const s of spans) {
    const before = edge === 'start' ? s.outputEnd <= p : s.outputEnd <= p && s.outputStart < p;
    if (!before) break;
    delta = s.end - s.outputEnd;
  }
  return p + delta;
}

/** Redacted offset of an original position outside every span. */
function toRedacted(spans: readonly MappingSpan[], o: number): number {
  let delta = 0;
  for (const s of spans) {
    if (s.end > o) break;
    delta = s.outputEnd - s.end;
  }
  return o + delta;
}

/**
 * A selection [start, end) of the redacted text → the original passage (and the redacted range
 * after widening to whole tokens). Throws PassageMappingError for a range outside the text.
 */
export function redactedToOriginal(spanLog: readonly MappingSpan[], redactedLength: number, start: number, end: number): MappedPassage {
  if (!Number.isInteger(start) || start < 0 || start >= redactedLength) throw new PassageMappingError('start', `must be within the redacted text (0-${redactedLength - 1})`);
  if (!Number.isInteger(end) || end <= start) throw new PassageMappingError('end', 'must be greater than start');
  if (end > redactedLength) throw new PassageMappingError('end', `must be at most the redacted text's length (${redactedLength})`);
  const spans = shifting(spanLog);
  let rs = start;
  let re = end;
  for (const s of spans) {
    if (s.outputStart < rs && rs < s.outputEnd) rs = s.outputStart;
    if (s.outputStart < re && re < s.outputEnd) re = s.outputEnd;
  }
  const os = toOriginal(spans, rs, 'start');
  const oe = toOriginal(spans, re, 'end');
  if (oe <= os) throw new PassageMappingError('end', 'selects nothing of the original text');
  return { start: os, end: oe, redactedStart: rs, redactedEnd: re, widened: rs !== start || re !== end };
}

/**
 * An original passage [start, end) → where it reads in the redacted text, widened to whole
 * tokens where a boundary falls inside hidden text. Null when nothing of it is visible.
 */
export function originalToRedacted(spanLog: readonly MappingSpan[], start: number, end: number): { start: number; end: number } | null {
  const spans = shifting(spanLog);
  let rs: number | null = null;
  let re: number | null = null;
  for (const s of spans) {
    if (s.start <= start && start < s.end) rs = s.outputStart;
    if (s.start < end && end <= s.end) re = s.outputEnd;
  }
  rs ??= toRedacted(spans, start);
  re ??= toRedacted(spans, end);
  return re > rs ? { start: rs, end: re } : null;
}
