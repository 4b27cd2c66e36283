import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Transcript = Schemas['TranscriptDto'];
export type TranscriptVersion = Schemas['TranscriptVersionDto'];

export const transcriptKeys = {
  list: (caseId: string, testimonyId: string) => ['transcripts', caseId, testimonyId] as const,
  text: (caseId: string, testimonyId: string, transcriptId: string, version: number) => ['transcripts', caseId, testimonyId, transcriptId, 'text', version] as const,
};

/** Transcripts with their versions (no text: that needs identity clearance and is audited). */
export function useTranscripts(caseId: string, testimonyId: string) {
  return useQuery({
    queryKey: transcriptKeys.list(caseId, testimonyId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/testimonies/{testimonyId}/transcripts', { params: { path: { caseId, testimonyId } } })),
  });
}

/** The raw text of one version. Only for members with identity clearance; every read is audited. */
export function fetchVersionText(caseId: string, testimonyId: string, transcriptId: string, version: number) {
  return unwrap(api.GET('/cases/{caseId}/testimonies/{testimonyId}/transcripts/{transcriptId}/versions/{version}', { params: { path: { caseId, testimonyId, transcriptId, version } } }));
}

export function useVersionText(caseId: string, testimonyId: string, transcriptId: string | undefined, version: number | undefined, enabled = true) {
  return useQuery({
    queryKey: transcriptKeys.text(caseId, testimonyId, transcriptId ?? '', version ?? 0),
    queryFn: () => fetchVersionText(caseId, testimonyId, transcriptId!, version!),
    enabled: enabled && !!transcriptId && !!version,
    // A version never changes.
    staleTime: Infinity,
  });
}

export interface SaveInput {
  /** Absent: the first version of a new transcript. */
  transcriptId?: string;
  kind: 'original' | 'translation';
  language: string;
  text: string;
  basedOnVersion?: number;
  translatesVersionId?: string;
}

export function useSaveTranscript(caseId: string, testimonyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput) =>
      input.transcriptId
        ? unwrap(api.POST('/cases/{caseId}/testimonies/{testimonyId}/transcripts/{transcriptId}/versions', {
            params: { path: { caseId, testimonyId, transcriptId: input.transcriptId } },
            body: { basedOnVersion: input.basedOnVersion ?? 1, text: input.text, translatesVersionId: input.translatesVersionId },
          }))
        : unwrap(api.POST('/cases/{caseId}/testimonies/{testimonyId}/transcripts', {
            params: { path: { caseId, testimonyId } },
            body: { kind: input.kind, language: input.language, text: input.text, translatesVersionId: input.translatesVersionId },
          })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: transcriptKeys.list(caseId, testimonyId) }),
  });
}

export function useRedactionProfiles(caseId: string) {
  return useQuery({
    queryKey: ['redaction-profiles', caseId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/redaction-profiles', { params: { path: { caseId } } })),
  });
}

/** The newest redactions of a testimony (their text is de-identified: anyone on the case may read it). */
export function useTestimonyRedactions(caseId: string, testimonyId: string) {
  return useQuery({
    queryKey: ['redactions', caseId, testimonyId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/redactions', { params: { path: { caseId }, query: { testimonyId, limit: 20 } } })),
  });
}

export function useRedaction(caseId: string, redactionId: string | undefined) {
  return useQuery({
    queryKey: ['redaction', caseId, redactionId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/redactions/{redactionId}', { params: { path: { caseId, redactionId: redactionId! } } })),
    enabled: !!redactionId,
  });
}

export function useStartRedaction(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { testimonyId: string; profile: string }) => unwrap(api.POST('/cases/{caseId}/redactions', { params: { path: { caseId } }, body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['jobs', 'case', caseId] }),
  });
}
