/**
 * Maps a DOM selection inside a text container to UTF-16 offsets into the text the container
 * shows. The container must hold the text verbatim, split over any number of text nodes (inside
 * <mark> or <span> elements), and nothing else that renders text. Exact for any text (Hangul,
 * surrogate pairs, line breaks) and independent of layout.
 */
export function offsetIn(container: Node, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  // A range from the container's start to the boundary holds exactly the text before it:
  // Range.toString() concatenates the text nodes it covers, whatever elements wrap them.
  const range = (container.ownerDocument ?? document).createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The selection as [start, end) in the container's text, or null when it is empty or not inside it. */
export function selectionOffsets(container: HTMLElement, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = offsetIn(container, range.startContainer, range.startOffset);
  const end = offsetIn(container, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

export interface Segment {
  start: number;
  end: number;
  /** Passages covering this piece of text (by index), empty for plain text. */
  passages: number[];
}

/**
 * Cuts [0, length) at every passage boundary: one DOM node per piece, not per character, so a
 * 200 KB transcript with hundreds of passages renders as a few hundred nodes.
 */
export function segments(length: number, passages: ReadonlyArray<{ start: number; end: number }>): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const p of passages) {
    cuts.add(Math.max(0, Math.min(length, p.start)));
    cuts.add(Math.max(0, Math.min(length, p.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const covering: number[] = [];
    passages.forEach((p, index) => {
      if (p.start <= start && end <= p.end) covering.push(index);
    });
    out.push({ start, end, passages: covering });
  }
  return out;
}

/**
 * Where each sentence of `text` starts, plus `text.length` at the end: sentence i is
 * [bounds[i], bounds[i + 1]). Intl.Segmenter in the text's language (Korean and English
 * sentence ends), with trailing spaces and line breaks left out of the sentence they follow.
 */
export function sentenceBounds(text: string, language: string): number[] {
  const bounds: number[] = [];
  const Segmenter = (Intl as unknown as { Segmenter?: new (l: string, o: { granularity: 'sentence' }) => { segment(t: string): Iterable<{ index: number }> } }).Segmenter;
  if (Segmenter) {
    for (const s of new Segmenter(language, { granularity: 'sentence' }).segment(text)) bounds.push(s.index);
  } else {
    bounds.push(0);
    for (const m of text.matchAll(/[.!?。]+\s+/g)) bounds.push(m.index + m[0].length);
  }
  const ordered = bounds.filter((b, i) => b < text.length && (i === 0 || b > bounds[i - 1]!));
  // A run of blank lines is a "sentence" of its own to ICU: it belongs to the sentence before it.
  const starts = ordered.filter((b, i) => i === 0 || /\S/.test(text.slice(b, ordered[i + 1] ?? text.length)));
  return [...(starts.length ? starts : [0]), text.length];
}

/** Sentence i without the spaces and line breaks that follow it. */
export function sentenceRange(text: string, bounds: readonly number[], first: number, last = first): { start: number; end: number } {
  const start = bounds[first]!;
  let end = bounds[last + 1]!;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end: end > start ? end : bounds[last + 1]! };
}

/** The sentence holding offset `at`. */
export function sentenceAt(bounds: readonly number[], at: number): number {
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

export type SentenceKey = 'next' | 'previous' | 'extend' | 'shrink';
export interface SentenceSpan { first: number; last: number }

/**
 * Keyboard selection by sentences. `next`/`previous` select the sentence after/before the
 * current selection (the first one when nothing is selected); `extend` adds the following
 * sentence, `shrink` drops the last one (never below one sentence).
 */
export function stepSentences(count: number, current: SentenceSpan | null, key: SentenceKey): SentenceSpan {
  const last = count - 1;
  if (!current) return key === 'previous' ? { first: last, last } : { first: 0, last: 0 };
  switch (key) {
    case 'next': {
      const i = Math.min(last, current.last + 1);
      return { first: i, last: i };
    }
    case 'previous': {
      const i = Math.max(0, current.first - 1);
      return { first: i, last: i };
    }
    case 'extend':
      return { first: current.first, last: Math.min(last, current.last + 1) };
    case 'shrink':
      return { first: current.first, last: Math.max(current.first, current.last - 1) };
  }
}

/** A DOM Range over [start, end) of the container's text, whatever elements split it. */
export function rangeOf(container: Node, start: number, end: number): Range {
  const doc = container.ownerDocument ?? document;
  const range = doc.createRange();
  const walker = doc.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  let at = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    if (!started && start <= at + length) {
      range.setStart(node, start - at);
      started = true;
    }
    if (started && end <= at + length) {
      range.setEnd(node, end - at);
      break;
    }
    at += length;
  }
  return range;
}
