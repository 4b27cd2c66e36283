import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, NotFoundDomainException, ValidationDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import type { Page } from 'src/common/http/pagination';
import { perpetratorLabels } from 'src/evidence/case-references';
import { EvidenceItemEntity } from 'src/evidence/entities/evidence-item.entity';
import { LegalCrimeEntity } from 'src/legal/entities/legal-crime.entity';
import { LegalFrameworkEntity } from 'src/legal/entities/legal-framework.entity';
import { LegalModeEntity, LegalModeRequirementEntity } from 'src/legal/entities/legal-mode.entity';
import type { CreateLiabilityLinkDto, LiabilityLinkCodes, LiabilityViewDto, LiabilityViewQueryDto, ListLiabilityLinksQueryDto } from 'src/liability/dto/liability.dto';
import { LiabilityLinkEntity } from 'src/liability/entities/liability-link.entity';
import { chainOfCommand, liabilityRows } from 'src/liability/liability-view';
import { PerpetratorEntity, PerpetratorPositionEntity } from 'src/perpetrators/entities/perpetrator.entity';

export interface LiabilityLinkView {
  link: LiabilityLinkEntity;
  codes: LiabilityLinkCodes;
}

const unprocessable = (field: string, problem: string) => new DomainException('UNPROCESSABLE', `${field} ${problem}`, [{ field, problems: [problem] }]);
const ko = (k: { text: string; confidence: string; note?: string } | null) => (k ? { text: k.text, confidence: k.confidence as 'V' | 'S' | 'U', ...(k.note ? { note: k.note } : {}) } : null);

/**
 * Evidence on the requirements of modes of liability (arts 25(3), 28), per accused individual,
 * and the perpetrator × mode × requirement view with its gaps. Modes apply to natural persons only
 * (art. 25(1)): a unit is refused as the accused and appears in the view as the chain of command
 * above an individual. Same review rule as evidence links; every change audited (ids and codes,
 * never the note).
 */
@Injectable()
export class LiabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
  ) {}

  async create(caseId: string, input: CreateLiabilityLinkDto, actor: AuthenticatedUser): Promise<LiabilityLinkView> {
    return this.dataSource.transaction((manager) => this.createIn(manager, caseId, input, actor));
  }

  /** Creates the link inside the caller's transaction (with its audit record). */
  async createIn(manager: EntityManager, caseId: string, input: CreateLiabilityLinkDto, actor: AuthenticatedUser): Promise<LiabilityLinkView> {
    await this.access.require(caseId, actor, 'analyse', manager);
    const item = await manager.findOne(EvidenceItemEntity, { where: { id: input.itemId, caseId }, select: { id: true, code: true, sourceKey: true } });
    if (!item) throw new ValidationDomainException('itemId', 'is not an evidence item of this case');
    const framework = await manager.findOne(LegalFrameworkEntity, { where: { id: input.frameworkVersionId } });
    if (!framework) throw new ValidationDomainException('frameworkVersionId', 'is not a legal framework version');
    if (framework.status === 'draft' || framework.status === 'retired') throw unprocessable('frameworkVersionId', `is ${framework.status} (${framework.code} ${framework.version}); evidence is linked only to published versions`);
    const perpetrator = await manager.findOne(PerpetratorEntity, { where: { id: input.perpetratorId, caseId }, select: { id: true, kind: true, name: true } });
    if (!perpetrator) throw new ValidationDomainException('perpetratorId', 'is not a perpetrator of this case');
    if (perpetrator.kind !== 'individual') {
      throw unprocessable('perpetratorId', `is a unit (${perpetrator.name}): modes of liability apply to individuals only (art. 25(1)); link an individual of that unit, whose chain of command shows the unit`);
    }
    const requirement = await manager.findOne(LegalModeRequirementEntity, { where: { id: input.requirementId } });
    if (!requirement) throw new ValidationDomainException('requirementId', 'is not a requirement of a mode of liability');
    if (requirement.frameworkId !== framework.id) throw unprocessable('requirementId', `belongs to another framework version, not to ${framework.code} ${framework.version}`);
    if (input.modeOfLiabilityId && input.modeOfLiabilityId !== requirement.modeId) throw unprocessable('modeOfLiabilityId', `is not the mode of requirement ${requirement.code}`);
    const mode = await manager.findOneOrFail(LegalModeEntity, { where: { id: requirement.modeId } });
    const alternative = input.alternative ?? null;
    if (alternative !== null) {
      if (!requirement.alternatives.length) throw new ValidationDomainException('alternative', `must be absent: requirement ${requirement.code} has no alternatives`);
      if (!requirement.alternatives.some((a) => a.letter === alternative)) throw new ValidationDomainException('alternative', `must be one of ${requirement.alternatives.map((a) => a.letter).join(', ')} for requirement ${requirement.code}`);
    }
    if (input.crimeId) {
      const crime = await manager.findOne(LegalCrimeEntity, { where: { id: input.crimeId } });
      if (!crime) throw new ValidationDomainException('crimeId', 'is not a crime of any legal framework version');
      if (crime.frameworkId !== framework.id) throw unprocessable('crimeId', `belongs to another framework version, not to ${framework.code} ${framework.version}`);
      if (mode.appliesTo && !mode.appliesTo.includes(crime.groupKey)) throw unprocessable('crimeId', `${crime.code} (${crime.groupKey}) is not a crime ${mode.code} applies to (${mode.appliesTo.join(', ')})`);
    }
    if (input.incidentId) {
      const rows = (await manager.query('SELECT 1 FROM incidents WHERE id = $1 AND case_id = $2', [input.incidentId, caseId])) as unknown[];
      if (!rows.length) throw new ValidationDomainException('incidentId', 'is not an incident of this case');
    }
    const duplicate = await manager.findOne(LiabilityLinkEntity, {
      where: { caseId, itemId: item.id, perpetratorId: perpetrator.id, requirementId: requirement.id, alternative: alternative ?? IsNull(), crimeId: input.crimeId ?? IsNull(), incidentId: input.incidentId ?? IsNull() },
      select: { id: true },
    });
    if (duplicate) throw new DomainException('CONFLICT', `Item ${item.code} is already linked to ${requirement.code} for this perpetrator in the same way (link ${duplicate.id})`, { linkId: duplicate.id });
    const link = manager.create(LiabilityLinkEntity, {
      id: randomUUID(), caseId, itemId: item.id, frameworkId: framework.id, perpetratorId: perpetrator.id, modeId: mode.id, requirementId: requirement.id, alternative,
      crimeId: input.crimeId ?? null, incidentId: input.incidentId ?? null, relation: input.relation, probativeValue: input.probativeValue, sourceReliability: input.sourceReliability,
      informationCredibility: input.informationCredibility, note: input.note ?? null, status: 'proposed', sourceKey: item.sourceKey, createdBy: actor.id, assessedBy: actor.id, reviewedBy: null, reviewedAt: null,
    });
    try {
      await manager.save(link);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'liability_links_same_link_unique') {
        throw new DomainException('CONFLICT', 'The item is already linked to this requirement for this perpetrator in the same way');
      }
      throw error;
    }
    await this.audit.record(manager, {
      actorId: actor.id, action: 'liability_link.create', subjectType: 'liability_link', subjectId: link.id, caseId,
      details: { item: item.code, perpetratorId: perpetrator.id, mode: mode.code, requirement: requirement.code, alternative, crimeId: link.crimeId, relation: link.relation, probativeValue: link.probativeValue },
    });
    return { link, codes: { itemCode: item.code, modeCode: mode.code, requirementCode: requirement.code } };
  }

  async list(caseId: string, query: ListLiabilityLinksQueryDto, actor: AuthenticatedUser): Promise<Page<LiabilityLinkView>> {
    await this.access.require(caseId, actor, 'read');
    const qb = this.viewQuery(this.dataSource.manager).where('l.case_id = :caseId', { caseId });
    if (query.frameworkVersionId) qb.andWhere('l.framework_id = :f', { f: query.frameworkVersionId });
    if (query.perpetratorId) qb.andWhere('l.perpetrator_id = :p', { p: query.perpetratorId });
    if (query.requirementId) qb.andWhere('l.requirement_id = :r', { r: query.requirementId });
    if (query.itemId) qb.andWhere('l.item_id = :i', { i: query.itemId });
    qb.orderBy('l.created_at', 'ASC').addOrderBy('l.id', 'ASC').offset(query.offset).limit(query.limit);
    const [{ entities, raw }, total] = await Promise.all([qb.getRawAndEntities(), qb.getCount()]);
    return { items: entities.map((link, i) => ({ link, codes: codesOf(raw[i] as RawCodes) })), total, limit: query.limit, offset: query.offset };
  }

  /** Proposed → reviewed, by a member with the review permission who did not make the assessment. */
  async review(caseId: string, linkId: string, version: number, actor: AuthenticatedUser): Promise<LiabilityLinkView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'review', manager);
      const link = await this.lock(manager, caseId, linkId, version);
      if (link.status === 'reviewed') throw new DomainException('CONFLICT', 'This link is already reviewed');
      if (link.createdBy === actor.id || link.assessedBy === actor.id) throw new DomainException('FORBIDDEN', 'You made this assessment; another member with the review permission must review it');
      link.status = 'reviewed';
      link.reviewedBy = actor.id;
      link.reviewedAt = new Date();
      await manager.save(link);
      const view = await this.load(manager, caseId, linkId);
      await this.audit.record(manager, { actorId: actor.id, action: 'liability_link.review', subjectType: 'liability_link', subjectId: linkId, caseId, details: { requirement: view.codes.requirementCode, item: view.codes.itemCode } });
      return view;
    });
  }

  async remove(caseId: string, linkId: string, version: number, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'analyse', manager);
      await this.lock(manager, caseId, linkId, version);
      const view = await this.load(manager, caseId, linkId);
      await manager.delete(LiabilityLinkEntity, { id: linkId });
      await this.audit.record(manager, { actorId: actor.id, action: 'liability_link.delete', subjectType: 'liability_link', subjectId: linkId, caseId, details: { requirement: view.codes.requirementCode, item: view.codes.itemCode, status: view.link.status } });
    });
  }

  /** The perpetrator × mode × requirement view with gaps, for one framework version. */
  async view(caseId: string, query: LiabilityViewQueryDto, actor: AuthenticatedUser): Promise<LiabilityViewDto> {
    await this.access.require(caseId, actor, 'read');
    const manager = this.dataSource.manager;
    const framework = await manager.findOne(LegalFrameworkEntity, { where: { id: query.frameworkVersionId } });
    if (!framework) throw new ValidationDomainException('frameworkVersionId', 'is not a legal framework version');
    const modes = await manager.find(LegalModeEntity, { where: { frameworkId: framework.id }, order: { sortOrder: 'ASC' } });
    const requirements = await manager.find(LegalModeRequirementEntity, { where: { frameworkId: framework.id } });
    const only = query.perpetratorId ? 'AND l.perpetrator_id = $3' : '';
    const params = query.perpetratorId ? [caseId, framework.id, query.perpetratorId] : [caseId, framework.id];
    const links = (await manager.query(
      `SELECT l.perpetrator_id, l.mode_id, l.requirement_id, l.alternative, l.relation, l.status, l.probative_value, l.source_reliability, l.information_credibility, l.source_key
       FROM liability_links l JOIN perpetrators p ON p.id = l.perpetrator_id AND p.kind = 'individual'
       WHERE l.case_id = $1 AND l.framework_id = $2 ${only}`, params)) as Array<Record<string, string | number | null>>;
    const elementLinks = (await manager.query(
      `SELECT l.perpetrator_id, l.mode_id, count(*)::int AS links FROM evidence_links l JOIN perpetrators p ON p.id = l.perpetrator_id AND p.kind = 'individual'
       WHERE l.case_id = $1 AND l.framework_id = $2 AND l.mode_id IS NOT NULL ${only} GROUP BY 1, 2`, params)) as Array<{ perpetrator_id: string; mode_id: string; links: number }>;
    const rows = liabilityRows(
      requirements.map((r) => ({ id: r.id, modeId: r.modeId, code: r.code, number: r.number, alternatives: r.alternatives })),
      links.map((l) => ({
        perpetratorId: String(l.perpetrator_id), modeId: String(l.mode_id), requirementId: String(l.requirement_id), alternative: l.alternative === null ? null : String(l.alternative),
        relation: l.relation as 'supports', reviewed: l.status === 'reviewed', probativeValue: Number(l.probative_value), sourceReliability: String(l.source_reliability),
        informationCredibility: Number(l.information_credibility), sourceKey: String(l.source_key),
      })),
      elementLinks.map((e) => ({ perpetratorId: e.perpetrator_id, modeId: e.mode_id, links: e.links })),
      modes.map((m) => m.id),
    );
    const ids = rows.map((r) => r.perpetratorId);
    const labels = await perpetratorLabels(manager, caseId, ids);
    const chains = await this.chains(manager, caseId, ids);
    const modeById = new Map(modes.map((m) => [m.id, m]));
    const reqById = new Map(requirements.map((r) => [r.id, r]));
    return {
      frameworkVersionId: framework.id,
      frameworkCode: framework.code,
      frameworkVersion: framework.version,
      perpetrators: rows
        .map((row) => ({
          perpetratorId: row.perpetratorId,
          label: labels.get(row.perpetratorId)?.label ?? row.perpetratorId,
          chainOfCommand: chains.get(row.perpetratorId) ?? [],
          modes: row.modes.map((cell) => {
            const m = modeById.get(cell.modeId) as LegalModeEntity;
            return {
              id: m.id, code: m.code, articleRef: m.articleRef, titleEn: m.titleEn, titleKo: ko(m.titleKo), gaps: cell.gaps, elementLinks: cell.elementLinks,
              requirements: cell.requirements.map((c) => {
                const r = reqById.get(c.requirementId) as LegalModeRequirementEntity;
                return {
                  id: r.id, code: r.code, number: r.number, kind: r.kind, text: r.text, textKo: ko(r.textKo), statuteRef: r.statuteRef,
                  supporting: c.supporting, undermining: c.undermining, context: c.context, independentSources: c.independentSources, alternatives: c.alternatives, gap: c.gap, contested: c.contested,
                };
              }),
            };
          }),
        }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    };
  }

  /** Each individual's positions with the unit and its parents above it (units of the case only). */
  private async chains(manager: EntityManager, caseId: string, ids: string[]) {
    const result = new Map<string, LiabilityViewDto['perpetrators'][number]['chainOfCommand']>();
    if (!ids.length) return result;
    const positions = await manager.getRepository(PerpetratorPositionEntity).createQueryBuilder('pos')
      .where('pos.perpetrator_id = ANY(:ids)', { ids }).orderBy('pos.position', 'ASC').getMany();
    const units = await manager.find(PerpetratorEntity, { where: { caseId, kind: 'unit' }, select: { id: true, code: true, name: true, unitType: true, parentId: true } });
    const unitById = new Map(units.map((u) => [u.id, u]));
    const parents = new Map(units.map((u) => [u.id, u.parentId]));
    for (const p of positions) {
      const list = result.get(p.perpetratorId) ?? [];
      list.push({
        title: p.title, rank: p.rank, from: p.fromDate, to: p.toDate,
        units: p.unitId ? chainOfCommand(p.unitId, parents).flatMap((id) => {
          const u = unitById.get(id);
          return u ? [{ id: u.id, code: u.code ?? '', name: u.name ?? '', unitType: u.unitType }] : [];
        }) : [],
      });
      result.set(p.perpetratorId, list);
    }
    return result;
  }

  private async lock(manager: EntityManager, caseId: string, linkId: string, version: number): Promise<LiabilityLinkEntity> {
    const link = await manager.findOne(LiabilityLinkEntity, { where: { id: linkId, caseId }, lock: { mode: 'pessimistic_write' } });
    if (!link) throw new NotFoundDomainException('Liability link');
    if (link.version !== version) throw new VersionConflictException('Liability link', version, link.version);
    return link;
  }

  private viewQuery(manager: EntityManager) {
    return manager.getRepository(LiabilityLinkEntity).createQueryBuilder('l')
      .innerJoin(EvidenceItemEntity, 'i', 'i.id = l.item_id')
      .innerJoin(LegalModeEntity, 'm', 'm.id = l.mode_id')
      .innerJoin(LegalModeRequirementEntity, 'r', 'r.id = l.requirement_id')
      .addSelect(['i.code AS item_code', 'm.code AS mode_code', 'r.code AS requirement_code']);
  }

  private async load(manager: EntityManager, caseId: string, linkId: string): Promise<LiabilityLinkView> {
    const { entities, raw } = await this.viewQuery(manager).where('l.id = :linkId AND l.case_id = :caseId', { linkId, caseId }).getRawAndEntities();
    if (!entities.length) throw new NotFoundDomainException('Liability link');
    return { link: entities[0], codes: codesOf(raw[0] as RawCodes) };
  }
}

interface RawCodes { item_code: string; mode_code: string; requirement_code: string }
const codesOf = (r: RawCodes): LiabilityLinkCodes => ({ itemCode: r.item_code, modeCode: r.mode_code, requirementCode: r.requirement_code });
