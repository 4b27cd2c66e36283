import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { PASSWORD_MIN_LENGTH, PASSWORD_MIN_SCORE } from 'src/common/crypto/password-policy';
import { PageQueryDto } from 'src/common/http/pagination';
import { USER_ROLES, UserEntity, type UserRole } from 'src/users/entities/user.entity';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ description: 'Two-factor sign-in is on' }) twoFactorEnabled: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Send back with updates (optimistic locking)' }) version: number;
}

export function mapUser(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabledAt !== null,
    twoFactorEnabled: user.twoFactorEnabledAt !== null,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}

export class CreateUserDto {
  @ApiProperty({ example: 'investigator@example.org' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Investigator One' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES as unknown as string[], { message: `role must be one of: ${USER_ROLES.join(', ')}` })
  role: UserRole;

  @NewPasswordField('password') password: string;
}

/** A password being set: the policy's length check here (400 naming the field); strength and personal tokens in the service. */
export function NewPasswordField(field: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      minLength: PASSWORD_MIN_LENGTH,
      description: `At least ${PASSWORD_MIN_LENGTH} characters, a zxcvbn strength of at least ${PASSWORD_MIN_SCORE} of 4, and not built from the e-mail address or name`,
    }),
    IsString({ message: `${field} must be a string` }),
    MinLength(PASSWORD_MIN_LENGTH, { message: `${field} must be at least ${PASSWORD_MIN_LENGTH} characters` }),
    MaxLength(1024, { message: `${field} must be at most 1024 characters` }),
  );
}

export class SetUserPasswordDto {
  @NewPasswordField('newPassword') newPassword: string;

  @ApiProperty({ description: 'The version of the user you read; a stale one gets 409' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class UpdateUserDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) displayName?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES as unknown as string[], { message: `role must be one of: ${USER_ROLES.join(', ')}` })
  role?: UserRole;

  @ApiPropertyOptional({ description: 'Disabling also revokes every token of the user' }) @IsOptional() @IsBoolean() disabled?: boolean;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES as unknown as string[], { message: `role must be one of: ${USER_ROLES.join(', ')}` })
  role?: UserRole;

  @ApiPropertyOptional({ description: 'Part of the name or e-mail address (any case)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
