import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Every page of a list (200 a request, the API's most), in order. */
async function allPages<T>(fetchPage: (offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = await fetchPage(items.length);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

const LINK_STATUSES = ['proposed', 'reviewed', 'returned'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/**
 * The counts of the case summary. Each list is asked for one row only (its total), except people
 * (codes by role) and incidents (the timeline), which are read whole. None of these answers holds
 * an identity: people come as pseudonym codes to every member.
 */
export function useSummaryCounts(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['summary', caseId, 'counts'],
    enabled,
    queryFn: async () => {
      const path = { caseId };
      const [testimonies, evidence, ...links] = await Promise.all([
        unwrap(api.GET('/cases/{caseId}/testimonies', { params: { path, query: { limit: 1 } } })),
        unwrap(api.GET('/cases/{caseId}/evidence', { params: { path, query: { limit: 1 } } })),
        ...LINK_STATUSES.map((status) => unwrap(api.GET('/cases/{caseId}/evidence-links', { params: { path, query: { limit: 1, status } } }))),
      ]);
      const people = await allPages((offset) => unwrap(api.GET('/cases/{caseId}/people', { params: { path, query: { limit: 200, offset, sort: 'code' } } })));
      return {
        testimonies: testimonies.total,
        evidenceItems: evidence.total,
        links: Object.fromEntries(LINK_STATUSES.map((s, n) => [s, links[n]!.total])) as Record<LinkStatus, number>,
        people: people.map((p) => ({ code: p.code, kind: p.kind })),
      };
    },
  });
}

/** Every incident of the case, oldest first. */
export function useSummaryIncidents(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['summary', caseId, 'incidents'],
    enabled,
    queryFn: () => allPages((offset) => unwrap(api.GET('/cases/{caseId}/incidents', { params: { path: { caseId }, query: { limit: 200, offset, sort: 'date' } } }))),
  });
}
