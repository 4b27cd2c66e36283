import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type SearchHit = Schemas['SearchHitDto'];
export type SearchKind = SearchHit['kind'];
export const SEARCH_KINDS: SearchKind[] = ['testimony', 'incident', 'perpetrator', 'place'];

export interface SearchFilters {
  q: string;
  caseId?: string;
  kinds: SearchKind[];
  dateFrom?: string;
  dateTo?: string;
  placeId?: string;
  violationType?: string;
  elementId?: string;
  perpetratorId?: string;
}

/** The de-identified search (testimonies' redacted text, incidents, perpetrators, places), a page at a time. */
export function useSearch(f: SearchFilters) {
  return useInfiniteQuery({
    queryKey: ['search', f],
    enabled: f.q.trim().length > 0,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Schemas['SearchPageDto']) => last.nextCursor ?? undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/search', {
        params: {
          query: {
            q: f.q.trim(),
            limit: 20,
            ...(pageParam ? { cursor: pageParam } : {}),
            ...(f.caseId ? { caseId: f.caseId } : {}),
            ...(f.kinds.length ? { kind: f.kinds } : {}),
            ...(f.dateFrom ? { dateFrom: f.dateFrom } : {}),
            ...(f.dateTo ? { dateTo: f.dateTo } : {}),
            ...(f.placeId ? { placeId: f.placeId } : {}),
            ...(f.violationType ? { violationType: f.violationType } : {}),
            ...(f.elementId ? { elementId: f.elementId } : {}),
            ...(f.perpetratorId ? { perpetratorId: f.perpetratorId } : {}),
          },
        },
      })),
  });
}

/** The audited raw search of one case (identities and original transcripts): identity clearance only. */
export function useRawSearch(caseId: string | undefined, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['search-raw', caseId, q],
    enabled: enabled && !!caseId && q.trim().length >= 2,
    queryFn: () => unwrap(api.GET('/cases/{caseId}/search/raw', { params: { path: { caseId: caseId! }, query: { q: q.trim() } } })),
    staleTime: 0,
    gcTime: 0,
  });
}

interface ElementOption { id: string; code: string; text: string }
interface FrameworkDetail { crimes: Array<{ code: string; titleEn: string; titleKo: { text: string } | null; elements: ElementOption[] }> }

/** The elements of the published legal frameworks, for the element filter ("7(1)(e) E1 — …"). */
export function useElementOptions(lang: string) {
  return useQuery({
    queryKey: ['legal', 'element-options', lang],
    staleTime: 60 * 60_000,
    queryFn: async () => {
      const list = (await unwrap(api.GET('/legal/frameworks', { params: { query: { status: 'published', limit: 20 } } }))) as unknown as { items: { id: string }[] };
      const options: { value: string; label: string; group: string }[] = [];
      for (const fw of list.items) {
        const detail = (await unwrap(api.GET('/legal/frameworks/{frameworkId}', { params: { path: { frameworkId: fw.id } } }))) as unknown as FrameworkDetail;
        for (const crime of detail.crimes) {
          const group = `${crime.code} ${lang.startsWith('ko') && crime.titleKo ? crime.titleKo.text : crime.titleEn}`;
          for (const e of crime.elements) options.push({ value: e.id, label: `${e.code} — ${e.text.length > 90 ? `${e.text.slice(0, 90)}…` : e.text}`, group });
        }
      }
      const groups = new Map<string, { value: string; label: string }[]>();
      for (const o of options) groups.set(o.group, [...(groups.get(o.group) ?? []), { value: o.value, label: o.label }]);
      return [...groups.entries()].map(([group, items]) => ({ group, items }));
    },
  });
}
