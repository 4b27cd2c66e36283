import { Body, Controller, Get, Header, HttpCode, Ip, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import {
  ConfirmTwoFactorDto, mapTwoFactorPolicy, RecoveryCodesDto, SecondFactorProofDto, TwoFactorEnrolmentDto, TwoFactorPolicyDto, UpdateTwoFactorPolicyDto,
} from 'src/auth/dto/two-factor.dto';
import { TwoFactorService } from 'src/auth/two-factor/two-factor.service';
import { AllowDuringEnrolment, Authenticated, CurrentUser, Roles } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';

@ApiTags('auth')
@Controller('auth/2fa')
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Post('enrol')
  @Authenticated()
  @AllowDuringEnrolment()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: TwoFactorEnrolmentDto, description: 'A new secret (replacing an unconfirmed one); confirm it with a code' })
  @ApiDoc('Start two-factor enrolment', 'Creates a new TOTP secret (replacing an unconfirmed one) and answers it with an otpauth URI and QR code to scan; nothing is on until confirmed. Any signed-in user, also while enrolment is required. Not cached.', [[409, 'CONFLICT', 'Two-factor sign-in is already on']])
  enrol(@CurrentUser() actor: AuthenticatedUser): Promise<TwoFactorEnrolmentDto> {
    return this.twoFactor.enrol(actor);
  }

  @Post('confirm')
  @Authenticated()
  @AllowDuringEnrolment()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: RecoveryCodesDto, description: 'Two-factor sign-in is on; the recovery codes are shown only now. Your other sessions are signed out.' })
  @ApiDoc('Confirm two-factor enrolment', 'Turns two-factor sign-in on when the code from the authenticator app is right, and answers the recovery codes (shown only now). Your other sessions are signed out. Audited.', [[400, 'VALIDATION_FAILED', 'totpCode is wrong or expired'], [409, 'CONFLICT', 'No enrolment to confirm, or already on']])
  confirm(@Body() body: ConfirmTwoFactorDto, @CurrentUser() actor: AuthenticatedUser): Promise<RecoveryCodesDto> {
    return this.twoFactor.confirm(actor, body.totpCode);
  }

  @Post('disable')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Two-factor sign-in is off; its secret and recovery codes are deleted' })
  @ApiDoc('Turn two-factor sign-in off', 'Needs a current TOTP or recovery code; deletes the secret and recovery codes. Refused while the policy requires two-factor sign-in for your role. Audited.', [[400, 'VALIDATION_FAILED', 'The code is wrong, expired or used (counts as a failed sign-in)'], [409, 'CONFLICT', 'Two-factor sign-in is not on'], [429, 'LOGIN_LOCKED', 'Too many wrong codes']])
  async disable(@Body() body: SecondFactorProofDto, @CurrentUser() actor: AuthenticatedUser, @Ip() clientAddress: string | undefined): Promise<void> {
    await this.twoFactor.disable(actor, body, clientAddress);
  }

  @Post('recovery-codes')
  @Authenticated()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: RecoveryCodesDto, description: 'New recovery codes, shown only now; the old ones no longer work' })
  @ApiDoc('New recovery codes', 'Needs a current TOTP or recovery code; the old recovery codes stop working and the new ones are shown only now. Audited.', [[400, 'VALIDATION_FAILED', 'The code is wrong, expired or used (counts as a failed sign-in)'], [409, 'CONFLICT', 'Two-factor sign-in is not on'], [429, 'LOGIN_LOCKED', 'Too many wrong codes']])
  regenerateRecoveryCodes(@Body() body: SecondFactorProofDto, @CurrentUser() actor: AuthenticatedUser, @Ip() clientAddress: string | undefined): Promise<RecoveryCodesDto> {
    return this.twoFactor.regenerateRecoveryCodes(actor, body, clientAddress);
  }

  @Get('policy')
  @Roles('admin')
  @ApiOkResponse({ type: TwoFactorPolicyDto })
  @ApiDoc('Read the two-factor policy', 'Which global roles must use two-factor sign-in. Global admins only.', [])
  async policy(): Promise<TwoFactorPolicyDto> {
    return mapTwoFactorPolicy(await this.twoFactor.policy());
  }

  @Put('policy')
  @Roles('admin')
  @ApiOkResponse({ type: TwoFactorPolicyDto, description: 'Sessions of users it now covers without a second factor are limited to enrolment at once' })
  @ApiDoc('Change the two-factor policy', 'Sets which global roles must use two-factor sign-in; sessions of users it now covers without a second factor are limited to enrolment at once. Global admins only; send the version you read. Audited.', [400, [409, 'VERSION_CONFLICT', 'The policy was changed by someone else; reload and retry']])
  async updatePolicy(@Body() body: UpdateTwoFactorPolicyDto, @CurrentUser() actor: AuthenticatedUser): Promise<TwoFactorPolicyDto> {
    return mapTwoFactorPolicy(await this.twoFactor.updatePolicy(body, actor.id));
  }
}
