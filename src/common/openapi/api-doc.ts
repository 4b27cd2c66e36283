import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponseDto } from 'src/common/errors/error-response';

/** The 4xx and 5xx answers an operation can document; each comes with the one error body. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

const EXAMPLE_CORRELATION_ID = '2f1c6a4e-1b7e-4c61-9a9e-9f0b6c1d2e3f';

/** What each status means in Sillok, with a real error body as its example (see AllExceptionsFilter). */
export const ERROR_RESPONSES: Record<ErrorStatus, { description: string; example: ErrorResponseDto }> = {
  400: {
    description: 'Bad input: `details` names each field and its problems (VALIDATION_FAILED), or the body is not JSON (MALFORMED_JSON). Nothing was written.',
    example: { statusCode: 400, error: 'VALIDATION_FAILED', message: 'Validation failed: kind: kind must be one of: survivor, witness, victim, perpetrator_individual, other', details: [{ field: 'kind', problems: ['kind must be one of: survivor, witness, victim, perpetrator_individual, other'] }], correlationId: EXAMPLE_CORRELATION_ID },
  },
  401: {
    description: 'Not signed in, or the session expired (UNAUTHENTICATED); at sign-in also INVALID_CREDENTIALS, SECOND_FACTOR_REQUIRED, INVALID_SECOND_FACTOR.',
    example: { statusCode: 401, error: 'UNAUTHENTICATED', message: 'The token is invalid, expired or revoked; sign in again', correlationId: EXAMPLE_CORRELATION_ID },
  },
  403: {
    description: 'Signed in but not allowed: the global role or the role on the case does not permit this (FORBIDDEN), the operation needs identity clearance on the case (IDENTITY_CLEARANCE_REQUIRED), two-factor enrolment is pending, or a browser request lacks its CSRF header.',
    example: { statusCode: 403, error: 'IDENTITY_CLEARANCE_REQUIRED', message: 'This needs identity clearance on the case', correlationId: EXAMPLE_CORRELATION_ID },
  },
  404: {
    description: 'Not found (NOT_FOUND). A case the caller is not a member of answers exactly like a missing one, so ids reveal nothing.',
    example: { statusCode: 404, error: 'NOT_FOUND', message: 'Case not found', correlationId: EXAMPLE_CORRELATION_ID },
  },
  409: {
    description: 'Conflict: the record changed since you read it (VERSION_CONFLICT, `details` gives both versions: reload and merge), the case is archived, or the state does not allow this (CONFLICT).',
    example: { statusCode: 409, error: 'VERSION_CONFLICT', message: 'Person was changed by someone else (you sent version 2, current is 3); reload and retry', details: { expectedVersion: 2, currentVersion: 3 }, correlationId: EXAMPLE_CORRELATION_ID },
  },
  413: {
    description: 'The request body or upload is larger than the configured limit (PAYLOAD_TOO_LARGE).',
    example: { statusCode: 413, error: 'PAYLOAD_TOO_LARGE', message: 'Request body exceeds the limit of 1048576 bytes', correlationId: EXAMPLE_CORRELATION_ID },
  },
  422: {
    description: 'Understood but refused by a rule of the domain (UNPROCESSABLE, LAST_CASE_LEAD): the message says which rule.',
    example: { statusCode: 422, error: 'LAST_CASE_LEAD', message: 'A case keeps at least one lead', correlationId: EXAMPLE_CORRELATION_ID },
  },
  429: {
    description: 'Too many failed sign-ins (LOGIN_LOCKED); `details.retryAfterSeconds` and the Retry-After header say when to try again.',
    example: { statusCode: 429, error: 'LOGIN_LOCKED', message: 'Too many failed sign-ins; try again in 300 s', details: { retryAfterSeconds: 300 }, correlationId: EXAMPLE_CORRELATION_ID },
  },
  503: {
    description: 'The queue (Redis) or the database is unavailable (QUEUE_UNAVAILABLE, DATABASE_UNAVAILABLE); nothing was half-written. Retry later (DATABASE_UNAVAILABLE sends Retry-After).',
    example: { statusCode: 503, error: 'QUEUE_UNAVAILABLE', message: 'The job queue (Redis) is unreachable; nothing was stored. Retry when /health/ready reports redis up.', correlationId: EXAMPLE_CORRELATION_ID },
  },
};

/** An error answer particular to one operation: its status, error code and what it means there. */
export type ErrorCase = readonly [status: ErrorStatus | 500, code: string, meaning: string];

/**
 * Documents error answers with the shared error body and an example of each: a status alone
 * takes the general meaning of that status; an ErrorCase says what it means for this operation.
 */
export function ApiErrors(...errors: Array<ErrorStatus | ErrorCase>) {
  return applyDecorators(...errors.map((error) => {
    if (typeof error === 'number') return ApiResponse({ status: error, type: ErrorResponseDto, ...ERROR_RESPONSES[error] });
    const [status, code, meaning] = error;
    return ApiResponse({ status, type: ErrorResponseDto, description: `${code}: ${meaning}`, example: { statusCode: status, error: code, message: meaning, correlationId: EXAMPLE_CORRELATION_ID } });
  }));
}

/**
 * One operation's documentation: what it does (summary), then who may call it, what is audited
 * and what it means for consent and identities (description), and its error answers. 401 comes
 * with @Authenticated/@Roles already; list it here only on public routes that answer it.
 */
export function ApiDoc(summary: string, description: string, errors: Array<ErrorStatus | ErrorCase>) {
  return applyDecorators(ApiOperation({ summary, description }), ApiErrors(...errors));
}

/** A 200 that is JSON (the DTO) or CSV (format=csv), with an example of the CSV's first lines. */
export function ApiJsonOrCsvResponse(json: Type<unknown>, csvExample: string, options: { isArray?: boolean; description?: string } = {}) {
  const ref = { $ref: getSchemaPath(json) };
  return applyDecorators(
    ApiExtraModels(json),
    ApiOkResponse({
      description: options.description ?? 'JSON, or CSV with format=csv (UTF-8 with a byte-order mark, CRLF lines, formula-safe cells)',
      content: {
        'application/json': { schema: options.isArray ? { type: 'array', items: ref } : ref },
        'text/csv': { schema: { type: 'string' }, example: csvExample },
      },
    }),
  );
}

/** A list download's 200: a JSON array of the list's items, or CSV. */
export function ApiListDownload(item: Type<unknown>, csvExample: string) {
  return ApiJsonOrCsvResponse(item, csvExample, { isArray: true, description: 'The whole filtered list as an attachment, streamed: a JSON array of the list items, or CSV (UTF-8 with a byte-order mark, CRLF lines, formula-safe cells)' });
}

/** A 200 whose body is a file's bytes. */
export function ApiFileResponse(mediaType: string, description: string) {
  return ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } });
}
