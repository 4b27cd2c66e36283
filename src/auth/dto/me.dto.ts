import { ApiProperty } from '@nestjs/swagger';
import { mapTwoFactorStatus, TwoFactorStatusDto } from 'src/auth/dto/two-factor.dto';
import type { TwoFactorStatus } from 'src/auth/two-factor/two-factor.service';
import type { UserEntity } from 'src/users/entities/user.entity';
import { USER_LANGUAGES, USER_ROLES, type UserLanguage, type UserRole } from 'src/users/entities/user.entity';

/** The signed-in user and what their session may do: what the web app needs after sign-in. */
export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiProperty({ enum: USER_LANGUAGES, nullable: true, type: String, description: 'Interface language the user chose; null: follow the browser' })
  language: UserLanguage | null;
  @ApiProperty({ type: TwoFactorStatusDto }) twoFactor: TwoFactorStatusDto;
  @ApiProperty({ description: 'This session may only enrol in two-factor sign-in, read this and sign out, until enrolment is confirmed' })
  secondFactorEnrolmentRequired: boolean;
}

export function mapMe(me: { user: UserEntity; twoFactor: TwoFactorStatus; secondFactorEnrolmentRequired: boolean }): MeDto {
  return {
    id: me.user.id,
    email: me.user.email,
    displayName: me.user.displayName,
    role: me.user.role,
    language: me.user.language,
    twoFactor: mapTwoFactorStatus(me.twoFactor),
    secondFactorEnrolmentRequired: me.secondFactorEnrolmentRequired,
  };
}
