import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Testimony = Schemas['TestimonyDto'];
export type TestimonyStatus = Testimony['status'];
export type Modality = Testimony['modality'];
export type RiskLevel = Testimony['riskLevel'];
export type DatedValue = Schemas['DatedValueDto'];
export type ConsentInput = Schemas['ConsentInputDto'];
export type ConsentVersion = Schemas['ConsentVersionDto'];
export type ConsentPurpose = ConsentInput['purposes'][number];
export type ConsentMethod = ConsentInput['method'];
export type TestimonySensitive = Schemas['TestimonySensitiveDto'];
export type CaseMember = Schemas['CaseMemberDto'];
export type Person = Schemas['PersonDto'];
export type PersonKind = Person['kind'];

export const TESTIMONY_STATUSES: readonly TestimonyStatus[] = ['draft', 'transcribed', 'redacted', 'reviewed'];
export const MODALITIES: readonly Modality[] = ['in_person', 'video_call', 'phone', 'written'];
export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high', 'critical'];
export const PERSON_KINDS: readonly PersonKind[] = ['survivor', 'witness', 'victim', 'perpetrator_individual', 'other'];
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = ['internal_analysis', 'advocacy', 'share_un_mechanisms', 'share_icc', 'share_national_prosecutors', 'publication'];
export const CONSENT_METHODS: readonly ConsentMethod[] = ['signed_form', 'recorded_oral', 'other'];
export const DATE_PRECISIONS: readonly DatedValue['precision'][] = ['day', 'month', 'year', 'approximate', 'unknown'];

export interface TestimonyFilters {
  status?: TestimonyStatus;
  language?: string;
  riskLevel?: RiskLevel;
  sort: 'createdAt' | '-createdAt' | 'interviewDate' | '-interviewDate';
  offset: number;
  limit: number;
}

export const testimonyKeys = {
  list: (caseId: string) => ['testimonies', caseId, 'list'] as const,
  listWith: (caseId: string, filters: TestimonyFilters) => ['testimonies', caseId, 'list', filters] as const,
  detail: (caseId: string, testimonyId: string) => ['testimonies', caseId, 'detail', testimonyId] as const,
  consents: (caseId: string, testimonyId: string) => ['testimonies', caseId, 'consents', testimonyId] as const,
  sensitive: (caseId: string, testimonyId: string) => ['testimonies', caseId, 'sensitive', testimonyId] as const,
  /** The same key as the transcripts panel's list, so saving a transcript updates the workflow's count. */
  transcripts: (caseId: string, testimonyId: string) => ['transcripts', caseId, testimonyId] as const,
};

export function useTestimonies(caseId: string, filters: TestimonyFilters) {
  return useQuery({
    queryKey: testimonyKeys.listWith(caseId, filters),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/testimonies', { params: { path: { caseId }, query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function useTestimony(caseId: string, testimonyId: string) {
  return useQuery({
    queryKey: testimonyKeys.detail(caseId, testimonyId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/testimonies/{testimonyId}', { params: { path: { caseId, testimonyId } } })),
  });
}

export function fetchTestimony(caseId: string, testimonyId: string) {
  return unwrap(api.GET('/cases/{caseId}/testimonies/{testimonyId}', { params: { path: { caseId, testimonyId } } }));
}

export function useConsents(caseId: string, testimonyId: string) {
  return useQuery({
    queryKey: testimonyKeys.consents(caseId, testimonyId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/testimonies/{testimonyId}/consents', { params: { path: { caseId, testimonyId } } })),
  });
}

/** Only ever enabled for members with identity clearance, and only after an explicit reveal. */
export function useSensitive(caseId: string, testimonyId: string, enabled: boolean) {
  return useQuery({
    queryKey: testimonyKeys.sensitive(caseId, testimonyId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/testimonies/{testimonyId}/sensitive', { params: { path: { caseId, testimonyId } } })),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
  });
}

export function useTranscriptCount(caseId: string, testimonyId: string) {
  return useQuery({
    queryKey: testimonyKeys.transcripts(caseId, testimonyId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/testimonies/{testimonyId}/transcripts', { params: { path: { caseId, testimonyId } } })),
    select: (list) => list.length,
  });
}

/** The case's members (interviewers are picked from them): the cases feature's query, one cache entry. */
export { useMembers as useCaseMembers } from '../cases/queries';

/** People of the case whose pseudonym code starts with `code` (the picker's search). */
export function usePeopleByCode(caseId: string, code: string, kind: PersonKind | null) {
  return useQuery({
    queryKey: ['people', caseId, 'picker', code, kind],
    queryFn: () =>
      unwrap(api.GET('/cases/{caseId}/people', { params: { path: { caseId }, query: { code: code || undefined, kind: kind ?? undefined, limit: 50, sort: 'code' } } })),
    placeholderData: keepPreviousData,
  });
}

export function createPerson(caseId: string, kind: PersonKind) {
  return unwrap(api.POST('/cases/{caseId}/people', { params: { path: { caseId } }, body: { kind } }));
}

export function createTestimony(caseId: string, body: Schemas['CreateTestimonyDto']) {
  return unwrap(api.POST('/cases/{caseId}/testimonies', { params: { path: { caseId } }, body }));
}

export function useInvalidateTestimony(caseId: string, testimonyId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: testimonyKeys.list(caseId) }),
      queryClient.invalidateQueries({ queryKey: testimonyKeys.detail(caseId, testimonyId) }),
      queryClient.invalidateQueries({ queryKey: testimonyKeys.consents(caseId, testimonyId) }),
    ]);
}

export function useUpdateTestimony(caseId: string, testimonyId: string) {
  const invalidate = useInvalidateTestimony(caseId, testimonyId);
  return useMutation({
    mutationFn: (body: Schemas['UpdateTestimonyDto']) => unwrap(api.PATCH('/cases/{caseId}/testimonies/{testimonyId}', { params: { path: { caseId, testimonyId } }, body })),
    onSuccess: invalidate,
  });
}

export function useChangeStatus(caseId: string, testimonyId: string) {
  const invalidate = useInvalidateTestimony(caseId, testimonyId);
  return useMutation({
    mutationFn: (body: Schemas['ChangeStatusDto']) => unwrap(api.POST('/cases/{caseId}/testimonies/{testimonyId}/status', { params: { path: { caseId, testimonyId } }, body })),
    // Also after a failure: a 409 means someone else changed it, so show the current state.
    onSettled: invalidate,
  });
}

export function useRecordConsent(caseId: string, testimonyId: string) {
  const invalidate = useInvalidateTestimony(caseId, testimonyId);
  return useMutation({
    mutationFn: (body: ConsentInput) => unwrap(api.POST('/cases/{caseId}/testimonies/{testimonyId}/consents', { params: { path: { caseId, testimonyId } }, body })),
    onSuccess: invalidate,
  });
}

export function useWithdrawConsent(caseId: string, testimonyId: string) {
  const invalidate = useInvalidateTestimony(caseId, testimonyId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['WithdrawConsentDto']) => unwrap(api.POST('/cases/{caseId}/testimonies/{testimonyId}/consents/withdraw', { params: { path: { caseId, testimonyId } }, body })),
    // The new reason is sealed: re-read the sensitive details only if this user had revealed them.
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: testimonyKeys.sensitive(caseId, testimonyId) })]),
  });
}
