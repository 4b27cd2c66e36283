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

  async issue(manager: EntityManager, userId: string): Promise<{ token: string; session: SessionEntity }> {
    const token = newBearerToken();
    const session = manager.create(SessionEntity, {
      userId,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(Date.now() + this.config.tokenTtlSeconds * 1000),
      revokedAt: null,
    });
    await manager.save(session);
    return { token, session };
  }

  /** The user behind a live token, or null when it is unknown, expired, revoked or the user is disabled. */
  async authenticate(token: string): Promise<AuthenticatedUser | null> {
    const rows = (await this.dataSource.query(
      `SELECT s.id AS session_id, u.id AS user_id, u.role
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [sha256Hex(token)],
    )) as Array<{ session_id: string; user_id: string; role: UserRole }>;
    const row = rows[0];
    return row ? { id: row.user_id, role: row.role, sessionId: row.session_id } : null;
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.createQueryBuilder().update(SessionEntity).set({ revokedAt: () => 'now()' })
      .where('id = :sessionId AND revoked_at IS NULL', { sessionId }).execute();
  }

  async revokeAllForUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.createQueryBuilder().update(SessionEntity).set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId }).execute();
  }
}
