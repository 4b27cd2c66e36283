import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { DomainException } from 'src/common/errors/domain.exception';
import type { JsonObject } from 'src/common/json';
import { ROOT_LOGGER } from 'src/common/logging/logger';
import type { ConsentPurpose, Recipient, RecipientKind } from 'src/consent/policy/consent.types';
import { matrixCsv } from 'src/evidence/matrix/csv';
import { mapMatrix } from 'src/evidence/dto/matrix.dto';
import { MatrixService } from 'src/evidence/matrix.service';
import { writeBag, type BagFileEntry } from 'src/exports/bagit/bag-writer';
import { ExportEntity, type ExcludedItem } from 'src/exports/entities/export.entity';
import {
  decideItem, decideTestimony, excludedEntry, itemTestimony, parseDeathPenalty, profileDeidentifies, renderReport, shortRef, type TestimonyOutcome,
} from 'src/exports/export-policy';
import { packageAad, packageKey } from 'src/exports/export-storage';
import { SigningKeysService } from 'src/exports/signing-keys.service';
import { FilesService } from 'src/files/files.service';
import { FileEntity } from 'src/files/entities/file.entity';
import type { JobContext } from 'src/jobs/job-runner.service';
import type { JobPayloads } from 'src/jobs/job-definitions';
import { compileDictionary, compilePatterns, redact, RedactionInputError, type RedactionProfile } from 'src/redaction/engine';
import { RedactionInputsService } from 'src/redaction/redaction-inputs.service';
import { FILE_STORE, FileStore } from 'src/storage/file-store';
import { sealStream } from 'src/storage/sealed-stream';
import { ConsentsService } from 'src/testimonies/consents.service';
import { ConsentVersionEntity } from 'src/testimonies/entities/consent-version.entity';


const BATCH = 500;
const TEXT_BATCH = 100;
const EXTENSIONS: Record<string, string> = {
  'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/ogg': 'ogg', 'video/mp4': 'mp4', 'video/webm': 'webm',
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/tiff': 'tif', 'application/pdf': 'pdf', 'text/plain': 'txt', 'application/json': 'json',
};

interface TestimonyRow { id: string; code: string; interview_date: string | null; interview_date_precision: string; languages: string[]; modality: string; status: string }
interface ApprovedRow { id: string; testimony_id: string; transcript_id: string; kind: string; language: string; version: number; transcript_version_id: string; redacted_sha256: string; source_sha256: string }
interface ItemRow { id: string; code: string; kind: string; sha256: string | null; testimony_id: string | null; source_key: string; file_id: string | null; derived_from_id: string | null; file_testimony_id: string | null }
interface PackFile { id: string; path: string; sha256: string; size: number; mediaType: string; row: FileEntity }

/** One JSON array streamed in batches: `[` + rows joined by `,\n` + `]`, never the whole array in memory. */
function jsonArray(rows: () => AsyncIterable<unknown>): () => Readable {
  return () => Readable.from((async function* () {
    yield '[';
    let first = true;
    for await (const row of rows()) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
      first = false;
    }
    yield '\n]\n';
  })());
}

/**
 * The worker's side of an export: decides what the consent allows, then streams the case from
 * PostgreSQL and the file store through the BagIt writer into an encrypted blob. Only small
 * per-item facts (ids, codes, decisions) are held in memory; texts, JSON and files stream.
 */
@Injectable()
export class ExportBuilder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORE) private readonly store: FileStore,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly keys: CaseKeysService,
    private readonly files: FilesService,
    private readonly signing: SigningKeysService,
    private readonly inputs: RedactionInputsService,
    private readonly consents: ConsentsService,
    private readonly matrix: MatrixService,
    private readonly audit: AuditService,
  ) {}

  async run(data: JobPayloads['export.build'], ctx: JobContext): Promise<JsonObject> {
    const repo = this.dataSource.getRepository(ExportEntity);
    const found = await repo.findOne({ where: { id: data.exportId } });
    if (!found) throw new UnrecoverableError('export does not exist');
    const exp: ExportEntity = found;
    if (exp.status === 'ready') return this.summary(exp);
    await repo.update({ id: exp.id }, { status: 'building', error: null });
    const caseId = exp.caseId;

    let profile: RedactionProfile;
    let scrub: (text: string | null) => string | null;
    try {
      profile = await this.inputs.profile(caseId, exp.profile);
      const inputs = await this.inputs.load(caseId);
      const options = { dictionary: compileDictionary(inputs.dictionary), patterns: compilePatterns(), profile, pseudonymSecret: inputs.pseudonymSecret };
      // Analysts' free text (titles, descriptions, notes) goes through the same engine and profile as the testimonies.
      scrub = (text) => (text === null || text === undefined || text === '' ? text : redact(text, options).text);
    } catch (error) {
      if (error instanceof DomainException || error instanceof RedactionInputError) throw new UnrecoverableError(error.message);
      throw error;
    }
    const deidentifying = profileDeidentifies(profile);
    const recipient: Recipient = { kind: exp.recipientKind as RecipientKind, name: exp.recipientName, deathPenaltyJurisdiction: parseDeathPenalty(exp.recipientDeathPenalty) };
    const now = new Date();
    const excluded: ExcludedItem[] = [];

    // ---- testimonies: consent, then an approved redaction of the original's latest version ----
    const testimonies = (await this.dataSource.query(
      `SELECT t.id, p.code, t.interview_date, t.interview_date_precision, t.languages, t.modality, t.status
         FROM testimonies t JOIN people p ON p.id = t.interviewee_id WHERE t.case_id = $1 ORDER BY p.code, t.id`, [caseId])) as TestimonyRow[];
    const histories = new Map<string, ConsentVersionEntity[]>();
    for (const row of await this.dataSource.getRepository(ConsentVersionEntity).find({ where: { caseId }, order: { testimonyId: 'ASC', version: 'ASC' } })) {
      histories.set(row.testimonyId, [...(histories.get(row.testimonyId) ?? []), row]);
    }
    const approved = (await this.dataSource.query(
      `SELECT DISTINCT ON (r.transcript_id) r.id, r.testimony_id, r.transcript_id, t.kind, t.language, v.version, r.transcript_version_id, r.redacted_sha256, r.source_sha256
         FROM transcripts t
         JOIN transcript_versions v ON v.transcript_id = t.id AND v.version = t.latest_version
         JOIN redactions r ON r.transcript_version_id = v.id AND r.status = 'approved' AND r.profile = $2
        WHERE t.case_id = $1
        ORDER BY r.transcript_id, r.reviewed_at DESC, r.id`, [caseId, exp.profile])) as ApprovedRow[];
    const approvedByTestimony = new Map<string, ApprovedRow[]>();
    for (const a of approved) approvedByTestimony.set(a.testimony_id, [...(approvedByTestimony.get(a.testimony_id) ?? []), a]);
    const transcripts = (await this.dataSource.query('SELECT id, testimony_id, kind FROM transcripts WHERE case_id = $1 ORDER BY id', [caseId])) as Array<{ id: string; testimony_id: string; kind: string }>;

    const outcomes = new Map<string, TestimonyOutcome>();
    const includedTestimonies: Array<{ row: TestimonyRow; form: string; consentVersion: number; transcripts: ApprovedRow[] }> = [];
    for (const t of testimonies) {
      const mine = approvedByTestimony.get(t.id) ?? [];
      const decision = this.consents.decideFromHistory(histories.get(t.id) ?? [], recipient, exp.purpose as ConsentPurpose, now);
      const outcome = decideTestimony(decision, mine.some((a) => a.kind === 'original'));
      outcomes.set(t.id, outcome);
      if (!outcome.include) {
        excluded.push(excludedEntry(t.code, 'testimony', t.id, outcome.reason));
        continue;
      }
      includedTestimonies.push({ row: t, form: outcome.form, consentVersion: outcome.consentVersion, transcripts: mine });
      const sent = new Set(mine.map((a) => a.transcript_id));
      for (const tr of transcripts) if (tr.testimony_id === t.id && !sent.has(tr.id)) excluded.push(excludedEntry(t.code, 'transcript', tr.id, 'no_approved_redaction'));
    }
    const codeOf = new Map(testimonies.map((t) => [t.id, t.code]));

    // ---- evidence items (originals before their working copies) and their files ----
    const items = (await this.dataSource.query(
      `SELECT i.id, i.code, i.kind, i.sha256, i.testimony_id, i.source_key, i.file_id, i.derived_from_id, f.testimony_id AS file_testimony_id
         FROM evidence_items i LEFT JOIN files f ON f.id = i.file_id WHERE i.case_id = $1 ORDER BY i.created_at, i.id`, [caseId])) as ItemRow[];
    const excludedItems = new Set<string>();
    const includedItems = new Set<string>();
    for (const item of items) {
      const testimonyId = itemTestimony({ testimonyId: item.testimony_id, sourceKey: item.source_key, fileTestimonyId: item.file_testimony_id });
      const outcome = decideItem({ id: item.id, code: item.code, kind: item.kind, testimonyId, fileId: item.file_id, derivedFromId: item.derived_from_id }, outcomes, deidentifying, excludedItems);
      if (outcome.include) includedItems.add(item.id);
      else {
        excludedItems.add(item.id);
        excluded.push(excludedEntry(item.code, 'evidence_item', item.id, outcome.reason));
      }
    }
    const fileIds = new Set(items.filter((i) => includedItems.has(i.id) && i.file_id).map((i) => i.file_id as string));
    // A testimony's own files (recordings) not attached to any item: the same rule as for items.
    const testimonyFiles = (await this.dataSource.query('SELECT id, testimony_id FROM files WHERE case_id = $1 AND testimony_id IS NOT NULL ORDER BY id', [caseId])) as Array<{ id: string; testimony_id: string }>;
    const itemFiles = new Set(items.filter((i) => i.file_id).map((i) => i.file_id as string));
    for (const f of testimonyFiles) {
      if (itemFiles.has(f.id)) continue;
      const outcome = outcomes.get(f.testimony_id);
      if (!outcome?.include) continue; // the testimony itself is listed as left out
      if (outcome.form === 'identified' && !deidentifying) fileIds.add(f.id);
      else excluded.push(excludedEntry(codeOf.get(f.testimony_id) ?? '?', 'file', f.id, 'recording_identifies_witness'));
    }
    const fileRows = fileIds.size ? await this.dataSource.getRepository(FileEntity).createQueryBuilder('f').where('f.id IN (:...ids)', { ids: [...fileIds] }).orderBy('f.id').getMany() : [];
    const packFiles: PackFile[] = fileRows.map((row) => ({
      id: row.id,
      path: `files/${shortRef(row.id)}-${row.sha256.slice(0, 12)}.${EXTENSIONS[row.mediaType] ?? 'bin'}`,
      sha256: row.sha256,
      size: Number(row.sizeBytes),
      mediaType: row.mediaType,
      row,
    }));
    const fileByItem = new Map(packFiles.map((f) => [f.id, f]));
    const totalFileBytes = packFiles.reduce((sum, f) => sum + f.size, 0);

    // ---- matrix over what is included only ----
    let matrixCsvs: Array<{ path: string; text: string }> = [];
    let frameworkLabel: string | null = null;
    if (exp.frameworkVersionId) {
      const m = mapMatrix(await this.matrix.compute(caseId, exp.frameworkVersionId, [...excludedItems]));
      frameworkLabel = `${m.framework.code}@${m.framework.version}`;
      matrixCsvs = [{ path: 'matrix/elements.csv', text: matrixCsv(m, 'elements') }, { path: 'matrix/perpetrators.csv', text: matrixCsv(m, 'perpetrators') }];
    }

    const [caseRow] = (await this.dataSource.query('SELECT id, title, description, status, created_at FROM cases WHERE id = $1', [caseId])) as Array<{ id: string; title: string; description: string | null; status: string; created_at: Date }>;
    const [creator] = (await this.dataSource.query('SELECT display_name, email FROM users WHERE id = $1', [exp.createdBy])) as Array<{ display_name: string; email: string }>;
    const signing = await this.signing.privateKey();
    const dataKey = await this.keys.dataKey(caseId);

    const counts: Record<string, number> = {
      testimonies: includedTestimonies.length,
      transcripts: includedTestimonies.reduce((n, t) => n + t.transcripts.length, 0),
      evidenceItems: includedItems.size,
      evidenceLinks: 0,
      files: packFiles.length,
      // Recordings and documents of a testimony identify the witness: downloading needs identity clearance.
      testimonyFiles: packFiles.filter((f) => f.row.testimonyId !== null).length,
      fileBytes: totalFileBytes,
      incidents: 0,
      incidentSourcesLeftOut: 0,
      perpetrators: 0,
      custodyEntries: 0,
    };
    // Subjects whose custody entries go out; incidents, perpetrators and links are added as they stream.
    const includedIds: string[] = [...includedTestimonies.map((t) => t.row.id), ...includedItems, ...packFiles.map((f) => f.id), ...includedTestimonies.flatMap((t) => t.transcripts.map((a) => a.id))];
    const ds = this.dataSource;
    const files = this.files;
    let bytesDone = 0;
    const progress = (share: number) => ctx.reportProgress(share).catch(() => undefined);

    const pages = async function* <T>(sql: string, params: unknown[]): AsyncGenerator<T[]> {
      // Keyset pagination on id: each page is a fresh query, so nothing holds the whole table.
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = (await ds.query(`${sql} AND x.id > $${params.length + 1} ORDER BY x.id LIMIT ${BATCH}`, [...params, after])) as Array<T & { id: string }>;
        if (!rows.length) return;
        yield rows;
        after = rows[rows.length - 1].id;
      }
    };

    async function* payload(this: void): AsyncGenerator<BagFileEntry> {
      yield { path: 'case.json', source: `${JSON.stringify({ id: caseRow.id, title: scrub(caseRow.title), description: scrub(caseRow.description), status: caseRow.status, createdAt: caseRow.created_at }, null, 2)}\n` };
      yield {
        path: 'people.json',
        source: jsonArray(async function* () {
          for await (const rows of pages<{ id: string; code: string; kind: string }>('SELECT x.id, x.code, x.kind FROM people x WHERE x.case_id = $1', [caseId])) {
            for (const p of rows) yield { code: p.code, kind: p.kind };
          }
        }),
      };
      yield {
        path: 'testimonies.json',
        source: jsonArray(async function* () {
          for (const t of includedTestimonies) {
            yield {
              ref: shortRef(t.row.id), id: t.row.id, interviewee: t.row.code, disclosureForm: t.form, consentVersion: t.consentVersion,
              interviewDate: t.row.interview_date, interviewDatePrecision: t.row.interview_date_precision, languages: t.row.languages, modality: t.row.modality, status: t.row.status,
              transcripts: t.transcripts.map((a) => ({ kind: a.kind, language: a.language, version: a.version, transcriptVersionId: a.transcript_version_id, redactionId: a.id, redactedSha256: a.redacted_sha256, originalSha256: a.source_sha256, path: `data/testimonies/${shortRef(t.row.id)}/${a.kind}-${a.language}.txt` })),
            };
          }
        }),
      };
      await progress(5);
      // Redacted texts, fetched a batch at a time.
      const wanted = includedTestimonies.flatMap((t) => t.transcripts.map((a) => ({ testimonyId: t.row.id, a })));
      for (let i = 0; i < wanted.length; i += TEXT_BATCH) {
        const slice = wanted.slice(i, i + TEXT_BATCH);
        const texts = new Map(((await ds.query('SELECT id, redacted_text FROM redactions WHERE id = ANY($1::uuid[])', [slice.map((w) => w.a.id)])) as Array<{ id: string; redacted_text: string }>).map((r) => [r.id, r.redacted_text]));
        for (const w of slice) yield { path: `testimonies/${shortRef(w.testimonyId)}/${w.a.kind}-${w.a.language}.txt`, source: texts.get(w.a.id) ?? '' };
      }
      await progress(10);
      yield {
        path: 'incidents.json',
        source: jsonArray(async function* () {
          for await (const rows of pages<{ id: string; code: string; title: string; description: string | null; violation_types: string[]; date_precision: string; date_from: string | null; date_to: string | null; place_id: string | null; place_name: string | null; latitude: number | null; longitude: number | null }>(
            `SELECT x.id, x.code, x.title, x.description, x.violation_types, x.date_precision, x.date_from, x.date_to, x.place_id, pl.name AS place_name, x.latitude, x.longitude
               FROM incidents x LEFT JOIN places pl ON pl.id = x.place_id WHERE x.case_id = $1`, [caseId])) {
            const ids = rows.map((r) => r.id);
            const victims = (await ds.query(`SELECT v.incident_id, p.code, v.group_count, v.group_description FROM incident_victims v LEFT JOIN people p ON p.id = v.person_id WHERE v.incident_id = ANY($1::uuid[]) ORDER BY v.incident_id, v.position`, [ids])) as Array<{ incident_id: string; code: string | null; group_count: number | null; group_description: string | null }>;
            const perps = (await ds.query('SELECT incident_id, perpetrator_id, involvement, confidence FROM incident_perpetrators WHERE incident_id = ANY($1::uuid[]) ORDER BY incident_id, perpetrator_id, involvement', [ids])) as Array<{ incident_id: string; perpetrator_id: string; involvement: string; confidence: string }>;
            const sources = (await ds.query('SELECT incident_id, testimony_id, transcript_version_id, passage_start, passage_end FROM incident_sources WHERE incident_id = ANY($1::uuid[]) ORDER BY incident_id, position', [ids])) as Array<{ incident_id: string; testimony_id: string; transcript_version_id: string | null; passage_start: number | null; passage_end: number | null }>;
            for (const r of rows) {
              const mySources = sources.filter((s) => s.incident_id === r.id);
              const kept = mySources.filter((s) => outcomes.get(s.testimony_id)?.include);
              counts.incidentSourcesLeftOut += mySources.length - kept.length;
              counts.incidents++;
              includedIds.push(r.id);
              const place = profile.actions.place === 'label' || profile.actions.place === 'remove' ? null : { id: r.place_id, name: r.place_name };
              const coordinates = profile.actions.coordinates === 'keep' && r.latitude !== null ? { latitude: r.latitude, longitude: r.longitude } : null;
              yield {
                id: r.id, code: r.code, title: scrub(r.title), description: scrub(r.description), violationTypes: r.violation_types,
                date: { precision: r.date_precision, from: r.date_from, to: r.date_to }, place: place?.id ? place : null, coordinates,
                victims: victims.filter((v) => v.incident_id === r.id).map((v) => (v.code ? { person: v.code } : { groupCount: v.group_count, groupDescription: scrub(v.group_description) })),
                perpetrators: perps.filter((p) => p.incident_id === r.id).map((p) => ({ perpetratorId: p.perpetrator_id, involvement: p.involvement, confidence: p.confidence })),
                sources: kept.map((s) => ({ testimony: shortRef(s.testimony_id), transcriptVersionId: s.transcript_version_id, passageStart: s.passage_start, passageEnd: s.passage_end })),
              };
            }
          }
        }),
      };
      yield {
        path: 'perpetrators.json',
        source: jsonArray(async function* () {
          for await (const rows of pages<{ id: string; kind: string; code: string | null; person_code: string | null; unit_type: string | null; name: string | null; name_hangul: string | null; aliases: string[]; description: string | null; parent_id: string | null }>(
            `SELECT x.id, x.kind, x.code, p.code AS person_code, x.unit_type, x.name, x.name_hangul, x.aliases, x.description, x.parent_id
               FROM perpetrators x LEFT JOIN people p ON p.id = x.person_id WHERE x.case_id = $1`, [caseId])) {
            const positions = (await ds.query('SELECT perpetrator_id, unit_id, title, rank, from_date, to_date FROM perpetrator_positions WHERE perpetrator_id = ANY($1::uuid[]) ORDER BY perpetrator_id, position', [rows.map((r) => r.id)])) as Array<{ perpetrator_id: string; unit_id: string | null; title: string; rank: string | null; from_date: string | null; to_date: string | null }>;
            for (const r of rows) {
              counts.perpetrators++;
              includedIds.push(r.id);
              const pos = positions.filter((p) => p.perpetrator_id === r.id).map((p) => ({ unitId: p.unit_id, title: scrub(p.title), rank: scrub(p.rank), from: p.from_date, to: p.to_date }));
              // Individuals only by their person's pseudonym code; units by their public names (scrubbed like all free text).
              if (r.kind === 'individual') yield { id: r.id, kind: r.kind, code: r.person_code, positions: pos };
              else yield { id: r.id, kind: r.kind, code: r.code, unitType: r.unit_type, name: scrub(r.name), nameHangul: scrub(r.name_hangul), aliases: r.aliases.map((a) => scrub(a)), description: scrub(r.description), parentId: r.parent_id, positions: pos };
            }
          }
        }),
      };
      yield {
        path: 'evidence/items.json',
        source: jsonArray(async function* () {
          for await (const rows of pages<{ id: string; code: string; kind: string; title: string; description: string | null; file_id: string | null; transcript_version_id: string | null; passage_start: number | null; passage_end: number | null; testimony_id: string | null; sha256: string | null; derived_from_id: string | null; derivation: string | null; source_key: string; provenance_source: string | null; source_url: string | null; collected_by: string | null; collected_on: string | null; collected_on_precision: string; collection_method: string | null; physical_location: string | null; locator: Record<string, unknown> | null; media_extent: Record<string, unknown> | null }>(
            'SELECT x.* FROM evidence_items x WHERE x.case_id = $1', [caseId])) {
            for (const r of rows) {
              if (!includedItems.has(r.id)) continue;
              const file = r.file_id ? fileByItem.get(r.file_id) : undefined;
              yield {
                id: r.id, code: r.code, kind: r.kind, title: scrub(r.title), description: scrub(r.description), sha256: r.sha256,
                testimony: r.testimony_id ? shortRef(r.testimony_id) : null,
                passage: r.transcript_version_id ? { transcriptVersionId: r.transcript_version_id, start: r.passage_start, end: r.passage_end } : null,
                // The part of the file cited (pages 1-based inclusive; seconds; region as fractions 0..1, origin top left); null: the whole file.
                locator: r.locator, mediaExtent: r.media_extent,
                derivedFromId: r.derived_from_id, derivation: scrub(r.derivation),
                provenance: {
                  source: scrub(r.provenance_source), url: scrub(r.source_url), collectedOn: r.collected_on, collectedOnPrecision: r.collected_on_precision, collectionMethod: scrub(r.collection_method),
                  // Who collected it and where an item is kept can identify staff or sources: only for non-de-identifying profiles.
                  collectedBy: deidentifying ? null : scrub(r.collected_by), physicalLocation: deidentifying ? null : scrub(r.physical_location),
                },
                file: file ? { path: `data/${file.path}`, sha256: file.sha256, size: file.size, mediaType: file.mediaType } : null,
              };
            }
          }
        }),
      };
      yield {
        path: 'evidence/links.json',
        source: jsonArray(async function* () {
          for await (const rows of pages<{ id: string; item_id: string; framework_id: string; element_id: string; alternative: string | null; incident_id: string | null; perpetrator_id: string | null; mode_id: string | null; relation: string; probative_value: number; source_reliability: string; information_credibility: number; note: string | null; status: string; source_key: string; reviewed_at: Date | null }>(
            'SELECT x.* FROM evidence_links x WHERE x.case_id = $1', [caseId])) {
            for (const r of rows) {
              if (!includedItems.has(r.item_id)) continue;
              counts.evidenceLinks++;
              includedIds.push(r.id);
              yield {
                id: r.id, itemId: r.item_id, frameworkId: r.framework_id, elementId: r.element_id, alternative: r.alternative, incidentId: r.incident_id, perpetratorId: r.perpetrator_id, modeId: r.mode_id,
                relation: r.relation, probativeValue: r.probative_value, sourceReliability: r.source_reliability, informationCredibility: r.information_credibility, note: scrub(r.note), status: r.status, reviewedAt: r.reviewed_at,
              };
            }
          }
        }),
      };
      for (const m of matrixCsvs) yield { path: m.path, source: m.text };
      await progress(15);
      for (const f of packFiles) {
        yield {
          path: f.path,
          source: () => {
            // Verified while it streams: a stored file that no longer matches its SHA-256 fails the whole export.
            const out = new PassThrough();
            files.verifiedContent(f.row, dataKey).then((s) => {
              s.on('error', (e) => out.destroy(e));
              s.pipe(out);
            }, (e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
            return out;
          },
        };
        bytesDone += f.size;
        await progress(15 + (totalFileBytes ? (80 * bytesDone) / totalFileBytes : 80));
      }
      yield {
        path: 'custody-log.jsonl',
        source: () => Readable.from((async function* () {
          // Chain-of-custody entries of every included item, in log order (ids, actions, hashes: no identities by design).
          let after = '0';
          for (;;) {
            const rows = (await ds.query(
              `SELECT seq, occurred_at, actor_id, action, subject_type, subject_id, details, correlation_id, prev_hash, hash FROM audit_log
                WHERE case_id = $1 AND subject_id = ANY($2::text[]) AND seq > $3 ORDER BY seq LIMIT ${BATCH}`, [caseId, includedIds, after])) as Array<{ seq: string } & JsonObject>;
            if (!rows.length) return;
            for (const r of rows) {
              counts.custodyEntries++;
              yield `${JSON.stringify(r)}\n`;
            }
            after = rows[rows.length - 1].seq;
          }
        })()),
      };
      yield { path: 'excluded.json', source: `${JSON.stringify(excluded, null, 2)}\n` };
      yield {
        path: 'report.html',
        source: () => Readable.from([renderReport({
          exportId: exp.id, caseRef: shortRef(caseId), caseTitle: scrub(caseRow.title) ?? '', recipient: { kind: exp.recipientKind, name: exp.recipientName, deathPenaltyJurisdiction: exp.recipientDeathPenalty },
          purpose: exp.purpose, profile: exp.profile, framework: frameworkLabel, generatedAt: now, keyFingerprint: signing.fingerprint, counts, excluded,
          testimonies: includedTestimonies.map((t) => ({ ref: shortRef(t.row.id), code: t.row.code, form: t.form, transcripts: t.transcripts.length })),
          items: items.filter((i) => includedItems.has(i.id)).map((i) => ({ code: i.code, kind: i.kind, sha256: i.sha256 })),
          files: packFiles.map((f) => ({ path: `data/${f.path}`, sha256: f.sha256, size: f.size })),
        })]),
      };
    }

    const target = await this.store.begin();
    const sealer = sealStream(dataKey, packageAad(exp.id));
    const writing = pipeline(sealer, target.stream);
    writing.catch(() => undefined);
    let result;
    try {
      result = await writeBag(payload(), sealer, {
        bagName: `sillok-export-${shortRef(exp.id)}`,
        signingKey: signing.key,
        metadata: {
          sourceOrganization: 'Sillok case-management system',
          // The sender's contact, except in de-identifying (public) packages: staff are at risk too.
          ...(deidentifying || !creator ? {} : { contactName: creator.display_name, contactEmail: creator.email }),
          externalIdentifier: `sillok-export-${exp.id}`,
          internalSenderDescription: `Case file export of case ${shortRef(caseId)} for ${exp.recipientKind}`,
          baggingDate: now,
          custom: [
            ['Sillok-Export-Id', exp.id],
            ['Sillok-Case-Id', caseId],
            ['Sillok-Recipient', exp.recipientName],
            ['Sillok-Recipient-Kind', exp.recipientKind],
            ['Sillok-Recipient-Death-Penalty-Jurisdiction', exp.recipientDeathPenalty],
            ['Sillok-Purpose', exp.purpose],
            ['Sillok-Redaction-Profile', exp.profile],
            ['Sillok-Framework-Version', frameworkLabel ?? 'none'],
            ['Sillok-Excluded-Count', String(excluded.length)],
          ],
        },
      });
      await writing;
    } catch (error) {
      await target.abort();
      const reason = error instanceof Error ? error.message : String(error);
      // A stored file that fails its check will fail again: no retries, the export fails at once.
      if (/failed authentication|does not match its recorded SHA-256/.test(reason)) throw new UnrecoverableError(`a stored file failed its integrity check (${reason}); restore it from backup`);
      throw error;
    }
    const key = packageKey(caseId, exp.id);
    await target.commit(key);

    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(ExportEntity, { where: { id: exp.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new UnrecoverableError('export disappeared');
      if (row.status === 'ready') return this.summary(row);
      Object.assign(row, {
        status: 'ready', storageKey: key, packageSha256: result.sha256, sizeBytes: String(result.zipBytes), keyFingerprint: result.publicKeyFingerprint,
        included: counts, excluded, excludedCount: excluded.length, error: null, finishedAt: new Date(),
      });
      await manager.save(row);
      // The disclosure register: who sent what to whom, for what, and the package's hash.
      await this.audit.record(manager, {
        actorId: ctx.actorId, action: 'export.disclosure', subjectType: 'export', subjectId: row.id, caseId,
        details: {
          recipientKind: row.recipientKind, recipientName: row.recipientName, deathPenaltyJurisdiction: row.recipientDeathPenalty, purpose: row.purpose, profile: row.profile,
          frameworkVersionId: row.frameworkVersionId, included: counts, excludedCount: excluded.length, packageSha256: result.sha256, sizeBytes: result.zipBytes,
          payloadOxum: result.payloadOxum, keyFingerprint: result.publicKeyFingerprint,
        },
      });
      this.logger.info({ exportId: row.id, caseId, files: result.fileCount, bytes: result.zipBytes }, 'export package ready');
      return this.summary(row);
    });
  }

  private summary(e: ExportEntity): JsonObject {
    return { exportId: e.id, packageSha256: e.packageSha256, sizeBytes: e.sizeBytes === null ? null : Number(e.sizeBytes), excludedCount: e.excludedCount, included: e.included };
  }
}
