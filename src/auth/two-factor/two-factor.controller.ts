import { Body, Controller, Get, Header, HttpCode, Ip, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import {
  ConfirmTwoFactorDto, mapTwoFactorPolicy, RecoveryCodesDto, SecondFactorProofDto, TwoFactorEnrolmentDto, TwoFactorPolicyDto, UpdateTwoFactorPolicyDto,
} from 'src/auth/dto/two-factor.dto';
import { TwoFactorService } from 'src/auth/two-factor/two-factor.service';
import { AllowDuringEnrolment, Authenticated, CurrentUser, Roles } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ErrorResponseDto } from 'src/common/errors/error-response';

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
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Two-factor sign-in is already on' })
  enrol(@CurrentUser() actor: AuthenticatedUser): Promise<TwoFactorEnrolmentDto> {
    return this.twoFactor.enrol(actor);
  }

  @Post('confirm')
  @Authenticated()
  @AllowDuringEnrolment()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: RecoveryCodesDto, description: 'Two-factor sign-in is on; the recovery codes are shown only now. Your other sessions are signed out.' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'totpCode is wrong or expired' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'No enrolment to confirm, or already on' })
  confirm(@Body() body: ConfirmTwoFactorDto, @CurrentUser() actor: AuthenticatedUser): Promise<RecoveryCodesDto> {
    return this.twoFactor.confirm(actor, body.totpCode);
  }

  @Post('disable')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Two-factor sign-in is off; its secret and recovery codes are deleted' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The code is wrong, expired or used (counts as a failed sign-in)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Two-factor sign-in is not on' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'LOGIN_LOCKED after too many wrong codes' })
  async disable(@Body() body: SecondFactorProofDto, @CurrentUser() actor: AuthenticatedUser, @Ip() clientAddress: string | undefined): Promise<void> {
    await this.twoFactor.disable(actor, body, clientAddress);
  }

  @Post('recovery-codes')
  @Authenticated()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: RecoveryCodesDto, description: 'New recovery codes, shown only now; the old ones no longer work' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The code is wrong, expired or used (counts as a failed sign-in)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Two-factor sign-in is not on' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'LOGIN_LOCKED after too many wrong codes' })
  regenerateRecoveryCodes(@Body() body: SecondFactorProofDto, @CurrentUser() actor: AuthenticatedUser, @Ip() clientAddress: string | undefined): Promise<RecoveryCodesDto> {
    return this.twoFactor.regenerateRecoveryCodes(actor, body, clientAddress);
  }

  @Get('policy')
  @Roles('admin')
  @ApiOkResponse({ type: TwoFactorPolicyDto })
  async policy(): Promise<TwoFactorPolicyDto> {
    return mapTwoFactorPolicy(await this.twoFactor.policy());
  }

  @Put('policy')
  @Roles('admin')
  @ApiOkResponse({ type: TwoFactorPolicyDto, description: 'Sessions of users it now covers without a second factor are limited to enrolment at once' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT: changed by someone else' })
  async updatePolicy(@Body() body: UpdateTwoFactorPolicyDto, @CurrentUser() actor: AuthenticatedUser): Promise<TwoFactorPolicyDto> {
    return mapTwoFactorPolicy(await this.twoFactor.updatePolicy(body, actor.id));
  }
}
