import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { Authenticated, CurrentUser, Roles } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import {
  CreateFrameworkDto, CrimeInputDto, FrameworkDto, FrameworkSummaryDto, ListFrameworksQueryDto, mapCrime, mapFrameworkSummary, mapGroup, mapMode, mapSharedRequirement,
  ModeInputDto, NewVersionDto, RetireFrameworkDto, RevisionDto, UpdateCrimeDto, UpdateFrameworkDto, UpdateModeDto,
} from 'src/legal/dto/framework.dto';
import { LegalService, type FrameworkView } from 'src/legal/legal.service';

function mapFramework(v: FrameworkView): FrameworkDto {
  return {
    ...mapFrameworkSummary(v.framework),
    groups: [...v.framework.groups].sort((a, b) => a.sortOrder - b.sortOrder).map(mapGroup),
    sharedRequirements: v.shared.map(mapSharedRequirement),
    crimes: v.crimes.map((c) => mapCrime(c.crime, c.elements)),
    modesOfLiability: v.modes.map((m) => mapMode(m.mode, m.requirements)),
    reference: v.framework.reference,
  };
}

/**
 * Legal frameworks (not case-scoped): anyone signed in reads them; admins and analysts build
 * drafts, publish them and start new versions. A published version answers 409 to any change.
 */
@ApiTags('legal')
@Controller('legal/frameworks')
export class LegalController {
  constructor(private readonly legal: LegalService) {}

  @Get()
  @Authenticated()
  @ApiPageResponse(FrameworkSummaryDto)
  @ApiDoc('List legal frameworks', 'Every framework version (Rome Statute and the organisation’s own) with status draft, published, superseded or retired. Any signed-in user.', [400])
  async list(@Query() query: ListFrameworksQueryDto): Promise<Page<FrameworkSummaryDto>> {
    const page = await this.legal.list(query);
    return { ...page, items: page.items.map(mapFrameworkSummary) };
  }

  /** The whole tree: groups, shared requirements, crimes with their elements, modes of liability. */
  @Get(':frameworkId')
  @Authenticated()
  @ApiOkResponse({ type: FrameworkDto })
  @ApiDoc('Read a legal framework', 'The whole tree: groups, shared requirements, crimes with their elements, modes of liability, in English and Korean. Any signed-in user.', [404])
  async get(@Param('frameworkId', ParseUUIDPipe) frameworkId: string): Promise<FrameworkDto> {
    return mapFramework(await this.legal.get(frameworkId));
  }

  @Post()
  @Roles('admin', 'analyst')
  @ApiCreatedResponse({ type: FrameworkDto })
  @ApiDoc('Create a framework draft', 'A new framework (e.g. domestic law) as a draft, without code changes. Global admins and analysts. Audited (legal.framework.create).', [400, 409])
  async create(@Body() body: CreateFrameworkDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.create(body, actor));
  }

  @Patch(':frameworkId')
  @Roles('admin', 'analyst')
  @ApiOkResponse({ type: FrameworkDto })
  @ApiDoc('Change a framework draft', 'Changes a draft’s title, description or groups. Admins and analysts; a published version answers 409. Audited (legal.framework.update).', [400, 404, 409])
  async update(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Body() body: UpdateFrameworkDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.update(frameworkId, body, actor));
  }

  @Delete(':frameworkId')
  @Roles('admin', 'analyst')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Done; nothing to answer' })
  @ApiDoc('Delete a framework draft', 'Deletes a draft nobody links to. Admins and analysts; a published version answers 409. Audited (legal.framework.delete).', [404, 409])
  async remove(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Query() query: RevisionDto, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.legal.remove(frameworkId, query.revision, actor);
  }

  @Post(':frameworkId/crimes')
  @Roles('admin', 'analyst')
  @ApiCreatedResponse({ type: FrameworkDto })
  @ApiDoc('Add a crime to a draft', 'Adds a crime with its elements to a draft. Admins and analysts; 409 on a published version. Audited (legal.crime.add).', [400, 404, 409])
  async addCrime(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Body() body: CrimeInputDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.addCrime(frameworkId, body, actor));
  }

  @Put(':frameworkId/crimes/:crimeId')
  @Roles('admin', 'analyst')
  @ApiOkResponse({ type: FrameworkDto })
  @ApiDoc('Replace a crime of a draft', 'Replaces a crime and its elements in a draft. Admins and analysts; 409 on a published version. Audited (legal.crime.replace).', [400, 404, 409])
  async replaceCrime(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Param('crimeId', ParseUUIDPipe) crimeId: string, @Body() body: UpdateCrimeDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.replaceCrime(frameworkId, crimeId, body, actor));
  }

  @Delete(':frameworkId/crimes/:crimeId')
  @Roles('admin', 'analyst')
  @ApiOkResponse({ type: FrameworkDto })
  @ApiDoc('Remove a crime from a draft', 'Admins and analysts; 409 on a published version. Audited (legal.crime.remove).', [404, 409])
  async removeCrime(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Param('crimeId', ParseUUIDPipe) crimeId: string, @Query() query: RevisionDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.removeCrime(frameworkId, crimeId, query.revision, actor));
  }

  @Post(':frameworkId/modes')
  @Roles('admin', 'analyst')
  @ApiCreatedResponse({ type: FrameworkDto })
  @ApiDoc('Add a mode of liability to a draft', 'Adds a mode of liability with its requirements. Admins and analysts; 409 on a published version. Audited (legal.mode.add).', [400, 404, 409])
  async addMode(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Body() body: ModeInputDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.addMode(frameworkId, body, actor));
  }

  @Put(':frameworkId/modes/:modeId')
  @Roles('admin', 'analyst')
  @ApiOkResponse({ type: FrameworkDto })
  @ApiDoc('Replace a mode of liability of a draft', 'Admins and analysts; 409 on a published version. Audited (legal.mode.replace).', [400, 404, 409])
  async replaceMode(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Param('modeId', ParseUUIDPipe) modeId: string, @Body() body: UpdateModeDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.replaceMode(frameworkId, modeId, body, actor));
  }

  @Delete(':frameworkId/modes/:modeId')
  @Roles('admin', 'analyst')
  @ApiOkResponse({ type: FrameworkDto })
  @ApiDoc('Remove a mode of liability from a draft', 'Admins and analysts; 409 on a published version. Audited (legal.mode.remove).', [404, 409])
  async removeMode(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Param('modeId', ParseUUIDPipe) modeId: string, @Query() query: RevisionDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.removeMode(frameworkId, modeId, query.revision, actor));
  }

  @Post(':frameworkId/publish')
  @Roles('admin', 'analyst')
  @HttpCode(200)
  @ApiOkResponse({ type: FrameworkDto })
  @ApiDoc('Publish a framework draft', 'Freezes the draft: from now on it can be linked to and never changes; a previous published version becomes superseded. Admins and analysts. Audited (legal.framework.publish).', [404, 409, 422])
  async publish(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Body() body: RevisionDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.publish(frameworkId, body.revision, actor));
  }

  /** Retires a published or superseded version (admins): no new links; existing links and exports keep it. */
  @Post(':frameworkId/retire')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: FrameworkDto })
  @ApiDoc('Retire a framework version', 'Retires a published or superseded version (admins): no new links; existing links and exports keep it. Audited (legal.framework.retire).', [404, 409])
  async retire(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Body() body: RetireFrameworkDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.retire(frameworkId, body.revision, body.reason, actor));
  }

  /** A new draft version copying this published one; publishing it supersedes this one. */
  @Post(':frameworkId/versions')
  @Roles('admin', 'analyst')
  @ApiCreatedResponse({ type: FrameworkDto })
  @ApiDoc('Start a new framework version', 'A new draft version copying this published one; publishing it supersedes this one. Admins and analysts. Audited (legal.framework.new_version).', [404, 409])
  async newVersion(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Body() body: NewVersionDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.newVersion(frameworkId, body, actor));
  }
}
