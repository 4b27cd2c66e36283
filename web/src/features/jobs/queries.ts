import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';

export type Job = Schemas['JobDto'];

export const isRunning = (job: Pick<Job, 'status'>) => job.status === 'queued' || job.status === 'active';

/** Polls every second while a job of the list is still queued or running. */
const POLL_MS = 1000;

/** Jobs of a case (mine, or all of them for leads), newest first. */
export function useCaseJobs(caseId: string, filter: { queue?: 'redaction' | 'export' | 'import'; limit?: number; offset?: number } = {}) {
  return useQuery({
    queryKey: ['jobs', 'case', caseId, filter],
    queryFn: () => unwrap(api.GET('/cases/{caseId}/jobs', { params: { path: { caseId }, query: { limit: filter.limit ?? 50, offset: filter.offset ?? 0, queue: filter.queue } } })),
    refetchInterval: (query) => (query.state.data?.items.some(isRunning) ? POLL_MS : false),
  });
}
