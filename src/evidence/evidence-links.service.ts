import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull, QueryFailedError } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, NotFoundDomainException, ValidationDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import type { Page } from 'src/common/http/pagination';
import { existsInCase } from 'src/evidence/case-references';
import type { CreateEvidenceLinkDto, LinkCodes, ListEvidenceLinksQueryDto, UpdateEvidenceLinkDto } from 'src/evidence/dto/evidence-link.dto';
import { EvidenceItemEntity } from 'src/evidence/entities/evidence-item.entity';
import { EvidenceLinkCommentEntity } from 'src/evidence/entities/evidence-link-comment.entity';
import { EvidenceLinkEntity } from 'src/evidence/entities/evidence-link.entity';
import { independentSource } from 'src/evidence/matrix/sources';
import { memberMay } from 'src/cases/case-permissions';
import { UserEntity } from 'src/users/entities/user.entity';
import { LegalCrimeEntity, LegalElementEntity } from 'src/legal/entities/legal-crime.entity';
import { LegalFrameworkEntity } from 'src/legal/entities/legal-framework.entity';
import { LegalModeEntity } from 'src/legal/entities/legal-mode.entity';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';

export interface LinkCommentView {
  comment: EvidenceLinkCommentEntity;
  authorName: string;
}

export interface LinkView {
  link: EvidenceLinkEntity;
  codes: LinkCodes;
}

/** Saves a link; the unique index on what a link ties together answers a concurrent duplicate. */
async function saveLink(manager: EntityManager, link: EvidenceLinkEntity): Promise<void> {
  try {
    await manager.save(link);
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'evidence_links_same_link_unique') {
      throw new DomainException('CONFLICT', 'The item is already linked to this element in the same way; change that link instead');
    }
    throw error;
  }
}

const unprocessable = (field: string, problem: string) => new DomainException('UNPROCESSABLE', `${field} ${problem}`, [{ field, problems: [problem] }]);

/**
 * Evidence links: an item tied to an element of a crime in one framework version (and
 * optionally an incident, a perpetrator, a mode of liability of the same version), with an
 * assessment. Proposed until reviewed by a member with the review permission who did not make
 * the assessment; any later change sends it back to proposed. Every change is audited (ids and
 * codes only: never the note).
 */
@Injectable()
export class EvidenceLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
  ) {}

  async create(caseId: string, input: CreateEvidenceLinkDto, actor: AuthenticatedUser): Promise<LinkView> {
    return this.dataSource.transaction((manager) => this.createIn(manager, caseId, input, actor));
  }

  /** Creates the link inside the caller's transaction (with its audit record). */
  async createIn(manager: EntityManager, caseId: string, input: CreateEvidenceLinkDto, actor: AuthenticatedUser): Promise<LinkView> {
    await this.access.require(caseId, actor, 'analyse', manager);
    const item = await manager.findOne(EvidenceItemEntity, { where: { id: input.itemId, caseId }, select: { id: true, code: true, sourceKey: true } });
    if (!item) throw new ValidationDomainException('itemId', 'is not an evidence item of this case');
    const framework = await manager.findOne(LegalFrameworkEntity, { where: { id: input.frameworkVersionId } });
    if (!framework) throw new ValidationDomainException('frameworkVersionId', 'is not a legal framework version');
    if (framework.status === 'draft') throw unprocessable('frameworkVersionId', `is a draft (${framework.code} ${framework.version}); evidence is linked only to published framework versions`);
    if (framework.status === 'retired') throw unprocessable('frameworkVersionId', `is retired (${framework.code} ${framework.version}: ${framework.retirementReason ?? 'no reason given'}); link to a current version`);
    const { element, crime } = await this.elementOf(manager, framework, input.elementId);
    const alternative = this.alternativeOf(element, input.alternative ?? null);
    const mode = input.modeOfLiabilityId ? await this.modeOf(manager, framework, crime, input.modeOfLiabilityId) : null;
    await this.assertCaseReferences(manager, caseId, input.incidentId ?? null, input.perpetratorId ?? null);
    if (mode && input.perpetratorId) await this.assertIndividual(manager, input.perpetratorId);
    const duplicate = await manager.findOne(EvidenceLinkEntity, {
      where: {
        caseId, itemId: item.id, elementId: element.id,
        alternative: alternative ?? IsNull(), incidentId: input.incidentId ?? IsNull(), perpetratorId: input.perpetratorId ?? IsNull(), modeId: mode?.id ?? IsNull(),
      },
      select: { id: true },
    });
    if (duplicate) throw new DomainException('CONFLICT', `Item ${item.code} is already linked to ${element.code} in the same way (link ${duplicate.id}); change that link instead`, { linkId: duplicate.id });
    const link = manager.create(EvidenceLinkEntity, {
      id: randomUUID(),
      caseId,
      itemId: item.id,
      frameworkId: framework.id,
      elementId: element.id,
      alternative,
      incidentId: input.incidentId ?? null,
      perpetratorId: input.perpetratorId ?? null,
      modeId: mode?.id ?? null,
      relation: input.relation,
      probativeValue: input.probativeValue,
      sourceReliability: input.sourceReliability,
      informationCredibility: input.informationCredibility,
      note: input.note ?? null,
      status: 'proposed',
      sourceKey: item.sourceKey,
      independentSource: await this.independentSourceOf(manager, item.sourceKey),
      createdBy: actor.id,
      assessedBy: actor.id,
      reviewedBy: null,
      reviewedAt: null,
    });
    await saveLink(manager, link);
    await this.audit.record(manager, {
      actorId: actor.id,
      action: 'evidence_link.create',
      subjectType: 'evidence_link',
      subjectId: link.id,
      caseId,
      details: {
        item: item.code, itemId: item.id, frameworkVersionId: framework.id, element: element.code, alternative, incidentId: link.incidentId, perpetratorId: link.perpetratorId,
        mode: mode?.code ?? null, relation: link.relation, probativeValue: link.probativeValue, sourceReliability: link.sourceReliability, informationCredibility: link.informationCredibility,
      },
    });
    return { link, codes: { itemCode: item.code, elementCode: element.code, crimeCode: crime.code, modeCode: mode?.code ?? null } };
  }

  /** One witness per interviewee (a testimony's interviewee never changes), one document per SHA-256, one physical item per item. */
  private async independentSourceOf(manager: EntityManager, itemSourceKey: string): Promise<string> {
    let interviewee: string | null = null;
    if (itemSourceKey.startsWith('testimony:')) {
      const testimony = await manager.findOne(TestimonyEntity, { where: { id: itemSourceKey.slice('testimony:'.length) }, select: { id: true, intervieweeId: true } });
      interviewee = testimony?.intervieweeId ?? null;
    }
    return independentSource(itemSourceKey, () => interviewee);
  }

  /** The element must belong to the framework version the link states. */
  private async elementOf(manager: EntityManager, framework: LegalFrameworkEntity, elementId: string): Promise<{ element: LegalElementEntity; crime: LegalCrimeEntity }> {
    const element = await manager.findOne(LegalElementEntity, { where: { id: elementId } });
    if (!element) throw new ValidationDomainException('elementId', 'is not an element of any legal framework version');
    if (element.frameworkId !== framework.id) {
      const other = await manager.findOne(LegalFrameworkEntity, { where: { id: element.frameworkId }, select: { id: true, code: true, version: true } });
      throw unprocessable('elementId', `belongs to another framework version (${other?.code} ${other?.version}), not to ${framework.code} ${framework.version} named by frameworkVersionId`);
    }
    const crime = await manager.findOneOrFail(LegalCrimeEntity, { where: { id: element.crimeId } });
    return { element, crime };
  }

  private alternativeOf(element: LegalElementEntity, letter: string | null): string | null {
    if (letter === null) return null;
    if (!element.alternatives.length) throw new ValidationDomainException('alternative', `must be absent: element ${element.code} has no alternatives`);
    if (!element.alternatives.some((a) => a.letter === letter)) throw new ValidationDomainException('alternative', `must be one of ${element.alternatives.map((a) => a.letter).join(', ')} for element ${element.code}`);
    return letter;
  }

  private async modeOf(manager: EntityManager, framework: LegalFrameworkEntity, crime: LegalCrimeEntity, modeId: string): Promise<LegalModeEntity> {
    const mode = await manager.findOne(LegalModeEntity, { where: { id: modeId } });
    if (!mode) throw new ValidationDomainException('modeOfLiabilityId', 'is not a mode of liability of any legal framework version');
    if (mode.frameworkId !== framework.id) throw unprocessable('modeOfLiabilityId', `belongs to another framework version, not to ${framework.code} ${framework.version}`);
    if (mode.appliesTo && !mode.appliesTo.includes(crime.groupKey)) throw unprocessable('modeOfLiabilityId', `${mode.code} applies only to ${mode.appliesTo.join(', ')}, not to ${crime.code} (${crime.groupKey})`);
    return mode;
  }

  private async assertCaseReferences(manager: EntityManager, caseId: string, incidentId: string | null, perpetratorId: string | null): Promise<void> {
    if (incidentId && !(await existsInCase(manager, 'incidents', incidentId, caseId))) throw new ValidationDomainException('incidentId', 'is not an incident of this case');
    if (perpetratorId && !(await existsInCase(manager, 'perpetrators', perpetratorId, caseId))) throw new ValidationDomainException('perpetratorId', 'is not a perpetrator of this case');
  }

  /** Art. 25(1): a mode of liability is alleged against a natural person, never a unit (units are context). */
  private async assertIndividual(manager: EntityManager, perpetratorId: string): Promise<void> {
    const [row] = (await manager.query('SELECT kind, name FROM perpetrators WHERE id = $1', [perpetratorId])) as Array<{ kind: string; name: string | null }>;
    if (row && row.kind !== 'individual') {
      throw unprocessable('perpetratorId', `is a unit (${row.name}): modes of liability apply to individuals only (art. 25(1)); name an individual, or link the unit without a mode as context`);
    }
  }

  async list(caseId: string, query: ListEvidenceLinksQueryDto, actor: AuthenticatedUser): Promise<Page<LinkView>> {
    await this.access.require(caseId, actor, 'read');
    const qb = this.viewQuery(this.dataSource.manager).where('l.case_id = :caseId', { caseId });
    if (query.itemId) qb.andWhere('l.item_id = :itemId', { itemId: query.itemId });
    if (query.frameworkVersionId) qb.andWhere('l.framework_id = :frameworkId', { frameworkId: query.frameworkVersionId });
    if (query.crimeId) qb.andWhere('e.crime_id = :crimeId', { crimeId: query.crimeId });
    if (query.elementId) qb.andWhere('l.element_id = :elementId', { elementId: query.elementId });
    if (query.incidentId) qb.andWhere('l.incident_id = :incidentId', { incidentId: query.incidentId });
    if (query.perpetratorId) qb.andWhere('l.perpetrator_id = :perpetratorId', { perpetratorId: query.perpetratorId });
    if (query.modeOfLiabilityId) qb.andWhere('l.mode_id = :modeId', { modeId: query.modeOfLiabilityId });
    if (query.relation) qb.andWhere('l.relation = :relation', { relation: query.relation });
    if (query.status) qb.andWhere('l.status = :status', { status: query.status });
    const desc = query.sort.startsWith('-');
    qb.orderBy(query.sort.includes('updated') ? 'l.updated_at' : 'l.created_at', desc ? 'DESC' : 'ASC').addOrderBy('l.id', 'ASC').offset(query.offset).limit(query.limit);
    const [{ entities, raw }, total] = await Promise.all([qb.getRawAndEntities(), qb.getCount()]);
    return { items: entities.map((link, i) => ({ link, codes: codesOf(raw[i] as RawCodes) })), total, limit: query.limit, offset: query.offset };
  }

  async get(caseId: string, linkId: string, actor: AuthenticatedUser): Promise<LinkView> {
    await this.access.require(caseId, actor, 'read');
    return this.load(this.dataSource.manager, caseId, linkId);
  }

  async update(caseId: string, linkId: string, input: UpdateEvidenceLinkDto, actor: AuthenticatedUser): Promise<LinkView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'analyse', manager);
      const link = await this.lock(manager, caseId, linkId, input.version);
      const changed: string[] = [];
      const set = <K extends keyof EvidenceLinkEntity>(key: K, value: EvidenceLinkEntity[K] | undefined, name: string = key) => {
        if (value === undefined || value === link[key]) return;
        link[key] = value;
        changed.push(name);
      };
      set('relation', input.relation);
      set('probativeValue', input.probativeValue);
      set('sourceReliability', input.sourceReliability);
      set('informationCredibility', input.informationCredibility);
      set('note', input.note === undefined ? undefined : input.note || null);
      if (input.alternative !== undefined) {
        const element = await manager.findOneOrFail(LegalElementEntity, { where: { id: link.elementId } });
        set('alternative', this.alternativeOf(element, input.alternative));
      }
      if (input.modeOfLiabilityId !== undefined) {
        let modeId: string | null = null;
        if (input.modeOfLiabilityId !== null) {
          const framework = await manager.findOneOrFail(LegalFrameworkEntity, { where: { id: link.frameworkId } });
          const element = await manager.findOneOrFail(LegalElementEntity, { where: { id: link.elementId } });
          const crime = await manager.findOneOrFail(LegalCrimeEntity, { where: { id: element.crimeId } });
          modeId = (await this.modeOf(manager, framework, crime, input.modeOfLiabilityId)).id;
        }
        set('modeId', modeId, 'modeOfLiabilityId');
      }
      if (input.incidentId !== undefined || input.perpetratorId !== undefined) {
        await this.assertCaseReferences(manager, caseId, input.incidentId ?? null, input.perpetratorId ?? null);
        set('incidentId', input.incidentId);
        set('perpetratorId', input.perpetratorId);
      }
      if (link.modeId && link.perpetratorId && (changed.includes('modeOfLiabilityId') || changed.includes('perpetratorId'))) await this.assertIndividual(manager, link.perpetratorId);
      if (!changed.length) return this.load(manager, caseId, linkId);
      const wasReviewed = link.status === 'reviewed';
      link.status = 'proposed';
      link.reviewedBy = null;
      link.reviewedAt = null;
      link.assessedBy = actor.id;
      await saveLink(manager, link);
      const view = await this.load(manager, caseId, linkId);
      await this.audit.record(manager, { actorId: actor.id, action: 'evidence_link.update', subjectType: 'evidence_link', subjectId: linkId, caseId, details: { element: view.codes.elementCode, item: view.codes.itemCode, changed, reviewReset: wasReviewed } });
      return view;
    });
  }

  /** Proposed → reviewed, by a member with the review permission who did not make the assessment. */
  async review(caseId: string, linkId: string, version: number, actor: AuthenticatedUser): Promise<LinkView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'review', manager);
      const link = await this.lock(manager, caseId, linkId, version);
      if (link.status === 'reviewed') throw new DomainException('CONFLICT', 'This link is already reviewed');
      if (link.createdBy === actor.id || link.assessedBy === actor.id) {
        throw new DomainException('FORBIDDEN', 'You made or last changed this assessment; another member with the review permission must review it');
      }
      link.status = 'reviewed';
      link.reviewedBy = actor.id;
      link.reviewedAt = new Date();
      await manager.save(link);
      const view = await this.load(manager, caseId, linkId);
      await this.audit.record(manager, { actorId: actor.id, action: 'evidence_link.review', subjectType: 'evidence_link', subjectId: linkId, caseId, details: { element: view.codes.elementCode, item: view.codes.itemCode, assessedBy: link.assessedBy } });
      return view;
    });
  }

  /**
   * A reviewer sends a proposed link back with a comment (status returned): it leaves the
   * review inbox until its author changes it (any change makes it proposed again). The same
   * reviewer rule as approving: the review permission, and not the one who made the assessment.
   */
  async sendBack(caseId: string, linkId: string, version: number, comment: string, actor: AuthenticatedUser): Promise<LinkView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'review', manager);
      const link = await this.lock(manager, caseId, linkId, version);
      if (link.status !== 'proposed') throw new DomainException('CONFLICT', `This link is ${link.status}; only a proposed link can be sent back`);
      if (link.createdBy === actor.id || link.assessedBy === actor.id) {
        throw new DomainException('FORBIDDEN', 'You made or last changed this assessment; another member with the review permission must review it');
      }
      link.status = 'returned';
      await manager.save(link);
      const saved = await manager.save(manager.create(EvidenceLinkCommentEntity, { caseId, linkId, authorId: actor.id, kind: 'returned', body: comment }));
      const view = await this.load(manager, caseId, linkId);
      await this.audit.record(manager, {
        actorId: actor.id, action: 'evidence_link.return', subjectType: 'evidence_link', subjectId: linkId, caseId,
        details: { element: view.codes.elementCode, item: view.codes.itemCode, commentId: saved.id, commentLength: comment.length },
      });
      return view;
    });
  }

  /** A comment on a link by a member who analyses or reviews in the case; the text is never audited or logged. */
  async addComment(caseId: string, linkId: string, comment: string, actor: AuthenticatedUser): Promise<LinkCommentView[]> {
    return this.dataSource.transaction(async (manager) => {
      const member = await this.access.require(caseId, actor, 'read', manager);
      if (!memberMay(member, 'analyse') && !memberMay(member, 'review')) throw new DomainException('FORBIDDEN', `Your role on this case (${member.role}) does not allow this`);
      if (!(await manager.exists(EvidenceLinkEntity, { where: { id: linkId, caseId } }))) throw new NotFoundDomainException('Evidence link');
      const saved = await manager.save(manager.create(EvidenceLinkCommentEntity, { caseId, linkId, authorId: actor.id, kind: 'comment', body: comment }));
      await this.audit.record(manager, { actorId: actor.id, action: 'evidence_link.comment', subjectType: 'evidence_link', subjectId: linkId, caseId, details: { commentId: saved.id, commentLength: comment.length } });
      return this.commentsOf(manager, linkId);
    });
  }

  /** The link's comments, oldest first: its review history in words. */
  async comments(caseId: string, linkId: string, actor: AuthenticatedUser): Promise<LinkCommentView[]> {
    await this.access.require(caseId, actor, 'read');
    if (!(await this.dataSource.getRepository(EvidenceLinkEntity).exists({ where: { id: linkId, caseId } }))) throw new NotFoundDomainException('Evidence link');
    return this.commentsOf(this.dataSource.manager, linkId);
  }

  private async commentsOf(manager: EntityManager, linkId: string): Promise<LinkCommentView[]> {
    const rows = await manager.find(EvidenceLinkCommentEntity, { where: { linkId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const ids = [...new Set(rows.map((r) => r.authorId))];
    const users = ids.length ? await manager.find(UserEntity, { where: { id: In(ids) }, select: { id: true, displayName: true } }) : [];
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    return rows.map((comment) => ({ comment, authorName: names.get(comment.authorId) ?? '' }));
  }

  async remove(caseId: string, linkId: string, version: number, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'analyse', manager);
      await this.lock(manager, caseId, linkId, version);
      const view = await this.load(manager, caseId, linkId);
      await manager.delete(EvidenceLinkEntity, { id: linkId });
      await this.audit.record(manager, { actorId: actor.id, action: 'evidence_link.delete', subjectType: 'evidence_link', subjectId: linkId, caseId, details: { element: view.codes.elementCode, item: view.codes.itemCode, status: view.link.status } });
    });
  }

  private async lock(manager: EntityManager, caseId: string, linkId: string, version: number): Promise<EvidenceLinkEntity> {
    const link = await manager.findOne(EvidenceLinkEntity, { where: { id: linkId, caseId }, lock: { mode: 'pessimistic_write' } });
    if (!link) throw new NotFoundDomainException('Evidence link');
    if (link.version !== version) throw new VersionConflictException('Evidence link', version, link.version);
    return link;
  }

  private viewQuery(manager: EntityManager) {
    return manager.getRepository(EvidenceLinkEntity).createQueryBuilder('l')
      .innerJoin(EvidenceItemEntity, 'i', 'i.id = l.item_id')
      .innerJoin(LegalElementEntity, 'e', 'e.id = l.element_id')
      .innerJoin(LegalCrimeEntity, 'c', 'c.id = e.crime_id')
      .leftJoin(LegalModeEntity, 'm', 'm.id = l.mode_id')
      .addSelect(['i.code AS item_code', 'e.code AS element_code', 'c.code AS crime_code', 'm.code AS mode_code']);
  }

  private async load(manager: EntityManager, caseId: string, linkId: string): Promise<LinkView> {
    const { entities, raw } = await this.viewQuery(manager).where('l.id = :linkId AND l.case_id = :caseId', { linkId, caseId }).getRawAndEntities();
    if (!entities.length) throw new NotFoundDomainException('Evidence link');
    return { link: entities[0], codes: codesOf(raw[0] as RawCodes) };
  }
}

interface RawCodes {
  item_code: string;
  element_code: string;
  crime_code: string;
  mode_code: string | null;
}

function codesOf(raw: RawCodes): LinkCodes {
  return { itemCode: raw.item_code, elementCode: raw.element_code, crimeCode: raw.crime_code, modeCode: raw.mode_code };
}
