import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SessionEntity } from 'src/auth/entities/session.entity';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { newBearerToken, sha256Hex } from 'src/common/crypto/tokens';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import type { UserRole } from 'src/users/entities/user.entity';

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `secondFactor`: the holder proved a second factor to get this session. */
  async issue(manager: EntityManager, userId: string, options: { secondFactor?: boolean } = {}): Promise<{ token: string; session: SessionEntity }> {
    const token = newBearerToken();
    const session = manager.create(SessionEntity, {
      userId,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(Date.now() + this.config.tokenTtlSeconds * 1000),
      revokedAt: null,
      secondFactorAt: options.secondFactor ? new Date() : null,
    });
    await manager.save(session);
    return { token, session };
  }

  /**
   * The user behind a live token, or null when it is unknown, expired, revoked or the user is
   * disabled. The session is restricted to enrolment when the two-factor policy covers the user
   * and the session was not opened (or confirmed) with a second factor that is still on.
   */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    const rows = (await this.dataSource.query(
      `SELECT s.id AS session_id, u.id AS user_id, u.role,
              (COALESCE(p.required_for_all OR u.role = ANY(p.required_roles), false)
               AND NOT (u.two_factor_enabled_at IS NOT NULL AND s.second_factor_at IS NOT NULL)) AS enrolment_required
         FROM sessions s JOIN users u ON u.id = s.user_id
         LEFT JOIN two_factor_policy p ON p.id = 1
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [sha256Hex(token)],
    )) as Array<{ session_id: string; user_id: string; role: UserRole; enrolment_required: boolean }>;
    const row = rows[0];
    return row ? { id: row.user_id, role: row.role, sessionId: row.session_id, secondFactorEnrolmentRequired: row.enrolment_required } : null;
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.createQueryBuilder().update(SessionEntity).set({ revokedAt: () => 'now()' })
      .where('id = :sessionId AND revoked_at IS NULL', { sessionId }).execute();
  }

  /** Revokes every live session of the user (but `exceptSessionId`); returns how many. */
  async revokeAllForUser(manager: EntityManager, userId: string, exceptSessionId?: string): Promise<number> {
    const query = manager.createQueryBuilder().update(SessionEntity).set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (exceptSessionId) query.andWhere('id <> :exceptSessionId', { exceptSessionId });
    return (await query.execute()).affected ?? 0;
  }

  /** Records that the holder of this session has just proved a second factor. */
  async markSecondFactor(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.update(SessionEntity, { id: sessionId }, { secondFactorAt: new Date() });
  }
}
