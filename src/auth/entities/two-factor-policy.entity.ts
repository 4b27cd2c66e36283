import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { UserRole } from 'src/users/entities/user.entity';

/** Who must sign in with a second factor. One row (id 1), created by the migration. */
@Entity('two_factor_policy')
@Check('two_factor_policy_single_row', '"id" = 1')
export class TwoFactorPolicyEntity {
  @PrimaryColumn({ type: 'smallint' }) id: number;
  @Column({ name: 'required_for_all', type: 'boolean', default: false }) requiredForAll: boolean;
  @Column({ name: 'required_roles', type: 'text', array: true, default: '{}' }) requiredRoles: UserRole[];
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
