import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthService } from 'src/auth/auth.service';
import { LoginDto, LoginResponseDto, mapLogin } from 'src/auth/dto/login.dto';
import { Authenticated, CurrentUser, Public } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
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
}
