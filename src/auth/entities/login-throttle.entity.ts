import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed-login counter keyed by a hash of the normalised e-mail, so unknown addresses are
 * throttled exactly like real accounts and the answer reveals nothing about who has an account.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ name: 'email_hash', type: 'text' }) emailHash: string;
  @Column({ type: 'integer', default: 0 }) failures: number;
  @Column({ name: 'last_failure_at', type: 'timestamptz' }) lastFailureAt: Date;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
}
