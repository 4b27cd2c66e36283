import type { DataSource } from 'typeorm';
import { evaluateDisclosureFromHistory } from 'src/consent/policy/consent-policy';
import type { ConsentPurpose, Recipient } from 'src/consent/policy/consent.types';
import { decideIncident, decidePerson, PEOPLE_CODE_PATTERN, withheldPeople, type IncidentOutcome } from 'src/exports/derived-consent';
import type { ExcludedItem } from 'src/exports/entities/export.entity';
import { decideItem, decideTestimony, excludedEntry, itemTestimony, type TestimonyOutcome } from 'src/exports/export-policy';
import { FileEntity } from 'src/files/entities/file.entity';
import { PASSAGE_NOT_EXPORTED } from 'src/exports/passages';
import { pendingRedactions, type TranscriptRedactionState } from 'src/exports/redaction-readiness';
import { toConsentRecord } from 'src/testimonies/consents.service';
import { ConsentVersionEntity } from 'src/testimonies/entities/consent-version.entity';

// What an export carries and leaves out, decided once from the database. The worker builds the
// package from it and POST …/exports/preview answers with it: both run this one function, so a
// preview cannot disagree with the package built from the same state.

export interface TestimonyRow { id: string; code: string; interview_date: string | null; interview_date_precision: string; languages: string[]; modality: string; status: string }
export interface ApprovedRow { id: string; testimony_id: string; transcript_id: string; kind: string; language: string; version: number; transcript_version_id: string; redacted_sha256: string; source_sha256: string }
export interface ItemRow { id: string; code: string; kind: string; sha256: string | null; testimony_id: string | null; transcript_version_id: string | null; source_key: string; file_id: string | null; derived_from_id: string | null; file_testimony_id: string | null }
export interface IncludedTestimony { row: TestimonyRow; form: string; consentVersion: number; transcripts: ApprovedRow[] }
export interface IncidentRow { id: string; code: string; sources: string[] }

export interface SelectionRequest {
  caseId: string;
  recipient: Recipient;
  purpose: ConsentPurpose;
  /** Redaction profile name: only its approved redactions go out. */
  profile: string;
  /** The profile takes names out (label/remove): recordings would undo it. */
  deidentifying: boolean;
  now: Date;
}

export interface ExportSelection {
  testimonies: TestimonyRow[];
  outcomes: Map<string, TestimonyOutcome>;
  includedTestimonies: IncludedTestimony[];
  items: ItemRow[];
  includedItems: Set<string>;
  excludedItems: Set<string>;
  /** Files that go out (evidence items' files and a testimony's own recordings), ordered by id. */
  fileRows: FileEntity[];
  incidents: IncidentRow[];
  incidentOutcomes: Map<string, IncidentOutcome>;
  /** Codes of people whose consent keeps them out, with the consent's reason: scrubbed from free text. */
  withheld: Map<string, string>;
  /** What people.json lists, by code. */
  people: Array<{ id: string; code: string; kind: string }>;
  /** People not listed, with the reason (withheld by consent, or not referred to by included material). */
  peopleLeftOut: Array<{ code: string; kind: string; reason: string }>;
  /** Left out of the package, as written to excluded.json (testimonies, transcripts, files, items, incidents). */
  excluded: ExcludedItem[];
  /**
   * Transcripts approved before whose latest version awaits an approved redaction: while any is
   * listed the export is not ready (the build fails naming them; the preview says so).
   */
  pending: TranscriptRedactionState[];
  /** Transcript versions whose approved redaction goes into the package: passages can point only into these. */
  exportedVersions: Set<string>;
}

export async function selectForExport(ds: DataSource, req: SelectionRequest): Promise<ExportSelection> {
  const { caseId } = req;
  const excluded: ExcludedItem[] = [];

  // ---- testimonies: consent, then an approved redaction of the original's latest version ----
  const testimonies = (await ds.query(
    `SELECT t.id, p.code, t.interview_date, t.interview_date_precision, t.languages, t.modality, t.status
       FROM testimonies t JOIN people p ON p.id = t.interviewee_id WHERE t.case_id = $1 ORDER BY p.code, t.id`, [caseId])) as TestimonyRow[];
  const histories = new Map<string, ConsentVersionEntity[]>();
  for (const row of await ds.getRepository(ConsentVersionEntity).find({ where: { caseId }, order: { testimonyId: 'ASC', version: 'ASC' } })) {
    histories.set(row.testimonyId, [...(histories.get(row.testimonyId) ?? []), row]);
  }
  const approved = (await ds.query(
    `SELECT DISTINCT ON (r.transcript_id) r.id, r.testimony_id, r.transcript_id, t.kind, t.language, v.version, r.transcript_version_id, r.redacted_sha256, r.source_sha256
       FROM transcripts t
       JOIN transcript_versions v ON v.transcript_id = t.id AND v.version = t.latest_version
       JOIN redactions r ON r.transcript_version_id = v.id AND r.status = 'approved' AND r.profile = $2
      WHERE t.case_id = $1
      ORDER BY r.transcript_id, r.reviewed_at DESC, r.id`, [caseId, req.profile])) as ApprovedRow[];
  const approvedByTestimony = new Map<string, ApprovedRow[]>();
  for (const a of approved) approvedByTestimony.set(a.testimony_id, [...(approvedByTestimony.get(a.testimony_id) ?? []), a]);
  const transcripts = (await ds.query('SELECT id, testimony_id, kind FROM transcripts WHERE case_id = $1 ORDER BY id', [caseId])) as Array<{ id: string; testimony_id: string; kind: string }>;

  const outcomes = new Map<string, TestimonyOutcome>();
  const includedTestimonies: IncludedTestimony[] = [];
  for (const t of testimonies) {
    const mine = approvedByTestimony.get(t.id) ?? [];
    const decision = evaluateDisclosureFromHistory((histories.get(t.id) ?? []).map(toConsentRecord), { recipient: req.recipient, purpose: req.purpose, at: req.now });
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
  // Not ready when a transcript that went out before would now be left out for want of an approved redaction of its new version.
  const redactionStates = ((await ds.query(
    `SELECT t.id, t.testimony_id, t.kind, t.language, t.latest_version,
            EXISTS (SELECT 1 FROM redactions r WHERE r.transcript_version_id = v.id AND r.profile = $2 AND r.status = 'approved') AS approved_now,
            EXISTS (SELECT 1 FROM redactions r WHERE r.transcript_id = t.id AND r.profile = $2 AND r.reviewed_at IS NOT NULL) AS approved_before,
            (SELECT r.status FROM redactions r WHERE r.transcript_version_id = v.id AND r.profile = $2 ORDER BY r.created_at DESC, r.id LIMIT 1) AS latest_status
       FROM transcripts t JOIN transcript_versions v ON v.transcript_id = t.id AND v.version = t.latest_version
      WHERE t.case_id = $1 ORDER BY t.testimony_id, t.kind, t.language`, [caseId, req.profile])) as Array<{ id: string; testimony_id: string; kind: string; language: string; latest_version: number; approved_now: boolean; approved_before: boolean; latest_status: string | null }>)
    .map((r) => ({ transcriptId: r.id, testimonyId: r.testimony_id, kind: r.kind, language: r.language, version: r.latest_version, approvedNow: r.approved_now, approvedBefore: r.approved_before, latestStatus: r.latest_status }));
  const pending = pendingRedactions(redactionStates, (id) => {
    const o = outcomes.get(id);
    return o !== undefined && (o.include || o.reason === 'no_approved_redaction');
  });
  const exportedVersions = new Set(includedTestimonies.flatMap((t) => t.transcripts.map((a) => a.transcript_version_id)));

  // ---- evidence items (originals before their working copies) and their files ----
  const items = (await ds.query(
    `SELECT i.id, i.code, i.kind, i.sha256, i.testimony_id, i.transcript_version_id, i.source_key, i.file_id, i.derived_from_id, f.testimony_id AS file_testimony_id
       FROM evidence_items i LEFT JOIN files f ON f.id = i.file_id WHERE i.case_id = $1 ORDER BY i.created_at, i.id`, [caseId])) as ItemRow[];
  const excludedItems = new Set<string>();
  const includedItems = new Set<string>();
  for (const item of items) {
    const testimonyId = itemTestimony({ testimonyId: item.testimony_id, sourceKey: item.source_key, fileTestimonyId: item.file_testimony_id });
    let outcome = decideItem({ id: item.id, code: item.code, kind: item.kind, testimonyId, fileId: item.file_id, derivedFromId: item.derived_from_id }, outcomes, req.deidentifying, excludedItems);
    // A passage can only go out with the redacted text it points into.
    if (outcome.include && item.kind === 'transcript_passage' && !(item.transcript_version_id && exportedVersions.has(item.transcript_version_id))) outcome = { include: false, reason: PASSAGE_NOT_EXPORTED };
    if (outcome.include) includedItems.add(item.id);
    else {
      excludedItems.add(item.id);
      excluded.push(excludedEntry(item.code, 'evidence_item', item.id, outcome.reason));
    }
  }
  const fileIds = new Set(items.filter((i) => includedItems.has(i.id) && i.file_id).map((i) => i.file_id as string));
  // A testimony's own files (recordings) not attached to any item: the same rule as for items.
  const testimonyFiles = (await ds.query('SELECT id, testimony_id FROM files WHERE case_id = $1 AND testimony_id IS NOT NULL ORDER BY id', [caseId])) as Array<{ id: string; testimony_id: string }>;
  const itemFiles = new Set(items.filter((i) => i.file_id).map((i) => i.file_id as string));
  for (const f of testimonyFiles) {
    if (itemFiles.has(f.id)) continue;
    const outcome = outcomes.get(f.testimony_id);
    if (!outcome?.include) continue; // the testimony itself is listed as left out
    if (outcome.form === 'identified' && !req.deidentifying) fileIds.add(f.id);
    else excluded.push(excludedEntry(codeOf.get(f.testimony_id) ?? '?', 'file', f.id, 'recording_identifies_witness'));
  }
  const fileRows = fileIds.size ? await ds.getRepository(FileEntity).createQueryBuilder('f').where('f.id IN (:...ids)', { ids: [...fileIds] }).orderBy('f.id').getMany() : [];

  // ---- incidents: consent reaches what was derived from the testimonies ----
  const incidents = (await ds.query(
    `SELECT i.id, i.code, coalesce(array_agg(s.testimony_id::text ORDER BY s.position) FILTER (WHERE s.testimony_id IS NOT NULL), '{}') AS sources
       FROM incidents i LEFT JOIN incident_sources s ON s.incident_id = i.id WHERE i.case_id = $1 GROUP BY i.id, i.code ORDER BY i.code, i.id`, [caseId])) as IncidentRow[];
  const incidentOutcomes = new Map<string, IncidentOutcome>();
  for (const incident of incidents) {
    const outcome = decideIncident(incident.sources, outcomes);
    incidentOutcomes.set(incident.id, outcome);
    if (!outcome.include) excluded.push(excludedEntry(incident.code, 'incident', incident.id, outcome.reason));
  }
  const withheld = withheldPeople(testimonies, outcomes);

  // ---- people: only those the included material refers to, never a withheld one ----
  const includedIncidents = incidents.filter((i) => incidentOutcomes.get(i.id)?.include);
  const narrativeIncidents = includedIncidents.filter((i) => (incidentOutcomes.get(i.id) as { narrative: boolean }).narrative);
  const referred = new Set<string>(includedTestimonies.map((t) => t.row.code));
  const mentioned = (await ds.query(
    `SELECT DISTINCT p.code FROM people p WHERE p.case_id = $1 AND (
        p.id IN (SELECT v.person_id FROM incident_victims v WHERE v.incident_id = ANY($2::uuid[]) AND v.person_id IS NOT NULL)
        OR p.id IN (SELECT x.person_id FROM perpetrators x WHERE x.case_id = $1 AND x.person_id IS NOT NULL)
        OR p.code IN (
          SELECT (regexp_matches(r.redacted_text, $5, 'g'))[1] FROM redactions r WHERE r.id = ANY($3::uuid[])
          UNION SELECT (regexp_matches(concat_ws(' ', i.title, CASE WHEN i.id = ANY($6::uuid[]) THEN i.description END), $5, 'g'))[1] FROM incidents i WHERE i.id = ANY($2::uuid[])
          UNION SELECT (regexp_matches(concat_ws(' ', e.title, e.description, e.derivation), $5, 'g'))[1] FROM evidence_items e WHERE e.id = ANY($4::uuid[])
          UNION SELECT (regexp_matches(coalesce(l.note, ''), $5, 'g'))[1] FROM evidence_links l WHERE l.item_id = ANY($4::uuid[])
          UNION SELECT (regexp_matches(concat_ws(' ', c.title, c.description), $5, 'g'))[1] FROM cases c WHERE c.id = $1))`,
    [caseId, includedIncidents.map((i) => i.id), includedTestimonies.flatMap((t) => t.transcripts.map((a) => a.id)), [...includedItems], `(${PEOPLE_CODE_PATTERN})`, narrativeIncidents.map((i) => i.id)],
  )) as Array<{ code: string }>;
  for (const m of mentioned) referred.add(m.code);
  const people: Array<{ id: string; code: string; kind: string }> = [];
  const peopleLeftOut: Array<{ code: string; kind: string; reason: string }> = [];
  for (const p of (await ds.query('SELECT id, code, kind FROM people WHERE case_id = $1 ORDER BY code', [caseId])) as Array<{ id: string; code: string; kind: string }>) {
    const outcome = decidePerson(p.code, referred, withheld);
    if (outcome.include) people.push({ id: p.id, code: p.code, kind: p.kind });
    else peopleLeftOut.push({ code: p.code, kind: p.kind, reason: outcome.reason });
  }

  return { testimonies, outcomes, includedTestimonies, items, includedItems, excludedItems, fileRows, incidents, incidentOutcomes, withheld, people, peopleLeftOut, excluded, pending, exportedVersions };
}
