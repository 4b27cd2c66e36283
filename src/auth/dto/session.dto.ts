import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { LoginDto } from 'src/auth/dto/login.dto';
import { USER_LANGUAGES, USER_ROLES, type UserEntity, type UserLanguage, type UserRole } from 'src/users/entities/user.entity';

/** Browser sign-in: the session token goes into an httpOnly cookie, never into the body. */
export class SessionSignInDto extends LoginDto {
  @ApiPropertyOptional({ description: 'Six-digit code from the authenticator app, when two-factor sign-in is on', example: '123456' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'totpCode must be six digits' })
  totpCode?: string;

  @ApiPropertyOptional({ description: 'A one-time recovery code, instead of totpCode' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  recoveryCode?: string;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiProperty({ enum: USER_LANGUAGES, nullable: true, type: String, description: 'Interface language the user chose; null: follow the browser' })
  language: UserLanguage | null;
}

export function mapMe(user: UserEntity): MeDto {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, language: user.language };
}

export class SessionDto {
  @ApiProperty({ type: MeDto }) user: MeDto;
  @ApiProperty({ description: 'When the session cookie expires' }) expiresAt: string;
}

export function mapSession(user: UserEntity, expiresAt: Date): SessionDto {
  return { user: mapMe(user), expiresAt: expiresAt.toISOString() };
}

export class UpdateMeDto {
  @ApiProperty({ enum: USER_LANGUAGES })
  @IsIn(USER_LANGUAGES as unknown as string[], { message: `language must be one of: ${USER_LANGUAGES.join(', ')}` })
  language: UserLanguage;
}
