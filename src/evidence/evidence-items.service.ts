import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { CasesService } from 'src/cases/cases.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, NotFoundDomainException, ValidationDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import type { Page } from 'src/common/http/pagination';
import { startListDownload } from 'src/common/csv/list-download';
import type { CreateEvidenceItemDto, DownloadEvidenceQueryDto, ListEvidenceQueryDto, UpdateEvidenceItemDto } from 'src/evidence/dto/evidence-item.dto';
import { EvidenceItemEntity, FILE_EVIDENCE_KINDS } from 'src/evidence/entities/evidence-item.entity';
import { reanchorPassage } from 'src/evidence/reanchor';
import { PassageMappingError, redactedToOriginal, type MappingSpan } from 'src/evidence/passage-mapping';
import { memberMay } from 'src/cases/case-permissions';
import type { CustodyEntryDto, EvidenceItemView } from 'src/evidence/dto/evidence-item.dto';
import { RedactionEntity } from 'src/redaction/entities/redaction.entity';
import { checkLocator, type Locator, type MediaExtent } from 'src/evidence/locator';
import { FileEntity } from 'src/files/entities/file.entity';
import { TranscriptVersionEntity } from 'src/testimonies/entities/transcript.entity';
import { transcriptAad } from 'src/testimonies/transcript-aad';

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** What an item points at, fixed at intake. */
interface Intake {
  fileId: string | null;
  transcriptVersionId: string | null;
  passageStart: number | null;
  passageEnd: number | null;
  testimonyId: string | null;
  sha256: string | null;
  sourceKey: string | null;
  redactionId?: string | null;
  redactedStart?: number | null;
  redactedEnd?: number | null;
  redactedQuote?: string | null;
}

/**
 * Evidence items of a case. At intake the item is bound to what it is — a file (its SHA-256
 * from upload), a passage of an immutable transcript version (SHA-256 of the passage text), or a
 * physical item record — and that binding never changes; only labels and provenance notes do.
 */
@Injectable()
export class EvidenceItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly keys: CaseKeysService,
    private readonly audit: AuditService,
  ) {}

  async create(caseId: string, input: CreateEvidenceItemDto, actor: AuthenticatedUser): Promise<EvidenceItemView> {
    return this.dataSource.transaction((manager) => this.createIn(manager, caseId, input, actor));
  }

  /** Creates the item inside the caller's transaction (with its audit record). */
  async createIn(manager: EntityManager, caseId: string, input: CreateEvidenceItemDto, actor: AuthenticatedUser): Promise<EvidenceItemView> {
    const member = await this.access.require(caseId, actor, 'analyse', manager);
    const id = randomUUID();
    let parent: EvidenceItemEntity | null = null;
    if (input.derivedFromItemId) {
      if (input.kind === 'transcript_passage') throw new ValidationDomainException('derivedFromItemId', 'must be absent for a transcript passage: a passage already points into an immutable transcript version');
      parent = await manager.findOne(EvidenceItemEntity, { where: { id: input.derivedFromItemId, caseId } });
      if (!parent) throw new ValidationDomainException('derivedFromItemId', 'is not an evidence item of this case');
    } else if (input.derivation) {
      throw new ValidationDomainException('derivation', 'is only for a working copy (with derivedFromItemId)');
    }
    const { locator, mediaExtent } = this.locatorIntake(input);
    const intake = input.kind === 'transcript_passage' ? await this.passageIntake(manager, caseId, input, actor) : FILE_EVIDENCE_KINDS.includes(input.kind) ? await this.fileIntake(manager, caseId, input) : this.physicalIntake(input);
    // A working copy is the same source as its original; otherwise as decided by the intake.
    const sourceKey = parent?.sourceKey ?? intake.sourceKey ?? `item:${id}`;
    const n = await CasesService.nextCounter(manager, caseId, 'evidence:E');
    const p = input.provenance;
    const item = manager.create(EvidenceItemEntity, {
      id,
      caseId,
      code: `E-${String(n).padStart(4, '0')}`,
      kind: input.kind,
      title: input.title,
      description: input.description ?? null,
      ...intake,
      locator,
      mediaExtent,
      sourceKey,
      derivedFromId: parent?.id ?? null,
      derivation: input.derivation ?? null,
      provenanceSource: p?.source ?? null,
      sourceUrl: p?.sourceUrl ?? null,
      collectedBy: p?.collectedBy ?? null,
      collectedOn: p?.collectedOn?.date ?? null,
      collectedOnPrecision: p?.collectedOn?.precision ?? 'unknown',
      collectionMethod: p?.method ?? null,
      physicalLocation: input.physicalLocation ?? null,
      createdBy: actor.id,
    });
    await manager.save(item);
    await this.audit.record(manager, {
      actorId: actor.id,
      action: 'evidence.create',
      subjectType: 'evidence_item',
      subjectId: id,
      caseId,
      details: {
        code: item.code, kind: item.kind, sha256: item.sha256, fileId: item.fileId, transcriptVersionId: item.transcriptVersionId,
        start: item.passageStart, end: item.passageEnd, derivedFrom: item.derivedFromId, locator: item.locator?.kind ?? null,
        redactionId: item.redactionId, redactedStart: item.redactedStart, redactedEnd: item.redactedEnd,
      },
    });
    return { item, cleared: memberMay(member, 'identity') };
  }

  /** A locator is checked against the item's kind and the file's extent when given (src/evidence/locator.ts). */
  private locatorIntake(input: CreateEvidenceItemDto): { locator: Locator | null; mediaExtent: MediaExtent | null } {
    const mediaExtent = input.mediaExtent ? { pages: input.mediaExtent.pages ?? null, durationSeconds: input.mediaExtent.durationSeconds ?? null } : null;
    if (mediaExtent && !FILE_EVIDENCE_KINDS.includes(input.kind)) throw new ValidationDomainException('mediaExtent', `must be absent for a ${input.kind}: only files have an extent`);
    if (!input.locator) return { locator: null, mediaExtent };
    const { problems, locator } = checkLocator(input.kind, input.locator, mediaExtent);
    if (problems.length) throw new DomainException('VALIDATION_FAILED', `${problems.map((p) => `${p.field} ${p.problems.join(', ')}`).join('; ')}`, problems);
    return { locator, mediaExtent };
  }

  private async passageIntake(manager: EntityManager, caseId: string, input: CreateEvidenceItemDto, actor: AuthenticatedUser): Promise<Intake> {
    if (!input.passage) throw new ValidationDomainException('passage', 'is required for a transcript passage');
    if (input.fileId) throw new ValidationDomainException('fileId', 'must be absent for a transcript passage');
    if (input.passage.redactionId) return this.redactedPassageIntake(manager, caseId, input.passage.transcriptVersionId, input.passage.redactionId, input.passage.start, input.passage.end);
    const { transcriptVersionId, start, end } = input.passage;
    const row = await manager.createQueryBuilder(TranscriptVersionEntity, 'v').addSelect('v.textSealed')
      .innerJoinAndSelect('v.transcript', 't')
      .where('v.id = :transcriptVersionId AND v.case_id = :caseId AND t.case_id = :caseId', { transcriptVersionId, caseId })
      .getOne();
    if (!row?.transcript) throw new ValidationDomainException('passage.transcriptVersionId', 'is not a transcript version of a testimony of this case');
    if (start >= end) throw new ValidationDomainException('passage.end', 'must be greater than start');
    if (end > row.textLength) throw new ValidationDomainException('passage.end', `must be at most the version's length (${row.textLength} UTF-16 code units)`);
    // The server reads the text only to fix the passage's hash; none of it is returned or logged.
    // But the hash of a short range is an oracle (one character's SHA-256 is found by trying them
    // all), and offsets are chosen by reading the raw text: only cleared members choose passages.
    await this.access.require(caseId, actor, 'identity', manager, 'Recording a transcript passage (its offsets point into the raw text, and its SHA-256 is computed from it)');
    const text = await this.keys.open<string>(caseId, row.textSealed, transcriptAad(row.id), manager);
    if (isLowSurrogate(text.charCodeAt(start))) throw new ValidationDomainException('passage.start', 'falls inside a character (between the halves of a surrogate pair)');
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) throw new ValidationDomainException('passage.end', 'falls inside a character (between the halves of a surrogate pair)');
    const sha256 = createHash('sha256').update(text.slice(start, end), 'utf8').digest('hex');
    const testimonyId = row.transcript.testimonyId;
    return { fileId: null, transcriptVersionId, passageStart: start, passageEnd: end, testimonyId, sha256, sourceKey: `testimony:${testimonyId}` };
  }

  /**
   * A passage chosen on de-identified text, by any analyst: the selection in an approved
   * redaction's text is mapped to the original through its span log (widened to whole tokens).
   * The server opens the original only to hash the passage; nothing of it is returned, and the
   * hash is shown only to cleared members (EvidenceItemDto.sha256).
   */
  private async redactedPassageIntake(manager: EntityManager, caseId: string, transcriptVersionId: string, redactionId: string, start: number, end: number): Promise<Intake> {
    const redaction = await manager.findOne(RedactionEntity, { where: { id: redactionId, caseId } });
    if (!redaction) throw new ValidationDomainException('passage.redactionId', 'is not a redaction of this case');
    if (redaction.transcriptVersionId !== transcriptVersionId) throw new ValidationDomainException('passage.transcriptVersionId', 'is not the transcript version the redaction was made from');
    if (redaction.status !== 'approved') {
      throw new DomainException('UNPROCESSABLE', `passage.redactionId is ${redaction.status}; passages are chosen only on an approved redaction`, [{ field: 'passage.redactionId', problems: [`is ${redaction.status}, not approved`] }]);
    }
    let mapped;
    try {
      mapped = redactedToOriginal(redaction.spans as unknown as MappingSpan[], redaction.redactedText.length, start, end);
    } catch (error) {
      if (error instanceof PassageMappingError) throw new ValidationDomainException(`passage.${error.field}`, error.message);
      throw error;
    }
    if (isLowSurrogate(redaction.redactedText.charCodeAt(mapped.redactedStart))) throw new ValidationDomainException('passage.start', 'falls inside a character (between the halves of a surrogate pair)');
    if (mapped.redactedEnd < redaction.redactedText.length && isLowSurrogate(redaction.redactedText.charCodeAt(mapped.redactedEnd))) throw new ValidationDomainException('passage.end', 'falls inside a character (between the halves of a surrogate pair)');
    const row = await manager.createQueryBuilder(TranscriptVersionEntity, 'v').addSelect('v.textSealed')
      .innerJoinAndSelect('v.transcript', 't')
      .where('v.id = :transcriptVersionId AND v.case_id = :caseId', { transcriptVersionId, caseId })
      .getOne();
    if (!row?.transcript) throw new ValidationDomainException('passage.transcriptVersionId', 'is not a transcript version of a testimony of this case');
    const text = await this.keys.open<string>(caseId, row.textSealed, transcriptAad(row.id), manager);
    if (mapped.end > text.length) throw new DomainException('CONFLICT', 'The redaction does not fit its transcript version (run the redaction again)');
    const sha256 = createHash('sha256').update(text.slice(mapped.start, mapped.end), 'utf8').digest('hex');
    const testimonyId = row.transcript.testimonyId;
    return {
      fileId: null, transcriptVersionId, passageStart: mapped.start, passageEnd: mapped.end, testimonyId, sha256, sourceKey: `testimony:${testimonyId}`,
      redactionId, redactedStart: mapped.redactedStart, redactedEnd: mapped.redactedEnd, redactedQuote: redaction.redactedText.slice(mapped.redactedStart, mapped.redactedEnd),
    };
  }

  private async fileIntake(manager: EntityManager, caseId: string, input: CreateEvidenceItemDto): Promise<Intake> {
    if (input.passage) throw new ValidationDomainException('passage', `must be absent for ${input.kind}`);
    if (!input.fileId) throw new ValidationDomainException('fileId', `is required for ${input.kind}: upload the file to the case first`);
    const file = await manager.findOne(FileEntity, { where: { id: input.fileId, caseId } });
    if (!file) throw new ValidationDomainException('fileId', 'is not a file of this case');
    const sourceKey = file.testimonyId ? `testimony:${file.testimonyId}` : `file:${file.sha256}`;
    return { fileId: file.id, transcriptVersionId: null, passageStart: null, passageEnd: null, testimonyId: file.testimonyId, sha256: file.sha256, sourceKey };
  }

  private physicalIntake(input: CreateEvidenceItemDto): Intake {
    if (input.passage) throw new ValidationDomainException('passage', 'must be absent for a physical item');
    if (input.fileId) throw new ValidationDomainException('fileId', 'must be absent for a physical item record (photograph it as an image item derived from it)');
    return { fileId: null, transcriptVersionId: null, passageStart: null, passageEnd: null, testimonyId: null, sha256: null, sourceKey: null };
  }

  /**
   * A new version of a transcript was written (in the caller's transaction, by a member with
   * identity clearance): every passage on an earlier version of it moves to the new version where
   * its words are unchanged (nearest occurrence; its SHA-256 stays the same, being of the same
   * words) and is flagged `needsReanchoring` where they are not. Each move or flag is audited.
   */
  async reanchorPassages(manager: EntityManager, caseId: string, transcriptId: string, latest: { id: string; text: string }, textOf: (versionId: string) => Promise<string>, actor: Pick<AuthenticatedUser, 'id'>): Promise<{ moved: number; flagged: number }> {
    const items = await manager.createQueryBuilder(EvidenceItemEntity, 'i')
      .innerJoin(TranscriptVersionEntity, 'v', 'v.id = i.transcript_version_id')
      .where('i.case_id = :caseId AND v.transcript_id = :transcriptId AND v.id <> :latest', { caseId, transcriptId, latest: latest.id })
      .orderBy('i.code').setLock('pessimistic_write', undefined, ['i']).getMany();
    let moved = 0;
    let flagged = 0;
    for (const item of items) {
      const from = item.transcriptVersionId as string;
      const to = reanchorPassage(await textOf(from), item.passageStart as number, item.passageEnd as number, latest.text);
      if (to) {
        await manager.update(EvidenceItemEntity, { id: item.id }, { transcriptVersionId: latest.id, passageStart: to.start, passageEnd: to.end, needsReanchoring: false, version: item.version + 1,
          // Chosen on de-identified text of the old version: that selection no longer applies (the reader maps the moved passage afresh).
          redactionId: null, redactedStart: null, redactedEnd: null, redactedQuote: null });
        await this.audit.record(manager, { actorId: actor.id, action: 'evidence.reanchor', subjectType: 'evidence_item', subjectId: item.id, caseId, details: { code: item.code, fromVersionId: from, fromStart: item.passageStart, fromEnd: item.passageEnd, transcriptVersionId: latest.id, start: to.start, end: to.end, sha256: item.sha256 } });
        moved++;
      } else if (!item.needsReanchoring) {
        await manager.update(EvidenceItemEntity, { id: item.id }, { needsReanchoring: true, version: item.version + 1 });
        await this.audit.record(manager, { actorId: actor.id, action: 'evidence.reanchor_needed', subjectType: 'evidence_item', subjectId: item.id, caseId, details: { code: item.code, transcriptVersionId: from, newVersionId: latest.id } });
        flagged++;
      }
    }
    return { moved, flagged };
  }

  async list(caseId: string, query: ListEvidenceQueryDto, actor: AuthenticatedUser): Promise<Page<EvidenceItemView>> {
    const member = await this.access.require(caseId, actor, 'read');
    const cleared = memberMay(member, 'identity');
    const qb = this.dataSource.getRepository(EvidenceItemEntity).createQueryBuilder('i').where('i.case_id = :caseId', { caseId });
    if (query.kind) qb.andWhere('i.kind = :kind', { kind: query.kind });
    if (query.role) qb.andWhere(query.role === 'original' ? 'i.derived_from_id IS NULL' : 'i.derived_from_id IS NOT NULL');
    if (query.testimonyId) qb.andWhere('i.testimony_id = :testimonyId', { testimonyId: query.testimonyId });
    if (query.fileId) qb.andWhere('i.file_id = :fileId', { fileId: query.fileId });
    if (query.derivedFromItemId) qb.andWhere('i.derived_from_id = :derivedFrom', { derivedFrom: query.derivedFromItemId });
    if (query.needsReanchoring) qb.andWhere('i.needs_reanchoring = :flag', { flag: query.needsReanchoring === 'true' });
    if (query.code) qb.andWhere('i.code LIKE :code', { code: `${query.code}%` });
    const desc = query.sort.startsWith('-');
    qb.orderBy(query.sort.includes('code') ? 'i.code' : 'i.created_at', desc ? 'DESC' : 'ASC').addOrderBy('i.id', 'ASC').offset(query.offset).limit(query.limit);
    const [items, total] = await qb.getManyAndCount();
    return { items: items.map((item) => ({ item, cleared })), total, limit: query.limit, offset: query.offset };
  }

  /** Every item the list's filters select, page by page, for a download (identity clearance; audited). */
  download(caseId: string, query: DownloadEvidenceQueryDto, actor: AuthenticatedUser): Promise<AsyncIterable<EvidenceItemView[]>> {
    return startListDownload({ access: this.access, audit: this.audit }, { caseId, actor, list: 'evidence', format: query.format, filters: query }, async (offset, limit) => (await this.list(caseId, { ...query, offset, limit }, actor)).items);
  }

  async get(caseId: string, itemId: string, actor: AuthenticatedUser): Promise<EvidenceItemView> {
    const member = await this.access.require(caseId, actor, 'read');
    const item = await this.dataSource.getRepository(EvidenceItemEntity).findOne({ where: { id: itemId, caseId } });
    if (!item) throw new NotFoundDomainException('Evidence item');
    return { item, cleared: memberMay(member, 'identity') };
  }

  /** The item's chain of custody: audit entries about it and its links, oldest first (no details: they may hold notes' metadata). */
  async custody(caseId: string, itemId: string, actor: AuthenticatedUser): Promise<CustodyEntryDto[]> {
    await this.access.require(caseId, actor, 'read');
    if (!(await this.dataSource.getRepository(EvidenceItemEntity).exists({ where: { id: itemId, caseId } }))) throw new NotFoundDomainException('Evidence item');
    // Linked entries only (they have their hash), after linking everything committed before this read.
    await this.audit.settle();
    const rows: Array<{ seq: string; occurred_at: Date; action: string; subject_type: string; display_name: string | null; hash: string }> = await this.dataSource.query(
      `SELECT a.seq, a.occurred_at, a.action, a.subject_type, u.display_name, a.hash
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       WHERE a.case_id = $1 AND a.seq IS NOT NULL AND ((a.subject_type = 'evidence_item' AND a.subject_id = $2)
         OR (a.subject_type = 'evidence_link' AND a.subject_id IN (SELECT id::text FROM evidence_links WHERE item_id = $3)))
       ORDER BY a.seq ASC LIMIT 500`,
      [caseId, itemId, itemId],
    );
    return rows.map((r) => ({ seq: String(r.seq), occurredAt: new Date(r.occurred_at).toISOString(), action: r.action, subjectType: r.subject_type, actorName: r.display_name, hash: r.hash }));
  }

  /** Labels and provenance notes only: what the item is bound to never changes. */
  async update(caseId: string, itemId: string, input: UpdateEvidenceItemDto, actor: AuthenticatedUser): Promise<EvidenceItemView> {
    return this.dataSource.transaction(async (manager) => {
      const member = await this.access.require(caseId, actor, 'analyse', manager);
      const cleared = memberMay(member, 'identity');
      const item = await manager.findOne(EvidenceItemEntity, { where: { id: itemId, caseId }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw new NotFoundDomainException('Evidence item');
      if (item.version !== input.version) throw new VersionConflictException('Evidence item', input.version, item.version);
      const changed: string[] = [];
      const set = <K extends keyof EvidenceItemEntity>(key: K, value: EvidenceItemEntity[K] | undefined, name: string = key) => {
        if (value === undefined || value === item[key]) return;
        item[key] = value;
        changed.push(name);
      };
      set('title', input.title);
      set('description', input.description === undefined ? undefined : input.description || null);
      if (input.derivation !== undefined) {
        if (!item.derivedFromId) throw new ValidationDomainException('derivation', 'is only for a working copy');
        set('derivation', input.derivation || null);
      }
      set('physicalLocation', input.physicalLocation === undefined ? undefined : input.physicalLocation || null);
      const p = input.provenance;
      if (p) {
        set('provenanceSource', p.source === undefined ? undefined : p.source || null, 'provenance.source');
        set('sourceUrl', p.sourceUrl, 'provenance.sourceUrl');
        set('collectedBy', p.collectedBy === undefined ? undefined : p.collectedBy || null, 'provenance.collectedBy');
        if (p.collectedOn) {
          set('collectedOn', p.collectedOn.date ?? null, 'provenance.collectedOn');
          set('collectedOnPrecision', p.collectedOn.precision, 'provenance.collectedOn');
        }
        set('collectionMethod', p.method === undefined ? undefined : p.method || null, 'provenance.method');
      }
      if (!changed.length) return { item, cleared };
      const saved = await manager.save(item);
      await this.audit.record(manager, { actorId: actor.id, action: 'evidence.update', subjectType: 'evidence_item', subjectId: itemId, caseId, details: { code: item.code, changed: [...new Set(changed)] } });
      return { item: saved, cleared };
    });
  }
}
