import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { listDownloadFile, mapPages } from 'src/common/csv/list-download';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { ApiDoc, ApiListDownload } from 'src/common/openapi/api-doc';
import { CreatePersonDto, DownloadPeopleQueryDto, EraseIdentityDto, ListPeopleQueryDto, mapPerson, PERSON_DOWNLOAD, PersonDto, PersonIdentityResponseDto, UpdateIdentityDto } from 'src/people/dto/person.dto';
import { PeopleService } from 'src/people/people.service';

@ApiTags('people')
@Controller('cases/:caseId/people')
@Authenticated()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @ApiDoc('Register a person', 'Registers a survivor, witness, victim or individual perpetrator and gives them the next pseudonym code of the case (W-0007, V-0001…), used everywhere instead of the name. Members who may record (lead, investigator). Identity fields (names, aliases, birth date, contacts, location, relatives) are optional, sealed with the case key and need identity clearance to send. Audited (person.create, never with the identity).', [400, 403, 404, 409])
  @ApiCreatedResponse({ type: PersonDto })
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreatePersonDto, @CurrentUser() actor: AuthenticatedUser): Promise<PersonDto> {
    const { entity, hasIdentity } = await this.people.create(caseId, body, actor);
    return mapPerson(entity, hasIdentity);
  }

  @Get()
  @ApiDoc('List people', 'One page of the case’s people by pseudonym code, filtered by kind or code prefix. Any member of the case. Never returns identities (only whether one is on file). Not audited.', [400, 404])
  @ApiPageResponse(PersonDto)
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListPeopleQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<PersonDto>> {
    const result = await this.people.list(caseId, query, actor);
    return { ...result, items: result.items.map((v) => mapPerson(v.entity, v.hasIdentity)) };
  }

  // Before :personId, which would otherwise take "download" for an id.
  @Get('download')
  @ApiDoc('Download people as CSV or JSON', 'Every person the list’s filters select (same filters and order as GET /cases/{caseId}/people, no paging), streamed as a CSV or JSON attachment: pseudonym code and non-identifying attributes only (kind, whether an identity is on file, erasure date). Never a name or identity field, even for cleared members. Data leaving the system: needs identity clearance on the case; audited as a download (list.download).', [400, 403, 404])
  @ApiListDownload(PersonDto, '\uFEFFcode,kind,has_identity,identity_erased_at,created_at,version\r\nW-0001,witness,true,,2026-03-14T09:30:00.000Z,1\r\nV-0001,victim,false,,2026-03-14T09:31:00.000Z,1\r\n')
  async download(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: DownloadPeopleQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<StreamableFile> {
    const pages = await this.people.download(caseId, query, actor);
    return listDownloadFile(`people-${caseId}`, query.format, PERSON_DOWNLOAD, mapPages(pages, (v) => mapPerson(v.entity, v.hasIdentity)));
  }

  @Get(':personId')
  @ApiDoc('Read a person (pseudonymised)', 'The person by pseudonym code, kind and whether an identity is on file. Any member of the case; never the identity. Not audited.', [404])
  @ApiOkResponse({ type: PersonDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('personId', ParseUUIDPipe) personId: string, @CurrentUser() actor: AuthenticatedUser): Promise<PersonDto> {
    const { entity, hasIdentity } = await this.people.get(caseId, personId, actor);
    return mapPerson(entity, hasIdentity);
  }

  /** Reveals the identity: needs identity clearance and writes an audit entry. */
  @Get(':personId/identity')
  @ApiDoc('Reveal a person’s identity', 'Decrypts and returns the identity (names in Hangul and romanised, aliases, birth date, contacts, location, relatives). Only members with identity clearance on the case; every read is audited (person.identity_read) in the same transaction. null when erased or never recorded.', [403, 404])
  @ApiOkResponse({ type: PersonIdentityResponseDto })
  async identity(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('personId', ParseUUIDPipe) personId: string, @CurrentUser() actor: AuthenticatedUser): Promise<PersonIdentityResponseDto> {
    const { entity, identity } = await this.people.readIdentity(caseId, personId, actor);
    return { id: entity.id, code: entity.code, version: entity.version, identity };
  }

  @Put(':personId/identity')
  @ApiDoc('Replace a person’s identity', 'Replaces the sealed identity with the one sent. Members who may record and have identity clearance; send the version you read (409 when stale). Audited (person.identity_update, field names only). Changed names queue re-redaction of the case’s transcripts.', [400, 403, 404, 409])
  @ApiOkResponse({ type: PersonDto })
  async updateIdentity(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('personId', ParseUUIDPipe) personId: string, @Body() body: UpdateIdentityDto, @CurrentUser() actor: AuthenticatedUser): Promise<PersonDto> {
    const { entity, hasIdentity } = await this.people.updateIdentity(caseId, personId, body, actor);
    return mapPerson(entity, hasIdentity);
  }

  @Post(':personId/identity/erase')
  @HttpCode(200)
  @ApiDoc('Erase a person’s identity', 'Destroys the sealed identity for good (consent withdrawn, the witness’s request, safety, data minimisation); the pseudonym code and everything linked to it stay. Members who may record and have identity clearance; send the version you read. Audited (person.identity_erase, with the reason).', [400, 403, 404, 409])
  @ApiOkResponse({ type: PersonDto })
  async erase(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('personId', ParseUUIDPipe) personId: string, @Body() body: EraseIdentityDto, @CurrentUser() actor: AuthenticatedUser): Promise<PersonDto> {
    const { entity, hasIdentity } = await this.people.eraseIdentity(caseId, personId, body, actor);
    return mapPerson(entity, hasIdentity);
  }
}
