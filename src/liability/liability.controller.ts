import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import type { Page } from 'src/common/http/pagination';
import {
  CreateLiabilityLinkDto, LiabilityLinkDto, LiabilityLinkVersionDto, LiabilityViewDto, LiabilityViewQueryDto, ListLiabilityLinksQueryDto, mapLiabilityLink,
} from 'src/liability/dto/liability.dto';
import { LiabilityService } from 'src/liability/liability.service';

/** Evidence on modes of liability (members of the case; the service checks the case permission). */
@ApiTags('liability')
@Controller('cases/:caseId')
@Authenticated()
export class LiabilityController {
  constructor(private readonly liability: LiabilityService) {}

  /** Perpetrator × mode of liability × requirement, with gaps; units as the chain of command. */
  @Get('liability')
  async view(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: LiabilityViewQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<LiabilityViewDto> {
    return this.liability.view(caseId, query, actor);
  }

  @Post('liability-links')
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateLiabilityLinkDto, @CurrentUser() actor: AuthenticatedUser): Promise<LiabilityLinkDto> {
    const v = await this.liability.create(caseId, body, actor);
    return mapLiabilityLink(v.link, v.codes);
  }

  @Get('liability-links')
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListLiabilityLinksQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<LiabilityLinkDto>> {
    const page = await this.liability.list(caseId, query, actor);
    return { ...page, items: page.items.map((v) => mapLiabilityLink(v.link, v.codes)) };
  }

  @Post('liability-links/:linkId/review')
  @HttpCode(200)
  async review(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Body() body: LiabilityLinkVersionDto, @CurrentUser() actor: AuthenticatedUser): Promise<LiabilityLinkDto> {
    const v = await this.liability.review(caseId, linkId, body.version, actor);
    return mapLiabilityLink(v.link, v.codes);
  }

  @Delete('liability-links/:linkId')
  @HttpCode(204)
  async remove(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Query() query: LiabilityLinkVersionDto, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.liability.remove(caseId, linkId, query.version, actor);
  }
}
