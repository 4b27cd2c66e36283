import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Roles } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import type { Page } from 'src/common/http/pagination';
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
  async list(@Query() query: ListFrameworksQueryDto): Promise<Page<FrameworkSummaryDto>> {
    const page = await this.legal.list(query);
    return { ...page, items: page.items.map(mapFrameworkSummary) };
  }

  /** The whole tree: groups, shared requirements, crimes with their elements, modes of liability. */
  @Get(':frameworkId')
  @Authenticated()
  async get(@Param('frameworkId', ParseUUIDPipe) frameworkId: string): Promise<FrameworkDto> {
    return mapFramework(await this.legal.get(frameworkId));
  }

  @Post()
  @Roles('admin', 'analyst')
  async create(@Body() body: CreateFrameworkDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.create(body, actor));
  }

  @Patch(':frameworkId')
  @Roles('admin', 'analyst')
  async update(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Body() body: UpdateFrameworkDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.update(frameworkId, body, actor));
  }

  @Delete(':frameworkId')
  @Roles('admin', 'analyst')
  @HttpCode(204)
  async remove(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Query() query: RevisionDto, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.legal.remove(frameworkId, query.revision, actor);
  }

  @Post(':frameworkId/crimes')
  @Roles('admin', 'analyst')
  async addCrime(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Body() body: CrimeInputDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.addCrime(frameworkId, body, actor));
  }

  @Put(':frameworkId/crimes/:crimeId')
  @Roles('admin', 'analyst')
  async replaceCrime(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Param('crimeId', ParseUUIDPipe) crimeId: string, @Body() body: UpdateCrimeDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.replaceCrime(frameworkId, crimeId, body, actor));
  }

  @Delete(':frameworkId/crimes/:crimeId')
  @Roles('admin', 'analyst')
  async removeCrime(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Param('crimeId', ParseUUIDPipe) crimeId: string, @Query() query: RevisionDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.removeCrime(frameworkId, crimeId, query.revision, actor));
  }

  @Post(':frameworkId/modes')
  @Roles('admin', 'analyst')
  async addMode(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Body() body: ModeInputDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.addMode(frameworkId, body, actor));
  }

  @Put(':frameworkId/modes/:modeId')
  @Roles('admin', 'analyst')
  async replaceMode(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Param('modeId', ParseUUIDPipe) modeId: string, @Body() body: UpdateModeDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.replaceMode(frameworkId, modeId, body, actor));
  }

  @Delete(':frameworkId/modes/:modeId')
  @Roles('admin', 'analyst')
  async removeMode(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Param('modeId', ParseUUIDPipe) modeId: string, @Query() query: RevisionDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.removeMode(frameworkId, modeId, query.revision, actor));
  }

  @Post(':frameworkId/publish')
  @Roles('admin', 'analyst')
  @HttpCode(200)
  async publish(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Body() body: RevisionDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.publish(frameworkId, body.revision, actor));
  }

  /** Retires a published or superseded version (admins): no new links; existing links and exports keep it. */
  @Post(':frameworkId/retire')
  @Roles('admin')
  @HttpCode(200)
  async retire(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Body() body: RetireFrameworkDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.retire(frameworkId, body.revision, body.reason, actor));
  }

  /** A new draft version copying this published one; publishing it supersedes this one. */
  @Post(':frameworkId/versions')
  @Roles('admin', 'analyst')
  async newVersion(@Param('frameworkId', ParseUUIDPipe) frameworkId: string, @Body() body: NewVersionDto, @CurrentUser() actor: AuthenticatedUser): Promise<FrameworkDto> {
    return mapFramework(await this.legal.newVersion(frameworkId, body, actor));
  }
}
