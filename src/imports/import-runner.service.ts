import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import { randomUUID } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import type { CaseMemberEntity } from 'src/cases/entities/case-member.entity';
import { DomainException } from 'src/common/errors/domain.exception';
import type { JsonObject } from 'src/common/json';
import { ViolationTypeEntity } from 'src/incidents/entities/violation-type.entity';
import { incidentDateBounds, passageProblem } from 'src/incidents/incident-dates';
import { ImportEntity, ImportRowErrorEntity, type ImportEntityType } from 'src/imports/entities/import.entity';
import { externalKeyOf, externalRefKey } from 'src/imports/external-refs';
import { ImportFilesService } from 'src/imports/import-files.service';
import {
  columnLabel, headerProblems, IMPORT_COLUMNS, isUuid, normaliseColumnName, parseIncidentRow, parsePersonRow, parsePerpetratorRow,
  type IncidentRow, type PerpetratorRow, type PersonRow, type RawRow, type RowProblem,
} from 'src/imports/import-rows';
import { jsonRecords, JsonFileError } from 'src/imports/json-records';
import type { JobContext } from 'src/jobs/job-runner.service';
import { PSEUDONYM_PREFIX, type PersonKind } from 'src/people/entities/person.entity';
import { identityAad } from 'src/people/identity-aad';
import { RedactionsService } from 'src/redaction/redactions.service';
import { PerpetratorEntity, PerpetratorPositionEntity, type PerpetratorKind } from 'src/perpetrators/entities/perpetrator.entity';
import { unitSearchKeys } from 'src/perpetrators/perpetrator-rules';
import { UserEntity } from 'src/users/entities/user.entity';

/** Rows per transaction: one audit entry, one counter update, a handful of multi-row statements. */
export const IMPORT_BATCH_ROWS = 1000;
const CODE = /^[A-Z]-\d{4,}$/;

/** A row as read from the file, or the problems that stopped it being read at all. */
interface SourceRow {
  row: number;
  raw?: RawRow;
  problems?: RowProblem[];
}

/** The file cannot be read as a whole (bad header, broken JSON or CSV structure). */
class ImportFileError extends Error {
  constructor(message: string, readonly problems: RowProblem[]) {
    super(message);
  }
}

interface RunState {
  imp: ImportEntity;
  /** Keys the external ids (HMAC) so the database never holds them in plaintext. */
  refKey: Buffer;
  member: CaseMemberEntity;
  vocabulary: Set<string>;
  /** Dry runs store nothing, so they remember here what a real run would have stored. */
  dryCreated: Map<string, { row: number; kind: string }>;
  /** Redactions made stale by imported identities, re-queued once the import ends. */
  stale: Map<string, { testimonyId: string; profile: string }>;
}

interface Accepted<T> {
  row: number;
  value: T;
}

interface BatchOutcome {
  created: number;
  skipped: number;
  failed: number;
  problems: Array<RowProblem & { row: number }>;
}

const pad = (n: number) => String(n).padStart(4, '0');

function csvProblem(error: CsvError): string {
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return 'has a different number of fields than the header';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'has a badly quoted field';
    default:
      return 'could not be read as CSV';
  }
}

/**
 * The worker's side of imports. Streams the sealed file (never all of it in memory), reads it
 * row by row, and commits batches of IMPORT_BATCH_ROWS: valid rows are stored, invalid ones
 * reported (row, field, problem), rows whose external_id was imported before are skipped.
 * Each batch commits its rows, its report lines, the import's counters and resume point and one
 * audit entry together, so a retried job continues where the last commit left off.
 */
@Injectable()
export class ImportRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly keys: CaseKeysService,
    private readonly files: ImportFilesService,
    private readonly audit: AuditService,
    private readonly redactions: RedactionsService,
  ) {}

  async run(importId: string, ctx: JobContext): Promise<JsonObject> {
    const repo = this.dataSource.getRepository(ImportEntity);
    const imp = await repo.findOne({ where: { id: importId } });
    if (!imp) throw new UnrecoverableError('import row does not exist');
    const member = await this.importer(imp);
    const dataKey = await this.keys.dataKey(imp.caseId);
    if (!(await this.files.verify(imp.caseId, imp.storageKey, dataKey, imp.sha256))) throw new UnrecoverableError('the stored import file does not match its SHA-256');
    if (imp.dryRun && imp.rowsProcessed > 0) {
      // A dry run that was interrupted starts over: it stored nothing but its report.
      await this.dataSource.transaction(async (manager) => {
        await manager.delete(ImportRowErrorEntity, { importId });
        await manager.update(ImportEntity, { id: importId }, { rowsProcessed: 0, rowsCreated: 0, rowsSkipped: 0, rowsFailed: 0 });
      });
      Object.assign(imp, { rowsProcessed: 0, rowsCreated: 0, rowsSkipped: 0, rowsFailed: 0 });
    }
    const vocabulary = new Set((await this.dataSource.getRepository(ViolationTypeEntity).find({ select: { code: true } })).map((v) => v.code));
    const state: RunState = { imp, refKey: externalRefKey(dataKey), member, vocabulary, dryCreated: new Map(), stale: new Map() };
    const resumeAfter = imp.rowsProcessed;

    const source = await this.files.open(imp.caseId, imp.storageKey, dataKey);
    const size = Number(imp.sizeBytes);
    let bytes = 0;
    // Counts the bytes read, for progress; the parsers pull through it (backpressure intact).
    const counter = new Transform({ transform(chunk: Buffer, _encoding, done) { bytes += chunk.length; done(null, chunk); } });
    source.on('error', (error) => counter.destroy(error));
    const stream = source.pipe(counter);
    const rows = imp.format === 'csv' ? this.csvRows(stream, imp.entityType) : this.jsonRows(stream, imp.entityType);
    let batch: SourceRow[] = [];
    try {
      for await (const row of rows) {
        if (row.row <= resumeAfter) continue;
        batch.push(row);
        if (batch.length >= IMPORT_BATCH_ROWS) {
          await this.flush(state, batch);
          batch = [];
          await ctx.reportProgress(Math.min(99, (bytes / Math.max(1, size)) * 100));
        }
      }
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      // Keep what was read before the break, report the break, and stop for good.
      if (batch.length) await this.flush(state, batch);
      await this.dataSource.transaction((manager) => this.insertProblems(manager, importId, error.problems.map((p) => ({ ...p, row: 0 }))));
      await repo.update({ id: importId }, { finishedAt: new Date() });
      throw new UnrecoverableError(`${error.message}; see the import report`);
    } finally {
      source.destroy();
      stream.destroy();
    }
    if (batch.length) await this.flush(state, batch);
    await repo.update({ id: importId }, { finishedAt: new Date() });
    if (state.stale.size) await this.redactions.requeue(imp.caseId, [...state.stale.values()], { id: imp.createdBy });
    const done = await repo.findOneOrFail({ where: { id: importId } });
    return { importId, entityType: done.entityType, dryRun: done.dryRun, processed: done.rowsProcessed, created: done.rowsCreated, skipped: done.rowsSkipped, failed: done.rowsFailed };
  }

  /** The importing user must still be a member allowed to import this kind of record. */
  private async importer(imp: ImportEntity): Promise<CaseMemberEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: imp.createdBy } });
    if (!user || user.disabledAt) throw new UnrecoverableError('the importing user is disabled');
    try {
      return await this.access.require(imp.caseId, { id: user.id, role: user.role, sessionId: '' }, imp.entityType === 'people' ? 'record' : 'analyse');
    } catch (error) {
      if (error instanceof DomainException) throw new UnrecoverableError(`the importing user may no longer import into this case: ${error.message}`);
      throw error;
    }
  }

  // ---- reading ------------------------------------------------------------------------------

  private async *csvRows(stream: Readable, entityType: ImportEntityType): AsyncGenerator<SourceRow> {
    let header: string[] | null = null;
    let seq = 0;
    const skipped: SourceRow[] = [];
    const parser = parseCsv({
      bom: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: 4 * 1024 * 1024,
      columns: (names: string[]) => {
        header = names.map(normaliseColumnName);
        return header;
      },
      // Records and skipped records are numbered in file order, in the parser's own callbacks.
      on_record: (record: RawRow) => ({ row: ++seq, record }),
    });
    parser.on('skip', (error: CsvError) => { skipped.push({ row: ++seq, problems: [{ field: 'row', message: csvProblem(error) }] }); });
    stream.on('error', (error) => parser.destroy(error));
    stream.pipe(parser);
    const checkHeader = () => {
      if (!header) throw new ImportFileError('the file is empty', [{ field: 'file', message: 'is empty: a header row is required' }]);
      const problems = headerProblems(entityType, header);
      if (problems.length) throw new ImportFileError(`the header does not fit ${entityType} imports`, problems);
    };
    let checked = false;
    try {
      for await (const item of parser as AsyncIterable<{ row: number; record: RawRow }>) {
        if (!checked) { checkHeader(); checked = true; }
        while (skipped.length && skipped[0].row < item.row) yield skipped.shift() as SourceRow;
        yield { row: item.row, raw: item.record };
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      const code = (error as CsvError).code;
      if (typeof code === 'string' && code.startsWith('CSV_')) throw new ImportFileError(`the CSV cannot be read past row ${seq}`, [{ field: 'file', message: `${csvProblem(error as CsvError)} after row ${seq}` }]);
      throw error;
    }
    if (!checked) checkHeader();
    yield* skipped;
  }

  private async *jsonRows(stream: Readable, entityType: ImportEntityType): AsyncGenerator<SourceRow> {
    const known = IMPORT_COLUMNS[entityType];
    try {
      for await (const record of jsonRecords(stream)) {
        if (record.error) { yield { row: record.row, problems: [{ field: 'row', message: record.error }] }; continue; }
        const value = record.value;
        if (!value || typeof value !== 'object' || Array.isArray(value)) { yield { row: record.row, problems: [{ field: 'row', message: 'must be a JSON object' }] }; continue; }
        const unknown = Object.keys(value).map((k, i) => ({ k, i })).filter(({ k }) => !known.includes(k));
        if (unknown.length) {
          yield { row: record.row, problems: unknown.map(({ k, i }) => ({ field: columnLabel(k, i), message: `is not a field of ${entityType} imports` })) };
          continue;
        }
        yield { row: record.row, raw: value as RawRow };
      }
    } catch (error) {
      if (error instanceof JsonFileError) throw new ImportFileError('the JSON cannot be read to its end', [{ field: 'file', message: error.message }]);
      throw error;
    }
  }

  // ---- one batch ----------------------------------------------------------------------------

  private async flush(state: RunState, batch: SourceRow[]): Promise<void> {
    const { imp } = state;
    await this.dataSource.transaction(async (manager) => {
      const outcome: BatchOutcome = { created: 0, skipped: 0, failed: 0, problems: [] };
      const fail = (row: number, problems: RowProblem[]) => {
        outcome.problems.push(...problems.map((p) => ({ ...p, row })));
        outcome.failed += 1;
      };
      switch (imp.entityType) {
        case 'people':
          await this.people(manager, state, await this.fresh(manager, state, this.parsed(batch, parsePersonRow, fail), fail, outcome), fail, outcome);
          break;
        case 'incidents':
          await this.incidents(manager, state, await this.fresh(manager, state, this.parsed(batch, (raw) => parseIncidentRow(raw, state.vocabulary), fail), fail, outcome), fail, outcome);
          break;
        case 'perpetrators':
          await this.perpetrators(manager, state, await this.fresh(manager, state, this.parsed(batch, parsePerpetratorRow, fail), fail, outcome), fail, outcome);
          break;
      }
      await this.insertProblems(manager, imp.id, outcome.problems);
      const last = batch[batch.length - 1].row;
      await manager.query(
        `UPDATE imports SET rows_processed = $2, rows_created = rows_created + $3, rows_skipped = rows_skipped + $4, rows_failed = rows_failed + $5 WHERE id = $1`,
        [imp.id, last, outcome.created, outcome.skipped, outcome.failed],
      );
      if (!imp.dryRun) {
        await this.audit.record(manager, {
          actorId: imp.createdBy, action: 'import.batch', subjectType: 'import', subjectId: imp.id, caseId: imp.caseId,
          details: { entityType: imp.entityType, fromRow: batch[0].row, toRow: last, created: outcome.created, skipped: outcome.skipped, failed: outcome.failed },
        });
      }
    });
  }

  private parsed<T>(batch: SourceRow[], parse: (raw: RawRow) => { value?: T; problems: RowProblem[] }, fail: (row: number, problems: RowProblem[]) => void): Array<Accepted<T>> {
    const out: Array<Accepted<T>> = [];
    for (const r of batch) {
      if (r.problems?.length || !r.raw) { fail(r.row, r.problems ?? [{ field: 'row', message: 'could not be read' }]); continue; }
      const { value, problems } = parse(r.raw);
      if (problems.length || value === undefined) fail(r.row, problems);
      else out.push({ row: r.row, value });
    }
    return out;
  }

  /**
   * Rows whose external_id was imported before (by an earlier import) are skipped; an external_id
   * used twice in the same file is a problem of the later row.
   */
  private async fresh<T extends { externalId: string }>(manager: EntityManager, state: RunState, rows: Array<Accepted<T>>, fail: (row: number, problems: RowProblem[]) => void, outcome: BatchOutcome): Promise<Array<Accepted<T>>> {
    const { imp } = state;
    const firstRow = new Map<string, number>();
    const candidates: Array<Accepted<T>> = [];
    for (const r of rows) {
      const earlier = firstRow.get(r.value.externalId) ?? state.dryCreated.get(r.value.externalId)?.row;
      if (earlier !== undefined) { fail(r.row, [{ field: 'external_id', message: `repeats the external_id of row ${earlier}` }]); continue; }
      firstRow.set(r.value.externalId, r.row);
      candidates.push(r);
    }
    if (!candidates.length) return [];
    const keys = candidates.map((c) => externalKeyOf(state.refKey, c.value.externalId));
    const existing = (await manager.query(
      'SELECT external_key, import_id, source_row FROM external_refs WHERE case_id = $1 AND entity_type = $2 AND external_key = ANY($3::text[])',
      [imp.caseId, imp.entityType, keys],
    )) as Array<{ external_key: string; import_id: string | null; source_row: number | null }>;
    const found = new Map(existing.map((e) => [e.external_key, e]));
    const out: Array<Accepted<T>> = [];
    for (const [i, c] of candidates.entries()) {
      const e = found.get(keys[i]);
      if (!e) out.push(c);
      else if (e.import_id === imp.id) fail(c.row, [{ field: 'external_id', message: `repeats the external_id of row ${e.source_row}` }]);
      else outcome.skipped += 1;
    }
    return out;
  }

  private async insertProblems(manager: EntityManager, importId: string, problems: Array<RowProblem & { row: number }>): Promise<void> {
    if (!problems.length) return;
    await manager.query(
      'INSERT INTO import_row_errors (import_id, "row", field, message) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])',
      [importId, problems.map((p) => p.row), problems.map((p) => p.field), problems.map((p) => p.message)],
    );
  }

  private async insertRefs(manager: EntityManager, state: RunState, created: Array<{ row: number; externalId: string; entityId: string; kind?: string }>): Promise<void> {
    const { imp } = state;
    if (imp.dryRun) {
      for (const c of created) state.dryCreated.set(c.externalId, { row: c.row, kind: c.kind ?? imp.entityType });
      return;
    }
    if (!created.length) return;
    await manager.query(
      `INSERT INTO external_refs (case_id, entity_type, external_key, entity_id, import_id, source_row)
       SELECT $1, $2, * FROM unnest($3::text[], $4::uuid[], $5::uuid[], $6::int[])`,
      [imp.caseId, imp.entityType, created.map((c) => externalKeyOf(state.refKey, c.externalId)), created.map((c) => c.entityId), created.map(() => imp.id), created.map((c) => c.row)],
    );
  }

  /** Reserves n numbers of a per-case counter; returns the first. */
  private async reserve(manager: EntityManager, caseId: string, name: string, n: number): Promise<number> {
    const [{ value }] = (await manager.query(
      `INSERT INTO case_counters (case_id, name, value) VALUES ($1, $2, $3)
       ON CONFLICT (case_id, name) DO UPDATE SET value = case_counters.value + $3 RETURNING value`,
      [caseId, name, n],
    )) as Array<{ value: number }>;
    return value - n + 1;
  }

  /** People of the case by external_id (earlier people imports) or pseudonym code. */
  private async resolvePeople(manager: EntityManager, state: RunState, refs: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (!refs.length) return out;
    const keyed = new Map(refs.map((r) => [externalKeyOf(state.refKey, r), r]));
    const rows = (await manager.query(
      `SELECT external_key AS ref, entity_id AS id, 0 AS pass FROM external_refs WHERE case_id = $1 AND entity_type = 'people' AND external_key = ANY($2::text[])
       UNION ALL SELECT code, id, 1 FROM people WHERE case_id = $1 AND code = ANY($3::text[]) ORDER BY pass`,
      [state.imp.caseId, [...keyed.keys()], refs.filter((r) => CODE.test(r))],
    )) as Array<{ ref: string; id: string; pass: number }>;
    // An external id wins over a pseudonym code of the same spelling.
    for (const r of rows) {
      const ref = r.pass === 0 ? (keyed.get(r.ref) as string) : r.ref;
      if (!out.has(ref)) out.set(ref, r.id);
    }
    return out;
  }

  /** Perpetrators of the case by external_id, unit code (U-0001), or an individual's person code. */
  private async resolvePerpetrators(manager: EntityManager, state: RunState, refs: string[]): Promise<Map<string, { id: string; kind: PerpetratorKind }>> {
    const out = new Map<string, { id: string; kind: PerpetratorKind }>();
    if (!refs.length) return out;
    const keyed = new Map(refs.map((r) => [externalKeyOf(state.refKey, r), r]));
    const codes = refs.filter((r) => CODE.test(r));
    const rows = (await manager.query(
      `SELECT x.external_key AS ref, p.id, p.kind, 0 AS pass FROM external_refs x JOIN perpetrators p ON p.id = x.entity_id
         WHERE x.case_id = $1 AND x.entity_type = 'perpetrators' AND x.external_key = ANY($2::text[])
       UNION ALL SELECT p.code, p.id, p.kind, 1 FROM perpetrators p WHERE p.case_id = $1 AND p.code = ANY($3::text[])
       UNION ALL SELECT pe.code, p.id, p.kind, 1 FROM perpetrators p JOIN people pe ON pe.id = p.person_id WHERE p.case_id = $1 AND pe.code = ANY($3::text[])
       ORDER BY pass`,
      [state.imp.caseId, [...keyed.keys()], codes],
    )) as Array<{ ref: string; id: string; kind: PerpetratorKind; pass: number }>;
    for (const r of rows) {
      const ref = r.pass === 0 ? (keyed.get(r.ref) as string) : r.ref;
      if (!out.has(ref)) out.set(ref, { id: r.id, kind: r.kind });
    }
    return out;
  }

  // ---- people -------------------------------------------------------------------------------

  private async people(manager: EntityManager, state: RunState, rows: Array<Accepted<PersonRow>>, fail: (row: number, problems: RowProblem[]) => void, outcome: BatchOutcome): Promise<void> {
    const { imp, member } = state;
    const ok = rows.filter((r) => {
      if (r.value.identity && !member.identityClearance) {
        fail(r.row, [{ field: r.value.identityField ?? 'names_hangul', message: 'needs identity clearance on the case (identity data is sealed and only cleared members may record it)' }]);
        return false;
      }
      return true;
    });
    outcome.created += ok.length;
    if (imp.dryRun || !ok.length) {
      await this.insertRefs(manager, state, ok.map((r) => ({ row: r.row, externalId: r.value.externalId, entityId: '' })));
      return;
    }
    const next = new Map<string, number>();
    for (const kind of new Set(ok.map((r) => r.value.kind))) {
      const prefix = PSEUDONYM_PREFIX[kind as PersonKind];
      next.set(prefix, await this.reserve(manager, imp.caseId, `pseudonym:${prefix}`, ok.filter((r) => r.value.kind === kind).length));
    }
    const records = await Promise.all(ok.map(async (r) => {
      const id = randomUUID();
      const prefix = PSEUDONYM_PREFIX[r.value.kind];
      const n = next.get(prefix) as number;
      next.set(prefix, n + 1);
      // Sealed exactly as PeopleService does: the case key, AAD person:<id>:identity.
      const sealed = r.value.identity ? await this.keys.seal(imp.caseId, r.value.identity, identityAad(id), manager) : null;
      return { r, id, code: `${prefix}-${pad(n)}`, sealed };
    }));
    await manager.query(
      `INSERT INTO people (id, case_id, kind, code, identity_sealed, identity_revision, created_by, version)
       SELECT id, $1, kind, code, sealed, CASE WHEN sealed IS NULL THEN 0 ELSE 1 END, $2, 1
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::bytea[]) AS t(id, kind, code, sealed)`,
      [imp.caseId, imp.createdBy, records.map((x) => x.id), records.map((x) => x.r.value.kind), records.map((x) => x.code), records.map((x) => x.sealed)],
    );
    await this.insertRefs(manager, state, records.map((x) => ({ row: x.r.row, externalId: x.r.value.externalId, entityId: x.id })));
    // New names in the registry: current redactions may miss them (as for PeopleService.create).
    if (records.some((x) => x.sealed)) {
      for (const s of await this.redactions.markStale(manager, imp.caseId)) state.stale.set(`${s.testimonyId}:${s.profile}`, s);
    }
  }

  // ---- incidents ----------------------------------------------------------------------------

  private async incidents(manager: EntityManager, state: RunState, rows: Array<Accepted<IncidentRow>>, fail: (row: number, problems: RowProblem[]) => void, outcome: BatchOutcome): Promise<void> {
    const { imp } = state;
    if (!rows.length) return;
    const caseId = imp.caseId;
    const placeRefs = [...new Set(rows.map((r) => r.value.place).filter((p): p is string => p !== null))];
    const places = placeRefs.length
      ? ((await manager.query('SELECT id, code FROM places WHERE id = ANY($1::uuid[]) OR code = ANY($2::text[])', [placeRefs.filter(isUuid), placeRefs])) as Array<{ id: string; code: string | null }>)
      : [];
    const placeOf = new Map<string, string>();
    for (const p of places) { placeOf.set(p.id, p.id); if (p.code) placeOf.set(p.code, p.id); }
    const people = await this.resolvePeople(manager, state, [...new Set(rows.flatMap((r) => r.value.victims))]);
    const perpetrators = await this.resolvePerpetrators(manager, state, [...new Set(rows.flatMap((r) => r.value.perpetrators.map((p) => p.ref)))]);
    const testimonyIds = [...new Set(rows.flatMap((r) => r.value.sources.map((s) => s.testimonyId)))];
    const testimonies = new Set(testimonyIds.length
      ? ((await manager.query('SELECT id FROM testimonies WHERE case_id = $1 AND id = ANY($2::uuid[])', [caseId, testimonyIds])) as Array<{ id: string }>).map((t) => t.id)
      : []);
    const versionIds = [...new Set(rows.flatMap((r) => r.value.sources.map((s) => s.passage?.transcriptVersionId).filter((v): v is string => Boolean(v))))];
    const versions = new Map((versionIds.length
      ? ((await manager.query(
        'SELECT v.id, v.text_length, t.testimony_id FROM transcript_versions v JOIN transcripts t ON t.id = v.transcript_id WHERE v.id = ANY($1::uuid[]) AND t.case_id = $2',
        [versionIds, caseId],
      )) as Array<{ id: string; text_length: number; testimony_id: string }>)
      : []).map((v) => [v.id, v]));

    const ok: Array<{ row: number; value: IncidentRow; id: string; placeId: string | null; victims: string[]; involvements: Array<{ perpetratorId: string; involvement: string; confidence: string }> }> = [];
    for (const r of rows) {
      const v = r.value;
      const problems: RowProblem[] = [];
      const placeId = v.place ? (placeOf.get(v.place) ?? null) : null;
      if (v.place && !placeId) problems.push({ field: 'place', message: 'is not a place code or id of the gazetteer' });
      const victims: string[] = [];
      v.victims.forEach((ref, i) => {
        const id = people.get(ref);
        if (!id) problems.push({ field: 'victims', message: `item ${i + 1} is not a person of this case (give a people import’s external_id or a pseudonym code)` });
        else if (!victims.includes(id)) victims.push(id);
      });
      const involvements: Array<{ perpetratorId: string; involvement: string; confidence: string }> = [];
      v.perpetrators.forEach((p, i) => {
        const found = perpetrators.get(p.ref);
        if (!found) problems.push({ field: 'perpetrators', message: `item ${i + 1} is not a perpetrator of this case (give a perpetrators import’s external_id or a code)` });
        else if (!involvements.some((x) => x.perpetratorId === found.id && x.involvement === p.involvement)) involvements.push({ perpetratorId: found.id, involvement: p.involvement, confidence: p.confidence });
      });
      v.sources.forEach((s, i) => {
        if (!testimonies.has(s.testimonyId)) { problems.push({ field: 'sources', message: `item ${i + 1} is not a testimony of this case` }); return; }
        if (!s.passage) return;
        const version = versions.get(s.passage.transcriptVersionId);
        if (!version || version.testimony_id !== s.testimonyId) { problems.push({ field: 'sources', message: `item ${i + 1}: the transcript version is not one of this testimony` }); return; }
        const problem = passageProblem(s.passage.start, s.passage.end, version.text_length);
        if (problem) problems.push({ field: 'sources', message: `item ${i + 1}: ${problem.field} ${problem.problem}` });
      });
      if (problems.length) fail(r.row, problems);
      else ok.push({ row: r.row, value: v, id: randomUUID(), placeId, victims, involvements });
    }
    outcome.created += ok.length;
    if (imp.dryRun || !ok.length) {
      await this.insertRefs(manager, state, ok.map((o) => ({ row: o.row, externalId: o.value.externalId, entityId: o.id })));
      return;
    }

    const first = await this.reserve(manager, caseId, 'incident', ok.length);
    const bounds = ok.map((o) => incidentDateBounds(o.value.date));
    await manager.query(
      `INSERT INTO incidents (id, case_id, code, title, description, violation_types, date_precision, date_from, date_to, date_start, date_end, place_id, latitude, longitude, created_by, version)
       SELECT id, $1, code, title, description, violation_types::text[], date_precision, date_from, date_to, date_start, date_end, place_id, latitude, longitude, $2, 1
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::date[], $12::date[], $13::uuid[], $14::float8[], $15::float8[])
         AS t(id, code, title, description, violation_types, date_precision, date_from, date_to, date_start, date_end, place_id, latitude, longitude)`,
      [
        caseId, imp.createdBy,
        ok.map((o) => o.id),
        ok.map((_o, i) => `I-${pad(first + i)}`),
        ok.map((o) => o.value.title),
        ok.map((o) => o.value.description),
        // Vocabulary codes are [a-z0-9_]: safe inside an array literal.
        ok.map((o) => `{${o.value.violationTypes.join(',')}}`),
        ok.map((o) => o.value.date.precision),
        ok.map((o) => (o.value.date.precision === 'range' ? o.value.date.from : o.value.date.date) ?? null),
        ok.map((o) => (o.value.date.precision === 'range' ? o.value.date.to : null) ?? null),
        bounds.map((b) => b.start),
        bounds.map((b) => b.end),
        ok.map((o) => o.placeId),
        ok.map((o) => o.value.latitude),
        ok.map((o) => o.value.longitude),
      ],
    );
    const victims = ok.flatMap((o) => [
      ...o.victims.map((personId, i) => ({ incidentId: o.id, personId, count: null as number | null, description: null as string | null, position: i })),
      ...(o.value.group ? [{ incidentId: o.id, personId: null as string | null, count: o.value.group.count, description: o.value.group.description, position: o.victims.length }] : []),
    ]);
    if (victims.length) {
      await manager.query(
        `INSERT INTO incident_victims (id, incident_id, person_id, group_count, group_description, position)
         SELECT gen_random_uuid(), * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::int[])`,
        [victims.map((v) => v.incidentId), victims.map((v) => v.personId), victims.map((v) => v.count), victims.map((v) => v.description), victims.map((v) => v.position)],
      );
    }
    const involvements = ok.flatMap((o) => o.involvements.map((p) => ({ incidentId: o.id, ...p })));
    if (involvements.length) {
      await manager.query(
        'INSERT INTO incident_perpetrators (incident_id, perpetrator_id, involvement, confidence) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])',
        [involvements.map((p) => p.incidentId), involvements.map((p) => p.perpetratorId), involvements.map((p) => p.involvement), involvements.map((p) => p.confidence)],
      );
    }
    const sources = ok.flatMap((o) => o.value.sources.map((s, i) => ({ incidentId: o.id, ...s, position: i })));
    if (sources.length) {
      await manager.query(
        `INSERT INTO incident_sources (id, incident_id, testimony_id, transcript_version_id, passage_start, passage_end, position)
         SELECT gen_random_uuid(), * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::int[], $6::int[])`,
        [sources.map((s) => s.incidentId), sources.map((s) => s.testimonyId), sources.map((s) => s.passage?.transcriptVersionId ?? null), sources.map((s) => s.passage?.start ?? null), sources.map((s) => s.passage?.end ?? null), sources.map((s) => s.position)],
      );
    }
    await this.insertRefs(manager, state, ok.map((o) => ({ row: o.row, externalId: o.value.externalId, entityId: o.id })));
  }

  // ---- perpetrators -------------------------------------------------------------------------

  private async perpetrators(manager: EntityManager, state: RunState, rows: Array<Accepted<PerpetratorRow>>, fail: (row: number, problems: RowProblem[]) => void, outcome: BatchOutcome): Promise<void> {
    const { imp } = state;
    if (!rows.length) return;
    const caseId = imp.caseId;
    const unitRefs = [...new Set(rows.flatMap((r) => [r.value.parent, r.value.position?.unit ?? null]).filter((x): x is string => x !== null))];
    const known = await this.resolvePerpetrators(manager, state, unitRefs);
    const people = await this.resolvePeople(manager, state, [...new Set(rows.map((r) => r.value.person).filter((x): x is string => x !== null))]);
    const taken = new Set(people.size
      ? ((await manager.query('SELECT person_id FROM perpetrators WHERE case_id = $1 AND person_id = ANY($2::uuid[])', [caseId, [...people.values()]])) as Array<{ person_id: string }>).map((p) => p.person_id)
      : []);

    // Rows accepted so far (this batch, then earlier batches of a dry run): a row may name a unit listed above it.
    const accepted = new Map<string, { id: string; kind: PerpetratorKind }>();
    const unitOf = (ref: string): string | null => {
      const hit = accepted.get(ref) ?? known.get(ref) ?? (state.dryCreated.has(ref) ? { id: 'dry-run', kind: state.dryCreated.get(ref)?.kind as PerpetratorKind } : undefined);
      return hit && hit.kind === 'unit' ? hit.id : null;
    };
    const ok: Array<{ row: number; value: PerpetratorRow; entity: PerpetratorEntity; position: PerpetratorPositionEntity | null }> = [];
    for (const r of rows) {
      const v = r.value;
      const problems: RowProblem[] = [];
      const id = randomUUID();
      const parentId = v.parent ? unitOf(v.parent) : null;
      if (v.parent && !parentId) problems.push({ field: 'parent', message: 'is not a unit of this case (list parent units above the units under them)' });
      const unitId = v.position?.unit ? unitOf(v.position.unit) : null;
      if (v.position?.unit && !unitId) problems.push({ field: 'position_unit', message: 'is not a unit of this case' });
      let personId: string | null = null;
      if (v.person) {
        personId = people.get(v.person) ?? null;
        if (!personId) problems.push({ field: 'person', message: 'is not a person of this case (give a people import’s external_id or a pseudonym code)' });
        else if (taken.has(personId)) problems.push({ field: 'person', message: 'is already a perpetrator of this case' });
      }
      if (problems.length) { fail(r.row, problems); continue; }
      if (personId) taken.add(personId);
      accepted.set(v.externalId, { id, kind: v.kind });
      const entity = Object.assign(new PerpetratorEntity(), {
        id, caseId, kind: v.kind, code: null, unitType: v.unitType, name: v.name, nameHangul: v.nameHangul, aliases: v.aliases,
        searchKeys: v.kind === 'unit' ? unitSearchKeys(v.name, v.nameHangul, v.aliases) : [], description: v.description,
        parentId: parentId === 'dry-run' ? null : parentId, personId, createdBy: imp.createdBy, version: 1,
      });
      const position = v.position
        ? Object.assign(new PerpetratorPositionEntity(), { id: randomUUID(), perpetratorId: id, unitId: unitId === 'dry-run' ? null : unitId, title: v.position.title, rank: v.position.rank, fromDate: v.position.from, toDate: v.position.to, position: 0 })
        : null;
      ok.push({ row: r.row, value: v, entity, position });
    }
    outcome.created += ok.length;
    if (!imp.dryRun && ok.length) {
      const units = ok.filter((o) => o.entity.kind === 'unit');
      if (units.length) {
        const first = await this.reserve(manager, caseId, 'perpetrator:U', units.length);
        units.forEach((o, i) => { o.entity.code = `U-${pad(first + i)}`; });
      }
      // One statement per chunk: a unit and the units under it may come in the same batch (foreign keys are checked at statement end).
      for (let i = 0; i < ok.length; i += 500) await manager.insert(PerpetratorEntity, ok.slice(i, i + 500).map((o) => o.entity));
      const positions = ok.map((o) => o.position).filter((p): p is PerpetratorPositionEntity => p !== null);
      if (positions.length) await manager.insert(PerpetratorPositionEntity, positions);
    }
    await this.insertRefs(manager, state, ok.map((o) => ({ row: o.row, externalId: o.value.externalId, entityId: o.entity.id, kind: o.entity.kind })));
  }
}
