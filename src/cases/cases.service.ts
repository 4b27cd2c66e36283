import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditListFilter, AuditListRow, AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import type { CreateCaseDto, ListCasesQueryDto, MembershipHistoryQueryDto, PutMemberDto, UpdateCaseDto } from 'src/cases/dto/case.dto';
import { CaseMemberEntity } from 'src/cases/entities/case-member.entity';
import { CaseEntity } from 'src/cases/entities/case.entity';
import { MEMBERSHIP_ACTIONS, MEMBERSHIP_ACTIONS_SQL, membershipAuditEntry, membershipEventFromAudit, MembershipEventWithNames } from 'src/cases/membership-history';
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

  /**
   * Leads manage membership; a global admin may too (administration), without seeing content.
   * Answers whether the actor is a member of the case (an admin acting from outside is not).
   */
  private async requireMembershipManager(caseId: string, actor: AuthenticatedUser, manager: EntityManager): Promise<{ actorWasMember: boolean }> {
    if (actor.role === 'admin') {
      if (!(await manager.exists(CaseEntity, { where: { id: caseId } }))) throw new NotFoundDomainException('Case');
      return { actorWasMember: await manager.exists(CaseMemberEntity, { where: { caseId, userId: actor.id } }) };
    }
    await this.access.require(caseId, actor, 'manage', manager);
    return { actorWasMember: true };
  }

  async listMembers(caseId: string, actor: AuthenticatedUser): Promise<CaseMemberEntity[]> {
    if (actor.role !== 'admin') await this.access.require(caseId, actor, 'read');
    else if (!(await this.dataSource.getRepository(CaseEntity).exists({ where: { id: caseId } }))) throw new NotFoundDomainException('Case');
    return this.dataSource.getRepository(CaseMemberEntity).find({ where: { caseId }, relations: { user: true }, order: { createdAt: 'ASC' } });
  }

  async putMember(caseId: string, userId: string, input: PutMemberDto, actor: AuthenticatedUser): Promise<CaseMemberEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { actorWasMember } = await this.requireMembershipManager(caseId, actor, manager);
      const user = await manager.findOne(UserEntity, { where: { id: userId } });
      if (!user || user.disabledAt) throw new DomainException('VALIDATION_FAILED', 'userId does not name an active user', [{ field: 'userId', problems: ['is not an active user'] }]);
      let member = await manager.findOne(CaseMemberEntity, { where: { caseId, userId }, lock: { mode: 'pessimistic_write' } });
      const before = member ? { role: member.role, identityClearance: member.identityClearance } : null;
      if (member?.role === 'lead' && input.role !== 'lead') await this.assertAnotherLead(manager, caseId, userId);
      member = manager.create(CaseMemberEntity, { ...(member ?? { caseId, userId, addedBy: actor.id }), role: input.role, identityClearance: input.identityClearance });
      const saved = await manager.save(member);
      saved.user = user;
      const entry = membershipAuditEntry(before, { role: input.role, identityClearance: input.identityClearance }, { role: actor.role, wasMember: actorWasMember });
      await this.audit.record(manager, { actorId: actor.id, subjectType: 'user', subjectId: userId, caseId, ...entry });
      return saved;
    });
  }

  async removeMember(caseId: string, userId: string, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { actorWasMember } = await this.requireMembershipManager(caseId, actor, manager);
      const member = await manager.findOne(CaseMemberEntity, { where: { caseId, userId }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw new NotFoundDomainException('Member');
      if (member.role === 'lead') await this.assertAnotherLead(manager, caseId, userId);
      await manager.delete(CaseMemberEntity, { caseId, userId });
      const entry = membershipAuditEntry({ role: member.role, identityClearance: member.identityClearance }, null, { role: actor.role, wasMember: actorWasMember });
      await this.audit.record(manager, { actorId: actor.id, subjectType: 'user', subjectId: userId, caseId, ...entry });
    });
  }

  /**
   * Who was added, changed or removed, by whom and when, newest first: read from the audit log
   * (see membership-history.ts). Leads of the case and global admins only.
   */
  async memberHistory(caseId: string, query: MembershipHistoryQueryDto, actor: AuthenticatedUser): Promise<Page<MembershipEventWithNames>> {
    await this.requireMembershipManager(caseId, actor, this.dataSource.manager);
    // Linked entries only, after linking everything committed before this read.
    await this.audit.settle();
    // The case's creator is the subject of case.create; everyone else is the entry's subject user.
    const memberExpr = `CASE WHEN a.action = '${MEMBERSHIP_ACTIONS.caseCreated}' THEN a.actor_id::text ELSE a.subject_id END`;
    const params: unknown[] = [caseId];
    let where = `a.case_id = $1 AND a.${MEMBERSHIP_ACTIONS_SQL} AND a.seq IS NOT NULL`;
    if (query.userId) {
      params.push(query.userId);
      where += ` AND ${memberExpr} = $${params.length}`;
    }
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log a WHERE ${where}`, params)) as Array<{ total: number }>;
    const rows = (await this.dataSource.query(
      `SELECT a.seq::text AS seq, a.occurred_at AS "occurredAt", a.actor_id AS "actorId", a.action, a.subject_id AS "subjectId", a.details,
              member.display_name AS "userDisplayName", actor.display_name AS "actorDisplayName"
         FROM audit_log a
         LEFT JOIN users member ON member.id::text = ${memberExpr}
         LEFT JOIN users actor ON actor.id = a.actor_id
        WHERE ${where}
        ORDER BY a.seq DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    )) as Array<Parameters<typeof membershipEventFromAudit>[0] & { userDisplayName: string | null; actorDisplayName: string | null }>;
    const items = rows.flatMap((row) => {
      const event = membershipEventFromAudit(row);
      return event ? [{ ...event, userDisplayName: row.userDisplayName, actorDisplayName: row.actorDisplayName }] : [];
    });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** The case's audit trail (see AuditService.list). Leads of the case and global admins only. */
  async auditTrail(caseId: string, filter: AuditListFilter, actor: AuthenticatedUser): Promise<Page<AuditListRow>> {
    await this.requireMembershipManager(caseId, actor, this.dataSource.manager);
    return this.audit.list(filter, caseId);
  }

  private async assertAnotherLead(manager: EntityManager, caseId: string, userId: string): Promise<void> {
    const leads = await manager.count(CaseMemberEntity, { where: { caseId, role: 'lead' } });
    const isLead = await manager.exists(CaseMemberEntity, { where: { caseId, userId, role: 'lead' } });
    if (isLead && leads <= 1) throw new DomainException('LAST_CASE_LEAD', 'A case must keep at least one lead: make someone else lead first');
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

