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

/** Documents error answers with the shared error body and an example of each. */
export function ApiErrors(...statuses: ErrorStatus[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, type: ErrorResponseDto, ...ERROR_RESPONSES[status] })));
}

/**
 * One operation's documentation: what it does (summary), then who may call it, what is audited
 * and what it means for consent and identities (description), and its error answers. 401 comes
 * with @Authenticated/@Roles already; list it here only on public routes that answer it.
 */
export function ApiDoc(summary: string, description: string, errors: ErrorStatus[]) {
  return applyDecorators(ApiOperation({ summary, description }), ApiErrors(...errors));
}

/** A list download's 200: CSV (with an example of its first lines) or a JSON array of the list's items. */
export function ApiListDownload(item: Type<unknown>, csvExample: string) {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description: 'The whole filtered list as an attachment, streamed (UTF-8; CSV with a byte-order mark and CRLF lines)',
      content: {
        'text/csv': { schema: { type: 'string' }, example: csvExample },
        'application/json': { schema: { type: 'array', items: { $ref: getSchemaPath(item) } } },
      },
    }),
  );
}
