import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { listDownloadFile, mapPages } from 'src/common/csv/list-download';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { ApiDoc, ApiListDownload } from 'src/common/openapi/api-doc';
import { CreateEvidenceItemDto, CustodyEntryDto, DownloadEvidenceQueryDto, EVIDENCE_DOWNLOAD, EvidenceItemDto, ListEvidenceQueryDto, mapEvidenceItem, UpdateEvidenceItemDto } from 'src/evidence/dto/evidence-item.dto';
import { mapEvidenceLink } from 'src/evidence/dto/evidence-link.dto';
import { CreatePassageEvidenceDto, PassageEvidenceDto } from 'src/evidence/dto/passage-evidence.dto';
import { EvidenceItemsService } from 'src/evidence/evidence-items.service';
import { PassageEvidenceService } from 'src/evidence/passage-evidence.service';
import { mapLiabilityLink } from 'src/liability/dto/liability.dto';

@ApiTags('evidence')
@Controller('cases/:caseId/evidence')
@Authenticated()
export class EvidenceController {
  constructor(
    private readonly items: EvidenceItemsService,
    private readonly passages: PassageEvidenceService,
  ) {}

  @Post()
  @ApiDoc('Register an evidence item', 'Registers a transcript passage (a character range of one transcript version), a document, image, audio/video, open-source capture, expert report or physical item, with its provenance; the SHA-256 is fixed at intake and the original is never modified. A working copy names the item it was derived from. Members who may analyse; a passage chosen on original text needs identity clearance. Audited (evidence.create).', [400, 403, 404, 409])
  @ApiCreatedResponse({ type: EvidenceItemDto })
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateEvidenceItemDto, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceItemDto> {
    return mapEvidenceItem(await this.items.create(caseId, body, actor));
  }

  /**
   * A transcript passage with its element link (and optionally its requirement link) in one
   * transaction: all recorded, or nothing (what the reader uses; a retry never duplicates the item).
   */
  @Post('passages')
  @ApiDoc('Register a passage with its element link', 'Registers a transcript passage (on the original, or on an approved de-identified text by its redaction id) together with its link to an element of a crime, and optionally a liability link to a mode requirement, in one transaction: all are recorded or none (a refused link leaves no item behind, so a retry never duplicates it). Errors of the link name the field as sent (`link.elementId`). Members who may analyse; a passage on original text needs identity clearance. Audited (evidence.create, evidence_link.create).', [400, 403, 404, 409, 422])
  @ApiCreatedResponse({ type: PassageEvidenceDto })
  async createPassage(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreatePassageEvidenceDto, @CurrentUser() actor: AuthenticatedUser): Promise<PassageEvidenceDto> {
    const v = await this.passages.create(caseId, body, actor);
    return { item: mapEvidenceItem(v.item), link: mapEvidenceLink(v.link.link, v.link.codes), liabilityLink: v.liabilityLink ? mapLiabilityLink(v.liabilityLink.link, v.liabilityLink.codes) : null };
  }

  @Get()
  @ApiDoc('List evidence items', 'One page of the case’s evidence items, filtered by kind, role (original or working copy), testimony, file, origin item, re-anchoring need or code prefix. Any member of the case; for members without identity clearance, original-text offsets and passage hashes are null. Not audited.', [400, 404])
  @ApiPageResponse(EvidenceItemDto)
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListEvidenceQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<EvidenceItemDto>> {
    const page = await this.items.list(caseId, query, actor);
    return { ...page, items: page.items.map(mapEvidenceItem) };
  }

  // Before :itemId, which would otherwise take "download" for an id.
  @Get('download')
  @ApiDoc('Download evidence items as CSV or JSON', 'Every item the list’s filters select (same filters and order as GET /cases/{caseId}/evidence, no paging), streamed as a CSV or JSON attachment: the list’s fields, a passage by its place (version and offsets), never its words. Data leaving the system: needs identity clearance on the case; audited as a download (list.download).', [400, 403, 404])
  @ApiListDownload(EvidenceItemDto, '\uFEFFcode,kind,role,title,description,testimony_id,file_id,transcript_version_id,passage_start,passage_end,needs_reanchoring,derived_from_item_id,derivation,source_key,sha256,provenance_source,provenance_source_url,collected_by,collected_on,collected_on_precision,collection_method,physical_location,created_at,updated_at,version\r\nE-0001,document,original,Camp 15 release certificate,,,3f2c1d7e-8b4a-4c2e-9d1f-6a5b4c3d2e1f,,,,false,,,file:e3b0c442…,e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855,Witness W-0001,,Interviewer A,2024-05,month,handed over at interview,,2026-03-14T09:30:00.000Z,2026-03-14T09:30:00.000Z,1\r\n')
  async download(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: DownloadEvidenceQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<StreamableFile> {
    const pages = await this.items.download(caseId, query, actor);
    return listDownloadFile(`evidence-${caseId}`, query.format, EVIDENCE_DOWNLOAD, mapPages(pages, mapEvidenceItem));
  }

  @Get(':itemId')
  @ApiDoc('Read an evidence item', 'One evidence item with its provenance, hash and what it is bound to (passage, file, testimony). Any member of the case; original-text offsets and passage hashes only for members with identity clearance. Not audited.', [404])
  @ApiOkResponse({ type: EvidenceItemDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('itemId', ParseUUIDPipe) itemId: string, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceItemDto> {
    return mapEvidenceItem(await this.items.get(caseId, itemId, actor));
  }

  @Get(':itemId/custody')
  @ApiDoc('Chain of custody of an evidence item', 'The audit entries about the item and its links, oldest first, each with its hash in the chain (actions and who, no details). Any member of the case.', [404])
  @ApiOkResponse({ type: [CustodyEntryDto] })
  custody(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('itemId', ParseUUIDPipe) itemId: string, @CurrentUser() actor: AuthenticatedUser): Promise<CustodyEntryDto[]> {
    return this.items.custody(caseId, itemId, actor);
  }

  /** Title, description, provenance notes; never what the item is bound to. */
  @Patch(':itemId')
  @ApiDoc('Change an evidence item’s description', 'Changes title, description and provenance notes; never what the item is bound to (its file, passage or hash). Members who may analyse; send the version you read (409 when stale). Audited (evidence.update, field names).', [400, 403, 404, 409])
  @ApiOkResponse({ type: EvidenceItemDto })
  async update(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('itemId', ParseUUIDPipe) itemId: string, @Body() body: UpdateEvidenceItemDto, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceItemDto> {
    return mapEvidenceItem(await this.items.update(caseId, itemId, body, actor));
  }
}
