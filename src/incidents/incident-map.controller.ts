import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import { ApiDoc } from 'src/common/openapi/api-doc';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { IncidentMapDto } from 'src/incidents/dto/incident-map.dto';
import { IncidentMapService } from 'src/incidents/incident-map.service';

/** The case's incidents as points for a map drawn in the browser (no tile server). Any member. */
@ApiTags('incidents')
@Controller('cases/:caseId/incident-map')
@Authenticated()
export class IncidentMapController {
  constructor(private readonly map: IncidentMapService) {}

  @Get()
  @ApiDoc('Incidents as map points', 'The case’s incidents grouped by where they happened, for the map the web app draws itself (no tile server, so nothing tells a third party which places a team looks at): each point has coordinates (the incident’s own, else its gazetteer place’s, else the nearest enclosing place’s, then marked approximate) and the incidents there by code, title and date with its precision; `unplaced` counts incidents with no coordinates. Any member of the case. Not audited (no identities).', [404])
  @ApiOkResponse({ type: IncidentMapDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentUser() actor: AuthenticatedUser): Promise<IncidentMapDto> {
    return this.map.forCase(caseId, actor) as Promise<IncidentMapDto>;
  }
}
