import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { TwoFactorService } from 'src/auth/two-factor/two-factor.service';
import { Authenticated, CurrentUser, Roles } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ErrorResponseDto } from 'src/common/errors/error-response';
import { ApiPageResponse, Page } from 'src/common/http/pagination';
import { CreateUserDto, ListUsersQueryDto, mapUser, SetUserPasswordDto, UpdateUserDto, UserDto } from 'src/users/dto/user.dto';
import { UsersService } from 'src/users/users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The e-mail address is taken' })
  async create(@Body() body: CreateUserDto, @CurrentUser() actor: AuthenticatedUser): Promise<UserDto> {
    return mapUser(await this.users.create(body, actor.id));
  }

  @Get()
  @Roles('admin')
  @ApiPageResponse(UserDto)
  async list(@Query() query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const result = await this.users.list(query);
    return { ...result, items: result.items.map(mapUser) };
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: UserDto })
  async me(@CurrentUser() actor: AuthenticatedUser): Promise<UserDto> {
    return mapUser(await this.users.get(actor.id));
  }

  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return mapUser(await this.users.get(id));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT: changed by someone else' })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto, @CurrentUser() actor: AuthenticatedUser): Promise<UserDto> {
    return mapUser(await this.users.update(id, body, actor.id));
  }

  @Post(':id/2fa/reset')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto, description: "The user's two-factor sign-in is off and every session of theirs is revoked; audited" })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Your own: turn it off with a code instead, or ask another admin' })
  async resetTwoFactor(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<UserDto> {
    return mapUser(await this.twoFactor.reset(id, actor.id));
  }

  @Post(':id/password')
  @Roles('admin')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: UserDto, description: "The user's password is replaced and every session of theirs is revoked; audited (user.password_reset)" })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED naming newPassword: too short, too easy to guess (with the strength feedback) or built from the e-mail or name' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such user' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT: changed by someone else' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'Your own: use POST /auth/password, which asks for the current one' })
  async setPassword(@Param('id', ParseUUIDPipe) id: string, @Body() body: SetUserPasswordDto, @CurrentUser() actor: AuthenticatedUser): Promise<UserDto> {
    return mapUser(await this.users.setPassword(id, body, actor.id));
  }
}
