import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { LoginThrottleEntity } from 'src/auth/entities/login-throttle.entity';
import { SessionsService } from 'src/auth/sessions.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { dummyPasswordHash, verifyPassword } from 'src/common/crypto/passwords';
import { sha256Hex } from 'src/common/crypto/tokens';
import { DomainException } from 'src/common/errors/domain.exception';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { UserEntity, type UserLanguage } from 'src/users/entities/user.entity';
import { normaliseEmail } from 'src/users/users.service';

const MAX_FAILURE_DELAY_MS = 5000;

/** What a sign-in may carry besides the password (checked once two-factor sign-in exists). */
export interface SecondFactor {
  totpCode?: string;
  recoveryCode?: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  // _secondFactor: passed through from POST /auth/session; the two-factor work in src/auth checks it.
  async login(emailInput: string, password: string, _secondFactor: SecondFactor = {}): Promise<{ token: string; expiresAt: Date; user: UserEntity }> {
    const email = normaliseEmail(emailInput);
    const emailHash = sha256Hex(`login:${email}`);
    const throttle = await this.dataSource.getRepository(LoginThrottleEntity).findOne({ where: { emailHash } });
    if (throttle?.lockedUntil && throttle.lockedUntil > new Date()) {
      const retryAfterSeconds = Math.ceil((throttle.lockedUntil.getTime() - Date.now()) / 1000);
      await this.audit.recordStandalone({ actorId: null, action: 'auth.login_refused_locked', subjectType: 'login', subjectId: emailHash.slice(0, 16), details: { retryAfterSeconds } });
      throw new DomainException('LOGIN_LOCKED', `Too many failed sign-ins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }

    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { email } });
    const usable = user && user.disabledAt === null;
    const valid = await verifyPassword(usable ? user.passwordHash : await dummyPasswordHash(), password);
    if (!usable || !valid) {
      const failures = await this.recordFailure(emailHash, user?.id ?? null);
      await sleep(Math.min(this.config.loginFailureDelayMs * failures, MAX_FAILURE_DELAY_MS));
      throw new DomainException('INVALID_CREDENTIALS', 'Email or password is wrong');
    }

    return this.dataSource.transaction(async (manager) => {
      await manager.delete(LoginThrottleEntity, { emailHash });
      const { token, session } = await this.sessions.issue(manager, user.id);
      await this.audit.record(manager, { actorId: user.id, action: 'auth.login', subjectType: 'session', subjectId: session.id });
      return { token, expiresAt: session.expiresAt, user };
    });
  }

  async logout(actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, actor.sessionId);
      await this.audit.record(manager, { actorId: actor.id, action: 'auth.logout', subjectType: 'session', subjectId: actor.sessionId });
    });
  }

  async me(actor: AuthenticatedUser): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: actor.id } });
    if (!user) throw new DomainException('UNAUTHENTICATED', 'The account no longer exists; sign in again');
    return user;
  }

  /** Personal preferences: not administered data, so neither the version nor the audit log changes. */
  async updatePreferences(actor: AuthenticatedUser, preferences: { language: UserLanguage }): Promise<UserEntity> {
    await this.dataSource.query('UPDATE users SET language = $1 WHERE id = $2', [preferences.language, actor.id]);
    return this.me(actor);
  }

  /** Counts a failure (and locks after too many) atomically; returns the failure count. */
  private recordFailure(emailHash: string, userId: string | null): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO login_throttle (email_hash, failures, last_failure_at) VALUES ($1, 0, now()) ON CONFLICT DO NOTHING', [emailHash]);
      const row = await manager.findOneOrFail(LoginThrottleEntity, { where: { emailHash }, lock: { mode: 'pessimistic_write' } });
      const lockExpired = row.lockedUntil !== null && row.lockedUntil <= new Date();
      row.failures = lockExpired ? 1 : row.failures + 1;
      row.lastFailureAt = new Date();
      const locked = row.failures >= this.config.loginMaxFailures;
      row.lockedUntil = locked ? new Date(Date.now() + this.config.loginLockSeconds * 1000) : null;
      await manager.save(row);
      await this.audit.record(manager, {
        actorId: null,
        action: 'auth.login_failed',
        subjectType: userId ? 'user' : 'login',
        // The hash prefix links attempts on one address without storing the address.
        subjectId: userId ?? emailHash.slice(0, 16),
        details: { failures: row.failures, locked },
      });
      return row.failures;
    });
  }
}
