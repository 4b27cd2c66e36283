import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type ExportRequest = Schemas['CreateExportDto'];
export type ExportPreview = Schemas['ExportPreviewDto'];
export type PreviewEntry = Schemas['PreviewEntryDto'];
export type ExportRow = Schemas['ExportDto'];
export type Disclosure = Schemas['DisclosureDto'];
export type RecipientKind = Schemas['ExportRecipientDto']['kind'];
export type Purpose = ExportRequest['purpose'];
export type DeathPenalty = Schemas['ExportRecipientDto']['deathPenaltyJurisdiction'];

export const RECIPIENT_KINDS: readonly RecipientKind[] = ['un_mechanism', 'icc', 'national_prosecutor', 'researcher', 'public', 'media', 'internal', 'other'];
export const PURPOSES: readonly Purpose[] = ['share_un_mechanisms', 'share_icc', 'share_national_prosecutors', 'publication', 'advocacy', 'internal_analysis'];
export const DEATH_PENALTY: readonly DeathPenalty[] = ['false', 'true', 'unknown'];

export interface FrameworkOption {
  id: string;
  code: string;
  version: string;
  titleEn: string;
  titleKo: { text: string } | null;
}

export interface DisclosureFilters {
  recipient?: string;
  recipientKind?: RecipientKind;
  testimonyId?: string;
  personCode?: string;
  offset: number;
}

export const disclosureKeys = {
  all: (caseId: string) => ['disclosures', caseId] as const,
  list: (caseId: string, filters: DisclosureFilters) => ['disclosures', caseId, 'list', filters] as const,
  testimony: (caseId: string, testimonyId: string) => ['disclosures', caseId, 'testimony', testimonyId] as const,
};

export function useProfiles(caseId: string) {
  return useQuery({
    queryKey: ['redaction-profiles', caseId],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/redaction-profiles', { params: { path: { caseId } } })),
    staleTime: 60_000,
  });
}

/** Published frameworks (the export's matrix is computed for one of them; none chosen: the Rome Statute). */
export function usePublishedFrameworks() {
  return useQuery({
    queryKey: ['legal', 'frameworks', 'published'],
    queryFn: async () => ((await unwrap(api.GET('/legal/frameworks', { params: { query: { status: 'published', limit: 100 } } }))) as unknown as { items: FrameworkOption[] }).items,
    staleTime: 300_000,
  });
}

export function usePreview() {
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: ExportRequest }) => unwrap(api.POST('/cases/{caseId}/exports/preview', { params: { path: { caseId } }, body })),
  });
}

export function useRequestExport() {
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: ExportRequest }) => unwrap(api.POST('/cases/{caseId}/exports', { params: { path: { caseId } }, body })),
  });
}

/** One export, fetched again when its job finishes (hash and fingerprint are set when it is ready). */
export function useExport(caseId: string, exportId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['exports', caseId, exportId],
    enabled: !!exportId && enabled,
    queryFn: () => unwrap(api.GET('/cases/{caseId}/exports/{exportId}', { params: { path: { caseId, exportId: exportId! } } })),
  });
}

export function useSigningKey(enabled: boolean) {
  return useQuery({
    queryKey: ['exports', 'signing-key'],
    enabled,
    queryFn: () => unwrap(api.GET('/exports/signing-key')),
    staleTime: Infinity,
  });
}

export function useDisclosures(caseId: string, filters: DisclosureFilters) {
  return useQuery({
    queryKey: disclosureKeys.list(caseId, filters),
    queryFn: () =>
      unwrap(
        api.GET('/cases/{caseId}/disclosures', {
          params: {
            path: { caseId },
            query: {
              limit: 50,
              offset: filters.offset,
              ...(filters.recipient ? { recipient: filters.recipient } : {}),
              ...(filters.recipientKind ? { recipientKind: filters.recipientKind } : {}),
              ...(filters.testimonyId ? { testimonyId: filters.testimonyId } : {}),
              ...(filters.personCode ? { personCode: filters.personCode } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useTestimonyDisclosures(caseId: string, testimonyId: string) {
  return useQuery({
    queryKey: disclosureKeys.testimony(caseId, testimonyId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/testimonies/{testimonyId}/disclosures', { params: { path: { caseId, testimonyId }, query: { limit: 100 } } })),
  });
}

export function useInvalidateDisclosures(caseId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: disclosureKeys.all(caseId) });
}

export function downloadUrl(caseId: string, exportId: string): string {
  return `/cases/${encodeURIComponent(caseId)}/exports/${encodeURIComponent(exportId)}/download`;
}

/** The case's testimonies as filter options: the interviewee's code and the interview date (no names). */
export function useTestimonyOptions(caseId: string) {
  return useQuery({
    queryKey: ['testimonies', caseId, 'disclosure-options'],
    queryFn: async () => {
      const page = await unwrap(api.GET('/cases/{caseId}/testimonies', { params: { path: { caseId }, query: { limit: 200, sort: 'interviewDate' } } }));
      return page.items.map((t) => ({ value: t.id, label: `${t.interviewee.code} · ${t.interviewDate.date}` }));
    },
  });
}
