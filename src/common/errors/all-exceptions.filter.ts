import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from 'src/common/errors/database-unavailable';
import { QueryFailedError } from 'typeorm';
import { DOMAIN_ERROR_STATUS, DomainException } from 'src/common/errors/domain.exception';
import type { ErrorResponseDto } from 'src/common/errors/error-response';
import { localiseError, preferredErrorLanguage } from 'src/common/errors/localise';
import { ROOT_LOGGER } from 'src/common/logging/logger';
import { currentCorrelationId } from 'src/common/logging/request-context';

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  limit?: number;
}

/** Maps every error to { statusCode, error, message, details?, correlationId }. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(@Inject(ROOT_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.error === 'DATABASE_UNAVAILABLE') {
      // An outage, not a bug: one line per request at warn, with the driver's code only.
      this.logger.warn({ err: describeForLog(exception) }, 'database unavailable');
    } else if (body.statusCode >= 500) {
      // The cause goes to the log (with the correlation id), never to the caller.
      this.logger.error({ err: describeForLog(exception) }, 'unhandled error');
    } else if (exception instanceof QueryFailedError) {
      // A data exception that validation should have caught: answered 400, logged to be fixed.
      this.logger.warn({ err: describeForLog(exception) }, 'input refused by the database');
    }
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if ((body.statusCode === 429 || body.statusCode === 503) && typeof retryAfter === 'number') {
      res.setHeader('Retry-After', String(retryAfter));
    }
    if (res.headersSent) return;
    const req = host.switchToHttp().getRequest<Request | undefined>();
    res.status(body.statusCode).json(localiseError(body, preferredErrorLanguage(req?.headers?.['accept-language'])));
  }

  private toBody(exception: unknown): ErrorResponseDto {
    const correlationId = currentCorrelationId() ?? 'none';
    if (!(exception instanceof DomainException) && !(exception instanceof HttpException) && isDatabaseUnavailable(exception)) {
      return {
        statusCode: DOMAIN_ERROR_STATUS.DATABASE_UNAVAILABLE,
        error: 'DATABASE_UNAVAILABLE',
        message: `The database is unavailable; nothing was half-written. Retry in ${DATABASE_RETRY_AFTER_SECONDS} seconds`,
        details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
        correlationId,
      };
    }
    if (exception instanceof DomainException) {
      const statusCode = DOMAIN_ERROR_STATUS[exception.code];
      return { statusCode, error: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}), correlationId };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return { statusCode, error: httpErrorName(statusCode), message: Array.isArray(message) ? message.join('; ') : String(message), correlationId };
    }
    const dataProblem = dataExceptionProblem(exception);
    if (dataProblem) {
      return { statusCode: 400, error: 'VALIDATION_FAILED', message: `A value in the request could not be used: ${dataProblem}`, correlationId };
    }
    const bodyError = exception as BodyParserError;
    if (bodyError?.type === 'entity.too.large') {
      return { statusCode: 413, error: 'PAYLOAD_TOO_LARGE', message: `Request body exceeds the limit of ${bodyError.limit} bytes`, correlationId };
    }
    if (bodyError?.type === 'entity.parse.failed') {
      return { statusCode: 400, error: 'MALFORMED_JSON', message: 'Request body is not valid JSON', correlationId };
    }
    if (bodyError?.type && (bodyError.status ?? bodyError.statusCode ?? 500) < 500) {
      const statusCode = bodyError.status ?? bodyError.statusCode ?? 400;
      return { statusCode, error: httpErrorName(statusCode), message: 'Request body could not be read', correlationId };
    }
    return { statusCode: 500, error: 'INTERNAL_ERROR', message: `Internal error; quote correlation id ${correlationId} when reporting it`, correlationId };
  }
}

const DATA_EXCEPTIONS: Record<string, string> = {
  '22001': 'a text is too long',
  '22003': 'a number is out of range',
  '22007': 'a date or time is malformed',
  '22008': 'a date or time is out of range',
  '22021': 'a text contains a character that cannot be stored (such as NUL)',
  '22P02': 'a value does not have the expected form',
  '22P05': 'a text contains a character that cannot be stored (such as NUL)',
};

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a value that does not fit its column or
 * type) come from input that got past validation. Last line of defence: the statement failed,
 * its transaction rolled back, and the caller gets a 400 (the value itself is never quoted).
 */
export function dataExceptionProblem(exception: unknown): string | null {
  if (!(exception instanceof QueryFailedError)) return null;
  const code = (exception as { driverError?: { code?: string } }).driverError?.code;
  if (!code?.startsWith('22')) return null;
  return DATA_EXCEPTIONS[code] ?? 'a value is not valid for the database';
}

function httpErrorName(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string' ? name : 'ERROR';
}

/**
 * What of an error goes to the log. A database error's message can quote the input that broke
 * it (a value too long, a malformed uuid), and input may be a name: log its SQLSTATE, table and
 * constraint instead of the message (except for RAISE EXCEPTION in our own SQL).
 */
export function describeForLog(exception: unknown): Record<string, unknown> | string {
  if (!(exception instanceof Error)) return typeof exception;
  const driver = (exception as { driverError?: { code?: string; table?: string; constraint?: string; routine?: string } }).driverError;
  // P0001 is RAISE EXCEPTION in our own triggers and functions: their messages are ours, not input.
  if (driver && driver.code !== 'P0001') return { type: exception.name, sqlState: driver.code, table: driver.table, constraint: driver.constraint, routine: driver.routine };
  return { type: exception.name, message: exception.message, stack: exception.stack };
}
