import { actYear, statisticsCsv, statisticsTable, type ActRow } from 'src/victims/statistics';

let n = 0;
const acts = (count: number, over: Partial<ActRow>, victims = count): ActRow[] =>
  Array.from({ length: count }, (_, i) => ({ actId: `a${n++}`, incidentId: 'i1', victimId: `${over.violationType ?? 'v'}-${over.sex ?? 's'}-${i % victims}`, violationType: 'torture', year: '1997', province: 'KP-09', sex: 'female', ageGroup: '18-29', ...over }));

describe('statisticsTable', () => {
  it('counts acts, distinct victims and distinct incidents per cell', () => {
    const rows = [...acts(6, { violationType: 'torture' }, 5), ...acts(5, { violationType: 'forced_labour', incidentId: 'i2' })];
    const t = statisticsTable(rows, ['violationType'], 5);
    expect(t.cells).toEqual([
      { key: { violationType: 'forced_labour' }, incidents: 1, victims: 5, acts: 5, suppressed: false },
      { key: { violationType: 'torture' }, incidents: 1, victims: 5, acts: 6, suppressed: false },
    ]);
    expect(t.total).toEqual({ incidents: 2, victims: 10, acts: 11, suppressed: false });
  });

  it('withholds a cell of fewer than k victims, and the smallest other cell so the total cannot reveal it', () => {
    const rows = [...acts(9, { sex: 'female' }), ...acts(6, { sex: 'male' }), ...acts(2, { sex: 'unknown' })];
    const t = statisticsTable(rows, ['sex'], 5);
    expect(t.cells.map((c) => [c.key.sex, c.victims, c.suppressed])).toEqual([['female', 9, false], ['male', null, 'complementary'], ['unknown', null, 'small_cell']]);
    // What differencing yields (total - published) is 8 victims together, never the 2.
    expect((t.total.victims as number) - 9).toBe(8);
  });

  it('two small cells that together still hold fewer than k people pull in a third', () => {
    const rows = [...acts(8, { ageGroup: '18-29' }), ...acts(7, { ageGroup: '30-44' }), ...acts(1, { ageGroup: '0-11' }), ...acts(2, { ageGroup: '12-17' })];
    const t = statisticsTable(rows, ['ageGroup'], 5);
    expect(t.cells.filter((c) => c.suppressed).map((c) => [c.key.ageGroup, c.suppressed])).toEqual([['0-11', 'small_cell'], ['12-17', 'small_cell'], ['30-44', 'complementary']]);
  });

  it('two small cells holding k people together need no complementary cell; the total is withheld below k', () => {
    const rows = [...acts(9, { sex: 'female' }), ...acts(3, { sex: 'male' }), ...acts(2, { sex: 'unknown' })];
    expect(statisticsTable(rows, ['sex'], 5).cells.map((c) => c.suppressed)).toEqual([false, 'small_cell', 'small_cell']);
    const tiny = statisticsTable(acts(3, {}), ['sex'], 5);
    expect(tiny.total).toEqual({ incidents: null, victims: null, acts: null, suppressed: true });
    expect(tiny.cells[0].suppressed).toBe('small_cell');
  });

  it('honours a configured k', () => {
    const rows = [...acts(3, { sex: 'female' }), ...acts(3, { sex: 'male' })];
    expect(statisticsTable(rows, ['sex'], 3).cells.every((c) => c.suppressed === false)).toBe(true);
    expect(statisticsTable(rows, ['sex'], 4).cells.every((c) => c.suppressed === 'small_cell')).toBe(true);
  });

  it('CSV: withheld counts empty with the reason; a total line', () => {
    const rows = [...acts(9, { sex: 'female' }), ...acts(6, { sex: 'male' }), ...acts(2, { sex: 'unknown' })];
    const csv = statisticsCsv(statisticsTable(rows, ['sex'], 5)).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv).toEqual(['sex,incidents,victims,acts,suppressed', 'female,1,9,9,', 'male,,,,complementary', 'unknown,,,,small_cell', 'TOTAL,1,17,17,']);
  });
});

describe('actYear', () => {
  it('is the year only when the date is known within one year', () => {
    expect(actYear('1997-03-01', '1997-03-31')).toBe('1997');
    expect(actYear('1995-01-01', '1998-12-31')).toBe('unknown');
    expect(actYear(null, null)).toBe('unknown');
  });
});

describe('statisticsCsv and spreadsheet formulas', () => {
  it('prefixes a cell a spreadsheet would run as a formula (quoting alone does not stop it)', () => {
    const table = { dimensions: ['place'], cells: [{ key: { place: '=HYPERLINK("http://x")' }, incidents: 3, victims: 3, acts: 3, suppressed: '' }], total: { incidents: 3, victims: 3, acts: 3, suppressed: false } } as unknown as Parameters<typeof statisticsCsv>[0];
    expect(statisticsCsv(table).split('\r\n')[1]).toBe('"\'=HYPERLINK(""http://x"")",3,3,3,');
  });
});
