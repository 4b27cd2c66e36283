import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Perpetrator = Schemas['PerpetratorDto'];
export type PerpetratorDetail = Schemas['PerpetratorDetailDto'];
export type CreatePerpetratorBody = Schemas['CreatePerpetratorDto'];

export const perpetratorKeys = {
  all: (caseId: string) => ['perpetrators', caseId] as const,
  detail: (caseId: string, id: string) => ['perpetrators', caseId, 'detail', id] as const,
};

/** Every perpetrator of the case (units and individuals; a case has tens, not thousands). */
export function usePerpetrators(caseId: string) {
  return useQuery({
    queryKey: [...perpetratorKeys.all(caseId), 'list'],
    enabled: !!caseId,
    queryFn: () => unwrap(api.GET('/cases/{caseId}/perpetrators', { params: { path: { caseId }, query: { limit: 200, sort: 'code' } } })),
  });
}

export function usePerpetrator(caseId: string, perpetratorId: string) {
  return useQuery({
    queryKey: perpetratorKeys.detail(caseId, perpetratorId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/perpetrators/{perpetratorId}', { params: { path: { caseId, perpetratorId } } })),
  });
}

export function usePerpetratorIncidents(caseId: string, perpetratorId: string) {
  return useQuery({
    queryKey: [...perpetratorKeys.detail(caseId, perpetratorId), 'incidents'],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/perpetrators/{perpetratorId}/incidents', { params: { path: { caseId, perpetratorId }, query: { limit: 100 } } })),
  });
}

export function useCreatePerpetrator(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePerpetratorBody) => unwrap(api.POST('/cases/{caseId}/perpetrators', { params: { path: { caseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: perpetratorKeys.all(caseId) }),
  });
}

/** A perpetrator as a short label: a unit's name, an individual's pseudonym code. */
export function perpetratorLabel(p: Pick<Perpetrator, 'kind' | 'code' | 'name'>): string {
  return p.kind === 'unit' ? `${p.name ?? p.code} (${p.code})` : p.code;
}
