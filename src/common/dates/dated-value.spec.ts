import { datedValueProblem } from 'src/common/dates/dated-value';

describe('datedValueProblem', () => {
  it.each([
    ['1997-03-02', 'day', null],
    ['1997-03', 'month', null],
    ['1997', 'year', null],
    ['1997-03', 'approximate', null],
    [null, 'unknown', null],
    ['1997-02-30', 'day', 'is not a real calendar date'],
    ['1997-03', 'day', 'must look like YYYY-MM-DD for precision day'],
    [null, 'year', 'is required when precision is year'],
    ['1997', 'unknown', 'must be empty when precision is unknown'],
    ['3000', 'year', 'is out of range'],
  ] as const)('%s with precision %s → %s', (value, precision, problem) => {
    expect(datedValueProblem(value, precision)).toBe(problem);
  });
});
