import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
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
  @ApiDoc('Link evidence to a crime element', 'Ties an evidence item to an element of a crime (optionally an incident, a perpetrator and a mode of liability) with an assessment: supports, undermines or context; probative value; source reliability and information credibility; a note. Starts as proposed. Members who may analyse. Audited (evidence_link.create).', [400, 403, 404, 409])
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateEvidenceLinkDto, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceLinkDto> {
    const v = await this.links.create(caseId, body, actor);
    return mapEvidenceLink(v.link, v.codes);
  }

  @Get()
  @ApiPageResponse(EvidenceLinkDto)
  @ApiDoc('List evidence links', 'One page of the case’s links, filtered by item, framework version, crime, element, incident, perpetrator, mode of liability, relation or review status. Any member of the case.', [400, 404])
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListEvidenceLinksQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<EvidenceLinkDto>> {
    const page = await this.links.list(caseId, query, actor);
    return { ...page, items: page.items.map((v) => mapEvidenceLink(v.link, v.codes)) };
  }

  @Get(':linkId')
  @ApiOkResponse({ type: EvidenceLinkDto })
  @ApiDoc('Read an evidence link', 'One link with its assessment and review status. Any member of the case.', [404])
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceLinkDto> {
    const v = await this.links.get(caseId, linkId, actor);
    return mapEvidenceLink(v.link, v.codes);
  }

  /** Changes the assessment; a reviewed link goes back to proposed. */
  @Patch(':linkId')
  @ApiOkResponse({ type: EvidenceLinkDto })
  @ApiDoc('Change an assessment', 'Changes the assessment; a reviewed link goes back to proposed. Members who may analyse; send the version you read. Audited (evidence_link.update).', [400, 403, 404, 409])
  async update(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Body() body: UpdateEvidenceLinkDto, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceLinkDto> {
    const v = await this.links.update(caseId, linkId, body, actor);
    return mapEvidenceLink(v.link, v.codes);
  }

  /** proposed → reviewed: the review permission, and not the link's author. */
  @Post(':linkId/review')
  @ApiOkResponse({ type: EvidenceLinkDto })
  @HttpCode(200)
  @ApiDoc('Mark a link reviewed', 'proposed → reviewed: the review permission, and not the link’s author. Audited (evidence_link.review).', [400, 403, 404, 409])
  async review(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Body() body: LinkVersionDto, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceLinkDto> {
    const v = await this.links.review(caseId, linkId, body.version, actor);
    return mapEvidenceLink(v.link, v.codes);
  }

  /** proposed → returned with a comment: the review permission, and not the link's author. A later change makes it proposed again. */
  @Post(':linkId/return')
  @ApiOkResponse({ type: EvidenceLinkDto })
  @HttpCode(200)
  @ApiDoc('Return a link', 'proposed → returned with a comment: the review permission, and not the link’s author. A later change makes it proposed again. Audited (evidence_link.return).', [400, 403, 404, 409])
  async sendBack(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Body() body: ReturnLinkDto, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceLinkDto> {
    const v = await this.links.sendBack(caseId, linkId, body.version, body.comment, actor);
    return mapEvidenceLink(v.link, v.codes);
  }

  /** The link's comments (sent back, or written on it), oldest first. */
  @Get(':linkId/comments')
  @ApiOkResponse({ type: [LinkCommentDto] })
  @ApiDoc('Comments on a link', 'The link’s comments (sent back, or written on it), oldest first. Any member of the case.', [404])
  async comments(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @CurrentUser() actor: AuthenticatedUser): Promise<LinkCommentDto[]> {
    return (await this.links.comments(caseId, linkId, actor)).map(mapLinkComment);
  }

  /** Adds a comment (members who analyse or review); answers the whole thread. */
  @Post(':linkId/comments')
  @ApiOkResponse({ type: [LinkCommentDto] })
  @ApiDoc('Comment on a link', 'Adds a comment (members who analyse or review); answers the whole thread. Audited (evidence_link.comment, never the text).', [400, 403, 404, 409])
  async addComment(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Body() body: LinkCommentInputDto, @CurrentUser() actor: AuthenticatedUser): Promise<LinkCommentDto[]> {
    return (await this.links.addComment(caseId, linkId, body.comment, actor)).map(mapLinkComment);
  }

  @Delete(':linkId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Done; nothing to answer' })
  @ApiDoc('Delete an evidence link', 'Deletes a link (the item itself stays). Members who may analyse. Audited (evidence_link.delete).', [403, 404, 409])
  async remove(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('linkId', ParseUUIDPipe) linkId: string, @Query() query: LinkVersionDto, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.links.remove(caseId, linkId, query.version, actor);
  }
}
