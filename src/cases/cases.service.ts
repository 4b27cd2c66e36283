import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import type { CreateCaseDto, ListCasesQueryDto, PutMemberDto, UpdateCaseDto } from 'src/cases/dto/case.dto';
import { CaseMemberEntity } from 'src/cases/entities/case-member.entity';
import { CaseEntity } from 'src/cases/entities/case.entity';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { newDataKey, wrapDataKey } from 'src/common/crypto/envelope';
import { DomainException, NotFoundDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import type { Page } from 'src/common/http/pagination';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { UserEntity } from 'src/users/entities/user.entity';

export interface CaseWithMembership {
  entity: CaseEntity;
  member: CaseMemberEntity;
}

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
  ) {}

  /** The creator becomes the case lead with identity clearance. */
  async create(input: CreateCaseDto, actor: AuthenticatedUser): Promise<CaseWithMembership> {
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      const entity = await manager.save(manager.create(CaseEntity, {
        id,
        title: input.title,
        description: input.description ?? null,
        status: 'active',
        wrappedDataKey: wrapDataKey(this.config.masterKey, newDataKey(), id),
        createdBy: actor.id,
        archivedAt: null,
      }));
      const member = await manager.save(manager.create(CaseMemberEntity, { caseId: id, userId: actor.id, role: 'lead', identityClearance: true, addedBy: actor.id }));
      await this.audit.record(manager, { actorId: actor.id, action: 'case.create', subjectType: 'case', subjectId: id, caseId: id });
      return { entity, member };
    });
  }

  async list(query: ListCasesQueryDto, actor: AuthenticatedUser): Promise<Page<CaseWithMembership>> {
    const qb = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c')
      .innerJoinAndMapOne('c.member', CaseMemberEntity, 'm', 'm.case_id = c.id AND m.user_id = :userId', { userId: actor.id });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.q) qb.andWhere('c.title ILIKE :q', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    const desc = query.sort.startsWith('-');
    const field = { createdAt: 'c.created_at', title: 'c.title', updatedAt: 'c.updated_at' }[query.sort.replace('-', '') as 'createdAt' | 'title' | 'updatedAt'];
    qb.orderBy(field, desc ? 'DESC' : 'ASC').addOrderBy('c.id', 'ASC').take(query.limit).skip(query.offset);
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map((entity) => ({ entity, member: (entity as CaseEntity & { member: CaseMemberEntity }).member })), total, limit: query.limit, offset: query.offset };
  }

  async get(caseId: string, actor: AuthenticatedUser): Promise<CaseWithMembership> {
    const member = await this.access.require(caseId, actor, 'read');
    const entity = await this.dataSource.getRepository(CaseEntity).findOneOrFail({ where: { id: caseId } });
    return { entity, member };
  }

  async update(caseId: string, input: UpdateCaseDto, actor: AuthenticatedUser): Promise<CaseWithMembership> {
    return this.dataSource.transaction(async (manager) => {
      const member = await this.access.require(caseId, actor, 'manage', manager);
      const entity = await manager.findOneOrFail(CaseEntity, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (entity.version !== input.version) throw new VersionConflictException('Case', input.version, entity.version);
      const changed: string[] = [];
      if (input.title !== undefined && input.title !== entity.title) { entity.title = input.title; changed.push('title'); }
      if (input.description !== undefined && input.description !== entity.description) { entity.description = input.description; changed.push('description'); }
      if (input.status !== undefined && input.status !== entity.status) {
        entity.status = input.status;
        entity.archivedAt = input.status === 'archived' ? new Date() : null;
        changed.push('status');
      }
      if (!changed.length) return { entity, member };
      const saved = await manager.save(entity);
      await this.audit.record(manager, { actorId: actor.id, action: input.status === 'archived' ? 'case.archive' : 'case.update', subjectType: 'case', subjectId: caseId, caseId, details: { changed } });
      return { entity: saved, member };
    });
  }

  /** Leads manage membership; a global admin may too (administration), without seeing content. */
  private async requireMembershipManager(caseId: string, actor: AuthenticatedUser, manager: EntityManager): Promise<void> {
    if (actor.role === 'admin') {
      if (!(await manager.exists(CaseEntity, { where: { id: caseId } }))) throw new NotFoundDomainException('Case');
      return;
    }
    await this.access.require(caseId, actor, 'manage', manager);
  }

  async listMembers(caseId: string, actor: AuthenticatedUser): Promise<CaseMemberEntity[]> {
    if (actor.role !== 'admin') await this.access.require(caseId, actor, 'read');
    else if (!(await this.dataSource.getRepository(CaseEntity).exists({ where: { id: caseId } }))) throw new NotFoundDomainException('Case');
    return this.dataSource.getRepository(CaseMemberEntity).find({ where: { caseId }, relations: { user: true }, order: { createdAt: 'ASC' } });
  }

  async putMember(caseId: string, userId: string, input: PutMemberDto, actor: AuthenticatedUser): Promise<CaseMemberEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireMembershipManager(caseId, actor, manager);
      const user = await manager.findOne(UserEntity, { where: { id: userId } });
      if (!user || user.disabledAt) throw new DomainException('VALIDATION_FAILED', 'userId does not name an active user', [{ field: 'userId', problems: ['is not an active user'] }]);
      let member = await manager.findOne(CaseMemberEntity, { where: { caseId, userId }, lock: { mode: 'pessimistic_write' } });
      const before = member ? { role: member.role, identityClearance: member.identityClearance } : null;
      if (member?.role === 'lead' && input.role !== 'lead') await this.assertAnotherLead(manager, caseId, userId);
      member = manager.create(CaseMemberEntity, { ...(member ?? { caseId, userId, addedBy: actor.id }), role: input.role, identityClearance: input.identityClearance });
      const saved = await manager.save(member);
      saved.user = user;
      await this.audit.record(manager, {
        actorId: actor.id,
        action: before ? 'case.member_update' : 'case.member_add',
        subjectType: 'user',
        subjectId: userId,
        caseId,
        details: { role: input.role, identityClearance: input.identityClearance, ...(before ? { before } : {}) },
      });
      return saved;
    });
  }

  async removeMember(caseId: string, userId: string, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.requireMembershipManager(caseId, actor, manager);
      const member = await manager.findOne(CaseMemberEntity, { where: { caseId, userId }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw new NotFoundDomainException('Member');
      if (member.role === 'lead') await this.assertAnotherLead(manager, caseId, userId);
      await manager.delete(CaseMemberEntity, { caseId, userId });
      await this.audit.record(manager, { actorId: actor.id, action: 'case.member_remove', subjectType: 'user', subjectId: userId, caseId, details: { role: member.role } });
    });
  }

  private async assertAnotherLead(manager: EntityManager, caseId: string, userId: string): Promise<void> {
    const leads = await manager.count(CaseMemberEntity, { where: { caseId, role: 'lead' } });
    const isLead = await manager.exists(CaseMemberEntity, { where: { caseId, userId, role: 'lead' } });
    if (isLead && leads <= 1) throw new DomainException('UNPROCESSABLE', 'A case must keep at least one lead');
  }

  /** Next value of a per-case sequence, in the caller's transaction (row-locked, gap-free). */
  static async nextCounter(manager: EntityManager, caseId: string, name: string): Promise<number> {
    const rows = (await manager.query(
      `INSERT INTO case_counters (case_id, name, value) VALUES ($1, $2, 1)
       ON CONFLICT (case_id, name) DO UPDATE SET value = case_counters.value + 1
       RETURNING value`,
      [caseId, name],
    )) as Array<{ value: number }>;
    return rows[0].value;
  }
}

