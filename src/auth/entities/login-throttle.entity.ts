import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ThrottleScope } from 'src/auth/throttle/login-throttle';

/**
 * Failed-sign-in counters per scope (account, client address, or the pair), keyed by an HMAC of
 * the normalised e-mail and/or the address under a key derived from the master key: the table
 * holds no e-mail or address, unknown e-mails are counted exactly like real accounts, and the
 * short refs kept for audit entries cannot be reversed by trying every IPv4 address.
 * See src/auth/throttle/login-throttle.ts for the rules.
 */
@Entity('login_throttle')
@Index('login_throttle_window_idx', ['windowStartedAt'])
@Check('login_throttle_scope', `"scope" IN ('account', 'address', 'pair')`)
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'text' }) scope: ThrottleScope;
  @PrimaryColumn({ name: 'key_hash', type: 'text' }) keyHash: string;
  /** Prefixes of the account and address hashes, for the audit entries of a pair or address. */
  @Column({ name: 'account_ref', type: 'text', nullable: true }) accountRef: string | null;
  @Column({ name: 'address_ref', type: 'text', nullable: true }) addressRef: string | null;
  /** The account's user when the e-mail belongs to one (audit subject); null for unknown e-mails. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ type: 'integer', default: 0 }) failures: number;
  @Column({ name: 'second_factor_failures', type: 'integer', default: 0 }) secondFactorFailures: number;
  @Column({ type: 'integer', default: 0 }) refused: number;
  @Column({ name: 'reported_failures', type: 'integer', default: 0 }) reportedFailures: number;
  @Column({ name: 'reported_refused', type: 'integer', default: 0 }) reportedRefused: number;
  @Column({ name: 'window_started_at', type: 'timestamptz' }) windowStartedAt: Date;
  @Column({ name: 'last_failure_at', type: 'timestamptz' }) lastFailureAt: Date;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
}
