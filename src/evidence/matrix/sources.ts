/**
 * What counts as one independent source when the matrix corroborates an element. Pure.
 *
 * - A witness: every passage and file of every testimony of the same interviewee is one source
 *   (`witness:<person id>`): a survivor interviewed twice is one witness, not two.
 * - A document: one source per content (`file:<sha256>`): the same bytes uploaded twice, or linked
 *   through two items, are one document.
 * - A physical item: one source per item (`item:<id>`).
 * A working copy (cropped, enhanced, transcoded …) carries its original's item source key, so it
 * counts as the original.
 */
export type SourceKind = 'witness' | 'document' | 'physical';

/** The link's independent source, from the item's source key and the interviewee of its testimony. */
export function independentSource(itemSourceKey: string, intervieweeOf: (testimonyId: string) => string | null): string {
  if (itemSourceKey.startsWith('testimony:')) {
    const person = intervieweeOf(itemSourceKey.slice('testimony:'.length));
    return person ? `witness:${person}` : itemSourceKey;
  }
  return itemSourceKey;
}

export function sourceKind(source: string): SourceKind {
  if (source.startsWith('witness:')) return 'witness';
  if (source.startsWith('file:')) return 'document';
  return 'physical';
}
