import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const filesKey = (caseId: string, testimonyId?: string) => ['files', caseId, testimonyId ?? 'all'] as const;

/** Files of a case, or of one testimony; newest first. */
export function useFiles(caseId: string, testimonyId: string | undefined, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...filesKey(caseId, testimonyId), page],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/files', { params: { path: { caseId }, query: { testimonyId, limit: page.limit, offset: page.offset } } })),
  });
}

/** Where the browser downloads a file's original bytes (checked against their SHA-256 by the server). */
export const downloadUrl = (caseId: string, fileId: string) => `/cases/${encodeURIComponent(caseId)}/files/${encodeURIComponent(fileId)}/content`;
