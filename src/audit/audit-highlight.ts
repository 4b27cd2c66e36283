/**
 * Which audit entries a reviewer of the trail must notice: reads of identifying or sensitive
 * data, and downloads of originals or packages. Pure, so the list is tested in one place.
 */
export type AuditHighlight = 'identity_read' | 'download';

const IDENTITY_READS = new Set([
  'person.identity_read',
  'testimony.sensitive_read',
  'victim_attributes.read',
  'file.name_read',
  'transcript.read',
  'search.raw',
]);

const DOWNLOADS = new Set(['file.download', 'export.download', 'list.download']);

export function auditHighlight(action: string): AuditHighlight | null {
  if (IDENTITY_READS.has(action)) return 'identity_read';
  if (DOWNLOADS.has(action)) return 'download';
  return null;
}

/** Actions of each highlight kind, for filtering by kind in SQL. */
export const HIGHLIGHT_ACTIONS: Record<AuditHighlight, string[]> = { identity_read: [...IDENTITY_READS], download: [...DOWNLOADS] };
