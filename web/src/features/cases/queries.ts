import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type CaseSummary = Schemas['CaseDto'];
export type CaseStatus = CaseSummary['status'];
export type CaseRole = CaseSummary['myRole'];
export type CaseMember = Schemas['CaseMemberDto'];
export type MemberCandidate = Schemas['MemberCandidateDto'];
export type MembershipEvent = Schemas['MembershipEventDto'];
export type CaseWork = Schemas['CaseWorkSummaryDto'];
export type ActivityEntry = Schemas['ActivityEntryDto'];

export const CASE_SORTS = ['-updatedAt', 'updatedAt', 'title', '-title', '-createdAt', 'createdAt'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const CASE_ROLES: readonly CaseRole[] = ['lead', 'investigator', 'analyst', 'reviewer', 'observer'];

export interface CaseListFilter {
  status?: CaseStatus;
  q?: string;
  sort: CaseSort;
  limit: number;
  offset: number;
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (status: 'active' | 'archived') => ['cases', 'list', status] as const,
  search: (filter: CaseListFilter) => ['cases', 'search', filter] as const,
  detail: (caseId: string) => ['cases', 'detail', caseId] as const,
  members: (caseId: string) => ['cases', 'members', caseId] as const,
  history: (caseId: string, offset: number) => ['cases', 'members', caseId, 'history', offset] as const,
  candidates: (caseId: string, q: string) => ['cases', 'members', caseId, 'candidates', q] as const,
};

export const meKeys = {
  summary: ['me', 'summary'] as const,
  activity: ['me', 'activity'] as const,
};

export function useMyCases(status: 'active' | 'archived' = 'active') {
  return useQuery({
    queryKey: caseKeys.list(status),
    queryFn: () => unwrap(api.GET('/cases', { params: { query: { status, limit: 200, sort: '-updatedAt' } } })),
  });
}

/** The case list with filters (status, title words), sort and paging. */
export function useCaseList(filter: CaseListFilter) {
  return useQuery({
    queryKey: caseKeys.search(filter),
    queryFn: () =>
      unwrap(
        api.GET('/cases', {
          params: { query: { status: filter.status, q: filter.q || undefined, sort: filter.sort, limit: filter.limit, offset: filter.offset } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCase(caseId: string) {
  return useQuery({
    queryKey: caseKeys.detail(caseId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}', { params: { path: { caseId } } })),
  });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; description?: string }) => unwrap(api.POST('/cases', { body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

export interface CaseChange {
  version: number;
  title?: string;
  description?: string;
  status?: CaseStatus;
}

export function useUpdateCase(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseChange) => unwrap(api.PATCH('/cases/{caseId}', { params: { path: { caseId } }, body })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(caseKeys.detail(caseId), saved);
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
    // A conflict or refusal: what the page shows may be stale.
    onError: () => queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) }),
  });
}

/** The case as the server has it now, bypassing the cache (for a version conflict). */
export function fetchCaseNow(caseId: string) {
  return unwrap(api.GET('/cases/{caseId}', { params: { path: { caseId } } }));
}

export function useWorkSummary() {
  return useQuery({ queryKey: meKeys.summary, queryFn: () => unwrap(api.GET('/me/summary')) });
}

/** My own audit entries, newest first, a page at a time (`before` the last seq seen). */
export function useMyActivity(limit = 20) {
  return useInfiniteQuery({
    queryKey: meKeys.activity,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/me/activity', { params: { query: { limit, before: pageParam } } })),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useMembers(caseId: string) {
  return useQuery({
    queryKey: caseKeys.members(caseId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/members', { params: { path: { caseId } } })),
  });
}

/** Staff to add, by part of a name or the start of an e-mail; only from two characters. */
export function useMemberCandidates(caseId: string, q: string) {
  return useQuery({
    queryKey: caseKeys.candidates(caseId, q),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/member-candidates', { params: { path: { caseId }, query: { q } } })),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** The membership history (leads and admins): GET /cases/{caseId}/members/history. */
export function useMembershipHistory(caseId: string, offset: number, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.history(caseId, offset),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/members/history', { params: { path: { caseId }, query: { offset, limit } } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function usePutMember(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role, identityClearance }: { userId: string; role: CaseRole; identityClearance: boolean }) =>
      unwrap(api.PUT('/cases/{caseId}/members/{userId}', { params: { path: { caseId, userId } }, body: { role, identityClearance } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.members(caseId) }),
  });
}

export function useRemoveMember(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => unwrap(api.DELETE('/cases/{caseId}/members/{userId}', { params: { path: { caseId, userId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.members(caseId) }),
  });
}
