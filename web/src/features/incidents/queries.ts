import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { ApiError } from '../../api/errors';

export type Incident = Schemas['IncidentDto'];
export type CreateIncidentBody = Schemas['CreateIncidentDto'];
export type UpdateIncidentBody = Schemas['UpdateIncidentDto'];
export type ViolationType = Schemas['ViolationTypeDto'];

export const incidentKeys = {
  all: (caseId: string) => ['incidents', caseId] as const,
  list: (caseId: string, filter: object) => ['incidents', caseId, 'list', filter] as const,
  detail: (caseId: string, incidentId: string) => ['incidents', caseId, 'detail', incidentId] as const,
};

export interface IncidentFilter {
  sort?: 'date' | '-date' | 'code' | '-createdAt';
  violationType?: string;
  q?: string;
  offset?: number;
  limit?: number;
}

export function useIncidents(caseId: string, filter: IncidentFilter) {
  return useQuery({
    queryKey: incidentKeys.list(caseId, filter),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/incidents', { params: { path: { caseId }, query: { limit: filter.limit ?? 50, offset: filter.offset ?? 0, sort: filter.sort ?? '-createdAt', ...(filter.violationType ? { violationType: filter.violationType } : {}), ...(filter.q ? { q: filter.q } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

export function useIncident(caseId: string, incidentId: string) {
  return useQuery({
    queryKey: incidentKeys.detail(caseId, incidentId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/incidents/{incidentId}', { params: { path: { caseId, incidentId } } })),
  });
}

export function useSaveIncident(caseId: string, incidentId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIncidentBody & { version?: number }) =>
      incidentId
        ? unwrap(api.PATCH('/cases/{caseId}/incidents/{incidentId}', { params: { path: { caseId, incidentId } }, body: body as UpdateIncidentBody }))
        : unwrap(api.POST('/cases/{caseId}/incidents', { params: { path: { caseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.all(caseId) }),
  });
}

/** The violation-type vocabulary (labels in English and Korean); it changes rarely. */
export function useViolationTypes() {
  return useQuery({
    queryKey: ['vocabularies', 'violation-types'],
    queryFn: () => unwrap(api.GET('/vocabularies/violation-types', { params: { query: { limit: 200 } } })),
    staleTime: 60 * 60_000,
  });
}

/** A violation type's label in the interface language (the code when the vocabulary lacks it). */
export function violationLabel(types: readonly ViolationType[] | undefined, code: string, lang: string): string {
  const v = types?.find((x) => x.code === code);
  if (!v) return code;
  return lang.startsWith('ko') ? v.labelKo : v.label;
}

/** The people of the case by pseudonym code (victims are picked by code, never by name). */
export function useCasePeopleCodes(caseId: string) {
  return useQuery({
    queryKey: ['people', caseId, 'codes'],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/people', { params: { path: { caseId }, query: { limit: 200, sort: 'code' } } })),
  });
}

export function useCaseTestimonies(caseId: string) {
  return useQuery({
    queryKey: ['testimonies', caseId, 'for-sources'],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/testimonies', { params: { path: { caseId }, query: { limit: 200 } } })),
  });
}

export type CreateActBody = Schemas['CreateActDto'];
export type VictimAttributesInput = Schemas['VictimAttributesInputDto'];
/** An act against one victim (ActDto; the responses are not typed in the schema). */
export interface Act { id: string; incidentId: string; personId: string; personCode: string; violationType: string; perpetratorIds: string[]; date: Incident['date']; placeId: string | null; createdAt: string; version: number }
/** VictimAttributesDto. */
export interface VictimAttributes { personId: string; sex: VictimAttributesInput['sex']; ageGroup: VictimAttributesInput['ageGroup']; statuses: VictimAttributesInput['statuses']; updatedAt: string; version: number }

const actKeys = (caseId: string, incidentId: string) => ['incidents', caseId, 'acts', incidentId] as const;
const attributeKeys = (caseId: string, personId: string) => ['victim-attributes', caseId, personId] as const;

/** The acts of an incident, per victim (victims named by pseudonym code only). */
export function useActs(caseId: string, incidentId: string) {
  return useQuery({
    queryKey: actKeys(caseId, incidentId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/incidents/{incidentId}/acts', { params: { path: { caseId, incidentId } } })) as unknown as Promise<Act[]>,
  });
}

export function useCreateAct(caseId: string, incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateActBody) => unwrap(api.POST('/cases/{caseId}/incidents/{incidentId}/acts', { params: { path: { caseId, incidentId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: actKeys(caseId, incidentId) }),
  });
}

export function useRemoveAct(caseId: string, incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (act: Pick<Act, 'id' | 'version'>) => unwrap(api.DELETE('/cases/{caseId}/incidents/{incidentId}/acts/{actId}', { params: { path: { caseId, incidentId, actId: act.id }, query: { version: act.version } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: actKeys(caseId, incidentId) }),
  });
}

/**
 * A victim's categories (sex, age group, statuses): only for members cleared for identities, and
 * each read is audited, so it is asked for only where such a member opens the incident. null
 * when none are recorded yet.
 */
export function useVictimAttributes(caseId: string, personId: string, enabled: boolean) {
  return useQuery({
    queryKey: attributeKeys(caseId, personId),
    enabled,
    queryFn: async (): Promise<VictimAttributes | null> => {
      try {
        return (await unwrap(api.GET('/cases/{caseId}/people/{personId}/victim-attributes', { params: { path: { caseId, personId } } }))) as unknown as VictimAttributes;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function usePutVictimAttributes(caseId: string, personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VictimAttributesInput) => unwrap(api.PUT('/cases/{caseId}/people/{personId}/victim-attributes', { params: { path: { caseId, personId } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(attributeKeys(caseId, personId), saved as unknown as VictimAttributes),
  });
}
