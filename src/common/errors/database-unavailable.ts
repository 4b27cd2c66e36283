/**
 * Recognises errors that mean "the database cannot be reached right now" (as opposed to a bug or
 * bad input): the server is down, restarting, refusing connections or dropped ours, or the pool
 * could not hand out a connection in time. The one exception filter answers these with 503
 * DATABASE_UNAVAILABLE and Retry-After instead of 500; the transaction the request ran in was
 * rolled back by PostgreSQL (or committed whole), so nothing is half-written.
 */

/** How long a client should wait before retrying after a 503 DATABASE_UNAVAILABLE. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Socket-level failures reported by Node for the connection to PostgreSQL.
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs: class 08 (connection exception), 57P01 admin shutdown, 57P02 crash shutdown,
 * 57P03 cannot connect now (starting up, shutting down, recovery), 57P05 idle session timeout,
 * 53300 too many connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1235]|53300)$/;

// Messages of errors that node-postgres and pg-pool raise without a code.
const CONNECTION_MESSAGES = [
  /^Connection terminated( unexpectedly| due to connection timeout)?$/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Connection (?:refused|reset)/,
];

/**
 * TypeORM releases a query runner when its connection emits 'error' (the server dropped it), so
 * the next statement of a transaction that was between two queries at that moment fails with
 * one of these instead of the connection error itself.
 */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

const MAX_DEPTH = 6;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH || typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (CONNECTION_ERRNOS.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))) return true;
  if (error instanceof Error && RELEASED_RUNNER_ERRORS.has(error.name)) return true;
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
  // TypeORM wraps the driver's error (QueryFailedError.driverError); pg-pool and Node chain causes;
  // a refused connection to a host with several addresses is an AggregateError.
  if (isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
