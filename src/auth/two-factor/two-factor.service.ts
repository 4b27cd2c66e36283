import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { toDataURL } from 'qrcode';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { RecoveryCodeEntity, TotpSecretEntity } from 'src/auth/entities/second-factor.entity';
import { TwoFactorPolicyEntity } from 'src/auth/entities/two-factor-policy.entity';
import { SessionsService } from 'src/auth/sessions.service';
import { LoginThrottleService } from 'src/auth/throttle/login-throttle.service';
import {
  hashRecoveryCode, isRecoveryCodeShape, newRecoveryCode, newTotpSecret, RECOVERY_CODE_COUNT, totpUri, verifyTotp,
} from 'src/auth/two-factor/second-factor-codes';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { open, seal } from 'src/common/crypto/envelope';
import { deriveSubkey } from 'src/common/crypto/tokens';
import { DomainException, NotFoundDomainException, ValidationDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { UserEntity, type UserRole } from 'src/users/entities/user.entity';

/** A second factor as sent by the caller: a code from the authenticator app, or a recovery code. */
export interface SecondFactorInput {
  totpCode?: string;
  recoveryCode?: string;
}
export type SecondFactorMethod = 'totp' | 'recovery_code';

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  /** Enrolment started (secret issued) but not confirmed with a code. */
  pending: boolean;
  recoveryCodesRemaining: number;
  /** The policy requires two-factor sign-in for this user. */
  required: boolean;
}

export interface TwoFactorPolicyInput {
  requiredForAll: boolean;
  requiredRoles: UserRole[];
  version: number;
}

const WRONG_CODE = 'is wrong, expired or already used';

export function secondFactorRequired(policy: Pick<TwoFactorPolicyEntity, 'requiredForAll' | 'requiredRoles'>, role: UserRole): boolean {
  return policy.requiredForAll || policy.requiredRoles.includes(role);
}

/** Refuses both codes at once; with `required`, refuses neither. */
export function assertOneSecondFactor(input: SecondFactorInput, required: boolean): void {
  if (input.totpCode !== undefined && input.recoveryCode !== undefined) {
    throw new ValidationDomainException('recoveryCode', 'cannot be sent together with totpCode; send one of them');
  }
  if (required && input.totpCode === undefined && input.recoveryCode === undefined) {
    throw new ValidationDomainException('totpCode', 'is required: send the code shown by your authenticator app (or a recoveryCode)');
  }
}

function totpAad(userId: string): string {
  return `user:${userId}:totp-secret`;
}

/**
 * Two-factor sign-in (TOTP, RFC 6238) and its one-time recovery codes: enrolment, confirmation,
 * turning it off, new recovery codes, the admin's reset and the policy. The secret is sealed with
 * the master key; recovery codes are kept as keyed hashes; every change is audited.
 */
@Injectable()
export class TwoFactorService {
  private readonly recoveryKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {
    this.recoveryKey = deriveSubkey(config.masterKey, 'recovery-codes');
  }

  async policy(manager: EntityManager = this.dataSource.manager): Promise<TwoFactorPolicyEntity> {
    const policy = await manager.findOne(TwoFactorPolicyEntity, { where: { id: 1 } });
    if (!policy) throw new Error('two_factor_policy has no row: the migration creates it');
    return policy;
  }

  async status(userId: string, role: UserRole): Promise<TwoFactorStatus> {
    const [user, secret, remaining, policy] = await Promise.all([
      this.dataSource.getRepository(UserEntity).findOneOrFail({ where: { id: userId } }),
      this.dataSource.getRepository(TotpSecretEntity).exists({ where: { userId } }),
      this.dataSource.getRepository(RecoveryCodeEntity).count({ where: { userId, usedAt: IsNull() } }),
      this.policy(),
    ]);
    const enabled = user.twoFactorEnabledAt !== null;
    return { enabled, enabledAt: user.twoFactorEnabledAt, pending: !enabled && secret, recoveryCodesRemaining: enabled ? remaining : 0, required: secondFactorRequired(policy, role) };
  }

  /** Issues a new secret (replacing a pending one) to show once, as text, otpauth URI and QR code. */
  async enrol(actor: AuthenticatedUser): Promise<{ secret: string; otpauthUri: string; qrCodeDataUrl: string }> {
    const secret = newTotpSecret();
    const email = await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, actor.id);
      if (user.twoFactorEnabledAt) throw new DomainException('CONFLICT', 'Two-factor sign-in is already on; turn it off (POST /auth/2fa/disable) before enrolling again');
      await manager.query(
        `INSERT INTO user_totp_secrets (user_id, secret_sealed, last_time_step) VALUES ($1, $2, NULL)
         ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, last_time_step = NULL, created_at = now()`,
        [user.id, seal(this.config.masterKey, Buffer.from(secret, 'utf8'), totpAad(user.id))],
      );
      await this.audit.record(manager, { actorId: actor.id, action: 'auth.2fa.enrolment_started', subjectType: 'user', subjectId: actor.id });
      return user.email;
    });
    const otpauthUri = totpUri(this.config.twoFactorIssuer, email, secret);
    return { secret, otpauthUri, qrCodeDataUrl: await toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) };
  }

  /**
   * Turns two-factor sign-in on with a current code of the pending secret, returns new recovery
   * codes (shown once), lifts an enrolment restriction from this session and signs the user's
   * other sessions out: they were opened with the password alone.
   */
  async confirm(actor: AuthenticatedUser, totpCode: string): Promise<{ recoveryCodes: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, actor.id);
      if (user.twoFactorEnabledAt) throw new DomainException('CONFLICT', 'Two-factor sign-in is already on');
      const row = await manager.findOne(TotpSecretEntity, { where: { userId: user.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new DomainException('CONFLICT', 'No enrolment to confirm: start with POST /auth/2fa/enrol');
      const step = await verifyTotp(this.openSecret(row), totpCode, null);
      if (step === null) throw new ValidationDomainException('totpCode', `${WRONG_CODE}: enter the code your authenticator app shows now`);
      await manager.update(TotpSecretEntity, { userId: user.id }, { lastTimeStep: String(step) });
      user.twoFactorEnabledAt = new Date();
      await manager.save(user);
      const recoveryCodes = await this.replaceRecoveryCodes(manager, user.id);
      await this.sessions.markSecondFactor(manager, actor.sessionId);
      const revoked = await this.sessions.revokeAllForUser(manager, user.id, actor.sessionId);
      await this.audit.record(manager, { actorId: actor.id, action: 'auth.2fa.enabled', subjectType: 'user', subjectId: actor.id, details: { recoveryCodes: recoveryCodes.length, otherSessionsRevoked: revoked } });
      return { recoveryCodes };
    });
  }

  /** Turns two-factor sign-in off, with a current code or a recovery code. */
  async disable(actor: AuthenticatedUser, input: SecondFactorInput, clientAddress: string | undefined): Promise<void> {
    await this.withCode(actor, input, clientAddress, async (manager, method) => {
      await this.removeSecondFactor(manager, actor.id);
      await this.audit.record(manager, { actorId: actor.id, action: 'auth.2fa.disabled', subjectType: 'user', subjectId: actor.id, details: { provedWith: method } });
    });
  }

  /** New recovery codes (the old ones stop working), with a current code or a recovery code. */
  async regenerateRecoveryCodes(actor: AuthenticatedUser, input: SecondFactorInput, clientAddress: string | undefined): Promise<{ recoveryCodes: string[] }> {
    return this.withCode(actor, input, clientAddress, async (manager, method) => {
      const recoveryCodes = await this.replaceRecoveryCodes(manager, actor.id);
      await this.audit.record(manager, { actorId: actor.id, action: 'auth.2fa.recovery_codes_regenerated', subjectType: 'user', subjectId: actor.id, details: { recoveryCodes: recoveryCodes.length, provedWith: method } });
      return { recoveryCodes };
    });
  }

  /**
   * An admin turns another user's two-factor sign-in off (a lost phone) and signs them out
   * everywhere; they enrol again at their next sign-in if the policy requires it.
   */
  async reset(userId: string, actorId: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundDomainException('User');
      if (user.id === actorId) {
        throw new DomainException('UNPROCESSABLE', 'You cannot reset your own two-factor sign-in: turn it off with a code (POST /auth/2fa/disable) or ask another admin');
      }
      const wasEnabled = user.twoFactorEnabledAt !== null;
      await this.removeSecondFactor(manager, user.id);
      const revoked = await this.sessions.revokeAllForUser(manager, user.id);
      await this.audit.record(manager, { actorId, action: 'auth.2fa.reset', subjectType: 'user', subjectId: user.id, details: { wasEnabled, sessionsRevoked: revoked } });
      return manager.findOneOrFail(UserEntity, { where: { id: user.id } });
    });
  }

  async updatePolicy(input: TwoFactorPolicyInput, actorId: string): Promise<TwoFactorPolicyEntity> {
    return this.dataSource.transaction(async (manager) => {
      const policy = await manager.findOneOrFail(TwoFactorPolicyEntity, { where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      if (policy.version !== input.version) throw new VersionConflictException('Two-factor policy', input.version, policy.version);
      const before = { requiredForAll: policy.requiredForAll, requiredRoles: [...policy.requiredRoles] };
      const requiredRoles = [...new Set(input.requiredRoles)].sort();
      if (before.requiredForAll === input.requiredForAll && before.requiredRoles.join() === requiredRoles.join()) return policy;
      Object.assign(policy, { requiredForAll: input.requiredForAll, requiredRoles, updatedBy: actorId });
      const saved = await manager.save(policy);
      await this.audit.record(manager, { actorId, action: 'auth.2fa.policy_updated', subjectType: 'two_factor_policy', subjectId: '1', details: { before, after: { requiredForAll: saved.requiredForAll, requiredRoles } } });
      return saved;
    });
  }

  /**
   * Checks a second factor inside the caller's transaction and uses it up: a TOTP code's step
   * (and earlier ones) can no longer be used, a recovery code is spent. Null when it is wrong.
   */
  async consume(manager: EntityManager, userId: string, input: SecondFactorInput): Promise<SecondFactorMethod | null> {
    if (input.totpCode !== undefined) {
      const row = await manager.findOne(TotpSecretEntity, { where: { userId }, lock: { mode: 'pessimistic_write' } });
      if (!row) return null;
      const step = await verifyTotp(this.openSecret(row), input.totpCode, row.lastTimeStep === null ? null : Number(row.lastTimeStep));
      if (step === null) return null;
      await manager.update(TotpSecretEntity, { userId }, { lastTimeStep: String(step) });
      return 'totp';
    }
    if (input.recoveryCode !== undefined && isRecoveryCodeShape(input.recoveryCode)) {
      const used = (await manager.query(
        'UPDATE user_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id',
        [userId, hashRecoveryCode(this.recoveryKey, input.recoveryCode)],
      )) as [unknown[], number];
      return used[1] > 0 ? 'recovery_code' : null;
    }
    return null;
  }

  async remainingRecoveryCodes(manager: EntityManager, userId: string): Promise<number> {
    return manager.count(RecoveryCodeEntity, { where: { userId, usedAt: IsNull() } });
  }

  /**
   * Runs `work` once the caller has proved a second factor. Wrong codes count in the sign-in
   * throttling (this account from this address), so a stolen session cannot guess its way to
   * turning two-factor off.
   */
  private async withCode<T>(
    actor: AuthenticatedUser,
    input: SecondFactorInput,
    clientAddress: string | undefined,
    work: (manager: EntityManager, method: SecondFactorMethod) => Promise<T>,
  ): Promise<T> {
    assertOneSecondFactor(input, true);
    const user = await this.dataSource.getRepository(UserEntity).findOneOrFail({ where: { id: actor.id } });
    if (!user.twoFactorEnabledAt) throw new DomainException('CONFLICT', 'Two-factor sign-in is not on');
    const subjects = this.throttle.subjects(user.email, clientAddress);
    await this.throttle.assertNotLocked(subjects);
    const outcome = await this.dataSource.transaction(async (manager) => {
      await this.lockUser(manager, actor.id);
      const method = await this.consume(manager, actor.id, input);
      return method ? { value: await work(manager, method) } : null;
    });
    if (outcome) return outcome.value;
    await sleep(await this.throttle.recordFailure(subjects, 'second_factor', actor.id));
    throw new ValidationDomainException(input.totpCode !== undefined ? 'totpCode' : 'recoveryCode', WRONG_CODE);
  }

  private async lockUser(manager: EntityManager, userId: string): Promise<UserEntity> {
    const user = await manager.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundDomainException('User');
    return user;
  }

  private openSecret(row: TotpSecretEntity): string {
    return open(this.config.masterKey, row.secretSealed, totpAad(row.userId)).toString('utf8');
  }

  private async replaceRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
    await manager.delete(RecoveryCodeEntity, { userId });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await manager.insert(RecoveryCodeEntity, codes.map((code) => ({ userId, codeHash: hashRecoveryCode(this.recoveryKey, code), usedAt: null })));
    return codes;
  }

  private async removeSecondFactor(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(TotpSecretEntity, { userId });
    await manager.delete(RecoveryCodeEntity, { userId });
    await manager.update(UserEntity, { id: userId }, { twoFactorEnabledAt: null });
  }
}
