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
