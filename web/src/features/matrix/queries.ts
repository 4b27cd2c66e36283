import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type CaseMatrix = Schemas['CaseMatrixDto'];
export type CrimeRow = Schemas['CrimeRowDto'];
export type ElementRow = Schemas['ElementRowDto'];
export type ElementStatus = ElementRow['status'];
export type StandardOfProof = Schemas['StandardOfProofRuleDto']['code'];
/** GET /cases/:id/liability (the response is not typed in the schema). */
export interface LiabilityRequirement { id: string; code: string; number: number; text: string; textKo: { text: string } | null; supporting: { links: number; reviewed: number; reviewedStrong: number }; undermining: number; independentSources: number; gap: 'no_evidence' | 'not_reviewed' | null; contested: boolean }
export interface LiabilityMode { id: string; code: string; articleRef: string | null; titleEn: string; titleKo: { text: string } | null; gaps: number; elementLinks: number; requirements: LiabilityRequirement[] }
export interface LiabilityView { perpetrators: Array<{ perpetratorId: string; label: string; modes: LiabilityMode[] }> }

export const ELEMENT_STATUSES: readonly ElementStatus[] = ['no_evidence', 'only_unreviewed', 'weak', 'supported'];
export const STANDARDS: readonly StandardOfProof[] = ['reasonable_grounds', 'substantial_grounds', 'beyond_reasonable_doubt'];

/** GET /cases/:id/matrix/standard-of-proof (the response is not typed in the schema). */
export interface CaseStandard { standard: Schemas['StandardOfProofRuleDto']; available: Array<Schemas['StandardOfProofRuleDto']>; version: number }

export interface MatrixFilters {
  perpetratorId?: string;
  incidentId?: string;
  from?: string;
  to?: string;
  placeId?: string;
  standardOfProof?: StandardOfProof;
}

const matrixKeys = {
  all: (caseId: string) => ['matrix', caseId] as const,
};

/** The id of the published Rome Statute version (the matrix is laid against it). */
export function useRomeStatuteId() {
  return useQuery({
    queryKey: ['legal', 'rome-statute', 'published', 'id'],
    queryFn: async () => {
      const list = (await unwrap(api.GET('/legal/frameworks', { params: { query: { code: 'rome-statute', status: 'published' } } }))) as unknown as { items: Array<{ id: string }> };
      return list.items[0]?.id ?? null;
    },
    staleTime: Infinity,
  });
}

export function useMatrix(caseId: string, frameworkVersionId: string | null | undefined, filters: MatrixFilters) {
  return useQuery({
    queryKey: [...matrixKeys.all(caseId), 'grid', frameworkVersionId, filters],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/matrix', { params: { path: { caseId }, query: { frameworkVersionId: frameworkVersionId!, ...filters } } })) as Promise<CaseMatrix>,
    enabled: !!frameworkVersionId,
    placeholderData: (previous) => previous,
  });
}

export function useStandardOfProof(caseId: string) {
  return useQuery({
    queryKey: [...matrixKeys.all(caseId), 'standard'],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/matrix/standard-of-proof', { params: { path: { caseId } } })) as unknown as Promise<CaseStandard>,
  });
}

export function useSetStandardOfProof(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; standardOfProof: StandardOfProof }) => unwrap(api.PUT('/cases/{caseId}/matrix/standard-of-proof', { params: { path: { caseId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: matrixKeys.all(caseId) }),
  });
}

/** Every evidence link to one element (for the cell's drawer). */
export function useElementLinks(caseId: string, elementId: string | null) {
  return useQuery({
    queryKey: [...matrixKeys.all(caseId), 'element', elementId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/evidence-links', { params: { path: { caseId }, query: { elementId: elementId!, limit: 100 } } })),
    enabled: !!elementId,
  });
}

export function useLiability(caseId: string, frameworkVersionId: string | null | undefined, perpetratorId?: string) {
  return useQuery({
    queryKey: [...matrixKeys.all(caseId), 'liability', frameworkVersionId, perpetratorId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/liability', { params: { path: { caseId }, query: { frameworkVersionId: frameworkVersionId!, perpetratorId } } })) as unknown as Promise<LiabilityView>,
    enabled: !!frameworkVersionId,
  });
}

/** The query string of the CSV download (same filters as the screen). */
export function csvHref(caseId: string, frameworkVersionId: string, filters: MatrixFilters, view: 'elements' | 'perpetrators'): string {
  const q = new URLSearchParams({ frameworkVersionId, format: 'csv', view });
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  return `/cases/${caseId}/matrix?${q.toString()}`;
}

/** A period bound the API accepts (YYYY, YYYY-MM or YYYY-MM-DD), or empty. */
export function validPeriod(value: string): boolean {
  return value === '' || /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value);
}
