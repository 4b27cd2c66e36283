import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
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
  @ApiOkResponse({ type: LiabilityViewDto })
  @ApiDoc('Liability view', 'Perpetrator × mode of liability × requirement, with the evidence and gaps; units as the chain of command. Any member of the case.', [400, 404])
  async view(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: LiabilityViewQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<LiabilityViewDto> {
    return this.liability.view(caseId, query, actor);
  }

  @Post('liability-links')
  @ApiCreatedResponse({ type: LiabilityLinkDto })
  @ApiDoc('Link evidence to a mode of liability', 'Ties an evidence item to a perpetrator, a mode of liability and one of its requirements, with an assessment. Starts as proposed. Members who may analyse. Audited (liability_link.create).', [400, 403, 404, 409])
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateLiabilityLinkDto, @CurrentUser() actor: AuthenticatedUser): Promise<LiabilityLinkDto> {
    const v = await this.liability.create(caseId, body, actor);
    return mapLiabilityLink(v.link, v.codes);
  }

  @Get('liability-links')
  @ApiPageResponse(LiabilityLinkDto)
  @ApiDoc('List liability links', 'One page of the case’s liability links, filtered by framework version, perpetrator, requirement or item. Any member of the case.', [400, 404])
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListLiabilityLinksQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<LiabilityLinkDto>> {
    const page = await this.liability.list(caseId, query, actor);
    return { ...page, items: page.items.map((v) => mapLiabilityLink(v.link, v.codes)) };
  }

  @Post('liability-links/:linkId/review')
  @HttpCode(200)
  @ApiOkResponse({ type: LiabilityLinkDto })
  @ApiDoc('Mark a liability link reviewed', 'proposed → reviewed: the review permission, not the author. Audited (liability_link.review).', [400, 403, 404, 409])
  async review(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Body() body: LiabilityLinkVersionDto, @CurrentUser() actor: AuthenticatedUser): Promise<LiabilityLinkDto> {
    const v = await this.liability.review(caseId, linkId, body.version, actor);
    return mapLiabilityLink(v.link, v.codes);
  }

  @Delete('liability-links/:linkId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Done; nothing to answer' })
  @ApiDoc('Delete a liability link', 'Members who may analyse. Audited (liability_link.delete).', [403, 404, 409])
  async remove(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Query() query: LiabilityLinkVersionDto, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.liability.remove(caseId, linkId, query.version, actor);
  }
}
