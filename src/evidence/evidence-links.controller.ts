import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { CreateEvidenceLinkDto, EvidenceLinkDto, LinkCommentDto, LinkCommentInputDto, LinkVersionDto, ListEvidenceLinksQueryDto, mapEvidenceLink, mapLinkComment, ReturnLinkDto, UpdateEvidenceLinkDto } from 'src/evidence/dto/evidence-link.dto';
import { EvidenceLinksService } from 'src/evidence/evidence-links.service';

@ApiTags('evidence')
@Controller('cases/:caseId/evidence-links')
@Authenticated()
export class EvidenceLinksController {
  constructor(private readonly links: EvidenceLinksService) {}

  @Post()
  @ApiCreatedResponse({ type: EvidenceLinkDto })
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateEvidenceLinkDto, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceLinkDto> {
    const v = await this.links.create(caseId, body, actor);
    return mapEvidenceLink(v.link, v.codes);
  }

  @Get()
  @ApiPageResponse(EvidenceLinkDto)
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListEvidenceLinksQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<EvidenceLinkDto>> {
    const page = await this.links.list(caseId, query, actor);
    return { ...page, items: page.items.map((v) => mapEvidenceLink(v.link, v.codes)) };
  }

  @Get(':linkId')
  @ApiOkResponse({ type: EvidenceLinkDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceLinkDto> {
    const v = await this.links.get(caseId, linkId, actor);
    return mapEvidenceLink(v.link, v.codes);
  }

  /** Changes the assessment; a reviewed link goes back to proposed. */
  @Patch(':linkId')
  async update(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Body() body: UpdateEvidenceLinkDto, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceLinkDto> {
    const v = await this.links.update(caseId, linkId, body, actor);
    return mapEvidenceLink(v.link, v.codes);
  }

  /** proposed → reviewed: the review permission, and not the link's author. */
  @Post(':linkId/review')
  @ApiOkResponse({ type: EvidenceLinkDto })
  @HttpCode(200)
  async review(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Body() body: LinkVersionDto, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceLinkDto> {
    const v = await this.links.review(caseId, linkId, body.version, actor);
    return mapEvidenceLink(v.link, v.codes);
  }

  /** proposed → returned with a comment: the review permission, and not the link's author. A later change makes it proposed again. */
  @Post(':linkId/return')
  @ApiOkResponse({ type: EvidenceLinkDto })
  @HttpCode(200)
  async sendBack(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Body() body: ReturnLinkDto, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceLinkDto> {
    const v = await this.links.sendBack(caseId, linkId, body.version, body.comment, actor);
    return mapEvidenceLink(v.link, v.codes);
  }

  /** The link's comments (sent back, or written on it), oldest first. */
  @Get(':linkId/comments')
  @ApiOkResponse({ type: [LinkCommentDto] })
  async comments(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @CurrentUser() actor: AuthenticatedUser): Promise<LinkCommentDto[]> {
    return (await this.links.comments(caseId, linkId, actor)).map(mapLinkComment);
  }

  /** Adds a comment (members who analyse or review); answers the whole thread. */
  @Post(':linkId/comments')
  @ApiOkResponse({ type: [LinkCommentDto] })
  async addComment(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Body() body: LinkCommentInputDto, @CurrentUser() actor: AuthenticatedUser): Promise<LinkCommentDto[]> {
    return (await this.links.addComment(caseId, linkId, body.comment, actor)).map(mapLinkComment);
  }

  @Delete(':linkId')
  @HttpCode(204)
  async remove(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Query() query: LinkVersionDto, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.links.remove(caseId, linkId, query.version, actor);
  }
}
