/** A highlighted range of a text: UTF-16 offsets, start inclusive, end exclusive. */
export interface Mark<K> {
  start: number;
  end: number;
  key: K;
}

export interface Segment<K> {
  text: string;
  start: number;
  mark: Mark<K> | null;
}

/**
 * Cuts a text into plain and marked segments (for highlighting spans). Marks are sorted; a mark
 * that overlaps an earlier one or lies outside the text is dropped rather than garbling the text:
 * the segments always join back to exactly the text.
 */
export function segmentText<K>(text: string, marks: readonly Mark<K>[]): Segment<K>[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Segment<K>[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at || m.end <= m.start || m.end > text.length) continue;
    if (m.start > at) out.push({ text: text.slice(at, m.start), start: at, mark: null });
    out.push({ text: text.slice(m.start, m.end), start: m.start, mark: m });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), start: at, mark: null });
  return out;
}

/** Whether [start, end) overlaps any of the ranges. */
export function overlapsAny(start: number, end: number, ranges: readonly { start: number; end: number }[]): boolean {
  return ranges.some((r) => start < r.end && r.start < end);
}

/**
 * The offsets of the current selection inside `container` (whose text content is the whole
 * text), or null when the selection is empty or not wholly inside it. Leading and trailing white
 * space of the selection is trimmed (a double-click on a word often takes the space after it).
 */
export function selectionIn(container: HTMLElement, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  let start = before.toString().length;
  const selected = range.toString();
  let end = start + selected.length;
  const lead = selected.length - selected.trimStart().length;
  const trail = selected.length - selected.trimEnd().length;
  start += lead;
  end -= trail;
  return end > start ? { start, end } : null;
}

/**
 * The text as it will be approved: the original with every kept span replaced (a null
 * replacement keeps the original words) — the same rule the API applies when it rebuilds it.
 */
export function previewText(original: string, spans: readonly { start: number; end: number; replacement: string | null }[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at || s.end > original.length || s.end <= s.start) continue;
    out += original.slice(at, s.start) + (s.replacement ?? original.slice(s.start, s.end));
    at = s.end;
  }
  return out + original.slice(at);
}
