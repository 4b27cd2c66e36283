import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { evidenceKeys } from '../evidence/queries';

export type ReviewItem = Schemas['ReviewItemDto'];

export const reviewKeys = { inbox: (offset: number) => ['me', 'reviews', offset] as const, all: ['me'] as const };

export function useReviews(offset: number) {
  return useQuery({ queryKey: reviewKeys.inbox(offset), queryFn: () => unwrap(api.GET('/me/reviews', { params: { query: { limit: 50, offset } } })) });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return (caseId: string) => Promise.all([queryClient.invalidateQueries({ queryKey: reviewKeys.all }), queryClient.invalidateQueries({ queryKey: evidenceKeys.all(caseId) })]);
}

export function useApproveLink() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (r: ReviewItem) => unwrap(api.POST('/cases/{caseId}/evidence-links/{linkId}/review', { params: { path: { caseId: r.caseId, linkId: r.id } }, body: { version: r.version } })),
    onSuccess: (_d, r) => refresh(r.caseId),
  });
}

export function useReturnLink() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ item, comment }: { item: ReviewItem; comment: string }) =>
      unwrap(api.POST('/cases/{caseId}/evidence-links/{linkId}/return', { params: { path: { caseId: item.caseId, linkId: item.id } }, body: { version: item.version, comment } })),
    onSuccess: (_d, v) => refresh(v.item.caseId),
  });
}

export function useApproveRedaction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (r: ReviewItem) => unwrap(api.POST('/cases/{caseId}/redactions/{redactionId}/approve', { params: { path: { caseId: r.caseId, redactionId: r.id } }, body: { version: r.version } })),
    onSuccess: (_d, r) => refresh(r.caseId),
  });
}

export function useReturnRedaction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ item, comment }: { item: ReviewItem; comment: string }) =>
      unwrap(api.POST('/cases/{caseId}/redactions/{redactionId}/return', { params: { path: { caseId: item.caseId, redactionId: item.id } }, body: { version: item.version, comment } })),
    onSuccess: (_d, v) => refresh(v.item.caseId),
  });
}
