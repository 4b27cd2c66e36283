import { headerProblems, normaliseColumnName, parseIncidentRow, parsePersonRow, parsePerpetratorRow } from 'src/imports/import-rows';

const VOCAB = new Set(['torture', 'arbitrary_detention', 'forced_labour']);
const T = '11111111-1111-4111-8111-111111111111';
const V = '22222222-2222-4222-8222-222222222222';

describe('headers', () => {
  it('normalises spreadsheet headers', () => {
    expect(normaliseColumnName(' External ID ')).toBe('external_id');
    expect(normaliseColumnName('date-precision')).toBe('date_precision');
  });

  it('reports unknown, repeated and missing columns, never quoting odd header text', () => {
    expect(headerProblems('incidents', ['external_id', 'title', 'violation_types', 'date_precision'])).toEqual([]);
    const problems = headerProblems('incidents', ['external_id', 'title', 'title', 'Kim Chol-su', 'colour']);
    expect(problems).toEqual([
      { field: 'title', message: 'appears twice' },
      { field: 'column 4', message: expect.stringContaining('is not a column of incidents imports') },
      { field: 'colour', message: expect.stringContaining('is not a column of incidents imports') },
      { field: 'violation_types', message: 'is a required column and is missing' },
      { field: 'date_precision', message: 'is a required column and is missing' },
    ]);
  });
});

describe('parseIncidentRow', () => {
  const base = { external_id: 'INC-1', title: 'Beating at the holding centre', violation_types: 'torture; arbitrary_detention', date_precision: 'month', date: '1997-03' };

  it('reads a full CSV row: lists separated by ;, passages, perpetrator involvement', () => {
    const { value, problems } = parseIncidentRow({
      ...base,
      place: 'kwanliso-15',
      latitude: '39.6',
      longitude: '127.0',
      victims: 'V-0001;PER-7',
      victim_group_count: '30',
      victim_group_description: 'work team 3',
      perpetrators: 'U-0001:commanded:probable;GUARD-2:direct:confirmed',
      sources: `${T};${T}@${V}:10-42`,
    }, VOCAB);
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      externalId: 'INC-1',
      violationTypes: ['torture', 'arbitrary_detention'],
      date: { precision: 'month', date: '1997-03', from: null, to: null },
      place: 'kwanliso-15',
      latitude: 39.6,
      victims: ['V-0001', 'PER-7'],
      group: { count: 30, description: 'work team 3' },
      perpetrators: [{ ref: 'U-0001', involvement: 'commanded', confidence: 'probable' }, { ref: 'GUARD-2', involvement: 'direct', confidence: 'confirmed' }],
      sources: [{ testimonyId: T, passage: null }, { testimonyId: T, passage: { transcriptVersionId: V, start: 10, end: 42 } }],
    });
  });

  it('reads JSON rows with arrays and objects', () => {
    const { value, problems } = parseIncidentRow({
      ...base,
      violation_types: ['forced_labour'],
      date_precision: 'range',
      date: undefined,
      date_from: '1995',
      date_to: '1998-06',
      perpetrators: [{ ref: 'U-0002', involvement: 'ordered', confidence: 'possible' }],
      sources: [{ testimony_id: T, transcript_version_id: V, start: 0, end: 5 }],
    }, VOCAB);
    expect(problems).toEqual([]);
    expect(value?.date).toEqual({ precision: 'range', date: null, from: '1995', to: '1998-06' });
    expect(value?.sources[0].passage).toEqual({ transcriptVersionId: V, start: 0, end: 5 });
  });

  it.each([
    [{ external_id: '' }, 'external_id', 'is required'],
    [{ external_id: ' bad id with spaces' }, 'external_id', expect.stringContaining('must be 1-200')],
    [{ title: '   ' }, 'title', 'is required'],
    [{ violation_types: 'torture;beheading' }, 'violation_types', expect.stringContaining('not in the vocabulary')],
    [{ violation_types: '' }, 'violation_types', 'needs at least one code'],
    [{ date_precision: 'exact' }, 'date_precision', expect.stringContaining('must be one of')],
    [{ date: '1997-13' }, 'date', 'is not a real calendar date'],
    [{ date: '1997' }, 'date', 'must look like YYYY-MM for precision month'],
    [{ date_precision: 'range', date: '', date_from: '1999' }, 'date_to', 'is required for a range'],
    [{ latitude: '91', longitude: '1' }, 'latitude', 'must be between -90 and 90'],
    [{ latitude: '40' }, 'longitude', 'is required when the other coordinate is given'],
    [{ victim_group_count: '0' }, 'victim_group_count', expect.stringContaining('between 1')],
    [{ victim_group_description: 'x' }, 'victim_group_description', 'needs victim_group_count'],
    [{ perpetrators: 'U-0001:commanded' }, 'perpetrators', expect.stringContaining('ref:involvement:confidence')],
    [{ perpetrators: 'U-0001:watched:probable' }, 'perpetrators', expect.stringContaining('involvement that is not one of')],
    [{ sources: 'not-a-uuid' }, 'sources', expect.stringContaining('testimony id')],
  ])('refuses %j on %s', (patch, field, message) => {
    const { value, problems } = parseIncidentRow({ ...base, ...patch }, VOCAB);
    expect(value).toBeUndefined();
    expect(problems).toContainEqual({ field, message });
  });

  it('reports every problem of a row, and never quotes the cell', () => {
    const { problems } = parseIncidentRow({ external_id: 'X', title: 'Kim Chol-su beaten', violation_types: 'Kim Chol-su', date_precision: 'day', date: 'Kim' }, VOCAB);
    expect(problems.map((p) => p.field)).toEqual(['violation_types', 'date']);
    expect(JSON.stringify(problems)).not.toMatch(/Kim/i);
  });
});

describe('parsePersonRow', () => {
  it('reads identity columns into the sealed identity shape', () => {
    const { value, problems } = parsePersonRow({ external_id: 'P1', kind: 'witness', names_hangul: '김철수', names_romanised: 'Kim Chol-su;Kim Cheol-su', birth_date: '1968-04', contacts: 'phone:010-1234-5678' });
    expect(problems).toEqual([]);
    expect(value).toEqual({
      externalId: 'P1',
      kind: 'witness',
      identity: { namesHangul: ['김철수'], namesRomanised: ['Kim Chol-su', 'Kim Cheol-su'], birthDate: { date: '1968-04', precision: 'month' }, contacts: [{ kind: 'phone', value: '010-1234-5678' }] },
      identityField: 'names_hangul',
    });
  });

  it('a row without identity columns has no identity', () => {
    expect(parsePersonRow({ external_id: 'P2', kind: 'victim' }).value).toEqual({ externalId: 'P2', kind: 'victim', identity: null, identityField: null });
  });

  it('applies the API’s identity rules, naming the column', () => {
    const { problems } = parsePersonRow({ external_id: 'P3', kind: 'wizard', sex: 'sometimes', birth_date: '1968-02-30', contacts: 'pager:123' });
    expect(problems.map((p) => p.field).sort()).toEqual(['birth_date', 'contacts', 'kind', 'sex']);
  });
});

describe('parsePerpetratorRow', () => {
  it('reads a unit with parent and aliases', () => {
    const { value } = parsePerpetratorRow({ external_id: 'MSS-GUARD', kind: 'unit', name: 'Camp 15 guard unit', aliases: 'Yodok guards;요덕 경비대', unit_type: 'guard_unit', parent: 'MSS' });
    expect(value).toMatchObject({ kind: 'unit', name: 'Camp 15 guard unit', aliases: ['Yodok guards', '요덕 경비대'], unitType: 'guard_unit', parent: 'MSS', person: null });
  });

  it('reads an individual with one position', () => {
    const { value } = parsePerpetratorRow({ external_id: 'G1', kind: 'individual', person: 'P-0001', position_title: 'guard', position_unit: 'MSS-GUARD', position_from: '1995', position_to: '1999' });
    expect(value).toMatchObject({ kind: 'individual', person: 'P-0001', position: { title: 'guard', unit: 'MSS-GUARD', from: '1995', to: '1999', rank: null } });
  });

  it('never takes a name for an individual', () => {
    const { problems } = parsePerpetratorRow({ external_id: 'G2', kind: 'individual', person: 'P-0001', name: 'Kim Chol-su', aliases: 'Chol-su Aba' });
    expect(problems.map((p) => p.field)).toEqual(['name', 'aliases']);
    expect(problems[0].message).toMatch(/sealed identity/);
  });

  it.each([
    [{ kind: 'unit' }, 'name'],
    [{ kind: 'individual' }, 'person'],
    [{ kind: 'unit', name: 'X', person: 'P-0001' }, 'person'],
    [{ kind: 'individual', person: 'P-1', position_rank: 'major' }, 'position_title'],
    [{ kind: 'individual', person: 'P-1', position_title: 'x', position_from: '2001', position_to: '1999' }, 'position_to'],
  ])('refuses %j on %s', (patch, field) => {
    expect(parsePerpetratorRow({ external_id: 'E', ...patch }).problems.map((p) => p.field)).toContain(field);
  });
});
