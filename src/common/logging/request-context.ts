import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  correlationId: string;
  /** Case memberships already looked up in this request (the guard's, reused by services). */
  memberships?: Map<string, unknown>;
}

/** Carries the correlation id through every await of a request or a job, for logs and errors. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentCorrelationId(): string | undefined {
  return requestContext.getStore()?.correlationId;
}
