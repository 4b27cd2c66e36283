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
import type { CreateEvidenceItemDto, ListEvidenceQueryDto, UpdateEvidenceItemDto } from 'src/evidence/dto/evidence-item.dto';
import { EvidenceItemEntity, FILE_EVIDENCE_KINDS } from 'src/evidence/entities/evidence-item.entity';
import { checkLocator, type Locator, type MediaExtent } from 'src/evidence/locator';
import { FileEntity } from 'src/files/entities/file.entity';
import { TranscriptVersionEntity } from 'src/testimonies/entities/transcript.entity';
import { transcriptAad } from 'src/testimonies/transcripts.service';

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

  async create(caseId: string, input: CreateEvidenceItemDto, actor: AuthenticatedUser): Promise<EvidenceItemEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'analyse', manager);
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
        },
      });
      return item;
    });
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

  async list(caseId: string, query: ListEvidenceQueryDto, actor: AuthenticatedUser): Promise<Page<EvidenceItemEntity>> {
    await this.access.require(caseId, actor, 'read');
    const qb = this.dataSource.getRepository(EvidenceItemEntity).createQueryBuilder('i').where('i.case_id = :caseId', { caseId });
    if (query.kind) qb.andWhere('i.kind = :kind', { kind: query.kind });
    if (query.role) qb.andWhere(query.role === 'original' ? 'i.derived_from_id IS NULL' : 'i.derived_from_id IS NOT NULL');
    if (query.testimonyId) qb.andWhere('i.testimony_id = :testimonyId', { testimonyId: query.testimonyId });
    if (query.fileId) qb.andWhere('i.file_id = :fileId', { fileId: query.fileId });
    if (query.derivedFromItemId) qb.andWhere('i.derived_from_id = :derivedFrom', { derivedFrom: query.derivedFromItemId });
    if (query.code) qb.andWhere('i.code LIKE :code', { code: `${query.code}%` });
    const desc = query.sort.startsWith('-');
    qb.orderBy(query.sort.includes('code') ? 'i.code' : 'i.created_at', desc ? 'DESC' : 'ASC').addOrderBy('i.id', 'ASC').offset(query.offset).limit(query.limit);
    const [items, total] = await qb.getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(caseId: string, itemId: string, actor: AuthenticatedUser): Promise<EvidenceItemEntity> {
    await this.access.require(caseId, actor, 'read');
    const item = await this.dataSource.getRepository(EvidenceItemEntity).findOne({ where: { id: itemId, caseId } });
    if (!item) throw new NotFoundDomainException('Evidence item');
    return item;
  }

  /** Labels and provenance notes only: what the item is bound to never changes. */
  async update(caseId: string, itemId: string, input: UpdateEvidenceItemDto, actor: AuthenticatedUser): Promise<EvidenceItemEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'analyse', manager);
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
      if (!changed.length) return item;
      const saved = await manager.save(item);
      await this.audit.record(manager, { actorId: actor.id, action: 'evidence.update', subjectType: 'evidence_item', subjectId: itemId, caseId, details: { code: item.code, changed: [...new Set(changed)] } });
      return saved;
    });
  }
}
