import type { DisclosureEntity } from 'src/exports/entities/disclosure.entity';
import { itemTestimony } from 'src/exports/export-policy';
import type { ExportSelection } from 'src/exports/selection';

export type DisclosureRow = Omit<DisclosureEntity, 'id' | 'case' | 'export'>;

/**
 * One register row per item the package carries: testimonies, their transcripts, files, evidence
 * items, incidents and the people listed. Each row names the testimony it comes from and that
 * testimony's interviewee, so "who has received W-0001's account" is one filter.
 */
export function disclosureRows(s: ExportSelection, ids: { caseId: string; exportId: string }, disclosedAt: Date): DisclosureRow[] {
  const codeOf = new Map(s.testimonies.map((t) => [t.id, t.code]));
  const base = { caseId: ids.caseId, exportId: ids.exportId, disclosedAt };
  const fromTestimony = (testimonyId: string | null) => ({ testimonyId, personCode: testimonyId ? codeOf.get(testimonyId) ?? null : null });
  const rows: DisclosureRow[] = [];
  for (const t of s.includedTestimonies) {
    rows.push({ ...base, subjectType: 'testimony', subjectId: t.row.id, subjectCode: t.row.code, ...fromTestimony(t.row.id) });
    for (const a of t.transcripts) rows.push({ ...base, subjectType: 'transcript', subjectId: a.transcript_id, subjectCode: t.row.code, ...fromTestimony(t.row.id) });
  }
  const itemTestimonyOf = new Map<string, string | null>();
  for (const item of s.items) {
    if (!s.includedItems.has(item.id)) continue;
    const testimonyId = itemTestimony({ testimonyId: item.testimony_id, sourceKey: item.source_key, fileTestimonyId: item.file_testimony_id });
    if (item.file_id) itemTestimonyOf.set(item.file_id, testimonyId);
    rows.push({ ...base, subjectType: 'evidence_item', subjectId: item.id, subjectCode: item.code, ...fromTestimony(testimonyId) });
  }
  const itemCodeOf = new Map(s.items.filter((i) => i.file_id && s.includedItems.has(i.id)).map((i) => [i.file_id as string, i.code]));
  for (const f of s.fileRows) {
    const testimonyId = f.testimonyId ?? itemTestimonyOf.get(f.id) ?? null;
    const code = itemCodeOf.get(f.id) ?? (testimonyId ? codeOf.get(testimonyId) : undefined) ?? f.id.slice(0, 8);
    rows.push({ ...base, subjectType: 'file', subjectId: f.id, subjectCode: code, ...fromTestimony(testimonyId) });
  }
  for (const incident of s.incidents) {
    if (s.incidentOutcomes.get(incident.id)?.include) rows.push({ ...base, subjectType: 'incident', subjectId: incident.id, subjectCode: incident.code, testimonyId: null, personCode: null });
  }
  for (const p of s.people) rows.push({ ...base, subjectType: 'person', subjectId: p.id, subjectCode: p.code, testimonyId: null, personCode: p.code });
  return rows;
}
