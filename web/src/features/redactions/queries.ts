import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Redaction = Schemas['RedactionDto'];
export type RedactionStatus = Schemas['RedactionSummaryDto']['status'];

/** A span of the log. full (cleared): original and output offsets; generic: output offsets and category only. */
export interface LogSpan {
  outputStart: number;
  outputEnd: number;
  category: string;
  start?: number;
  end?: number;
  rule?: string;
  action?: string;
  replacement?: string | null;
  ambiguous?: boolean;
}

export interface AddedSpan {
  start: number;
  end: number;
  category: Schemas['AddSpanDto']['category'];
}

const keys = {
  list: (caseId: string, status: string) => ['redaction-review', caseId, 'list', status] as const,
  one: (caseId: string, id: string) => ['redaction-review', caseId, id] as const,
};

export function useCaseRedactions(caseId: string, status: RedactionStatus | 'all', offset: number) {
  return useQuery({
    queryKey: [...keys.list(caseId, status), offset],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/redactions', { params: { path: { caseId }, query: { limit: 50, offset, ...(status === 'all' ? {} : { status }) } } })),
    placeholderData: keepPreviousData,
  });
}

export function useReviewRedaction(caseId: string, redactionId: string) {
  return useQuery({
    queryKey: keys.one(caseId, redactionId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/redactions/{redactionId}', { params: { path: { caseId, redactionId } } })),
  });
}

/**
 * The original text a redaction was made from. Only called for a span log of view "full" (the
 * API gave it because the reader has identity clearance); the read is audited by the API.
 */
export function useRedactionOriginal(caseId: string, r: Redaction | undefined) {
  const enabled = !!r && r.spanLog === 'full';
  return useQuery({
    queryKey: ['redaction-review', caseId, r?.id, 'original'],
    enabled,
    staleTime: Infinity,
    queryFn: async () => {
      const transcripts = await unwrap(api.GET('/cases/{caseId}/testimonies/{testimonyId}/transcripts', { params: { path: { caseId, testimonyId: r!.testimonyId } } }));
      const version = transcripts.find((t) => t.id === r!.transcriptId)?.versions.find((v) => v.id === r!.transcriptVersionId);
      if (!version) throw new Error('transcript version not found');
      return unwrap(api.GET('/cases/{caseId}/testimonies/{testimonyId}/transcripts/{transcriptId}/versions/{version}', { params: { path: { caseId, testimonyId: r!.testimonyId, transcriptId: r!.transcriptId, version: version.version } } }));
    },
  });
}

export function useRedactionProfileLabels(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['redaction-profiles', caseId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/redaction-profiles', { params: { path: { caseId } } })),
    enabled,
  });
}

export function useApproveRedaction(caseId: string, redactionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; removeSpans?: number[]; addSpans?: AddedSpan[] }) =>
      unwrap(api.POST('/cases/{caseId}/redactions/{redactionId}/approve', { params: { path: { caseId, redactionId } }, body })),
    onSuccess: (data) => {
      queryClient.setQueryData(keys.one(caseId, redactionId), data);
      void queryClient.invalidateQueries({ queryKey: ['redaction-review', caseId, 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['redactions', caseId] });
    },
  });
}

export function useReturnRedaction(caseId: string, redactionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; comment: string }) => unwrap(api.POST('/cases/{caseId}/redactions/{redactionId}/return', { params: { path: { caseId, redactionId } }, body })),
    onSuccess: (data) => {
      queryClient.setQueryData(keys.one(caseId, redactionId), data);
      void queryClient.invalidateQueries({ queryKey: ['redaction-review', caseId, 'list'] });
    },
  });
}
