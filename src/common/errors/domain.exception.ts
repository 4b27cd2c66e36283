/** A field-level problem reported to the caller, e.g. { field: 'email', problems: ['must be an email'] }. */
export interface FieldProblem {
  field: string;
  problems: string[];
}

/**
 * Errors raised by feature modules. Each carries a stable machine code; the one exception filter
 * maps codes to HTTP statuses, so services never decide HTTP details.
 */
export class DomainException extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: FieldProblem[] | Record<string, unknown>,
  ) {
    super(message);
  }
}

export const DOMAIN_ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  /** The password was right; two-factor sign-in is on and no code was sent. No session. */
  SECOND_FACTOR_REQUIRED: 401,
  INVALID_SECOND_FACTOR: 401,
  FORBIDDEN: 403,
  IDENTITY_CLEARANCE_REQUIRED: 403,
  /** The policy requires two-factor sign-in and the session has not enrolled yet. */
  SECOND_FACTOR_ENROLMENT_REQUIRED: 403,
  CSRF_HEADER_MISSING: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  /** Removing or demoting the only lead of a case: a case keeps at least one lead. */
  LAST_CASE_LEAD: 422,
  LOGIN_LOCKED: 429,
  QUEUE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  STORED_FILE_CORRUPT: 500,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;

export class NotFoundDomainException extends DomainException {
  constructor(subject: string) {
    super('NOT_FOUND', `${subject} not found`);
  }
}

/**
 * The caller is a member but lacks identity clearance on the case, and the operation would
 * decrypt (or rebuild text from) identities, raw transcript text, sensitive details or files.
 */
export class IdentityClearanceRequiredException extends DomainException {
  constructor(what = 'This', hint?: string) {
    super('IDENTITY_CLEARANCE_REQUIRED', `${what} needs identity clearance on the case${hint ? `; ${hint}` : ''}`);
  }
}

export class ValidationDomainException extends DomainException {
  constructor(field: string, problem: string) {
    super('VALIDATION_FAILED', `${field} ${problem}`, [{ field, problems: [problem] }]);
  }
}

export class VersionConflictException extends DomainException {
  constructor(subject: string, expected: number, actual: number) {
    super('VERSION_CONFLICT', `${subject} was changed by someone else (you sent version ${expected}, current is ${actual}); reload and retry`, {
      expectedVersion: expected,
      currentVersion: actual,
    });
  }
}
