import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { listDownloadFile, mapPages } from 'src/common/csv/list-download';
import { ApiPageResponse, PageQueryDto, type Page } from 'src/common/http/pagination';
import { ApiDoc, ApiListDownload } from 'src/common/openapi/api-doc';
import { CreateIncidentDto, DownloadIncidentsQueryDto, INCIDENT_DOWNLOAD, IncidentDto, ListIncidentsQueryDto, mapIncident, mapViolationType, UpdateIncidentDto, ViolationTypeDto, ViolationTypePageDto } from 'src/incidents/dto/incident.dto';
import { IncidentsService } from 'src/incidents/incidents.service';

@ApiTags('incidents')
@Controller('cases/:caseId/incidents')
@Authenticated()
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post()
  @ApiDoc('Record an incident', 'Records who did what to whom, when and where: violation types from the vocabulary, a date with its precision, a gazetteer place or coordinates, victims (people by id or counted groups), perpetrators with their involvement, and the testimonies (optionally a passage) that report it. Case members who may analyse (lead, investigator, analyst). Audited (incident.create). Victims and sources are answered by pseudonym code only.', [400, 403, 404, 409])
  @ApiCreatedResponse({ type: IncidentDto })
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateIncidentDto, @CurrentUser() actor: AuthenticatedUser): Promise<IncidentDto> {
    return mapIncident(await this.incidents.create(caseId, body, actor));
  }

  @Get()
  @ApiDoc('List incidents', 'One page of the case’s incidents, filtered by place (including places inside it), date overlap, violation type, perpetrator (with sub-units), victim, testimony or title words. Any member of the case. Not audited (no identities: people appear by pseudonym code).', [400, 404])
  @ApiPageResponse(IncidentDto)
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListIncidentsQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<IncidentDto>> {
    const page = await this.incidents.list(caseId, query, actor);
    return { ...page, items: page.items.map(mapIncident) };
  }

  // Before :incidentId, which would otherwise take "download" for an id.
  @Get('download')
  @ApiDoc('Download incidents as CSV or JSON', 'Every incident the list’s filters select (same filters and order as GET /cases/{caseId}/incidents, no paging), streamed as a CSV or JSON attachment. Victims and sources appear by pseudonym code only. Data leaving the system: needs identity clearance on the case; audited as a download (list.download with the list, format and filter names).', [400, 403, 404])
  @ApiListDownload(IncidentDto, '\uFEFFcode,title,description,violation_types,date_precision,date,date_from,date_to,earliest,latest,place_code,place_name,latitude,longitude,victim_codes,victim_groups,perpetrators,source_interviewee_codes,created_at,updated_at,version\r\nI-0001,Public beating at the Camp 15 work site,,torture forced_labour,month,1997-03,,,1997-03-01,1997-03-31,kwanliso-15,Camp 15 (Yodok),39.7,127.3,V-0001,30 prisoners of work team 3,U-0002:direct:confirmed,W-0001,2026-03-14T09:30:00.000Z,2026-03-14T09:30:00.000Z,1\r\n')
  async download(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: DownloadIncidentsQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<StreamableFile> {
    const pages = await this.incidents.download(caseId, query, actor);
    return listDownloadFile(`incidents-${caseId}`, query.format, INCIDENT_DOWNLOAD, mapPages(pages, mapIncident));
  }

  @Get(':incidentId')
  @ApiDoc('Read an incident', 'One incident with its victims, perpetrators and sources. Any member of the case; people appear by pseudonym code only. Not audited.', [404])
  @ApiOkResponse({ type: IncidentDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('incidentId', ParseUUIDPipe) incidentId: string, @CurrentUser() actor: AuthenticatedUser): Promise<IncidentDto> {
    return mapIncident(await this.incidents.get(caseId, incidentId, actor));
  }

  @Patch(':incidentId')
  @ApiDoc('Change an incident', 'Changes the fields sent; lists sent (victims, perpetrators, sources) replace the old ones. Send the version you read: a stale one gets 409 with both versions. Members who may analyse; refused while the case is archived. Audited (incident.update).', [400, 403, 404, 409])
  @ApiOkResponse({ type: IncidentDto })
  async update(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('incidentId', ParseUUIDPipe) incidentId: string, @Body() body: UpdateIncidentDto, @CurrentUser() actor: AuthenticatedUser): Promise<IncidentDto> {
    return mapIncident(await this.incidents.update(caseId, incidentId, body, actor));
  }
}

/** Controlled vocabularies (seeded data): readable by every signed-in user. */
@ApiTags('vocabularies')
@Controller('vocabularies')
@Authenticated()
export class VocabulariesController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get('violation-types')
  @ApiDoc('List violation types', 'The controlled vocabulary of violation types (English and Korean labels, the UN COI category), in display order. Any signed-in user. Not audited.', [400])
  @ApiOkResponse({ type: ViolationTypePageDto })
  async violationTypes(@Query() query: PageQueryDto): Promise<Page<ViolationTypeDto>> {
    const page = await this.incidents.violationTypes(query);
    return { ...page, items: page.items.map(mapViolationType) };
  }
}
