import { QueryFailedError } from 'typeorm';
import type { ArgumentsHost } from '@nestjs/common';
import type { Logger } from 'pino';
import { AllExceptionsFilter, describeForLog } from 'src/common/errors/all-exceptions.filter';

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
  const answer = (exception: unknown) => {
    const logged: Array<{ level: string; obj: unknown }> = [];
    const logger = { error: (obj: unknown) => logged.push({ level: 'error', obj }), warn: (obj: unknown) => logged.push({ level: 'warn', obj }) } as unknown as Logger;
    let status = 0;
    let body: Record<string, unknown> = {};
    const res = { headersSent: false, setHeader: () => undefined, status(s: number) { status = s; return this; }, json(b: Record<string, unknown>) { body = b; } };
    new AllExceptionsFilter(logger).catch(exception, { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost);
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
