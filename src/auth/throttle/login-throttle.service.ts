import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecordInput, AuditService } from 'src/audit/audit.service';
import { LoginThrottleEntity } from 'src/auth/entities/login-throttle.entity';
import {
  clientAddressBucket, FailureStage, failureDelayMs, isLocked, needsSummary, registerFailure, retryAfterSeconds, ThrottleEvent, ThrottlePolicy, ThrottleScope,
} from 'src/auth/throttle/login-throttle';
import { deriveSubkey, hmacSha256Hex } from 'src/common/crypto/tokens';
import { DomainException } from 'src/common/errors/domain.exception';
import { APP_CONFIG, AppConfig } from 'src/config/config';

const MAX_FAILURE_DELAY_MS = 5000;
/** Closed windows summed up and cleared per sign-in attempt, so the sweep stays cheap. */
const SWEEP_BATCH = 20;
const REF_LENGTH = 16;

/** The throttle keys of one attempt: an account (normalised e-mail) from a client address. */
export interface ThrottleSubjects {
  keys: Record<ThrottleScope, string>;
  accountRef: string;
  addressRef: string;
}

/** Applies the rules of login-throttle.ts to the `login_throttle` table and the audit log. */
@Injectable()
export class LoginThrottleService {
  private readonly key: Buffer;
  private readonly policy: ThrottlePolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly audit: AuditService,
  ) {
    this.key = deriveSubkey(config.masterKey, 'login-throttle');
    this.policy = {
      windowMs: config.loginLockSeconds * 1000,
      lockMs: config.loginLockSeconds * 1000,
      pairMaxFailures: config.loginMaxFailures,
      addressMaxFailures: config.loginAddressMaxFailures,
      delayMs: config.loginFailureDelayMs,
      maxDelayMs: MAX_FAILURE_DELAY_MS,
    };
  }

  subjects(normalisedEmail: string, clientAddress: string | undefined): ThrottleSubjects {
    const bucket = clientAddressBucket(clientAddress);
    const account = hmacSha256Hex(this.key, `account\n${normalisedEmail}`);
    const address = hmacSha256Hex(this.key, `address\n${bucket}`);
    const pair = hmacSha256Hex(this.key, `pair\n${normalisedEmail}\n${bucket}`);
    return { keys: { account, address, pair }, accountRef: account.slice(0, REF_LENGTH), addressRef: address.slice(0, REF_LENGTH) };
  }

  /**
   * Refuses with 429 LOGIN_LOCKED while this account is locked from this address, or the address
   * is locked. The refusal is counted for the window's summary, not audited one by one.
   */
  async assertNotLocked(subjects: ThrottleSubjects): Promise<void> {
    const rows = await this.dataSource.getRepository(LoginThrottleEntity).find({
      where: [{ scope: 'pair', keyHash: subjects.keys.pair }, { scope: 'address', keyHash: subjects.keys.address }],
    });
    const now = new Date();
    const locked = rows.filter((row) => isLocked(row, now));
    if (locked.length === 0) return;
    for (const row of locked) {
      await this.dataSource.query('UPDATE login_throttle SET refused = refused + 1 WHERE scope = $1 AND key_hash = $2', [row.scope, row.keyHash]);
    }
    const retry = Math.max(...locked.map((row) => retryAfterSeconds(row, now)));
    throw new DomainException('LOGIN_LOCKED', `Too many failed sign-ins; try again in ${retry} s`, { retryAfterSeconds: retry });
  }

  /**
   * Counts a failed attempt for the account, the address and the pair (one transaction, with the
   * audit entries the rules call for) and returns how long to hold the answer back.
   */
  recordFailure(subjects: ThrottleSubjects, stage: FailureStage, userId: string | null): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const failures: Partial<Record<ThrottleScope, number>> = {};
      const audits: AuditRecordInput[] = [];
      // Always the same order (account, address, pair), so concurrent attempts cannot deadlock.
      for (const scope of ['account', 'address', 'pair'] as const) {
        const keyHash = subjects.keys[scope];
        await manager.query(
          'INSERT INTO login_throttle (scope, key_hash, window_started_at, last_failure_at) VALUES ($1, $2, now(), now()) ON CONFLICT DO NOTHING',
          [scope, keyHash],
        );
        const row = await manager.findOneOrFail(LoginThrottleEntity, { where: { scope, keyHash }, lock: { mode: 'pessimistic_write' } });
        const { counters, events } = registerFailure(scope, row, now, stage, this.policy);
        Object.assign(row, counters, {
          accountRef: scope === 'address' ? null : subjects.accountRef,
          addressRef: scope === 'account' ? null : subjects.addressRef,
          userId: scope === 'address' ? null : userId,
        });
        await manager.save(row);
        failures[scope] = row.failures;
        audits.push(...events.map((event) => auditEntry(row, event)));
      }
      for (const entry of audits) await this.audit.record(manager, entry);
      return failureDelayMs(failures.account ?? 0, failures.address ?? 0, this.policy);
    });
  }

  /**
   * A successful sign-in (inside its transaction): the pair's window is summed up if the audit log
   * has not heard all of it, and the pair's and the account's counters start over. The address
   * keeps its count: one good password must not reset a spraying address.
   */
  async recordSuccess(manager: EntityManager, subjects: ThrottleSubjects): Promise<void> {
    await manager.delete(LoginThrottleEntity, { scope: 'account', keyHash: subjects.keys.account });
    const pair = await manager.findOne(LoginThrottleEntity, { where: { scope: 'pair', keyHash: subjects.keys.pair }, lock: { mode: 'pessimistic_write' } });
    if (!pair) return;
    if (needsSummary(pair)) await this.audit.record(manager, auditEntry(pair, { type: 'window_summary', counters: pair }, 'success'));
    await manager.delete(LoginThrottleEntity, { scope: 'pair', keyHash: pair.keyHash });
  }

  /**
   * Sums up and clears windows that have closed (no lock, older than the window). Runs a small
   * batch at each sign-in attempt, so every closed window gets its summary without a timer.
   */
  sweep(limit = SWEEP_BATCH): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.createQueryBuilder(LoginThrottleEntity, 't')
        .where('t.window_started_at <= now() - make_interval(secs => :windowSeconds)', { windowSeconds: this.policy.windowMs / 1000 })
        .andWhere('(t.locked_until IS NULL OR t.locked_until <= now())')
        .orderBy('t.window_started_at', 'ASC')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      const summaries = rows.filter((row) => row.scope !== 'account' && needsSummary(row));
      for (const row of rows) await manager.delete(LoginThrottleEntity, { scope: row.scope, keyHash: row.keyHash });
      for (const row of summaries) await this.audit.record(manager, auditEntry(row, { type: 'window_summary', counters: row }, 'window_end'));
      return rows.length;
    });
  }
}

const EVENT_ACTIONS: Record<ThrottleEvent['type'], string> = {
  first_failure: 'auth.login_failed',
  first_second_factor_failure: 'auth.second_factor_failed',
  locked: 'auth.login_locked',
  window_summary: 'auth.login_failures_summary',
};

/** The audit entry of a throttle event: hash refs and counts only, never an e-mail or address. */
function auditEntry(row: LoginThrottleEntity, event: ThrottleEvent, closedBy?: 'success' | 'window_end'): AuditRecordInput {
  const c = event.counters;
  const subject = row.userId
    ? { subjectType: 'user', subjectId: row.userId }
    : row.scope === 'address'
      ? { subjectType: 'client_address', subjectId: row.addressRef }
      : { subjectType: 'login', subjectId: row.accountRef };
  return {
    actorId: null,
    action: row.scope === 'address' && event.type === 'locked' ? 'auth.login_address_locked' : EVENT_ACTIONS[event.type],
    ...subject,
    details: {
      scope: row.scope,
      ...(row.accountRef ? { accountRef: row.accountRef } : {}),
      ...(row.addressRef ? { addressRef: row.addressRef } : {}),
      ...(event.type === 'first_failure' ? { stage: event.stage } : {}),
      failures: c.failures,
      secondFactorFailures: c.secondFactorFailures,
      refusedWhileLocked: c.refused,
      windowStartedAt: c.windowStartedAt.toISOString(),
      ...(c.lockedUntil ? { lockedUntil: c.lockedUntil.toISOString() } : {}),
      ...(closedBy ? { closedBy } : {}),
    },
  };
}
