import { diffChars, diffWordsWithSpace } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

/**
 * The changes from `before` to `after`: word by word for alphabetic languages, character by
 * character where Hangul appears (Korean words carry particles, so a word diff would mark whole
 * 어절 as changed for one syllable).
 */
export function textDiff(before: string, after: string): DiffPart[] {
  const byChar = HANGUL.test(before) || HANGUL.test(after);
  const changes = byChar ? diffChars(before, after) : diffWordsWithSpace(before, after);
  return changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/** How much changed, for a one-line summary: characters added and removed. */
export function diffStats(parts: DiffPart[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.kind === 'added') added += p.text.length;
    if (p.kind === 'removed') removed += p.text.length;
  }
  return { added, removed };
}
