import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const USER_ROLES = ['admin', 'investigator', 'analyst', 'reviewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_LANGUAGES = ['ko', 'en'] as const;
export type UserLanguage = (typeof USER_LANGUAGES)[number];

@Entity('users')
@Check('users_language_check', `language IN ('ko', 'en')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored lower-cased; staff e-mail, not witness data. */
  @Index('users_email_unique', { unique: true })
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ type: 'text' }) role: UserRole;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash: string;
  /** The interface language the user chose; null: follow the browser. */
  @Column({ type: 'text', nullable: true }) language: UserLanguage | null;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  /** Two-factor sign-in is on since then (enrolment confirmed); null = off or pending. */
  @Column({ name: 'two_factor_enabled_at', type: 'timestamptz', nullable: true }) twoFactorEnabledAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
