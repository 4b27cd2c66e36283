import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthService } from 'src/auth/auth.service';
import { LoginDto, LoginResponseDto, mapLogin } from 'src/auth/dto/login.dto';
import { mapMe, mapSession, MeDto, SessionDto, SessionSignInDto, UpdateMeDto } from 'src/auth/dto/session.dto';
import { Authenticated, CurrentUser, Public } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { clearedSessionCookieOptions, SESSION_COOKIE, sessionCookieOptions } from 'src/common/auth/session-cookie';
import { ErrorResponseDto } from 'src/common/errors/error-response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Locked after repeated failures; see Retry-After' })
  async login(@Body() body: LoginDto): Promise<LoginResponseDto> {
    const { token, expiresAt, user } = await this.auth.login(body.email, body.password);
    return mapLogin(token, expiresAt, user);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The token is revoked' })
  async logout(@CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.auth.logout(actor);
  }

  @Post('session')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto, description: 'Signed in: the session is in the httpOnly cookie sillok_session, never in the body' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Wrong email or password, or a second factor is required' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Locked after repeated failures; see Retry-After' })
  async signIn(@Body() body: SessionSignInDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    const { token, expiresAt, user } = await this.auth.login(body.email, body.password, { totpCode: body.totpCode, recoveryCode: body.recoveryCode });
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req, Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000))));
    res.setHeader('Cache-Control', 'no-store');
    return mapSession(user, expiresAt);
  }

  @Delete('session')
  @Authenticated()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is revoked and the cookie cleared' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'CSRF_HEADER_MISSING: send X-Sillok-CSRF: 1 with the cookie' })
  async signOut(@CurrentUser() actor: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor);
    res.clearCookie(SESSION_COOKIE, clearedSessionCookieOptions(req));
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() actor: AuthenticatedUser): Promise<MeDto> {
    return mapMe(await this.auth.me(actor));
  }

  @Patch('me')
  @Authenticated()
  @ApiOkResponse({ type: MeDto })
  async updateMe(@CurrentUser() actor: AuthenticatedUser, @Body() body: UpdateMeDto): Promise<MeDto> {
    return mapMe(await this.auth.updatePreferences(actor, body));
  }
}
