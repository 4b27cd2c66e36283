import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import type { ErasureReason, Identity, PersonKind } from './identity';

export type Person = Schemas['PersonDto'];
export type PersonIdentity = Schemas['PersonIdentityResponseDto'];
export type Place = Schemas['PlaceDto'];

export const PEOPLE_PAGE_SIZE = 25;

/** Registering people and writing identities needs the record permission (lead, investigator) on an open case. */
export function mayRecord(kase: Schemas['CaseDto'] | undefined): boolean {
  return Boolean(kase && kase.status === 'active' && (kase.myRole === 'lead' || kase.myRole === 'investigator'));
}

export const peopleKeys = {
  all: (caseId: string) => ['people', caseId] as const,
  list: (caseId: string, kind: PersonKind | null, page: number) => ['people', caseId, 'list', kind, page] as const,
  detail: (caseId: string, personId: string) => ['people', caseId, 'detail', personId] as const,
  /** Identity data: only while the panel is open, never kept after (gcTime 0, removed on close). */
  identity: (caseId: string, personId: string) => ['people', caseId, 'identity', personId] as const,
};

export function usePeople(caseId: string, kind: PersonKind | null, page: number) {
  return useQuery({
    queryKey: peopleKeys.list(caseId, kind, page),
    queryFn: () =>
      unwrap(api.GET('/cases/{caseId}/people', { params: { path: { caseId }, query: { ...(kind ? { kind } : {}), limit: PEOPLE_PAGE_SIZE, offset: (page - 1) * PEOPLE_PAGE_SIZE, sort: 'code' } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(caseId: string, personId: string) {
  return useQuery({
    queryKey: peopleKeys.detail(caseId, personId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/people/{personId}', { params: { path: { caseId, personId } } })),
  });
}

export function useCreatePerson(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: PersonKind; identity?: Identity }) => unwrap(api.POST('/cases/{caseId}/people', { params: { path: { caseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all(caseId) }),
  });
}

/** Reads the identity (an audited reveal) on the server: call only after the user chose to reveal. */
export function fetchIdentity(caseId: string, personId: string): Promise<PersonIdentity> {
  return unwrap(api.GET('/cases/{caseId}/people/{personId}/identity', { params: { path: { caseId, personId } } }));
}

/**
 * The revealed identity, requested only while `revealed` is true. Kept in memory only for as long
 * as the panel shows it: never refetched on its own (each read is audited), dropped on unmount.
 */
export function useIdentity(caseId: string, personId: string, revealed: boolean) {
  const queryClient = useQueryClient();
  const queryKey = peopleKeys.identity(caseId, personId);
  useEffect(() => {
    if (!revealed) queryClient.removeQueries({ queryKey });
    return () => queryClient.removeQueries({ queryKey });
    // The key is derived from caseId and personId.
  }, [queryClient, caseId, personId, revealed]);
  return useQuery({
    queryKey,
    queryFn: () => fetchIdentity(caseId, personId),
    enabled: revealed,
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
    refetchOnReconnect: false,
    refetchOnWindowFocus: false,
  });
}

export function useSaveIdentity(caseId: string, personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; identity: Identity }) => unwrap(api.PUT('/cases/{caseId}/people/{personId}/identity', { params: { path: { caseId, personId } }, body })),
    onSuccess: async (person, { identity }) => {
      // What was saved is what the open panel shows: no second (audited) read needed.
      if (queryClient.getQueryData(peopleKeys.identity(caseId, personId))) {
        queryClient.setQueryData<PersonIdentity>(peopleKeys.identity(caseId, personId), { id: person.id, code: person.code, version: person.version, identity });
      }
      queryClient.setQueryData(peopleKeys.detail(caseId, personId), person);
      await queryClient.invalidateQueries({ queryKey: peopleKeys.all(caseId), predicate: (q) => q.queryKey[2] === 'list' });
    },
  });
}

export function useEraseIdentity(caseId: string, personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; reason: ErasureReason }) => unwrap(api.POST('/cases/{caseId}/people/{personId}/identity/erase', { params: { path: { caseId, personId } }, body })),
    onSuccess: async (person) => {
      queryClient.setQueryData(peopleKeys.detail(caseId, personId), person);
      queryClient.removeQueries({ queryKey: peopleKeys.identity(caseId, personId) });
      await queryClient.invalidateQueries({ queryKey: peopleKeys.all(caseId), predicate: (q) => q.queryKey[2] === 'list' });
    },
  });
}

/** Gazetteer places matching any spelling (Hangul, McCune–Reischauer, Revised Romanization, DPRK style). */
export function usePlaceSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ['places', 'search', term],
    queryFn: () => unwrap(api.GET('/places', { params: { query: { q: term, limit: 10 } } })),
    enabled: term.length >= 1 && /[\p{L}\p{N}]/u.test(term),
    placeholderData: keepPreviousData,
    // What someone typed while recording a birthplace is not kept after the picker closes.
    gcTime: 0,
  });
}
