/**
 * Moving a passage to a new version of its transcript. Pure: texts in, offsets out.
 *
 * The passage's words are looked for in the new text; where they occur several times the one
 * nearest to where the passage would now be is taken (its old offset, shifted by the length
 * change when the edit lies wholly before it); ties go to the earlier one. When the words no
 * longer occur (the edit touched them) the passage cannot be moved: null, and the item is
 * flagged for a person to re-anchor.
 */
export function reanchorPassage(oldText: string, start: number, end: number, newText: string): { start: number; end: number } | null {
  if (!(0 <= start && start < end && end <= oldText.length)) return null;
  const words = oldText.slice(start, end);
  // Common prefix and suffix of the two texts: what lies outside them is the edit.
  const limit = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  const expected = start >= oldText.length - suffix ? start + newText.length - oldText.length : start;
  let best = -1;
  for (let at = newText.indexOf(words); at !== -1; at = newText.indexOf(words, at + 1)) {
    if (best === -1 || Math.abs(at - expected) < Math.abs(best - expected)) best = at;
    if (at > expected) break; // later ones are only farther
  }
  return best === -1 ? null : { start: best, end: best + words.length };
}
