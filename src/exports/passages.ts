import { mapOriginalToRedacted, type OffsetSpan } from 'src/redaction/span-offsets';

/**
 * Passages in an export package (evidence items of kind transcript_passage, incident sources with
 * a passage). A passage is stored as offsets into the ORIGINAL text of a transcript version; the
 * package holds only the approved redaction of that version, so every exported passage carries
 * its offsets into that redacted text file and its quote as redacted for the export's profile:
 * `text.slice(start, end) === quote`. Redacted words stay in the quote as their token.
 *
 * A passage whose transcript version is not in the package (the transcript has no approved
 * redaction for its latest version under the profile, the passage is on an older version and
 * could not be re-anchored, or the testimony is left out) cannot be quoted: an evidence item made
 * of it is left out (`passage_transcript_not_exported`, listed in excluded.json); an incident
 * source keeps its testimony reference without the passage (`passage: null` and the reason).
 */
export const PASSAGE_NOT_EXPORTED = 'passage_transcript_not_exported' as const;

/** A transcript version whose approved redaction goes into the package. */
export interface ExportedTranscript {
  redactionId: string;
  /** Path of the redacted text file inside the bag (`data/testimonies/…`). */
  path: string;
}

export interface ExportedPassage {
  transcriptVersionId: string;
  path: string;
  /** UTF-16 code unit offsets into the exported (redacted) text file. */
  start: number;
  end: number;
  quote: string;
}

/** Path of a transcript's redacted text inside the payload (without `data/`). */
export const transcriptPayloadPath = (testimonyRef: string, kind: string, language: string): string => `testimonies/${testimonyRef}/${kind}-${language}.txt`;

/** Pure: one passage, given the redacted text and span log of its version. */
export function quotePassage(redacted: { text: string; spans: readonly OffsetSpan[] }, start: number, end: number): { start: number; end: number; quote: string } {
  const r = mapOriginalToRedacted(redacted.spans, start, end);
  return { start: r.start, end: r.end, quote: redacted.text.slice(r.start, r.end) };
}

/**
 * Quotes passages of the exported transcript versions, loading each redaction (text and span
 * log) when first needed and keeping only a few in memory.
 */
export class PassageQuoter {
  private readonly cache = new Map<string, { text: string; spans: OffsetSpan[] }>();

  constructor(
    private readonly exported: ReadonlyMap<string, ExportedTranscript>,
    private readonly load: (redactionId: string) => Promise<{ text: string; spans: OffsetSpan[] }>,
    private readonly keep = 16,
  ) {}

  /** Whether a passage on this transcript version can go into the package. */
  has(transcriptVersionId: string | null): boolean {
    return transcriptVersionId !== null && this.exported.has(transcriptVersionId);
  }

  async quote(transcriptVersionId: string | null, start: number | null, end: number | null): Promise<ExportedPassage | null> {
    if (transcriptVersionId === null || start === null || end === null) return null;
    const target = this.exported.get(transcriptVersionId);
    if (!target) return null;
    let redacted = this.cache.get(target.redactionId);
    if (!redacted) {
      redacted = await this.load(target.redactionId);
      if (this.cache.size >= this.keep) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(target.redactionId, redacted);
    }
    return { transcriptVersionId, path: target.path, ...quotePassage(redacted, start, end) };
  }
}
