import { Body, Controller, Delete, Get, Header, HttpCode, Ip, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthService } from 'src/auth/auth.service';
import { LoginDto, LoginResponseDto, mapLogin } from 'src/auth/dto/login.dto';
import { mapMe, MeDto } from 'src/auth/dto/me.dto';
import { ChangePasswordDto, mapSession, SessionDto, SessionSignInDto, UpdateMeDto } from 'src/auth/dto/session.dto';
import { AllowDuringEnrolment, Authenticated, CurrentUser, Public } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { clearedSessionCookieOptions, SESSION_COOKIE, sessionCookieOptions } from 'src/common/auth/session-cookie';
import { ErrorResponseDto } from 'src/common/errors/error-response';

const SIGN_IN_UNAUTHORIZED = 'INVALID_CREDENTIALS; SECOND_FACTOR_REQUIRED (password right, two-factor on, no code sent: no session); INVALID_SECOND_FACTOR';
const SIGN_IN_LOCKED = 'LOGIN_LOCKED: too many failures for this account from this address, or from this address; see Retry-After';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: SIGN_IN_UNAUTHORIZED })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: SIGN_IN_LOCKED })
  async login(@Body() body: LoginDto, @Ip() clientAddress: string | undefined): Promise<LoginResponseDto> {
    return mapLogin(await this.auth.signIn({ ...body, clientAddress }));
  }

  /** Browser sign-in: the same checks as /auth/login; the token goes only into an httpOnly cookie. */
  @Post('session')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: SessionDto, description: 'Signed in: the session is in the httpOnly cookie sillok_session, never in the body' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: SIGN_IN_UNAUTHORIZED })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: SIGN_IN_LOCKED })
  async signIn(@Body() body: SessionSignInDto, @Ip() clientAddress: string | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    const result = await this.auth.signIn({ ...body, clientAddress });
    res.cookie(SESSION_COOKIE, result.token, sessionCookieOptions(req, Math.max(0, Math.floor((result.expiresAt.getTime() - Date.now()) / 1000))));
    return mapSession(result);
  }

  @Delete('session')
  @Authenticated()
  @AllowDuringEnrolment()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is revoked and the cookie cleared' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'CSRF_HEADER_MISSING: send X-Sillok-CSRF: 1 with the cookie' })
  async signOut(@CurrentUser() actor: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor);
    res.clearCookie(SESSION_COOKIE, clearedSessionCookieOptions(req));
  }

  @Get('me')
  @Authenticated()
  @AllowDuringEnrolment()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() actor: AuthenticatedUser): Promise<MeDto> {
    return mapMe(await this.auth.me(actor));
  }

  @Patch('me')
  @Authenticated()
  @AllowDuringEnrolment()
  @ApiOkResponse({ type: MeDto })
  async updateMe(@CurrentUser() actor: AuthenticatedUser, @Body() body: UpdateMeDto): Promise<MeDto> {
    return mapMe(await this.auth.updatePreferences(actor, body));
  }

  @Post('password')
  @Authenticated()
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  @ApiNoContentResponse({ description: 'The password is changed; every other session of the caller is revoked, this one stays; audited (auth.password_changed)' })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED naming currentPassword (wrong: counted as a failed sign-in) or newPassword (too short, too easy to guess with the strength feedback, built from the e-mail or name, or the same as now)',
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: SIGN_IN_LOCKED })
  async changePassword(@CurrentUser() actor: AuthenticatedUser, @Body() body: ChangePasswordDto, @Ip() clientAddress: string | undefined): Promise<void> {
    await this.auth.changePassword(actor, { ...body, clientAddress });
  }

  @Post('logout')
  @Authenticated()
  @AllowDuringEnrolment()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The token is revoked' })
  async logout(@CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.auth.logout(actor);
  }

  @Post('logout-all')
  @Authenticated()
  @AllowDuringEnrolment()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every session of the caller is revoked, this one included' })
  async logoutAll(@CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.auth.logoutAll(actor);
  }
}
