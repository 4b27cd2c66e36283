import { describe, expect, it } from 'vitest';
import { formatIncidentDate, incidentDateBody, incidentDateProblem } from './dates';

const t = (key: string, vars: Record<string, string> = {}) => `${key}(${Object.values(vars).join('|')})`;

describe('incident dates', () => {
  it('shows each precision at its own precision; a range as a range', () => {
    expect(formatIncidentDate({ precision: 'year', date: '1997' }, 'en', t)).toBe('1997');
    expect(formatIncidentDate({ precision: 'month', date: '1997-03' }, 'en', t)).toBe('March 1997');
    expect(formatIncidentDate({ precision: 'day', date: '1997-03-05' }, 'en', t)).toBe('March 5, 1997');
    expect(formatIncidentDate({ precision: 'month', date: '1997-03' }, 'ko', t)).toBe('1997년 3월');
    expect(formatIncidentDate({ precision: 'approximate', date: '1997' }, 'en', t)).toBe('incidents.date.approximateValue(1997)');
    expect(formatIncidentDate({ precision: 'range', from: '1995', to: '1998-06' }, 'en', t)).toBe('incidents.date.rangeValue(1995|June 1998)');
    expect(formatIncidentDate({ precision: 'unknown' }, 'en', t)).toBe('incidents.date.unknownDate()');
  });

  it('checks the shape for the precision and the order of a range', () => {
    expect(incidentDateProblem({ precision: 'unknown' })).toBeNull();
    expect(incidentDateProblem({ precision: 'month', date: '1997' })).toEqual({ field: 'date', key: 'incidents.date.format.month' });
    expect(incidentDateProblem({ precision: 'day', date: '1997-13-01' })).toEqual({ field: 'date', key: 'incidents.date.partialFormat' });
    expect(incidentDateProblem({ precision: 'approximate', date: '1997-03' })).toBeNull();
    expect(incidentDateProblem({ precision: 'range', from: '1998', to: '1995' })).toEqual({ field: 'to', key: 'incidents.date.toBeforeFrom' });
    expect(incidentDateProblem({ precision: 'range', from: '1998-02', to: '1998' })).toBeNull();
  });

  it('sends only the fields of the precision', () => {
    expect(incidentDateBody({ precision: 'range', date: 'x', from: '1995', to: '1998' })).toEqual({ precision: 'range', from: '1995', to: '1998' });
    expect(incidentDateBody({ precision: 'year', date: '1997', from: 'x' })).toEqual({ precision: 'year', date: '1997' });
  });
});
