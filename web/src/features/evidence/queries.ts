import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Reading = Schemas['ReadingDto'];
export type ReadingPassage = Schemas['ReadingPassageDto'];
export type EvidenceItem = Schemas['EvidenceItemDto'];
export type EvidenceLink = Schemas['EvidenceLinkDto'];
export type LinkComment = Schemas['LinkCommentDto'];
export type EvidenceKind = EvidenceItem['kind'];
export type LinkRelation = EvidenceLink['relation'];
export type SourceReliability = EvidenceLink['sourceReliability'];

export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['transcript_passage', 'document', 'image', 'audio', 'video', 'open_source_capture', 'expert_report', 'physical_item'];
export const RELATIONS: readonly LinkRelation[] = ['supports', 'undermines', 'context'];
export const RELIABILITY: readonly SourceReliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/** The legal framework tree, as the API answers it (its responses are not typed in the schema). */
export interface KoreanText { text: string }
export interface LegalElement { id: string; code: string; number: number; text: string; alternatives: Array<{ letter: string; text: string }> }
export interface LegalCrime { id: string; code: string; titleEn: string; titleKo: KoreanText | null; articleRef: string | null; elements: LegalElement[] }
export interface LegalRequirement { id: string; code: string; number: number; text: string; textKo: KoreanText | null }
export interface LegalMode { id: string; code: string; titleEn: string; titleKo: KoreanText | null; requirements?: LegalRequirement[] }
export interface Framework { id: string; code: string; version: string; crimes: LegalCrime[]; modesOfLiability: LegalMode[] }
interface NamedRow { id: string; code: string; title?: string; name?: string; kind?: string }

export const evidenceKeys = {
  reading: (caseId: string, versionId: string) => ['evidence', caseId, 'reading', versionId] as const,
  list: (caseId: string, kind: string | null, offset: number) => ['evidence', caseId, 'list', kind, offset] as const,
  item: (caseId: string, itemId: string) => ['evidence', caseId, 'item', itemId] as const,
  itemLinks: (caseId: string, itemId: string) => ['evidence', caseId, 'item', itemId, 'links'] as const,
  copies: (caseId: string, itemId: string) => ['evidence', caseId, 'item', itemId, 'copies'] as const,
  comments: (caseId: string, linkId: string) => ['evidence', caseId, 'link', linkId, 'comments'] as const,
  all: (caseId: string) => ['evidence', caseId] as const,
};

/** The text of a version this member may read (original with clearance, else the approved redaction) and the passages on it. */
export function useReading(caseId: string, versionId: string | undefined) {
  return useQuery({
    queryKey: evidenceKeys.reading(caseId, versionId ?? ''),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/transcript-versions/{versionId}/reading', { params: { path: { caseId, versionId: versionId! } } })),
    enabled: !!versionId,
    retry: false,
  });
}

/** The published Rome Statute version: crimes, elements and modes of liability. */
export function useRomeStatute() {
  return useQuery({
    queryKey: ['legal', 'rome-statute', 'published'],
    queryFn: async () => {
      const list = (await unwrap(api.GET('/legal/frameworks', { params: { query: { code: 'rome-statute', status: 'published' } } }))) as unknown as { items: Array<{ id: string }> };
      const first = list.items[0];
      if (!first) return null;
      return (await unwrap(api.GET('/legal/frameworks/{frameworkId}', { params: { path: { frameworkId: first.id } } }))) as unknown as Framework;
    },
    staleTime: Infinity,
  });
}

export function useCaseIncidents(caseId: string) {
  return useQuery({
    queryKey: ['incidents', caseId, 'picker'],
    queryFn: async () => ((await unwrap(api.GET('/cases/{caseId}/incidents', { params: { path: { caseId }, query: { limit: 200, sort: 'code' } } }))) as unknown as { items: NamedRow[] }).items,
  });
}

export function useCasePerpetrators(caseId: string) {
  return useQuery({
    queryKey: ['perpetrators', caseId, 'picker'],
    queryFn: async () => ((await unwrap(api.GET('/cases/{caseId}/perpetrators', { params: { path: { caseId }, query: { limit: 200 } } }))) as unknown as { items: NamedRow[] }).items,
  });
}

export type NewPassageLink = Schemas['CreatePassageEvidenceDto'];

/**
 * Records the passage with its element link (and requirement link) in one request: the server
 * writes all of it in one transaction, so a refused link leaves no item and a retry makes one.
 */
export function useCreatePassageLink(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewPassageLink) => unwrap(api.POST('/cases/{caseId}/evidence/passages', { params: { path: { caseId } }, body: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: evidenceKeys.all(caseId) }),
  });
}

export function useEvidenceList(caseId: string, kind: EvidenceKind | null, offset: number) {
  return useQuery({
    queryKey: evidenceKeys.list(caseId, kind, offset),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/evidence', { params: { path: { caseId }, query: { kind: kind ?? undefined, limit: 50, offset, sort: 'code' } } })),
  });
}

export function useEvidenceItem(caseId: string, itemId: string) {
  return useQuery({ queryKey: evidenceKeys.item(caseId, itemId), queryFn: () => unwrap(api.GET('/cases/{caseId}/evidence/{itemId}', { params: { path: { caseId, itemId } } })) });
}

export function useWorkingCopies(caseId: string, itemId: string) {
  return useQuery({
    queryKey: evidenceKeys.copies(caseId, itemId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/evidence', { params: { path: { caseId }, query: { derivedFromItemId: itemId, limit: 100 } } })),
  });
}

export function useItemLinks(caseId: string, itemId: string) {
  return useQuery({
    queryKey: evidenceKeys.itemLinks(caseId, itemId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/evidence-links', { params: { path: { caseId }, query: { itemId, limit: 100 } } })),
  });
}

export function useCustody(caseId: string, itemId: string) {
  return useQuery({
    queryKey: [...evidenceKeys.item(caseId, itemId), 'custody'],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/evidence/{itemId}/custody', { params: { path: { caseId, itemId } } })),
  });
}

export function useLinkComments(caseId: string, linkId: string, enabled = true) {
  return useQuery({
    queryKey: evidenceKeys.comments(caseId, linkId),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/evidence-links/{linkId}/comments', { params: { path: { caseId, linkId } } })),
    enabled,
  });
}

/** Crime and element wording in the interface language (Korean crime titles where the framework has them). */
export function crimeTitle(crime: Pick<LegalCrime, 'titleEn' | 'titleKo'>, language: string): string {
  return language.startsWith('ko') && crime.titleKo?.text ? crime.titleKo.text : crime.titleEn;
}
