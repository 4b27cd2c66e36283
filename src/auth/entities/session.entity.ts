import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from 'src/users/entities/user.entity';

/** A bearer token. Only its SHA-256 is stored, so a database leak yields no usable token. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('sessions_user_idx')
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;
  @Index('sessions_token_hash_unique', { unique: true })
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  /** When the holder proved a second factor (TOTP or recovery code at sign-in, or confirming enrolment). */
  @Column({ name: 'second_factor_at', type: 'timestamptz', nullable: true }) secondFactorAt: Date | null;
}
