import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
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
  @ApiOkResponse({ type: IncidentMapDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentUser() actor: AuthenticatedUser): Promise<IncidentMapDto> {
    return this.map.forCase(caseId, actor) as Promise<IncidentMapDto>;
  }
}
