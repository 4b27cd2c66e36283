import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { SignInResult } from 'src/auth/auth.service';
import { RecoveryCodeField, TotpCodeField } from 'src/auth/dto/second-factor-fields';
import { mapUser, UserDto } from 'src/users/dto/user.dto';

export class LoginDto {
  @ApiProperty({ example: 'analyst@example.org' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;

  /** Needed when two-factor sign-in is on (else 401 SECOND_FACTOR_REQUIRED); ignored when it is off. */
  @TotpCodeField({ required: false }) totpCode?: string;
  @RecoveryCodeField() recoveryCode?: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Bearer token; send as Authorization: Bearer <token>' }) accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty() expiresAt: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ description: 'The policy requires two-factor sign-in and you have not enrolled: until you do, this session may only enrol, read GET /auth/me and sign out' })
  secondFactorEnrolmentRequired: boolean;
}

export function mapLogin(result: SignInResult): LoginResponseDto {
  return {
    accessToken: result.token,
    tokenType: 'Bearer',
    expiresAt: result.expiresAt.toISOString(),
    user: mapUser(result.user),
    secondFactorEnrolmentRequired: result.secondFactorEnrolmentRequired,
  };
}
