import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { requestContext } from 'src/common/logging/request-context';

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Gives every request a correlation id (the caller's, if well-formed) and logs one line when it
 * ends. Only the route path is logged: never the query string (search terms can be names) nor
 * any body.
 */
export function httpLoggingMiddleware(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.header(CORRELATION_HEADER);
    const correlationId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader(CORRELATION_HEADER, correlationId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const path = (req.originalUrl || req.url).split('?')[0];
      const line = { correlationId, method: req.method, path, statusCode: res.statusCode, durationMs: Math.round(durationMs * 10) / 10 };
      if (res.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request');
    });
    requestContext.run({ correlationId }, next);
  };
}
