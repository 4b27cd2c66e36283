import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CasePermission, memberMay } from 'src/cases/case-permissions';
import { CaseMemberEntity } from 'src/cases/entities/case-member.entity';
import { CaseEntity } from 'src/cases/entities/case.entity';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, NotFoundDomainException } from 'src/common/errors/domain.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one gate for case-scoped work. A non-member gets the same 404 as a missing case, so
 * case ids reveal nothing; a member without the permission gets 403.
 */
@Injectable()
export class CaseAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async membership(caseId: string, user: AuthenticatedUser, manager: EntityManager = this.dataSource.manager): Promise<CaseMemberEntity | null> {
    if (!UUID.test(caseId)) return null;
    return manager.findOne(CaseMemberEntity, { where: { caseId, userId: user.id } });
  }

  async require(caseId: string, user: AuthenticatedUser, permission: CasePermission, manager?: EntityManager): Promise<CaseMemberEntity> {
    const member = await this.membership(caseId, user, manager);
    if (!member) throw new NotFoundDomainException('Case');
    if (!memberMay(member, permission)) {
      throw new DomainException('FORBIDDEN', permission === 'identity' ? 'This needs identity clearance on the case' : `Your role on this case (${member.role}) does not allow this`);
    }
    if (CHANGING.has(permission)) {
      const target = await (manager ?? this.dataSource.manager).findOne(CaseEntity, { where: { id: caseId }, select: { id: true, status: true } });
      if (target?.status === 'archived') throw new DomainException('CONFLICT', 'The case is archived; a lead must reopen it before anything changes');
    }
    return member;
  }
}

// Permissions that change case content; refused while the case is archived.
const CHANGING = new Set<CasePermission>(['record', 'analyse', 'review']);
