import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  async getAttributes(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('personId', ParseUUIDPipe) personId: string, @CurrentUser() actor: AuthenticatedUser): Promise<VictimAttributesDto> {
    return mapVictimAttributes(await this.victims.getAttributes(caseId, personId, actor));
  }

  /** Records (version 0) or replaces a victim's categories. Identity clearance; audited. */
  @Put('people/:personId/victim-attributes')
  async putAttributes(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('personId', ParseUUIDPipe) personId: string, @Body() body: VictimAttributesInputDto, @CurrentUser() actor: AuthenticatedUser): Promise<VictimAttributesDto> {
    return mapVictimAttributes(await this.victims.putAttributes(caseId, personId, body, actor));
  }

  @Post('incidents/:incidentId/acts')
  async createAct(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('incidentId', ParseUUIDPipe) incidentId: string, @Body() body: CreateActDto, @CurrentUser() actor: AuthenticatedUser): Promise<ActDto> {
    const v = await this.victims.createAct(caseId, incidentId, body, actor);
    return mapAct(v.act, v.personCode);
  }

  @Get('incidents/:incidentId/acts')
  async listActs(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('incidentId', ParseUUIDPipe) incidentId: string, @CurrentUser() actor: AuthenticatedUser): Promise<ActDto[]> {
    return (await this.victims.listActs(caseId, incidentId, actor)).map((v) => mapAct(v.act, v.personCode));
  }

  @Delete('incidents/:incidentId/acts/:actId')
  @HttpCode(204)
  async removeAct(
    @Param('caseId', ParseUUIDPipe) caseId: string, @Param('incidentId', ParseUUIDPipe) incidentId: string, @Param('actId', ParseUUIDPipe) actId: string,
    @Query() query: ActVersionDto, @CurrentUser() actor: AuthenticatedUser,
  ): Promise<void> {
    await this.victims.removeAct(caseId, incidentId, actId, query.version, actor);
  }
}
