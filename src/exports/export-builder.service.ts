import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { DomainException } from 'src/common/errors/domain.exception';
import type { JsonObject } from 'src/common/json';
import { ROOT_LOGGER } from 'src/common/logging/logger';
import type { ConsentPurpose, Recipient, RecipientKind } from 'src/consent/policy/consent.types';
import { matrixCsv } from 'src/evidence/matrix/csv';
import { mapMatrix } from 'src/evidence/dto/matrix.dto';
import { MatrixService } from 'src/evidence/matrix.service';
import { writeBag, type BagFileEntry } from 'src/exports/bagit/bag-writer';
import { CustodyTracker, custodyLine, renderCustodyReadme, type AuditRow } from 'src/exports/custody-log';
import { ExportEntity } from 'src/exports/entities/export.entity';
import { codeScrubber } from 'src/exports/derived-consent';
import { disclosureRows } from 'src/exports/disclosure-register';
import { DisclosureEntity } from 'src/exports/entities/disclosure.entity';
import { parseDeathPenalty, profileDeidentifies, shortRef } from 'src/exports/export-policy';
import { guideMatrix, renderReadingGuide, type GuideCrime, type GuideIncident, type GuideItem } from 'src/exports/report/reading-guide';
import { selectForExport } from 'src/exports/selection';
import { packageAad, packageKey } from 'src/exports/export-storage';
import { notReadyMessage } from 'src/exports/redaction-readiness';
import { PASSAGE_NOT_EXPORTED, PassageQuoter, transcriptPayloadPath, type ExportedTranscript } from 'src/exports/passages';
import { SigningKeysService } from 'src/exports/signing-keys.service';
import { FilesService } from 'src/files/files.service';
import { FileEntity } from 'src/files/entities/file.entity';
import type { JobContext } from 'src/jobs/job-runner.service';
import type { JobPayloads } from 'src/jobs/job-definitions';
import { compileDictionary, compilePatterns, redact, RedactionInputError, type RedactionProfile } from 'src/redaction/engine';
import { RedactionInputsService } from 'src/redaction/redaction-inputs.service';
import { FILE_STORE, FileStore } from 'src/storage/file-store';
import { sealStream } from 'src/storage/sealed-stream';


const BATCH = 500;
const TEXT_BATCH = 100;
const EXTENSIONS: Record<string, string> = {
  'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/ogg': 'ogg', 'video/mp4': 'mp4', 'video/webm': 'webm',
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/tiff': 'tif', 'application/pdf': 'pdf', 'text/plain': 'txt', 'application/json': 'json',
};

interface PackFile { id: string; path: string; sha256: string; size: number; mediaType: string; row: FileEntity }

/** The redacted quote(s) of an exported passage, where the package carries them (`quote` or `quotes`). */
function passageQuotes(passage: unknown): string[] {
  if (!passage || typeof passage !== 'object') return [];
  const p = passage as { quote?: unknown; quotes?: unknown };
  if (typeof p.quote === 'string' && p.quote) return [p.quote];
  if (Array.isArray(p.quotes)) return p.quotes.filter((q): q is string => typeof q === 'string' && q !== '');
  return [];
}

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: CaseKeysService,
    private readonly files: FilesService,
    private readonly signing: SigningKeysService,
    private readonly inputs: RedactionInputsService,
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
    // The same selection as POST …/exports/preview: what goes and what is left out, and why.
    const selection = await selectForExport(this.dataSource, { caseId, recipient, purpose: exp.purpose as ConsentPurpose, profile: exp.profile, deidentifying, now });
    const { outcomes, includedTestimonies, includedItems, excludedItems, fileRows, incidentOutcomes, excluded } = selection;
    // Codes of people whose consent keeps them out never appear in analysts' free text.
    const scrubCodes = codeScrubber(selection.withheld.keys());
    const redactText = scrub;
    scrub = (text) => scrubCodes(redactText(text));
    const codeOf = new Map(selection.testimonies.map((t) => [t.id, t.code]));
    if (selection.pending.length) throw new UnrecoverableError(notReadyMessage(selection.pending, (id) => codeOf.get(id) ?? '?', exp.profile));
    // Passages point into these versions' redacted texts (and only these are in the package).
    const exportedVersions = new Map<string, ExportedTranscript>(includedTestimonies.flatMap((t) => t.transcripts.map((a) => [a.transcript_version_id, { redactionId: a.id, path: `data/${transcriptPayloadPath(shortRef(t.row.id), a.kind, a.language)}` }] as const)));
    const quoter = new PassageQuoter(exportedVersions, async (redactionId) => {
      const [r] = (await this.dataSource.query('SELECT redacted_text, spans FROM redactions WHERE id = $1', [redactionId])) as Array<{ redacted_text: string; spans: Array<{ start: number; end: number; outputStart: number; outputEnd: number; replacement?: string | null }> }>;
      return { text: r.redacted_text, spans: r.spans };
    });
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
    let guideCrimes: GuideCrime[] = [];
    if (exp.frameworkVersionId) {
      const m = mapMatrix(await this.matrix.compute(caseId, exp.frameworkVersionId, [...excludedItems]));
      frameworkLabel = `${m.framework.code}@${m.framework.version}`;
      guideCrimes = guideMatrix(m);
      matrixCsvs = [{ path: 'matrix/elements.csv', text: matrixCsv(m, 'elements') }, { path: 'matrix/perpetrators.csv', text: matrixCsv(m, 'perpetrators') }];
    }

    const [caseRow] = (await this.dataSource.query('SELECT id, title, description, status, created_at FROM cases WHERE id = $1', [caseId])) as Array<{ id: string; title: string; description: string | null; status: string; created_at: Date }>;
    const sender = this.config.exportSender;
    const bagName = `sillok-export-${shortRef(exp.id)}`;
    const guideIncidents: GuideIncident[] = [];
    const guideItems: GuideItem[] = [];
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
    const audit = this.audit;
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
        // Only the people the included material refers to; never one whose consent keeps them out.
        source: jsonArray(async function* () {
          for (const p of selection.people) yield { code: p.code, kind: p.kind };
        }),
      };
      yield {
        path: 'testimonies.json',
        source: jsonArray(async function* () {
          for (const t of includedTestimonies) {
            yield {
              ref: shortRef(t.row.id), id: t.row.id, interviewee: t.row.code, disclosureForm: t.form, consentVersion: t.consentVersion,
              interviewDate: t.row.interview_date, interviewDatePrecision: t.row.interview_date_precision, languages: t.row.languages, modality: t.row.modality, status: t.row.status,
              transcripts: t.transcripts.map((a) => ({ kind: a.kind, language: a.language, version: a.version, transcriptVersionId: a.transcript_version_id, redactionId: a.id, redactedSha256: a.redacted_sha256, originalSha256: a.source_sha256, path: `data/${transcriptPayloadPath(shortRef(t.row.id), a.kind, a.language)}` })),
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
        for (const w of slice) yield { path: transcriptPayloadPath(shortRef(w.testimonyId), w.a.kind, w.a.language), source: texts.get(w.a.id) ?? '' };
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
              const decided = incidentOutcomes.get(r.id);
              // Every source left out: the incident stays out too (listed in excluded.json).
              if (!decided?.include) continue;
              const mySources = sources.filter((s) => s.incident_id === r.id);
              const kept = mySources.filter((s) => outcomes.get(s.testimony_id)?.include);
              counts.incidentSourcesLeftOut += mySources.length - kept.length;
              counts.incidents++;
              includedIds.push(r.id);
              const place = profile.actions.place === 'label' || profile.actions.place === 'remove' ? null : { id: r.place_id, name: r.place_name };
              const coordinates = profile.actions.coordinates === 'keep' && r.latitude !== null ? { latitude: r.latitude, longitude: r.longitude } : null;
              const incident = {
                id: r.id, code: r.code, title: scrub(r.title),
                // Some sources left out: the structured facts go, the narrative (which may retell them) does not.
                description: decided.narrative ? scrub(r.description) : null, ...(decided.narrative ? {} : { narrativeWithheld: 'narrative_from_excluded_source' }),
                violationTypes: r.violation_types,
                date: { precision: r.date_precision, from: r.date_from, to: r.date_to }, place: place?.id ? place : null, coordinates,
                victims: victims.filter((v) => v.incident_id === r.id && !(v.code && selection.withheld.has(v.code))).map((v) => (v.code ? { person: v.code } : { groupCount: v.group_count, groupDescription: scrub(v.group_description) })),
                perpetrators: perps.filter((p) => p.incident_id === r.id).map((p) => ({ perpetratorId: p.perpetrator_id, involvement: p.involvement, confidence: p.confidence })),
                sources: await Promise.all(kept.map(async (s) => {
                  // Offsets and quote in the exported redacted text; a passage whose text is not in the package goes without it.
                  const passage = await quoter.quote(s.transcript_version_id, s.passage_start, s.passage_end);
                  return { testimony: shortRef(s.testimony_id), transcriptVersionId: s.transcript_version_id, passage, ...(s.transcript_version_id && !passage ? { passageLeftOut: PASSAGE_NOT_EXPORTED } : {}) };
                })),
              };
              // The reading guide shows what incidents.json says, nothing more.
              guideIncidents.push({ code: incident.code, title: incident.title, date: incident.date, place: incident.place?.name ?? null, violationTypes: incident.violationTypes, narrativeWithheld: !decided.narrative });
              yield incident;
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
              // Offsets into the exported redacted text and the quote as redacted for this profile (never the original offsets).
              const passage = await quoter.quote(r.transcript_version_id, r.passage_start, r.passage_end);
              const item = {
                id: r.id, code: r.code, kind: r.kind, title: scrub(r.title), description: scrub(r.description),
                // A passage's stored SHA-256 is over the ORIGINAL words: a recipient could test guesses of a
                // short passage's hidden name against it. The package carries the hash of the quote it holds.
                sha256: r.kind === 'transcript_passage' ? (passage ? createHash('sha256').update(passage.quote, 'utf8').digest('hex') : null) : r.sha256,
                ...(r.kind === 'transcript_passage' ? { sha256Of: 'passage.quote (UTF-8)' } : {}),
                testimony: r.testimony_id ? shortRef(r.testimony_id) : null,
                passage,
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
              guideItems.push({ code: item.code, kind: item.kind, title: item.title, sha256: item.sha256, quotes: passageQuotes(item.passage) });
              yield item;
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
          // Checked while it streams: the manifest's SHA-256 must be the recorded one (hashed once, by
          // the bag writer), and the cipher's tag must hold; otherwise the whole export fails.
          expect: { sha256: f.sha256, size: f.size, what: `file ${f.id}` },
          source: () => (async function* () {
            yield* (await files.plainContent(f.row, dataKey)) as AsyncIterable<Buffer>;
          })(),
        };
        bytesDone += f.size;
        await progress(15 + (totalFileBytes ? (80 * bytesDone) / totalFileBytes : 80));
      }
      // The custody log up to the log's head now: every line carries all its hash covers (custody-log.ts).
      // Everything committed so far is linked first, so the head covers this export's own work.
      await audit.settle();
      const [head] = (await ds.query('SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1')) as Array<{ seq: string; hash: string }>;
      const custody = new CustodyTracker();
      yield {
        path: 'custody-log.jsonl',
        source: () => Readable.from((async function* () {
          // Chain-of-custody entries of every included item, in log order (ids, actions, hashes: no identities by design).
          let after = '0';
          for (;;) {
            const rows = (await ds.query(
              `SELECT seq, occurred_at, actor_id, action, subject_type, subject_id, case_id, details, correlation_id, prev_hash, hash FROM audit_log
                WHERE case_id = $1 AND subject_id = ANY($2::text[]) AND seq > $3 AND seq <= $4 ORDER BY seq LIMIT ${BATCH}`, [caseId, includedIds, after, head?.seq ?? '0'])) as AuditRow[];
            if (!rows.length) return;
            for (const r of rows) {
              const line = custodyLine(r);
              custody.add(line);
              counts.custodyEntries++;
              yield `${JSON.stringify(line)}\n`;
            }
            after = rows[rows.length - 1].seq;
          }
        })()),
      };
      yield {
        path: 'custody-log.md',
        source: () => Readable.from((async function* () {
          let omittedThisCase = 0;
          if (custody.firstSeq !== null && custody.lastSeq !== null) {
            const [row] = (await ds.query('SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND seq BETWEEN $2 AND $3', [caseId, custody.firstSeq.toString(), custody.lastSeq.toString()])) as Array<{ n: number }>;
            omittedThisCase = row.n - custody.entries;
          }
          yield renderCustodyReadme({
            entries: custody.entries, firstSeq: custody.firstSeq?.toString() ?? null, lastSeq: custody.lastSeq?.toString() ?? null, gaps: custody.gaps,
            omitted: custody.omitted, omittedThisCase, head: head ? { seq: head.seq, hash: head.hash } : null, caseId,
          });
        })()),
      };
      yield { path: 'excluded.json', source: `${JSON.stringify(excluded, null, 2)}\n` };
      yield {
        path: 'report.html',
        source: () => Readable.from([renderReadingGuide({
          exportId: exp.id, bagName, caseRef: shortRef(caseId), caseTitle: scrub(caseRow.title) ?? '', sender, recipient: { kind: exp.recipientKind, name: exp.recipientName, deathPenaltyJurisdiction: exp.recipientDeathPenalty },
          purpose: exp.purpose, profile: exp.profile, framework: frameworkLabel, generatedAt: now, keyFingerprint: signing.fingerprint, counts, excluded,
          testimonies: includedTestimonies.map((t) => ({ ref: shortRef(t.row.id), code: t.row.code, form: t.form, transcripts: t.transcripts.length })),
          incidents: guideIncidents, items: guideItems, matrix: guideCrimes,
          files: packFiles.map((f) => ({ path: `data/${f.path}`, sha256: f.sha256, size: f.size })),
        })]),
      };
    }

    const target = await this.store.begin();
    // 8 MiB buffered between the zip writer and the disk, so the one does not wait for each write of the other.
    const sealer = sealStream(dataKey, packageAad(exp.id), 8 * 2 ** 20);
    const writing = pipeline(sealer, target.stream);
    writing.catch(() => undefined);
    let result;
    try {
      result = await writeBag(payload(), sealer, {
        bagName,
        signingKey: signing.key,
        metadata: {
          // The deploying organisation and its desk (deployment settings), never the requesting staff member: staff are at risk too.
          ...(sender.organization ? { sourceOrganization: sender.organization } : {}),
          ...(sender.contactName ? { contactName: sender.contactName } : {}),
          ...(sender.contactEmail ? { contactEmail: sender.contactEmail } : {}),
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
      // The per-item register (GET /cases/:id/disclosures): what this package carried, item by item.
      const register = disclosureRows(selection, { caseId, exportId: row.id }, row.finishedAt as Date);
      for (let i = 0; i < register.length; i += 1000) await manager.insert(DisclosureEntity, register.slice(i, i + 1000));
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
