import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { DATE_PRECISIONS, type DatePrecision } from 'src/common/dates/dated-value';
import { CONFIDENCES, INVOLVEMENTS, type Confidence, type Involvement } from 'src/incidents/entities/incident.entity';
import { INCIDENT_DATE_PRECISIONS, incidentDateProblem, type IncidentDateInput, type IncidentDatePrecision } from 'src/incidents/incident-dates';
import type { ImportEntityType } from 'src/imports/entities/import.entity';
import { PersonIdentityDto } from 'src/people/dto/person.dto';
import { PERSON_KINDS, type PersonKind } from 'src/people/entities/person.entity';
import { PERPETRATOR_KINDS, UNIT_TYPES, type PerpetratorKind, type UnitType } from 'src/perpetrators/entities/perpetrator.entity';
import { positionDatesProblem } from 'src/perpetrators/perpetrator-rules';

/**
 * The rows of an import file: which columns each entity type has, and the checks a row must
 * pass on its own (references to other records are resolved later, per batch, in the
 * database). Pure. Problems name the column and say what is wrong, never quoting the value:
 * a cell may hold a witness's name.
 */
export interface RowProblem {
  field: string;
  message: string;
}

export type RawRow = Record<string, unknown>;

export const IMPORT_COLUMNS: Record<ImportEntityType, readonly string[]> = {
  people: ['external_id', 'kind', 'names_hangul', 'names_romanised', 'aliases', 'sex', 'birth_date', 'birth_date_precision', 'birthplace', 'current_location', 'contacts'],
  incidents: ['external_id', 'title', 'description', 'violation_types', 'date_precision', 'date', 'date_from', 'date_to', 'place', 'latitude', 'longitude', 'victims', 'victim_group_count', 'victim_group_description', 'perpetrators', 'sources'],
  perpetrators: ['external_id', 'kind', 'name', 'name_hangul', 'aliases', 'unit_type', 'description', 'parent', 'person', 'position_title', 'position_rank', 'position_unit', 'position_from', 'position_to'],
};

export const REQUIRED_COLUMNS: Record<ImportEntityType, readonly string[]> = {
  people: ['external_id', 'kind'],
  incidents: ['external_id', 'title', 'violation_types', 'date_precision'],
  perpetrators: ['external_id', 'kind'],
};

/** People columns that hold identity data: sealed, and only for importers with identity clearance. */
export const IDENTITY_COLUMNS = ['names_hangul', 'names_romanised', 'aliases', 'sex', 'birth_date', 'birth_date_precision', 'birthplace', 'current_location', 'contacts'] as const;

const EXTERNAL_ID = /^[\p{L}\p{N}][\p{L}\p{N}._:/#-]{0,199}$/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_LIST = 200;

export const isUuid = (value: string): boolean => UUID.test(value);

/** Spreadsheet headers are forgiving: `External ID`, `external-id` and `external_id` are one column. */
export function normaliseColumnName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** How a column is named in the report: its name when it is a plain identifier, else its position. */
export function columnLabel(name: string, index: number): string {
  return SAFE_NAME.test(name) ? name : `column ${index + 1}`;
}

/** Unknown, repeated and missing columns of a CSV header (or of a JSON row's keys). */
export function headerProblems(entityType: ImportEntityType, columns: readonly string[]): RowProblem[] {
  const known = IMPORT_COLUMNS[entityType];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    if (!known.includes(name)) problems.push({ field: columnLabel(name, i), message: `is not a column of ${entityType} imports (known: ${known.join(', ')})` });
    else if (seen.has(name)) problems.push({ field: name, message: 'appears twice' });
    seen.add(name);
  });
  for (const name of REQUIRED_COLUMNS[entityType]) if (!seen.has(name)) problems.push({ field: name, message: 'is a required column and is missing' });
  return problems;
}

// ---- cell readers -------------------------------------------------------------------------

class Reader {
  readonly problems: RowProblem[] = [];
  constructor(private readonly raw: RawRow) {}

  fail(field: string, message: string): undefined {
    this.problems.push({ field, message });
    return undefined;
  }

  has(field: string): boolean {
    const v = this.raw[field];
    return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0);
  }

  /** Text as given (free text keeps its inner spacing); whitespace-only counts as empty. */
  text(field: string, opts: { required?: boolean; max: number; trim?: boolean }): string | undefined {
    const v = this.raw[field];
    if (!this.has(field)) return opts.required ? this.fail(field, 'is required') : undefined;
    if (typeof v !== 'string' && typeof v !== 'number') return this.fail(field, 'must be text');
    const s = opts.trim === false ? String(v) : String(v).trim();
    if (s.length > opts.max) return this.fail(field, `is longer than ${opts.max} characters`);
    return s;
  }

  oneOf<T extends string>(field: string, values: readonly T[], required = false): T | undefined {
    const s = this.text(field, { required, max: 64 });
    if (s === undefined) return undefined;
    const v = s.toLowerCase();
    if (!(values as readonly string[]).includes(v)) return this.fail(field, `must be one of: ${values.join(', ')}`);
    return v as T;
  }

  /** A JSON array, or a text of items separated by semicolons. */
  list(field: string, maxItem = 300): string[] {
    const v = this.raw[field];
    if (!this.has(field)) return [];
    let items: unknown[];
    if (Array.isArray(v)) items = v;
    else if (typeof v === 'string') items = v.split(';');
    else return this.fail(field, 'must be a list (items separated by ;)') ?? [];
    const out: string[] = [];
    for (const item of items) {
      if (typeof item !== 'string' && typeof item !== 'number') return this.fail(field, 'must be a list of texts') ?? [];
      const s = String(item).trim();
      if (!s) continue;
      if (s.length > maxItem) return this.fail(field, `has an item longer than ${maxItem} characters`) ?? [];
      out.push(s);
    }
    if (out.length > MAX_LIST) return this.fail(field, `has more than ${MAX_LIST} items`) ?? [];
    return out;
  }

  /** A JSON array (strings or objects) or a ;-separated text: items left raw for the caller. */
  items(field: string): unknown[] {
    const v = this.raw[field];
    if (!this.has(field)) return [];
    if (Array.isArray(v)) return v.length > MAX_LIST ? (this.fail(field, `has more than ${MAX_LIST} items`) ?? []) : v;
    if (typeof v === 'string') {
      const out = v.split(';').map((s) => s.trim()).filter(Boolean);
      return out.length > MAX_LIST ? (this.fail(field, `has more than ${MAX_LIST} items`) ?? []) : out;
    }
    return this.fail(field, 'must be a list (items separated by ;)') ?? [];
  }

  number(field: string, opts: { integer?: boolean; min: number; max: number }): number | undefined {
    const v = this.raw[field];
    if (!this.has(field)) return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) return this.fail(field, opts.integer ? 'must be a whole number' : 'must be a number');
    if (n < opts.min || n > opts.max) return this.fail(field, `must be between ${opts.min} and ${opts.max}`);
    return n;
  }

  externalId(): string | undefined {
    const s = this.text('external_id', { required: true, max: 200 });
    if (s !== undefined && !EXTERNAL_ID.test(s)) return this.fail('external_id', 'must be 1-200 letters, digits or . _ : / # - (starting with a letter or digit)');
    return s;
  }
}

// ---- people -------------------------------------------------------------------------------

export interface PersonRow {
  externalId: string;
  kind: PersonKind;
  /** Compacted identity, present only when the row carries some. */
  identity: PersonIdentityDto | null;
  /** The first identity column that holds a value, for the clearance check's report. */
  identityField: string | null;
}

const IDENTITY_PROPERTY_COLUMN: Record<string, string> = {
  namesHangul: 'names_hangul',
  namesRomanised: 'names_romanised',
  aliases: 'aliases',
  sex: 'sex',
  birthDate: 'birth_date',
  birthplace: 'birthplace',
  contacts: 'contacts',
  currentLocation: 'current_location',
};

function identityColumnOf(error: ValidationError, path: string[] = []): string {
  const top = path[0] ?? error.property;
  if (top === 'birthDate') return error.property === 'precision' ? 'birth_date_precision' : 'birth_date';
  return IDENTITY_PROPERTY_COLUMN[top] ?? top;
}

/** class-validator messages name DTO properties; the report names columns. */
function columnWords(message: string): string {
  return message.replace(/\b(namesHangul|namesRomanised|birthDate|currentLocation)\b/g, (m) => IDENTITY_PROPERTY_COLUMN[m] ?? m).replace(/\bdate\b/, 'birth_date');
}

function flatten(errors: ValidationError[], path: string[] = []): RowProblem[] {
  return errors.flatMap((e) => [
    ...(e.constraints ? [{ field: identityColumnOf(e, path), message: Object.values(e.constraints).map(columnWords).join('; ') }] : []),
    ...flatten(e.children ?? [], [...path, e.property]),
  ]);
}

/** A person row; identity fields are checked with the same rules as the API (PersonIdentityDto). */
export function parsePersonRow(raw: RawRow): { value?: PersonRow; problems: RowProblem[] } {
  const r = new Reader(raw);
  const externalId = r.externalId();
  const kind = r.oneOf('kind', PERSON_KINDS, true);
  const identity: Record<string, unknown> = {};
  const namesHangul = r.list('names_hangul', 200);
  const namesRomanised = r.list('names_romanised', 200);
  const aliases = r.list('aliases', 200);
  if (namesHangul.length) identity.namesHangul = namesHangul;
  if (namesRomanised.length) identity.namesRomanised = namesRomanised;
  if (aliases.length) identity.aliases = aliases;
  const sex = r.text('sex', { max: 20 });
  if (sex !== undefined) identity.sex = sex.toLowerCase();
  const birthDate = r.text('birth_date', { max: 10 });
  const birthPrecision = r.oneOf<DatePrecision>('birth_date_precision', DATE_PRECISIONS);
  if (birthDate !== undefined || birthPrecision !== undefined) {
    // A date's own shape says its precision (1968 → year); only "approximate" must be said.
    const inferred = birthDate === undefined ? 'unknown' : /^\d{4}$/.test(birthDate) ? 'year' : /^\d{4}-\d{2}$/.test(birthDate) ? 'month' : 'day';
    identity.birthDate = { date: birthDate ?? null, precision: birthPrecision ?? inferred };
  }
  const birthplace = r.text('birthplace', { max: 500, trim: false });
  if (birthplace !== undefined) identity.birthplace = birthplace;
  const currentLocation = r.text('current_location', { max: 500, trim: false });
  if (currentLocation !== undefined) identity.currentLocation = currentLocation;
  const contacts = r.list('contacts', 600);
  if (contacts.length) {
    identity.contacts = contacts.map((c) => {
      const at = c.indexOf(':');
      return at > 0 ? { kind: c.slice(0, at).trim().toLowerCase(), value: c.slice(at + 1).trim() } : { kind: 'other', value: c };
    });
  }
  const hasIdentity = Object.keys(identity).length > 0;
  if (hasIdentity) {
    const dto = plainToInstance(PersonIdentityDto, identity);
    r.problems.push(...flatten(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })));
  }
  if (r.problems.length || externalId === undefined || kind === undefined) return { problems: r.problems };
  const identityField = hasIdentity ? (IDENTITY_COLUMNS.find((c) => r.has(c)) ?? 'names_hangul') : null;
  return { value: { externalId, kind, identity: hasIdentity ? (identity as PersonIdentityDto) : null, identityField }, problems: [] };
}

// ---- incidents ----------------------------------------------------------------------------

export interface InvolvementRef {
  ref: string;
  involvement: Involvement;
  confidence: Confidence;
}

export interface SourceRef {
  testimonyId: string;
  passage: { transcriptVersionId: string; start: number; end: number } | null;
}

export interface IncidentRow {
  externalId: string;
  title: string;
  description: string | null;
  violationTypes: string[];
  date: IncidentDateInput;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  victims: string[];
  group: { count: number; description: string | null } | null;
  perpetrators: InvolvementRef[];
  sources: SourceRef[];
}

const SOURCE_TEXT = /^([0-9a-f-]{36})(?:@([0-9a-f-]{36}):(\d+)-(\d+))?$/i;

function parseInvolvement(item: unknown): InvolvementRef | string {
  let ref: unknown;
  let involvement: unknown;
  let confidence: unknown;
  if (typeof item === 'string') {
    // ref:involvement:confidence — split from the right, so a ref may itself hold colons.
    const parts = item.split(':');
    if (parts.length < 3) return 'items must look like ref:involvement:confidence';
    confidence = parts.pop()?.trim().toLowerCase();
    involvement = parts.pop()?.trim().toLowerCase();
    ref = parts.join(':').trim();
  } else if (item && typeof item === 'object') {
    ({ ref, involvement, confidence } = item as Record<string, unknown>);
  } else {
    return 'items must look like ref:involvement:confidence';
  }
  if (typeof ref !== 'string' || !ref || ref.length > 200) return 'has an item without a valid perpetrator reference';
  if (typeof involvement !== 'string' || !(INVOLVEMENTS as readonly string[]).includes(involvement)) return `has an involvement that is not one of: ${INVOLVEMENTS.join(', ')}`;
  if (typeof confidence !== 'string' || !(CONFIDENCES as readonly string[]).includes(confidence)) return `has a confidence that is not one of: ${CONFIDENCES.join(', ')}`;
  return { ref, involvement: involvement as Involvement, confidence: confidence as Confidence };
}

function parseSource(item: unknown): SourceRef | string {
  if (typeof item === 'string') {
    const m = SOURCE_TEXT.exec(item);
    if (!m || !isUuid(m[1]) || (m[2] && !isUuid(m[2]))) return 'items must be a testimony id, or testimonyId@transcriptVersionId:start-end';
    return { testimonyId: m[1].toLowerCase(), passage: m[2] ? { transcriptVersionId: m[2].toLowerCase(), start: Number(m[3]), end: Number(m[4]) } : null };
  }
  if (item && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    if (typeof o.testimony_id !== 'string' || !isUuid(o.testimony_id)) return 'has an item without a valid testimony_id';
    if (o.transcript_version_id === undefined || o.transcript_version_id === null) return { testimonyId: o.testimony_id.toLowerCase(), passage: null };
    if (typeof o.transcript_version_id !== 'string' || !isUuid(o.transcript_version_id)) return 'has an item without a valid transcript_version_id';
    if (!Number.isInteger(o.start) || !Number.isInteger(o.end)) return 'has a passage without whole-number start and end';
    return { testimonyId: o.testimony_id.toLowerCase(), passage: { transcriptVersionId: o.transcript_version_id.toLowerCase(), start: o.start as number, end: o.end as number } };
  }
  return 'items must be a testimony id, or testimonyId@transcriptVersionId:start-end';
}

/** An incident row; `violationTypes` is the vocabulary, to check codes without the database. */
export function parseIncidentRow(raw: RawRow, violationTypes: ReadonlySet<string>): { value?: IncidentRow; problems: RowProblem[] } {
  const r = new Reader(raw);
  const externalId = r.externalId();
  const title = r.text('title', { required: true, max: 500, trim: false })?.trim();
  const description = r.text('description', { max: 20_000, trim: false });
  const codes = [...new Set(r.list('violation_types', 64).map((c) => c.toLowerCase()))];
  if (!codes.length && r.problems.every((p) => p.field !== 'violation_types')) r.fail('violation_types', 'needs at least one code');
  const unknown = codes.filter((c) => !violationTypes.has(c));
  if (unknown.length) r.fail('violation_types', `has ${unknown.length} code(s) not in the vocabulary (see /vocabularies/violation-types)`);
  const precision = r.oneOf<IncidentDatePrecision>('date_precision', INCIDENT_DATE_PRECISIONS, true);
  const date: IncidentDateInput = { precision: precision ?? 'unknown', date: r.text('date', { max: 10 }) ?? null, from: r.text('date_from', { max: 10 }) ?? null, to: r.text('date_to', { max: 10 }) ?? null };
  if (precision) {
    const problem = incidentDateProblem(date);
    if (problem) r.fail(problem.field === 'precision' ? 'date_precision' : problem.field === 'date' ? 'date' : `date_${problem.field}`, problem.problem);
  }
  const place = r.text('place', { max: 200 });
  const latitude = r.number('latitude', { min: -90, max: 90 });
  const longitude = r.number('longitude', { min: -180, max: 180 });
  if ((latitude === undefined) !== (longitude === undefined) && r.problems.every((p) => p.field !== 'latitude' && p.field !== 'longitude')) {
    r.fail(latitude === undefined ? 'latitude' : 'longitude', 'is required when the other coordinate is given');
  }
  const victims = [...new Set(r.list('victims', 200))];
  const groupCount = r.number('victim_group_count', { integer: true, min: 1, max: 10_000_000 });
  const groupDescription = r.text('victim_group_description', { max: 2000, trim: false });
  if (groupDescription !== undefined && groupCount === undefined && r.problems.every((p) => p.field !== 'victim_group_count')) r.fail('victim_group_description', 'needs victim_group_count');
  const perpetrators: InvolvementRef[] = [];
  for (const item of r.items('perpetrators')) {
    const parsed = parseInvolvement(item);
    if (typeof parsed === 'string') { r.fail('perpetrators', parsed); break; }
    if (perpetrators.some((p) => p.ref === parsed.ref && p.involvement === parsed.involvement)) { r.fail('perpetrators', 'lists the same perpetrator and involvement twice'); break; }
    perpetrators.push(parsed);
  }
  const sources: SourceRef[] = [];
  for (const item of r.items('sources')) {
    const parsed = parseSource(item);
    if (typeof parsed === 'string') { r.fail('sources', parsed); break; }
    sources.push(parsed);
  }
  if (r.problems.length || externalId === undefined || title === undefined || !precision) return { problems: r.problems };
  const range = precision === 'range';
  return {
    value: {
      externalId,
      title,
      description: description ?? null,
      violationTypes: codes,
      date: { precision, date: range ? null : (date.date ?? null), from: range ? (date.from ?? null) : null, to: range ? (date.to ?? null) : null },
      place: place ?? null,
      latitude: latitude ?? null,
      longitude: longitude ?? null,
      victims,
      group: groupCount !== undefined ? { count: groupCount, description: groupDescription ?? null } : null,
      perpetrators,
      sources,
    },
    problems: [],
  };
}

// ---- perpetrators -------------------------------------------------------------------------

export interface PerpetratorRow {
  externalId: string;
  kind: PerpetratorKind;
  name: string | null;
  nameHangul: string | null;
  aliases: string[];
  unitType: UnitType | null;
  description: string | null;
  parent: string | null;
  person: string | null;
  position: { title: string; rank: string | null; unit: string | null; from: string | null; to: string | null } | null;
}

const UNIT_ONLY = ['name', 'name_hangul', 'aliases', 'unit_type', 'description', 'parent'] as const;
const INDIVIDUAL_ONLY = ['person', 'position_title', 'position_rank', 'position_unit', 'position_from', 'position_to'] as const;

export function parsePerpetratorRow(raw: RawRow): { value?: PerpetratorRow; problems: RowProblem[] } {
  const r = new Reader(raw);
  const externalId = r.externalId();
  const kind = r.oneOf('kind', PERPETRATOR_KINDS, true);
  if (kind === 'individual') {
    for (const field of UNIT_ONLY) if (r.has(field)) r.fail(field, 'is not used for individuals: their names and aliases belong in the person’s sealed identity');
    if (!r.has('person')) r.fail('person', 'is required for an individual (a person’s external_id or pseudonym code)');
  } else if (kind === 'unit') {
    for (const field of INDIVIDUAL_ONLY) if (r.has(field)) r.fail(field, 'is only for individuals');
    if (!r.has('name')) r.fail('name', 'is required for a unit');
  }
  const name = r.text('name', { max: 300 });
  const nameHangul = r.text('name_hangul', { max: 300 });
  const aliases = [...new Set(r.list('aliases', 300))];
  const unitType = r.oneOf('unit_type', UNIT_TYPES);
  const description = r.text('description', { max: 10_000, trim: false });
  const parent = r.text('parent', { max: 200 });
  const person = r.text('person', { max: 200 });
  const title = r.text('position_title', { max: 300 });
  const rank = r.text('position_rank', { max: 100 });
  const unit = r.text('position_unit', { max: 200 });
  const from = r.text('position_from', { max: 10 });
  const to = r.text('position_to', { max: 10 });
  if (title === undefined && (rank !== undefined || unit !== undefined || from !== undefined || to !== undefined) && r.problems.every((p) => p.field !== 'position_title')) {
    r.fail('position_title', 'is required when any position column is given');
  }
  const datesProblem = positionDatesProblem(from, to);
  if (datesProblem) r.fail(`position_${datesProblem.field}`, datesProblem.problem);
  if (r.problems.length || externalId === undefined || kind === undefined) return { problems: r.problems };
  return {
    value: {
      externalId,
      kind,
      name: name ?? null,
      nameHangul: nameHangul ?? null,
      aliases,
      unitType: kind === 'unit' ? (unitType ?? 'other') : null,
      description: description ?? null,
      parent: parent ?? null,
      person: person ?? null,
      position: title !== undefined ? { title, rank: rank ?? null, unit: unit ?? null, from: from ?? null, to: to ?? null } : null,
    },
    problems: [],
  };
}
