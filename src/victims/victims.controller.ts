import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ActDto, ActVersionDto, CreateActDto, mapAct, mapVictimAttributes, VictimAttributesDto, VictimAttributesInputDto } from 'src/victims/dto/victim.dto';
import { VictimsService } from 'src/victims/victims.service';

/** Acts per victim and victims' attributes (members of the case; the service checks the case permission and clearance). */
@ApiTags('victims')
@Controller('cases/:caseId')
@Authenticated()
export class VictimsController {
  constructor(private readonly victims: VictimsService) {}

  /** Identity clearance; audited. */
  @Get('people/:personId/victim-attributes')
  @ApiOkResponse({ type: VictimAttributesDto })
  @ApiDoc('Read a victim’s attributes', 'Sex, age group and status categories of a victim (categories only, never free text). Only members with identity clearance; audited (victim_attributes.read).', [403, 404])
  async getAttributes(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('personId', ParseUUIDPipe) personId: string, @CurrentUser() actor: AuthenticatedUser): Promise<VictimAttributesDto> {
    return mapVictimAttributes(await this.victims.getAttributes(caseId, personId, actor));
  }

  /** Records (version 0) or replaces a victim's categories. Identity clearance; audited. */
  @Put('people/:personId/victim-attributes')
  @ApiOkResponse({ type: VictimAttributesDto })
  @ApiDoc('Record a victim’s attributes', 'Records (version 0) or replaces a victim’s categories. Members with identity clearance; send the version you read. Audited.', [400, 403, 404, 409])
  async putAttributes(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('personId', ParseUUIDPipe) personId: string, @Body() body: VictimAttributesInputDto, @CurrentUser() actor: AuthenticatedUser): Promise<VictimAttributesDto> {
    return mapVictimAttributes(await this.victims.putAttributes(caseId, personId, body, actor));
  }

  @Post('incidents/:incidentId/acts')
  @ApiCreatedResponse({ type: ActDto })
  @ApiDoc('Record an act against a victim', 'Records what was done to one victim in an incident (violation type, count). Members who may record. Audited (incident_act.create).', [400, 403, 404, 409])
  async createAct(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('incidentId', ParseUUIDPipe) incidentId: string, @Body() body: CreateActDto, @CurrentUser() actor: AuthenticatedUser): Promise<ActDto> {
    const v = await this.victims.createAct(caseId, incidentId, body, actor);
    return mapAct(v.act, v.personCode);
  }

  @Get('incidents/:incidentId/acts')
  @ApiOkResponse({ type: [ActDto] })
  @ApiDoc('List the acts of an incident', 'The acts recorded per victim in an incident, by pseudonym code. Any member of the case.', [404])
  async listActs(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('incidentId', ParseUUIDPipe) incidentId: string, @CurrentUser() actor: AuthenticatedUser): Promise<ActDto[]> {
    return (await this.victims.listActs(caseId, incidentId, actor)).map((v) => mapAct(v.act, v.personCode));
  }

  @Delete('incidents/:incidentId/acts/:actId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Done; nothing to answer' })
  @ApiDoc('Delete an act', 'Members who may record. Audited (incident_act.delete).', [403, 404, 409])
  async removeAct(
    @Param('caseId', ParseUUIDPipe) caseId: string, @Param('incidentId', ParseUUIDPipe) incidentId: string, @Param('actId', ParseUUIDPipe) actId: string,
    @Query() query: ActVersionDto, @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    await this.victims.removeAct(caseId, incidentId, actId, query.version, actor);
  }
}
