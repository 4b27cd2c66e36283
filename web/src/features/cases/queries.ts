import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type CaseSummary = Schemas['CaseDto'];

export const caseKeys = {
  all: ['cases'] as const,
  list: (status: 'active' | 'archived') => ['cases', 'list', status] as const,
  detail: (caseId: string) => ['cases', 'detail', caseId] as const,
};

export function useMyCases(status: 'active' | 'archived' = 'active') {
  return useQuery({
    queryKey: caseKeys.list(status),
    queryFn: () => unwrap(api.GET('/cases', { params: { query: { status, limit: 200, sort: '-updatedAt' } } })),
  });
}

export function useCase(caseId: string) {
  return useQuery({
    queryKey: caseKeys.detail(caseId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}', { params: { path: { caseId } } })),
  });
}
