import type { TFunction } from 'i18next';
import i18n from '../i18n';

/** The API's error shape: { statusCode, error, message, details?, correlationId }. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  correlationId?: string;
}

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Every failed api call becomes one of these; `code` is the API's stable error code. */
export class ApiError extends Error {
  readonly code: string;
  readonly details: unknown;
  readonly correlationId?: string;

  constructor(
    readonly status: number,
    body?: ErrorBody,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.code = body?.error ?? (status === 0 ? 'NETWORK' : `HTTP_${status}`);
    this.details = body?.details;
    this.correlationId = body?.correlationId;
  }

  /** Field-level problems of a 400, for showing beside the inputs. */
  get fieldProblems(): FieldProblem[] {
    return Array.isArray(this.details) ? (this.details as FieldProblem[]).filter((d) => typeof d?.field === 'string') : [];
  }
}

/**
 * What to tell the user, in their language: the code's translation when we have one
 * (errors.<CODE> in ko.json/en.json), else a generic message by status. The API's English message
 * is never shown as is: it is not translated.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const wait = retryAfterSeconds(error);
    if (error.code === 'LOGIN_LOCKED' && wait !== undefined) return t('errors.LOGIN_LOCKED_WAIT', { wait: formatWait(wait, i18n.language) });
    const byCode = `errors.${error.code}`;
    if (t(byCode, { defaultValue: '' })) return t(byCode);
    return t(error.status >= 500 ? 'errors.server' : 'errors.unexpected', { status: error.status });
  }
  return t('errors.unexpected', { status: 0 });
}

/** The wait a 429 names (details.retryAfterSeconds, also sent as Retry-After). */
export function retryAfterSeconds(error: ApiError): number | undefined {
  const value = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof value === 'number' && value >= 0 ? value : undefined;
}

/** A wait in words, in the user's language: "40 seconds", "15 minutes" (rounded up), "15분". */
export function formatWait(seconds: number, language: string): string {
  const [value, unit] = seconds < 60 ? [Math.max(1, Math.ceil(seconds)), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
