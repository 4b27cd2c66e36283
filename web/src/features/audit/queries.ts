import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type AuditEntry = Schemas['AuditEntryDto'];
export type AuditHighlight = NonNullable<AuditEntry['highlight']>;
export const AUDIT_PAGE_SIZE = 25;

export interface AuditFilter {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  /** yyyy-mm-dd, inclusive */
  from: string;
  /** yyyy-mm-dd, inclusive */
  to: string;
  highlight: AuditHighlight | null;
  page: number;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = { actorId: null, action: '', subjectType: '', subjectId: '', from: '', to: '', highlight: null, page: 1 };

/** The day after a yyyy-mm-dd date, so "to" includes the whole of its last day. */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function toQuery(filter: AuditFilter) {
  const trimmed = (s: string) => s.trim() || undefined;
  return {
    actorId: filter.actorId ?? undefined,
    action: trimmed(filter.action),
    subjectType: trimmed(filter.subjectType),
    subjectId: trimmed(filter.subjectId),
    from: filter.from || undefined,
    to: filter.to ? dayAfter(filter.to) : undefined,
    highlight: filter.highlight ?? undefined,
    limit: AUDIT_PAGE_SIZE,
    offset: (filter.page - 1) * AUDIT_PAGE_SIZE,
  };
}

/** A page of the audit log: one case's (a lead's view) or the whole log (admins). */
export function useAuditTrail(caseId: string | null, filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', caseId ?? 'all', filter],
    queryFn: () =>
      caseId
        ? unwrap(api.GET('/cases/{caseId}/audit', { params: { path: { caseId }, query: toQuery(filter) } }))
        : unwrap(api.GET('/audit', { params: { query: toQuery(filter) } })),
    placeholderData: keepPreviousData,
  });
}
