import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from 'src/users/entities/user.entity';

/**
 * A user's TOTP secret, sealed with the master key (AAD `user:<id>:totp-secret`). While
 * `users.two_factor_enabled_at` is null the enrolment is pending (not yet confirmed with a code).
 */
@Entity('user_totp_secrets')
export class TotpSecretEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @Column({ name: 'secret_sealed', type: 'bytea' }) secretSealed: Buffer;
  /** The last time step whose code was accepted: it and earlier steps are refused (no replay). */
  @Column({ name: 'last_time_step', type: 'bigint', nullable: true }) lastTimeStep: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One-time recovery codes, stored as HMAC-SHA-256 under a key derived from the master key. */
@Entity('user_recovery_codes')
@Index('user_recovery_codes_user_code_unique', ['userId', 'codeHash'], { unique: true })
export class RecoveryCodeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @Column({ name: 'code_hash', type: 'text' }) codeHash: string;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
