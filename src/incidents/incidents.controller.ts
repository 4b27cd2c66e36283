import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, PageQueryDto, type Page } from 'src/common/http/pagination';
import { CreateIncidentDto, IncidentDto, ListIncidentsQueryDto, mapIncident, mapViolationType, UpdateIncidentDto, ViolationTypeDto, ViolationTypePageDto } from 'src/incidents/dto/incident.dto';
import { IncidentsService } from 'src/incidents/incidents.service';

@ApiTags('incidents')
@Controller('cases/:caseId/incidents')
@Authenticated()
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post()
  @ApiCreatedResponse({ type: IncidentDto })
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateIncidentDto, @CurrentUser() actor: AuthenticatedUser): Promise<IncidentDto> {
    return mapIncident(await this.incidents.create(caseId, body, actor));
  }

  @Get()
  @ApiPageResponse(IncidentDto)
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListIncidentsQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<IncidentDto>> {
    const page = await this.incidents.list(caseId, query, actor);
    return { ...page, items: page.items.map(mapIncident) };
  }

  @Get(':incidentId')
  @ApiOkResponse({ type: IncidentDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('incidentId', ParseUUIDPipe) incidentId: string, @CurrentUser() actor: AuthenticatedUser): Promise<IncidentDto> {
    return mapIncident(await this.incidents.get(caseId, incidentId, actor));
  }

  @Patch(':incidentId')
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
  @ApiOkResponse({ type: ViolationTypePageDto })
  async violationTypes(@Query() query: PageQueryDto): Promise<Page<ViolationTypeDto>> {
    const page = await this.incidents.violationTypes(query);
    return { ...page, items: page.items.map(mapViolationType) };
  }
}
