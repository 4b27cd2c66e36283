import { useMutation, useQuery } from '@tanstack/react-query';
import { api, SESSION_EXPIRED_EVENT, unwrap, type Schemas } from '../../api/client';
import { ApiError, type ErrorBody } from '../../api/errors';

export type ImportInfo = Schemas['ImportDto'];
export type ImportDetail = Schemas['ImportDetailDto'];
export type ImportKind = ImportInfo['entityType'];
export type ImportRowError = Schemas['ImportRowErrorDto'];
export const IMPORT_KINDS: ImportKind[] = ['people', 'incidents', 'perpetrators'];
export const REPORT_PAGE = 200;

/** Sends the file with its kind (multipart, same session and CSRF header as the api client). */
async function postImport(caseId: string, file: File, entityType: ImportKind, dryRun: boolean): Promise<ImportInfo> {
  const form = new FormData();
  form.append('entityType', entityType);
  form.append('dryRun', String(dryRun));
  form.append('file', file);
  const res = await fetch(`/cases/${encodeURIComponent(caseId)}/imports`, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'X-Sillok-CSRF': '1' } });
  const body = (await res.json().catch(() => undefined)) as unknown;
  if (res.status === 401) window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
  if (!res.ok) throw new ApiError(res.status, body as ErrorBody | undefined);
  return body as ImportInfo;
}

export function useStartImport(caseId: string) {
  return useMutation({ mutationFn: (input: { file: File; entityType: ImportKind; dryRun: boolean }) => postImport(caseId, input.file, input.entityType, input.dryRun) });
}

const finished = (status: ImportInfo['status'] | undefined) => status === 'completed' || status === 'failed';

/** An import's status, counts and the first page of its report, polled until it has finished. */
export function useImport(caseId: string, importId: string | null) {
  return useQuery({
    queryKey: ['imports', caseId, importId],
    enabled: importId !== null,
    queryFn: () => unwrap(api.GET('/cases/{caseId}/imports/{importId}', { params: { path: { caseId, importId: importId ?? '' }, query: { limit: REPORT_PAGE, offset: 0 } } })),
    refetchInterval: (query) => (finished(query.state.data?.status) ? false : 1000),
  });
}

/** Every row of the report (all pages), for the download. */
export async function fetchWholeReport(caseId: string, importId: string): Promise<ImportRowError[]> {
  const rows: ImportRowError[] = [];
  for (let offset = 0; ; offset += REPORT_PAGE) {
    const page = await unwrap(api.GET('/cases/{caseId}/imports/{importId}', { params: { path: { caseId, importId }, query: { limit: REPORT_PAGE, offset } } }));
    rows.push(...page.report.items);
    if (rows.length >= page.report.total || page.report.items.length === 0) return rows;
  }
}

/** The report as CSV (row, field, message), quoted where needed. */
export function reportCsv(rows: ImportRowError[]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return ['row,field,message', ...rows.map((r) => [r.row, r.field, r.message].map(cell).join(','))].join('\n') + '\n';
}
