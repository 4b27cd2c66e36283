import { ApiProperty } from '@nestjs/swagger';
import { mapTwoFactorStatus, TwoFactorStatusDto } from 'src/auth/dto/two-factor.dto';
import type { TwoFactorStatus } from 'src/auth/two-factor/two-factor.service';
import type { UserEntity } from 'src/users/entities/user.entity';
import { USER_ROLES, type UserRole } from 'src/users/entities/user.entity';

/** The signed-in user and what their session may do: what the web app needs after sign-in. */
export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
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
    twoFactor: mapTwoFactorStatus(me.twoFactor),
    secondFactorEnrolmentRequired: me.secondFactorEnrolmentRequired,
  };
}
