import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CasePermission, memberMay } from 'src/cases/case-permissions';
import { CaseMemberEntity } from 'src/cases/entities/case-member.entity';
import { CaseEntity, type CaseStatus } from 'src/cases/entities/case.entity';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, IdentityClearanceRequiredException, NotFoundDomainException } from 'src/common/errors/domain.exception';
import { requestContext } from 'src/common/logging/request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one gate for case-scoped work. A non-member gets the same 404 as a missing case, so
 * case ids reveal nothing; a member without the permission gets 403.
 */
@Injectable()
export class CaseAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller's membership and the case's status in one query, remembered for the request. */
  private async lookup(caseId: string, user: AuthenticatedUser, manager: EntityManager = this.dataSource.manager): Promise<Membership | null> {
    if (!UUID.test(caseId)) return null;
    const memo = requestContext.getStore();
    const key = `${caseId}:${user.id}`;
    const known = memo?.memberships?.get(key) as Membership | undefined;
    if (known) return known;
    const row = await manager.createQueryBuilder(CaseMemberEntity, 'm')
      .innerJoin(CaseEntity, 'c', 'c.id = m.case_id')
      .addSelect('c.status', 'case_status')
      .where('m.case_id = :caseId AND m.user_id = :userId', { caseId, userId: user.id })
      .getRawAndEntities();
    const member = row.entities[0];
    if (!member) return null;
    const found: Membership = { member, caseStatus: (row.raw[0] as { case_status: CaseStatus }).case_status };
    if (memo) (memo.memberships ??= new Map()).set(key, found);
    return found;
  }

  async membership(caseId: string, user: AuthenticatedUser, manager?: EntityManager): Promise<CaseMemberEntity | null> {
    return (await this.lookup(caseId, user, manager))?.member ?? null;
  }

  /** `what` names the operation in the answer to a member without identity clearance. */
  async require(caseId: string, user: AuthenticatedUser, permission: CasePermission, manager?: EntityManager, what?: string): Promise<CaseMemberEntity> {
    const found = await this.lookup(caseId, user, manager);
    if (!found) throw new NotFoundDomainException('Case');
    if (!memberMay(found.member, permission)) {
      if (permission === 'identity') throw new IdentityClearanceRequiredException(what);
      throw new DomainException('FORBIDDEN', `Your role on this case (${found.member.role}) does not allow this`);
    }
    if (CHANGING.has(permission) && found.caseStatus === 'archived') {
      throw new DomainException('CONFLICT', 'The case is archived; a lead must reopen it before anything changes');
    }
    return found.member;
  }
}

interface Membership {
  member: CaseMemberEntity;
  caseStatus: CaseStatus;
}

// Permissions that change case content; refused while the case is archived.
const CHANGING = new Set<CasePermission>(['record', 'analyse', 'review']);
