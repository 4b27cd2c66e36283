import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, Min } from 'class-validator';
import type { TwoFactorPolicyEntity } from 'src/auth/entities/two-factor-policy.entity';
import { RecoveryCodeField, TotpCodeField } from 'src/auth/dto/second-factor-fields';
import type { TwoFactorStatus } from 'src/auth/two-factor/two-factor.service';
import { USER_ROLES, type UserRole } from 'src/users/entities/user.entity';

export class TwoFactorEnrolmentDto {
  @ApiProperty({ description: 'The TOTP secret (base32), for typing into an authenticator app. Shown once.' }) secret: string;
  @ApiProperty({ example: 'otpauth://totp/Sillok:analyst%40example.org?secret=…&issuer=Sillok' }) otpauthUri: string;
  @ApiProperty({ description: 'The otpauth URI as a QR code (PNG data URL) for the authenticator app to scan' }) qrCodeDataUrl: string;
}

export class ConfirmTwoFactorDto {
  @TotpCodeField({ required: true }) totpCode: string;
}

/** Proof of the second factor for turning it off or replacing recovery codes: one of the two. */
export class SecondFactorProofDto {
  @TotpCodeField({ required: false }) totpCode?: string;
  @RecoveryCodeField() recoveryCode?: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'One-time recovery codes, shown only now: each signs in once instead of a TOTP code' })
  recoveryCodes: string[];
}

export class TwoFactorStatusDto {
  @ApiProperty() enabled: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) enabledAt: string | null;
  @ApiProperty({ description: 'Enrolment started but not yet confirmed with a code' }) pending: boolean;
  @ApiProperty() recoveryCodesRemaining: number;
  @ApiProperty({ description: 'The two-factor policy requires it for this user' }) required: boolean;
}

export function mapTwoFactorStatus(status: TwoFactorStatus): TwoFactorStatusDto {
  return { ...status, enabledAt: status.enabledAt?.toISOString() ?? null };
}

export class TwoFactorPolicyDto {
  @ApiProperty({ description: 'Every user must sign in with two factors' }) requiredForAll: boolean;
  @ApiProperty({ enum: USER_ROLES, isArray: true, description: 'Roles that must sign in with two factors' }) requiredRoles: UserRole[];
  @ApiProperty() updatedAt: string;
  @ApiProperty({ description: 'Send back with updates (optimistic locking)' }) version: number;
}

export function mapTwoFactorPolicy(policy: TwoFactorPolicyEntity): TwoFactorPolicyDto {
  return { requiredForAll: policy.requiredForAll, requiredRoles: policy.requiredRoles, updatedAt: policy.updatedAt.toISOString(), version: policy.version };
}

export class UpdateTwoFactorPolicyDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiProperty() @IsBoolean({ message: 'requiredForAll must be true or false' }) requiredForAll: boolean;
  @ApiProperty({ enum: USER_ROLES, isArray: true })
  @IsArray({ message: 'requiredRoles must be an array of roles' })
  @ArrayMaxSize(USER_ROLES.length * 2)
  @IsIn(USER_ROLES as unknown as string[], { each: true, message: `requiredRoles must contain only: ${USER_ROLES.join(', ')}` })
  requiredRoles: UserRole[];
}
