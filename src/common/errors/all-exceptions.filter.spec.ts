import { QueryFailedError } from 'typeorm';
import { describeForLog } from 'src/common/errors/all-exceptions.filter';

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
