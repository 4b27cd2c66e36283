import { incidentDateBounds, incidentDateProblem, passageProblem, periodEnd, periodStart } from 'src/incidents/incident-dates';

describe('incidentDateProblem', () => {
  it.each([
    [{ precision: 'day', date: '1997-03-02' }],
    [{ precision: 'month', date: '1997-03' }],
    [{ precision: 'year', date: '1997' }],
    [{ precision: 'approximate', date: '1997-03' }],
    [{ precision: 'range', from: '1997-03', to: '1999' }],
    [{ precision: 'range', from: '1997', to: '1997-01' }],
    [{ precision: 'unknown' }],
  ] as const)('accepts %j', (input) => {
    expect(incidentDateProblem(input)).toBeNull();
  });

  it.each([
    [{ precision: 'range', from: '1997' }, 'to', 'is required for a range'],
    [{ precision: 'range', to: '1997' }, 'from', 'is required for a range'],
    [{ precision: 'range', from: '1999', to: '1997-06' }, 'to', 'must not be before from'],
    [{ precision: 'range', from: '1997-02-30', to: '1998' }, 'from', 'is not a real calendar date'],
    [{ precision: 'range', date: '1997', from: '1997', to: '1998' }, 'date', 'must be empty for a range; give from and to'],
    [{ precision: 'day', date: '1997-03' }, 'date', 'must look like YYYY-MM-DD for precision day'],
    [{ precision: 'year' }, 'date', 'is required when precision is year'],
    [{ precision: 'year', date: '1997', to: '1998' }, 'to', 'is only for precision range'],
    [{ precision: 'unknown', date: '1997' }, 'date', 'must be empty when precision is unknown'],
    [{ precision: 'exact', date: '1997' }, 'precision', expect.stringContaining('must be one of')],
  ] as const)('refuses %j: %s %s', (input, field, problem) => {
    expect(incidentDateProblem(input as never)).toEqual({ field, problem });
  });
});

describe('incident date bounds', () => {
  it('period start and end of partial dates, leap years included', () => {
    expect(periodStart('1997')).toBe('1997-01-01');
    expect(periodEnd('1997')).toBe('1997-12-31');
    expect(periodStart('1996-02')).toBe('1996-02-01');
    expect(periodEnd('1996-02')).toBe('1996-02-29');
    expect(periodEnd('1997-02')).toBe('1997-02-28');
    expect(periodEnd('1997-03-05')).toBe('1997-03-05');
  });

  it('bounds per precision', () => {
    expect(incidentDateBounds({ precision: 'day', date: '1997-03-02' })).toEqual({ start: '1997-03-02', end: '1997-03-02' });
    expect(incidentDateBounds({ precision: 'month', date: '1997-03' })).toEqual({ start: '1997-03-01', end: '1997-03-31' });
    expect(incidentDateBounds({ precision: 'approximate', date: '1997' })).toEqual({ start: '1997-01-01', end: '1997-12-31' });
    expect(incidentDateBounds({ precision: 'range', from: '1995-06', to: '1998' })).toEqual({ start: '1995-06-01', end: '1998-12-31' });
    expect(incidentDateBounds({ precision: 'unknown' })).toEqual({ start: null, end: null });
  });
});

describe('passageProblem', () => {
  it('accepts ranges inside the text, end exclusive', () => {
    expect(passageProblem(0, 10, 10)).toBeNull();
    expect(passageProblem(9, 10, 10)).toBeNull();
  });

  it.each([
    [-1, 5, 10, 'start'],
    [1.5, 5, 10, 'start'],
    [5, 5, 10, 'end'],
    [6, 5, 10, 'end'],
    [0, 11, 10, 'end'],
    [10, 12, 10, 'start'],
  ])('refuses [%d, %d) of a %d-unit text on %s', (start, end, length, field) => {
    expect(passageProblem(start, end, length)?.field).toBe(field);
  });
});
