import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { IncidentDto, mapIncident, PerpetratorIncidentsQueryDto } from 'src/incidents/dto/incident.dto';
import { IncidentsService } from 'src/incidents/incidents.service';
import { CreatePerpetratorDto, ListPerpetratorsQueryDto, mapPerpetrator, mapPerpetratorDetail, PerpetratorDetailDto, PerpetratorDto, UpdatePerpetratorDto } from 'src/perpetrators/dto/perpetrator.dto';
import { PerpetratorsService } from 'src/perpetrators/perpetrators.service';

@ApiTags('perpetrators')
@Controller('cases/:caseId/perpetrators')
@Authenticated()
export class PerpetratorsController {
  constructor(
    private readonly perpetrators: PerpetratorsService,
    private readonly incidents: IncidentsService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: PerpetratorDto })
  @ApiDoc('Record a perpetrator', 'An individual (a person of the case: their names stay sealed in the person record) or an institution/unit with its parent unit, positions over time, aliases and romanisation variants. Members who may analyse. Audited (perpetrator.create).', [400, 403, 404, 409])
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreatePerpetratorDto, @CurrentUser() actor: AuthenticatedUser): Promise<PerpetratorDto> {
    return mapPerpetrator(await this.perpetrators.create(caseId, body, actor));
  }

  @Get()
  @ApiPageResponse(PerpetratorDto)
  @ApiDoc('List perpetrators', 'One page of the case’s perpetrators, filtered by kind, unit type, name or alias words, parent, a unit it sits within, or the person. Any member of the case.', [400, 404])
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListPerpetratorsQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<PerpetratorDto>> {
    const page = await this.perpetrators.list(caseId, query, actor);
    return { ...page, items: page.items.map(mapPerpetrator) };
  }

  /** The perpetrator's page: positions, the chain of units above, how many incidents name it. */
  @Get(':perpetratorId')
  @ApiOkResponse({ type: PerpetratorDetailDto })
  @ApiDoc('Read a perpetrator', 'The perpetrator’s page: positions, the chain of units above, how many incidents name it. Any member of the case.', [404])
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('perpetratorId', ParseUUIDPipe) perpetratorId: string, @CurrentUser() actor: AuthenticatedUser): Promise<PerpetratorDetailDto> {
    return mapPerpetratorDetail(await this.perpetrators.get(caseId, perpetratorId, actor));
  }

  @Patch(':perpetratorId')
  @ApiOkResponse({ type: PerpetratorDto })
  @ApiDoc('Change a perpetrator', 'Changes the fields sent; a unit cannot become its own ancestor. Members who may analyse; send the version you read. Audited (perpetrator.update).', [400, 403, 404, 409])
  async update(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('perpetratorId', ParseUUIDPipe) perpetratorId: string, @Body() body: UpdatePerpetratorDto, @CurrentUser() actor: AuthenticatedUser): Promise<PerpetratorDto> {
    return mapPerpetrator(await this.perpetrators.update(caseId, perpetratorId, body, actor));
  }

  /** The incidents naming this perpetrator (a unit: and its sub-units), paginated. */
  @Get(':perpetratorId/incidents')
  @ApiPageResponse(IncidentDto)
  @ApiDoc('Incidents of a perpetrator', 'The incidents naming this perpetrator (a unit: and its sub-units), paginated. Any member of the case.', [400, 404])
  async incidentsOf(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('perpetratorId', ParseUUIDPipe) perpetratorId: string, @Query() query: PerpetratorIncidentsQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<IncidentDto>> {
    await this.perpetrators.requireExists(caseId, perpetratorId, actor);
    const page = await this.incidents.list(caseId, { ...query, perpetratorId }, actor);
    return { ...page, items: page.items.map(mapIncident) };
  }
}
