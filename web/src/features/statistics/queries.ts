import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Statistics = Schemas['StatisticsDto'];
export type StatisticsCell = Schemas['StatisticsCellDto'];
export type IncidentMap = Schemas['IncidentMapDto'];
export type IncidentMapPoint = Schemas['IncidentMapPointDto'];

export const DIMENSIONS = ['violationType', 'year', 'province', 'sex', 'ageGroup'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const MEASURES = ['victims', 'incidents', 'acts'] as const;
export type Measure = (typeof MEASURES)[number];

/** The endpoints answer JSON or (format=csv) CSV text; this screen asks for JSON. */
function asStatistics(body: Statistics | string): Statistics {
  if (typeof body === 'string') throw new Error('statistics: expected JSON, got text');
  return body;
}

/** Counts by one dimension, of one case or (caseId null) of every case the user is a member of. */
export function useStatistics(caseId: string | null, by: Dimension) {
  return useQuery({
    queryKey: ['statistics', caseId ?? 'mine', by],
    queryFn: async () =>
      asStatistics(
        caseId
          ? await unwrap(api.GET('/cases/{caseId}/statistics', { params: { path: { caseId }, query: { by: [by] } } }))
          : await unwrap(api.GET('/statistics', { params: { query: { by: [by] } } })),
      ),
  });
}

/** The same table as CSV, downloaded by the browser with the session cookie (same origin). */
export function statisticsCsvHref(caseId: string | null, by: Dimension): string {
  const q = new URLSearchParams({ by, format: 'csv' });
  return caseId ? `/cases/${caseId}/statistics?${q.toString()}` : `/statistics?${q.toString()}`;
}

export function useIncidentMap(caseId: string) {
  return useQuery({
    queryKey: ['incidents', caseId, 'map'],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/incident-map', { params: { path: { caseId } } })),
  });
}

/** The provinces and special cities of the gazetteer, by code (statistics name provinces by code). */
export function useProvinces() {
  return useQuery({
    queryKey: ['places', 'provinces'],
    queryFn: async () => {
      const [provinces, cities] = await Promise.all([
        unwrap(api.GET('/places', { params: { query: { kind: 'province', limit: 100 } } })),
        unwrap(api.GET('/places', { params: { query: { kind: 'special_city', limit: 100 } } })),
      ]);
      return [...provinces.items, ...cities.items];
    },
    staleTime: 60 * 60_000,
  });
}
