import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { LoginDto } from 'src/auth/dto/login.dto';
import type { SignInResult } from 'src/auth/auth.service';
import { NewPasswordField } from 'src/users/dto/user.dto';
import { USER_LANGUAGES, USER_ROLES, type UserLanguage, type UserRole } from 'src/users/entities/user.entity';

/** Browser sign-in: the same fields as POST /auth/login; the session token goes into an httpOnly cookie, never into the body. */
export class SessionSignInDto extends LoginDto {}

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiProperty({ enum: USER_LANGUAGES, nullable: true, type: String, description: 'Interface language the user chose; null: follow the browser' })
  language: UserLanguage | null;
}

export class SessionDto {
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
  @ApiProperty({ description: 'When the session cookie expires' }) expiresAt: string;
  @ApiProperty({ description: 'The policy requires two-factor sign-in and the user has not enrolled: the session may only enrol, read /auth/me and sign out' })
  secondFactorEnrolmentRequired: boolean;
}

export function mapSession(result: SignInResult): SessionDto {
  const { user } = result;
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role, language: user.language },
    expiresAt: result.expiresAt.toISOString(),
    secondFactorEnrolmentRequired: result.secondFactorEnrolmentRequired,
  };
}

export class UpdateMeDto {
  @ApiProperty({ enum: USER_LANGUAGES })
  @IsIn(USER_LANGUAGES as unknown as string[], { message: `language must be one of: ${USER_LANGUAGES.join(', ')}` })
  language: UserLanguage;
}

export class ChangePasswordDto {
  @ApiProperty({ description: 'Your password now; a wrong one counts as a failed sign-in and gets 400 naming currentPassword' })
  @IsString({ message: 'currentPassword must be a string' })
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(1024, { message: 'currentPassword must be at most 1024 characters' })
  currentPassword: string;

  @NewPasswordField('newPassword') newPassword: string;
}
