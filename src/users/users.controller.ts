import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { TwoFactorService } from 'src/auth/two-factor/two-factor.service';
import { Authenticated, CurrentUser, Roles } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
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
  @ApiDoc('Create a user account', 'Creates a staff account with a global role (admin, investigator, analyst, reviewer) and an initial password that must pass the strength policy. Global admins only. Audited (user.create).', [400, [409, 'CONFLICT', 'The e-mail address is taken']])
  async create(@Body() body: CreateUserDto, @CurrentUser() actor: AuthenticatedUser): Promise<UserDto> {
    return mapUser(await this.users.create(body, actor.id));
  }

  @Get()
  @Roles('admin')
  @ApiPageResponse(UserDto)
  @ApiDoc('List user accounts', 'One page of accounts, filtered by global role or part of the name or e-mail address. Global admins only.', [400])
  async list(@Query() query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const result = await this.users.list(query);
    return { ...result, items: result.items.map(mapUser) };
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: UserDto })
  @ApiDoc('My account', 'Your own account as an admin would see it. Any signed-in user.', [])
  async me(@CurrentUser() actor: AuthenticatedUser): Promise<UserDto> {
    return mapUser(await this.users.get(actor.id));
  }

  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserDto })
  @ApiDoc('Read a user account', 'One account. Global admins only.', [404])
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return mapUser(await this.users.get(id));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserDto })
  @ApiDoc('Change a user account', 'Changes display name, global role or active state (deactivating revokes every session). Global admins only; send the version you read. Audited (user.update).', [400, 404, [409, 'VERSION_CONFLICT', 'The account was changed by someone else; reload and retry'], 422])
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto, @CurrentUser() actor: AuthenticatedUser): Promise<UserDto> {
    return mapUser(await this.users.update(id, body, actor.id));
  }

  @Post(':id/2fa/reset')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto, description: "The user's two-factor sign-in is off and every session of theirs is revoked; audited" })
  @ApiDoc('Reset a user’s two-factor sign-in', 'For a user who lost their authenticator and recovery codes: turns their two-factor sign-in off and revokes every session of theirs. Global admins only, never on themselves. Audited.', [404, [422, 'UNPROCESSABLE', 'Your own: turn it off with a code instead, or ask another admin']])
  async resetTwoFactor(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<UserDto> {
    return mapUser(await this.twoFactor.reset(id, actor.id));
  }

  @Post(':id/password')
  @Roles('admin')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: UserDto, description: "The user's password is replaced and every session of theirs is revoked; audited (user.password_reset)" })
  @ApiDoc('Set a user’s password', 'Replaces the user’s password (strength policy applies) and revokes every session of theirs. Global admins only; for your own use POST /auth/password. Audited (user.password_reset). Not cached.', [[400, 'VALIDATION_FAILED', 'newPassword is too short, too easy to guess or built from the e-mail or name'], 404, [409, 'VERSION_CONFLICT', 'The account was changed by someone else; reload and retry'], [422, 'UNPROCESSABLE', 'Your own: use POST /auth/password, which asks for the current one']])
  async setPassword(@Param('id', ParseUUIDPipe) id: string, @Body() body: SetUserPasswordDto, @CurrentUser() actor: AuthenticatedUser): Promise<UserDto> {
    return mapUser(await this.users.setPassword(id, body, actor.id));
  }
}
