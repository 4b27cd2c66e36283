import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseAccessService } from 'src/cases/case-access.service';
import type { MemberCandidateDto } from 'src/cases/dto/member-candidate.dto';
import type { CaseRole } from 'src/cases/entities/case-member.entity';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { NotFoundDomainException } from 'src/common/errors/domain.exception';
import type { UserRole } from 'src/users/entities/user.entity';

const MAX_CANDIDATES = 20;

/**
 * Finds staff accounts by name or e-mail so a lead adds members by picking, not by typing ids.
 * Only those who manage the case's membership (its leads, global admins) may look.
 */
@Injectable()
export class MemberCandidatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
  ) {}

  async find(caseId: string, text: string | undefined, actor: AuthenticatedUser): Promise<MemberCandidateDto[]> {
    if (actor.role === 'admin') {
      const found: unknown[] = await this.dataSource.query('SELECT 1 FROM cases WHERE id = $1', [caseId]);
      if (found.length === 0) throw new NotFoundDomainException('Case');
    } else {
      await this.access.require(caseId, actor, 'manage');
    }
    const escaped = (text ?? '').trim().replace(/[\\%_]/g, '\\$&');
    const rows: Array<{ id: string; display_name: string; email: string; role: UserRole; case_role: CaseRole | null }> = await this.dataSource.query(
      `SELECT u.id, u.display_name, u.email, u.role, m.role AS case_role
       FROM users u LEFT JOIN case_members m ON m.user_id = u.id AND m.case_id = $1
       WHERE u.disabled_at IS NULL AND (u.display_name ILIKE '%' || $2 || '%' OR u.email ILIKE $2 || '%')
       ORDER BY (m.role IS NOT NULL), lower(u.display_name), u.email
       LIMIT $3`,
      [caseId, escaped, MAX_CANDIDATES],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email, role: r.role, caseRole: r.case_role }));
  }
}
