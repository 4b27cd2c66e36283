import type { ArgumentsHost } from '@nestjs/common';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter, describeForLog } from 'src/common/errors/all-exceptions.filter';
import { DATABASE_RETRY_AFTER_SECONDS } from 'src/common/errors/database-unavailable';

describe('describeForLog', () => {
  it('keeps a database error to its SQLSTATE, table and constraint: the message may quote input', () => {
    const driverError = Object.assign(new Error('invalid input syntax for type uuid: "김철수"'), { code: '22P02', routine: 'string_to_uuid' });
    const error = new QueryFailedError('SELECT $1::uuid', ['김철수'], driverError);
    const logged = describeForLog(error);
    expect(JSON.stringify(logged)).not.toContain('김철수');
    expect(logged).toMatchObject({ type: 'QueryFailedError', sqlState: '22P02', routine: 'string_to_uuid' });
  });

  it("keeps the message of our own triggers' RAISE EXCEPTION (P0001)", () => {
    const driverError = Object.assign(new Error('audit_log is append-only: UPDATE refused'), { code: 'P0001' });
    expect(describeForLog(new QueryFailedError('UPDATE audit_log SET x = 1', [], driverError))).toMatchObject({ message: expect.stringContaining('append-only') });
  });

  it('keeps message and stack of other errors, and only the type of non-errors', () => {
    expect(describeForLog(new TypeError('boom'))).toMatchObject({ type: 'TypeError', message: 'boom' });
    expect(describeForLog('a string that could be anything')).toBe('string');
  });
});

describe('AllExceptionsFilter', () => {
  function run(exception: unknown): { status: number; headers: Record<string, string>; body: Record<string, unknown>; logged: Array<[string, unknown]> } {
    const logged: Array<[string, unknown]> = [];
    const logger = { warn: (obj: unknown) => logged.push(['warn', obj]), error: (obj: unknown) => logged.push(['error', obj]) } as unknown as Logger;
    const out = { status: 0, headers: {} as Record<string, string>, body: {} as Record<string, unknown> };
    const res = {
      headersSent: false,
      setHeader: (name: string, value: string) => { out.headers[name.toLowerCase()] = value; },
      status(code: number) { out.status = code; return this; },
      json(body: Record<string, unknown>) { out.body = body; return this; },
    };
    const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ headers: {} }) }) } as unknown as ArgumentsHost;
    new AllExceptionsFilter(logger).catch(exception, host);
    return { ...out, logged };
  }

  it('answers a lost database connection with 503 DATABASE_UNAVAILABLE and Retry-After, logged as a warning', () => {
    const driverError = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const result = run(new QueryFailedError('INSERT INTO people …', [], driverError));
    expect(result.status).toBe(503);
    expect(result.body).toMatchObject({ statusCode: 503, error: 'DATABASE_UNAVAILABLE', details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS } });
    expect(result.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    expect(result.logged).toEqual([['warn', expect.objectContaining({ err: expect.objectContaining({ sqlState: '57P01' }) })]]);
  });

  it('answers a refused connection the same way', () => {
    const result = run(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect(result.status).toBe(503);
    expect(result.body.error).toBe('DATABASE_UNAVAILABLE');
    expect(result.headers['retry-after']).toBeDefined();
  });

  it('keeps 500 INTERNAL_ERROR, without Retry-After, for anything else', () => {
    const result = run(new TypeError('boom'));
    expect(result.status).toBe(500);
    expect(result.body.error).toBe('INTERNAL_ERROR');
    expect(result.headers['retry-after']).toBeUndefined();
    expect(result.logged[0][0]).toBe('error');
  });

  const answer = (exception: unknown) => {
    const logged: Array<{ level: string; obj: unknown }> = [];
    const logger = { error: (obj: unknown) => logged.push({ level: 'error', obj }), warn: (obj: unknown) => logged.push({ level: 'warn', obj }) } as unknown as Logger;
    let status = 0;
    let body: Record<string, unknown> = {};
    const res = { headersSent: false, setHeader: () => undefined, status(s: number) { status = s; return this; }, json(b: Record<string, unknown>) { body = b; } };
    new AllExceptionsFilter(logger).catch(exception, { switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ headers: {} }) }) } as unknown as ArgumentsHost);
    return { status, body, logged };
  };
  const dbError = (code: string) => new QueryFailedError('SELECT $1', ['김철수\u0000'], Object.assign(new Error('invalid byte sequence: 김철수'), { code }));

  it('answers a PostgreSQL data exception (class 22) that got past validation with 400, never quoting the value, and logs it as a warning', () => {
    const { status, body, logged } = answer(dbError('22021'));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'VALIDATION_FAILED', message: expect.stringContaining('cannot be stored') });
    expect(JSON.stringify(body)).not.toContain('김철수');
    expect(logged).toEqual([{ level: 'warn', obj: { err: expect.objectContaining({ sqlState: '22021' }) } }]);
    expect(answer(dbError('22003')).status).toBe(400);
    expect(answer(dbError('22P02')).body.message).toMatch(/expected form/);
  });

  it('keeps other database errors a 500', () => {
    const { status, logged } = answer(dbError('23502'));
    expect(status).toBe(500);
    expect(logged[0].level).toBe('error');
  });
});
