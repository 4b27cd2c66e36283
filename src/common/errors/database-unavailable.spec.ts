import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError, TypeORMError } from 'typeorm';
import { isDatabaseUnavailable } from 'src/common/errors/database-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a refused connection to several addresses', Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''), { code: undefined })],
    ['a connection dropped by the server', new Error('Connection terminated unexpectedly')],
    ['a pool that could not hand out a connection in time', new Error('timeout exceeded when trying to connect')],
    ['a connect timeout with its cause', new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated unexpectedly') })],
    ['a client broken by an earlier connection error', new Error('Client has encountered a connection error and is not queryable')],
    ['admin shutdown (57P01) inside a QueryFailedError', new QueryFailedError('INSERT …', [], withCode('terminating connection due to administrator command', '57P01'))],
    ['crash shutdown (57P02)', withCode('terminating connection because of crash of another server process', '57P02')],
    ['cannot connect now (57P03)', withCode('the database system is shutting down', '57P03')],
    ['a connection exception (08006)', withCode('connection failure', '08006')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['the next statement of a transaction whose connection was dropped', new QueryRunnerAlreadyReleasedError()],
    ['a manager query after its connection was dropped', new QueryRunnerProviderAlreadyReleasedError()],
    ['a dropped connection inside a QueryFailedError', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT …', [], withCode('duplicate key value violates unique constraint', '23505'))],
    ['an invalid uuid', new QueryFailedError('SELECT …', [], withCode('invalid input syntax for type uuid', '22P02'))],
    ['a trigger refusal', new QueryFailedError('UPDATE audit_log …', [], withCode('audit_log is append-only', 'P0001'))],
    ['a serialization failure', withCode('could not serialize access', '40001')],
    ['a TypeORM error', new TypeORMError('Entity metadata not found')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a message that only mentions a connection', new Error('user input: Connection terminated unexpectedly by witness')],
    ['not an error at all', 'ECONNREFUSED'],
    ['null', null],
  ])('does not take %s for an outage', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops on a cycle of causes', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
