import { Body, Controller, Delete, Get, Header, HttpCode, Ip, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import type { Request, Response } from 'express';
import { AuthService } from 'src/auth/auth.service';
import { LoginDto, LoginResponseDto, mapLogin } from 'src/auth/dto/login.dto';
import { mapMe, MeDto } from 'src/auth/dto/me.dto';
import { ChangePasswordDto, mapSession, SessionDto, SessionSignInDto, UpdateMeDto } from 'src/auth/dto/session.dto';
import { AllowDuringEnrolment, Authenticated, CurrentUser, Public } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { clearedSessionCookieOptions, SESSION_COOKIE, sessionCookieOptions } from 'src/common/auth/session-cookie';

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
  @ApiDoc('Sign in for a bearer token', 'For programs: e-mail and password (and a TOTP or recovery code when two-factor sign-in is on) give an opaque bearer token. Open to anyone; failures are throttled per account and address. Audited (auth.login). The token never appears in logs.', [400, [401, 'INVALID_CREDENTIALS', SIGN_IN_UNAUTHORIZED], [429, 'LOGIN_LOCKED', SIGN_IN_LOCKED]])
  async login(@Body() body: LoginDto, @Ip() clientAddress: string | undefined): Promise<LoginResponseDto> {
    return mapLogin(await this.auth.signIn({ ...body, clientAddress }));
  }

  /** Browser sign-in: the same checks as /auth/login; the token goes only into an httpOnly cookie. */
  @Post('session')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: SessionDto, description: 'Signed in: the session is in the httpOnly cookie sillok_session, never in the body' })
  @ApiDoc('Sign in a browser (cookie session)', 'For the web app: the same checks as POST /auth/login, but the session goes into an httpOnly, SameSite=Strict cookie (sillok_session), never into the body or script-readable storage. State-changing requests then need the X-Sillok-CSRF: 1 header. Audited (auth.login).', [400, [401, 'INVALID_CREDENTIALS', SIGN_IN_UNAUTHORIZED], [429, 'LOGIN_LOCKED', SIGN_IN_LOCKED]])
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
  @ApiDoc('Sign out a browser session', 'Revokes the cookie session and clears the cookie. Any signed-in session, also during pending two-factor enrolment. Audited (auth.logout).', [[403, 'CSRF_HEADER_MISSING', 'Send X-Sillok-CSRF: 1 with the cookie']])
  async signOut(@CurrentUser() actor: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor);
    res.clearCookie(SESSION_COOKIE, clearedSessionCookieOptions(req));
  }

  @Get('me')
  @Authenticated()
  @AllowDuringEnrolment()
  @ApiOkResponse({ type: MeDto })
  @ApiDoc('Who am I', 'The signed-in user: id, e-mail, display name, global role, language, two-factor state and whether enrolment is required. Any signed-in session.', [])
  async me(@CurrentUser() actor: AuthenticatedUser): Promise<MeDto> {
    return mapMe(await this.auth.me(actor));
  }

  @Patch('me')
  @Authenticated()
  @AllowDuringEnrolment()
  @ApiOkResponse({ type: MeDto })
  @ApiDoc('Change my own profile', 'Changes your display name or preferred language (the web app follows it). Any signed-in session.', [400])
  async updateMe(@CurrentUser() actor: AuthenticatedUser, @Body() body: UpdateMeDto): Promise<MeDto> {
    return mapMe(await this.auth.updatePreferences(actor, body));
  }

  @Post('password')
  @Authenticated()
  @HttpCode(204)
  @Header('Cache-Control', 'no-store')
  @ApiNoContentResponse({ description: 'The password is changed; every other session of the caller is revoked, this one stays; audited (auth.password_changed)' })
  @ApiDoc('Change my password', 'Needs the current password; the new one must pass the strength policy (length, not guessable, not built from your e-mail or name). Every other session of yours is revoked, this one stays. Audited (auth.password_changed). A wrong current password counts as a failed sign-in.', [[400, 'VALIDATION_FAILED', 'currentPassword is wrong, or newPassword is too short, too easy to guess or built from the e-mail or name'], [429, 'LOGIN_LOCKED', SIGN_IN_LOCKED]])
  async changePassword(@CurrentUser() actor: AuthenticatedUser, @Body() body: ChangePasswordDto, @Ip() clientAddress: string | undefined): Promise<void> {
    await this.auth.changePassword(actor, { ...body, clientAddress });
  }

  @Post('logout')
  @Authenticated()
  @AllowDuringEnrolment()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The token is revoked' })
  @ApiDoc('Revoke this token', 'Revokes the bearer token (or session) used for this request. Audited (auth.logout).', [403])
  async logout(@CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.auth.logout(actor);
  }

  @Post('logout-all')
  @Authenticated()
  @AllowDuringEnrolment()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Every session of the caller is revoked, this one included' })
  @ApiDoc('Revoke all my sessions', 'Revokes every session and token of the caller, this one included (a lost device, a suspected leak). Audited (auth.logout_all).', [403])
  async logoutAll(@CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.auth.logoutAll(actor);
  }
}
