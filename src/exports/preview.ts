import type { ErrorLanguage } from 'src/common/errors/localise';
import { exclusionReasonText } from 'src/exports/exclusion-reasons';
import { shortRef } from 'src/exports/export-policy';
import type { ExportSelection } from 'src/exports/selection';

/** One thing that would go out or be left out: by code and short reference, never content. */
export interface PreviewEntry {
  kind: 'testimony' | 'transcript' | 'file' | 'evidence_item' | 'incident' | 'person' | string;
  code: string;
  ref: string | null;
  /** For a transcript: kind and language (original ko); for a file: its media type. */
  detail?: string;
  /** Left out, or (for an included incident) what is held back. */
  reason?: string;
  reasonText?: string;
}

export interface ExportPreview {
  language: ErrorLanguage;
  included: PreviewEntry[];
  leftOut: PreviewEntry[];
  counts: { included: Record<string, number>; leftOut: Record<string, number> };
  /** False while a transcript approved before awaits an approved redaction of its new version (the build would fail). */
  ready: boolean;
  waiting: PreviewEntry[];
}

const countBy = (entries: readonly PreviewEntry[]) => entries.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.kind]: (acc[e.kind] ?? 0) + 1 }), {});

/**
 * The answer of POST …/exports/preview, from the same selection the worker builds the package
 * from. Left-out entries are those of excluded.json plus the people codes people.json will not list.
 */
export function previewOf(s: ExportSelection, language: ErrorLanguage): ExportPreview {
  const withText = (e: PreviewEntry): PreviewEntry => (e.reason ? { ...e, reasonText: exclusionReasonText(e.reason, language) } : e);
  const itemCode = new Map(s.items.filter((i) => s.includedItems.has(i.id) && i.file_id).map((i) => [i.file_id as string, i.code]));
  const testimonyCode = new Map(s.testimonies.map((t) => [t.id, t.code]));
  const included: PreviewEntry[] = [
    ...s.includedTestimonies.map((t) => ({ kind: 'testimony', code: t.row.code, ref: shortRef(t.row.id), detail: t.form })),
    ...s.includedTestimonies.flatMap((t) => t.transcripts.map((a) => ({ kind: 'transcript', code: t.row.code, ref: shortRef(a.transcript_id), detail: `${a.kind} ${a.language}` }))),
    ...s.fileRows.map((f) => ({ kind: 'file', code: itemCode.get(f.id) ?? (f.testimonyId ? testimonyCode.get(f.testimonyId) ?? '?' : '?'), ref: shortRef(f.id), detail: f.mediaType })),
    ...s.items.filter((i) => s.includedItems.has(i.id)).map((i) => ({ kind: 'evidence_item', code: i.code, ref: shortRef(i.id), detail: i.kind })),
    ...s.incidents.flatMap((i) => {
      const outcome = s.incidentOutcomes.get(i.id);
      if (!outcome?.include) return [];
      return [{ kind: 'incident', code: i.code, ref: shortRef(i.id), ...(outcome.narrative ? {} : { reason: 'narrative_from_excluded_source' }) }];
    }),
    ...s.people.map((p) => ({ kind: 'person', code: p.code, ref: null, detail: p.kind })),
  ].map(withText);
  const leftOut: PreviewEntry[] = [
    ...s.excluded.map((x) => ({ kind: x.kind, code: x.code, ref: x.ref, reason: x.reason })),
    ...s.peopleLeftOut.map((p) => ({ kind: 'person', code: p.code, ref: null, detail: p.kind, reason: p.reason })),
  ].map(withText);
  const waiting: PreviewEntry[] = s.pending.map((p) => ({
    kind: 'transcript', code: testimonyCode.get(p.testimonyId) ?? '?', ref: shortRef(p.transcriptId), detail: `${p.kind} ${p.language} v${p.version}`,
    reason: `redaction_${p.latestStatus ?? 'not_run'}`,
  })).map(withText);
  return { language, included, leftOut, counts: { included: countBy(included), leftOut: countBy(leftOut) }, ready: waiting.length === 0, waiting };
}
