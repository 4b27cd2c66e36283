import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { SessionsService } from 'src/auth/sessions.service';
import { LoginThrottleService, ThrottleSubjects } from 'src/auth/throttle/login-throttle.service';
import type { FailureStage } from 'src/auth/throttle/login-throttle';
import { assertOneSecondFactor, SecondFactorInput, SecondFactorMethod, secondFactorRequired, TwoFactorService, TwoFactorStatus } from 'src/auth/two-factor/two-factor.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { dummyPasswordHash, hashPassword, verifyPassword } from 'src/common/crypto/passwords';
import { DomainException, ValidationDomainException } from 'src/common/errors/domain.exception';
import { UserEntity, type UserLanguage } from 'src/users/entities/user.entity';
import { assertPasswordAcceptable, normaliseEmail } from 'src/users/users.service';

export interface SignInInput extends SecondFactorInput {
  email: string;
  password: string;
  /** The client's address as Express sees it (`req.ip`, honouring TRUST_PROXY). */
  clientAddress: string | undefined;
}

export interface SignInResult {
  /** The opaque session token: a bearer token, or the value of the session cookie. */
  token: string;
  sessionId: string;
  expiresAt: Date;
  user: UserEntity;
  /** The policy requires two-factor sign-in and the user has not enrolled: the session is limited to enrolment. */
  secondFactorEnrolmentRequired: boolean;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /**
   * Every way of signing in goes through here: throttling by account and client address, the
   * password (unknown e-mails take the same path and time), the second factor when it is on,
   * then a new session.
   */
  async signIn(input: SignInInput): Promise<SignInResult> {
    assertOneSecondFactor(input, false);
    const email = normaliseEmail(input.email);
    const subjects = this.throttle.subjects(email, input.clientAddress);
    await this.throttle.sweep();
    await this.throttle.assertNotLocked(subjects);

    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { email } });
    const usable = user !== null && user.disabledAt === null;
    const valid = await verifyPassword(usable ? user.passwordHash : await dummyPasswordHash(), input.password);
    if (!usable || !valid) return this.fail(subjects, 'password', user?.id ?? null);

    const secondFactorOn = user.twoFactorEnabledAt !== null;
    if (secondFactorOn && input.totpCode === undefined && input.recoveryCode === undefined) {
      throw new DomainException('SECOND_FACTOR_REQUIRED', 'Two-factor sign-in is on for this account: send totpCode (the code your authenticator app shows) or a recoveryCode with the password');
    }
    const policy = await this.twoFactor.policy();
    const result = await this.dataSource.transaction(async (manager) => {
      let method: SecondFactorMethod | null = null;
      if (secondFactorOn) {
        method = await this.twoFactor.consume(manager, user.id, input);
        if (!method) return null;
      }
      await this.throttle.recordSuccess(manager, subjects);
      const { token, session } = await this.sessions.issue(manager, user.id, { secondFactor: method !== null });
      const secondFactorEnrolmentRequired = !secondFactorOn && secondFactorRequired(policy, user.role);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'auth.login',
        subjectType: 'session',
        subjectId: session.id,
        details: { secondFactor: method ?? 'none', ...(secondFactorEnrolmentRequired ? { restrictedToEnrolment: true } : {}) },
      });
      if (method === 'recovery_code') {
        const remaining = await this.twoFactor.remainingRecoveryCodes(manager, user.id);
        await this.audit.record(manager, { actorId: user.id, action: 'auth.2fa.recovery_code_used', subjectType: 'user', subjectId: user.id, details: { remaining } });
      }
      return { token, sessionId: session.id, expiresAt: session.expiresAt, user, secondFactorEnrolmentRequired };
    });
    return result ?? this.fail(subjects, 'second_factor', user.id);
  }

  async logout(actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, actor.sessionId);
      await this.audit.record(manager, { actorId: actor.id, action: 'auth.logout', subjectType: 'session', subjectId: actor.sessionId });
    });
  }

  /** Signs the user out everywhere: every session, this one included. */
  async logoutAll(actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const revoked = await this.sessions.revokeAllForUser(manager, actor.id);
      await this.audit.record(manager, { actorId: actor.id, action: 'auth.logout_all', subjectType: 'user', subjectId: actor.id, details: { sessionsRevoked: revoked } });
    });
  }

  /**
   * The signed-in user changes their password. The current one is checked under the sign-in
   * throttle (a lock answers 429 LOGIN_LOCKED; a wrong one counts as a failed sign-in and answers
   * 400 naming `currentPassword`, not 401, which would read as "your session ended"). The new one
   * must pass the policy and differ from the current one. Every other session is revoked; this one stays.
   */
  async changePassword(actor: AuthenticatedUser, input: { currentPassword: string; newPassword: string; clientAddress: string | undefined }): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOneOrFail({ where: { id: actor.id } });
    const subjects = this.throttle.subjects(user.email, input.clientAddress);
    await this.throttle.assertNotLocked(subjects);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      await sleep(await this.throttle.recordFailure(subjects, 'password', user.id));
      throw new ValidationDomainException('currentPassword', 'is wrong');
    }
    if (input.newPassword === input.currentPassword) throw new ValidationDomainException('newPassword', 'must differ from the current password');
    assertPasswordAcceptable(input.newPassword, user, 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOneOrFail(UserEntity, { where: { id: actor.id }, lock: { mode: 'pessimistic_write' } });
      locked.passwordHash = passwordHash;
      await manager.save(locked);
      const sessionsRevoked = await this.sessions.revokeAllForUser(manager, actor.id, actor.sessionId);
      await this.audit.record(manager, { actorId: actor.id, action: 'auth.password_changed', subjectType: 'user', subjectId: actor.id, details: { sessionsRevoked } });
    });
  }

  async me(actor: AuthenticatedUser): Promise<{ user: UserEntity; twoFactor: TwoFactorStatus; secondFactorEnrolmentRequired: boolean }> {
    const user = await this.dataSource.getRepository(UserEntity).findOneOrFail({ where: { id: actor.id } });
    return { user, twoFactor: await this.twoFactor.status(user.id, user.role), secondFactorEnrolmentRequired: actor.secondFactorEnrolmentRequired === true };
  }

  /** Personal preferences (the interface language): not data an admin manages, so no version bump or audit entry. */
  async updatePreferences(actor: AuthenticatedUser, preferences: { language: UserLanguage }): Promise<{ user: UserEntity; twoFactor: TwoFactorStatus; secondFactorEnrolmentRequired: boolean }> {
    await this.dataSource.query('UPDATE users SET language = $1 WHERE id = $2', [preferences.language, actor.id]);
    return this.me(actor);
  }

  private async fail(subjects: ThrottleSubjects, stage: FailureStage, userId: string | null): Promise<never> {
    await sleep(await this.throttle.recordFailure(subjects, stage, userId));
    if (stage === 'password') throw new DomainException('INVALID_CREDENTIALS', 'Email or password is wrong');
    throw new DomainException('INVALID_SECOND_FACTOR', 'The two-factor code is wrong, expired or already used');
  }
}
