import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { CreatePersonDto, EraseIdentityDto, ListPeopleQueryDto, mapPerson, PersonDto, PersonIdentityResponseDto, UpdateIdentityDto } from 'src/people/dto/person.dto';
import { PeopleService } from 'src/people/people.service';

@ApiTags('people')
@Controller('cases/:caseId/people')
@Authenticated()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @ApiCreatedResponse({ type: PersonDto })
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreatePersonDto, @CurrentUser() actor: AuthenticatedUser): Promise<PersonDto> {
    const { entity, hasIdentity } = await this.people.create(caseId, body, actor);
    return mapPerson(entity, hasIdentity);
  }

  @Get()
  @ApiPageResponse(PersonDto)
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListPeopleQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<PersonDto>> {
    const result = await this.people.list(caseId, query, actor);
    return { ...result, items: result.items.map((v) => mapPerson(v.entity, v.hasIdentity)) };
  }

  @Get(':personId')
  @ApiOkResponse({ type: PersonDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('personId', ParseUUIDPipe) personId: string, @CurrentUser() actor: AuthenticatedUser): Promise<PersonDto> {
    const { entity, hasIdentity } = await this.people.get(caseId, personId, actor);
    return mapPerson(entity, hasIdentity);
  }

  /** Reveals the identity: needs identity clearance and writes an audit entry. */
  @Get(':personId/identity')
  @ApiOkResponse({ type: PersonIdentityResponseDto })
  async identity(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('personId', ParseUUIDPipe) personId: string, @CurrentUser() actor: AuthenticatedUser): Promise<PersonIdentityResponseDto> {
    const { entity, identity } = await this.people.readIdentity(caseId, personId, actor);
    return { id: entity.id, code: entity.code, version: entity.version, identity };
  }

  @Put(':personId/identity')
  @ApiOkResponse({ type: PersonDto })
  async updateIdentity(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('personId', ParseUUIDPipe) personId: string, @Body() body: UpdateIdentityDto, @CurrentUser() actor: AuthenticatedUser): Promise<PersonDto> {
    const { entity, hasIdentity } = await this.people.updateIdentity(caseId, personId, body, actor);
    return mapPerson(entity, hasIdentity);
  }

  @Post(':personId/identity/erase')
  @HttpCode(200)
  @ApiOkResponse({ type: PersonDto })
  async erase(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('personId', ParseUUIDPipe) personId: string, @Body() body: EraseIdentityDto, @CurrentUser() actor: AuthenticatedUser): Promise<PersonDto> {
    const { entity, hasIdentity } = await this.people.eraseIdentity(caseId, personId, body, actor);
    return mapPerson(entity, hasIdentity);
  }
}
