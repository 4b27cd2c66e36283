import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { CaseMemberEntity } from 'src/cases/entities/case-member.entity';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, IdentityClearanceRequiredException, NotFoundDomainException, ValidationDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import type { Page } from 'src/common/http/pagination';
import { PersonEntity } from 'src/people/entities/person.entity';
import { ConsentsService } from 'src/testimonies/consents.service';
import type { ChangeStatusDto, CreateTestimonyDto, ListTestimoniesQueryDto, TestimonySensitiveDto, UpdateTestimonyDto } from 'src/testimonies/dto/testimony.dto';
import { ConsentVersionEntity } from 'src/testimonies/entities/consent-version.entity';
import { TestimonyEntity, type TestimonyStatus } from 'src/testimonies/entities/testimony.entity';
import { statusChangeProblem } from 'src/testimonies/testimony-status';

export interface TestimonyView {
  entity: TestimonyEntity;
  intervieweeCode: string;
}

export const sensitiveAad = (testimonyId: string) => `testimony:${testimonyId}:sensitive`;

function hasAny(sensitive: TestimonySensitiveDto | undefined): sensitive is TestimonySensitiveDto {
  return Boolean(sensitive && (sensitive.placeOfInterview || sensitive.interpreter || sensitive.riskNotes));
}

@Injectable()
export class TestimoniesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly keys: CaseKeysService,
    private readonly consents: ConsentsService,
    private readonly audit: AuditService,
  ) {}

  async create(caseId: string, input: CreateTestimonyDto, actor: AuthenticatedUser): Promise<TestimonyView> {
    return this.dataSource.transaction(async (manager) => {
      const member = await this.access.require(caseId, actor, 'record', manager);
      if (hasAny(input.sensitive) && !member.identityClearance) throw new IdentityClearanceRequiredException('Recording sensitive interview details');
      const interviewee = await manager.findOne(PersonEntity, { where: { id: input.intervieweeId, caseId }, select: { id: true, code: true } });
      if (!interviewee) throw new ValidationDomainException('intervieweeId', 'is not a person of this case');
      // The caller's own membership was just checked (access.require): only the others are looked up.
      await this.assertMembers(manager, caseId, (input.interviewerIds ?? []).filter((userId) => userId !== actor.id), 'interviewerIds');
      const id = randomUUID();
      const testimony = manager.create(TestimonyEntity, {
        id,
        caseId,
        intervieweeId: interviewee.id,
        interviewerIds: input.interviewerIds ?? [],
        interviewDate: input.interviewDate.date ?? null,
        interviewDatePrecision: input.interviewDate.precision,
        languages: input.languages,
        modality: input.modality,
        riskLevel: input.riskLevel,
        status: 'draft',
        tags: [...new Set(input.tags ?? [])],
        createdBy: actor.id,
        sensitiveSealed: hasAny(input.sensitive) ? await this.keys.seal(caseId, input.sensitive, sensitiveAad(id), manager) : null,
      });
      await manager.insert(TestimonyEntity, testimony);
      testimony.sensitiveSealed = null;
      if (input.consent) await this.consents.addVersion(manager, caseId, testimony.id, input.consent, actor);
      await this.audit.record(manager, { actorId: actor.id, action: 'testimony.create', subjectType: 'testimony', subjectId: testimony.id, caseId, details: { interviewee: interviewee.code, consentRecorded: Boolean(input.consent) } });
      return { entity: testimony, intervieweeCode: interviewee.code };
    });
  }

  /** Interviewers must be members of the case. */
  private async assertMembers(manager: EntityManager, caseId: string, userIds: string[], field: string): Promise<void> {
    if (!userIds.length) return;
    const found = await manager.count(CaseMemberEntity, { where: { caseId, userId: In(userIds) } });
    if (found !== new Set(userIds).size) throw new ValidationDomainException(field, 'must all be members of the case');
  }

  async list(caseId: string, query: ListTestimoniesQueryDto, actor: AuthenticatedUser): Promise<Page<TestimonyView>> {
    await this.access.require(caseId, actor, 'read');
    const qb = this.dataSource.getRepository(TestimonyEntity).createQueryBuilder('t')
      .innerJoin(PersonEntity, 'p', 'p.id = t.interviewee_id')
      .addSelect('p.code', 'interviewee_code')
      .where('t.case_id = :caseId', { caseId });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.language) qb.andWhere(':language = ANY(t.languages)', { language: query.language });
    if (query.intervieweeId) qb.andWhere('t.interviewee_id = :intervieweeId', { intervieweeId: query.intervieweeId });
    if (query.tag) qb.andWhere(':tag = ANY(t.tags)', { tag: query.tag });
    if (query.riskLevel) qb.andWhere('t.risk_level = :riskLevel', { riskLevel: query.riskLevel });
    // Partial dates compare as text prefixes: '1997-03' sorts between '1997-02-28' and '1997-03-01'.
    if (query.interviewedFrom) qb.andWhere('t.interview_date >= :from', { from: query.interviewedFrom });
    if (query.interviewedTo) qb.andWhere('t.interview_date <= :to', { to: `${query.interviewedTo}\uffff` });
    const desc = query.sort.startsWith('-');
    const column = { createdAt: 't.created_at', interviewDate: 't.interview_date', updatedAt: 't.updated_at' }[query.sort.replace('-', '') as 'createdAt' | 'interviewDate' | 'updatedAt'];
    qb.orderBy(column, desc ? 'DESC' : 'ASC', desc ? 'NULLS LAST' : 'NULLS FIRST').addOrderBy('t.id', 'ASC').offset(query.offset).limit(query.limit);
    const [{ entities, raw }, total] = await Promise.all([qb.getRawAndEntities(), qb.getCount()]);
    return { items: entities.map((entity, i) => ({ entity, intervieweeCode: (raw[i] as { interviewee_code: string }).interviewee_code })), total, limit: query.limit, offset: query.offset };
  }

  async get(caseId: string, testimonyId: string, actor: AuthenticatedUser): Promise<TestimonyView> {
    await this.access.require(caseId, actor, 'read');
    return this.load(this.dataSource.manager, caseId, testimonyId);
  }

  async load(manager: EntityManager, caseId: string, testimonyId: string, lock = false): Promise<TestimonyView> {
    const qb = manager.getRepository(TestimonyEntity).createQueryBuilder('t').where('t.id = :testimonyId AND t.case_id = :caseId', { testimonyId, caseId });
    if (lock) qb.setLock('pessimistic_write');
    const entity = await qb.getOne();
    if (!entity) throw new NotFoundDomainException('Testimony');
    const person = await manager.findOneOrFail(PersonEntity, { where: { id: entity.intervieweeId }, select: { id: true, code: true } });
    return { entity, intervieweeCode: person.code };
  }

  async update(caseId: string, testimonyId: string, input: UpdateTestimonyDto, actor: AuthenticatedUser): Promise<TestimonyView> {
    return this.dataSource.transaction(async (manager) => {
      const member = await this.access.require(caseId, actor, 'record', manager);
      if (input.sensitive !== undefined && !member.identityClearance) throw new IdentityClearanceRequiredException('Changing sensitive interview details');
      const view = await this.load(manager, caseId, testimonyId, true);
      const t = view.entity;
      if (t.version !== input.version) throw new VersionConflictException('Testimony', input.version, t.version);
      const changed: string[] = [];
      if (input.interviewerIds) { await this.assertMembers(manager, caseId, input.interviewerIds, 'interviewerIds'); t.interviewerIds = input.interviewerIds; changed.push('interviewerIds'); }
      if (input.interviewDate) { t.interviewDate = input.interviewDate.date ?? null; t.interviewDatePrecision = input.interviewDate.precision; changed.push('interviewDate'); }
      if (input.languages) { t.languages = input.languages; changed.push('languages'); }
      if (input.modality) { t.modality = input.modality; changed.push('modality'); }
      if (input.riskLevel) { t.riskLevel = input.riskLevel; changed.push('riskLevel'); }
      if (input.tags) { t.tags = [...new Set(input.tags)]; changed.push('tags'); }
      if (input.sensitive !== undefined) {
        t.sensitiveSealed = hasAny(input.sensitive) ? await this.keys.seal(caseId, input.sensitive, sensitiveAad(testimonyId), manager) : null;
        changed.push('sensitive');
      }
      if (!changed.length) return view;
      const saved = await manager.save(t);
      await this.audit.record(manager, { actorId: actor.id, action: 'testimony.update', subjectType: 'testimony', subjectId: testimonyId, caseId, details: { changed } });
      return { entity: saved, intervieweeCode: view.intervieweeCode };
    });
  }

  async changeStatus(caseId: string, testimonyId: string, input: ChangeStatusDto, actor: AuthenticatedUser): Promise<TestimonyView> {
    return this.dataSource.transaction(async (manager) => {
      // Marking reviewed is a reviewer's act; the other steps belong to those who record.
      const member = await this.access.require(caseId, actor, input.status === 'reviewed' ? 'review' : 'record', manager);
      const view = await this.load(manager, caseId, testimonyId, true);
      const t = view.entity;
      if (t.version !== input.version) throw new VersionConflictException('Testimony', input.version, t.version);
      const problem = statusChangeProblem(t.status, input.status, member.role);
      if (problem) throw new DomainException('UNPROCESSABLE', problem, [{ field: 'status', problems: [problem] }]);
      const from: TestimonyStatus = t.status;
      t.status = input.status;
      const saved = await manager.save(t);
      await this.audit.record(manager, { actorId: actor.id, action: 'testimony.status', subjectType: 'testimony', subjectId: testimonyId, caseId, details: { from, to: input.status } });
      return { entity: saved, intervieweeCode: view.intervieweeCode };
    });
  }

  /** A deliberate, audited read of the sealed interview details; needs identity clearance. */
  async readSensitive(caseId: string, testimonyId: string, actor: AuthenticatedUser): Promise<TestimonySensitiveDto & { consentWithdrawalReasons: Array<{ version: number; reason: string }> }> {
    await this.access.require(caseId, actor, 'identity');
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.getRepository(TestimonyEntity).createQueryBuilder('t').addSelect('t.sensitiveSealed')
        .where('t.id = :testimonyId AND t.case_id = :caseId', { testimonyId, caseId }).getOne();
      if (!row) throw new NotFoundDomainException('Testimony');
      const sensitive = row.sensitiveSealed ? await this.keys.open<TestimonySensitiveDto>(caseId, row.sensitiveSealed, sensitiveAad(testimonyId), manager) : {};
      const withdrawals = await manager.getRepository(ConsentVersionEntity).createQueryBuilder('c').addSelect('c.withdrawalReasonSealed')
        .where('c.testimony_id = :testimonyId AND c.withdrawal_reason_sealed IS NOT NULL', { testimonyId }).orderBy('c.version').getMany();
      const consentWithdrawalReasons = await Promise.all(withdrawals.map(async (c) => ({
        version: c.version,
        reason: await this.keys.open<string>(caseId, c.withdrawalReasonSealed as Buffer, this.consents.withdrawalAad(c.id), manager),
      })));
      await this.audit.record(manager, { actorId: actor.id, action: 'testimony.sensitive_read', subjectType: 'testimony', subjectId: testimonyId, caseId });
      return { ...sensitive, consentWithdrawalReasons };
    });
  }
}
