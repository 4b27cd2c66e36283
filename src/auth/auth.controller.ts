import { Body, Controller, Get, Header, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthService } from 'src/auth/auth.service';
import { LoginDto, LoginResponseDto, mapLogin } from 'src/auth/dto/login.dto';
import { mapMe, MeDto } from 'src/auth/dto/me.dto';
import { AllowDuringEnrolment, Authenticated, CurrentUser, Public } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ErrorResponseDto } from 'src/common/errors/error-response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'INVALID_CREDENTIALS; SECOND_FACTOR_REQUIRED (password right, two-factor on, no code sent: no session); INVALID_SECOND_FACTOR' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'LOGIN_LOCKED: too many failures for this account from this address, or from this address; see Retry-After' })
  async login(@Body() body: LoginDto, @Ip() clientAddress: string | undefined): Promise<LoginResponseDto> {
    return mapLogin(await this.auth.signIn({ ...body, clientAddress }));
  }

  @Get('me')
  @Authenticated()
  @AllowDuringEnrolment()
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() actor: AuthenticatedUser): Promise<MeDto> {
    return mapMe(await this.auth.me(actor));
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
