import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { CreateEvidenceItemDto, CustodyEntryDto, EvidenceItemDto, ListEvidenceQueryDto, mapEvidenceItem, UpdateEvidenceItemDto } from 'src/evidence/dto/evidence-item.dto';
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
  @ApiCreatedResponse({ type: EvidenceItemDto })
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateEvidenceItemDto, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceItemDto> {
    return mapEvidenceItem(await this.items.create(caseId, body, actor));
  }

  /**
   * A transcript passage with its element link (and optionally its requirement link) in one
   * transaction: all recorded, or nothing (what the reader uses; a retry never duplicates the item).
   */
  @Post('passages')
  @ApiCreatedResponse({ type: PassageEvidenceDto })
  async createPassage(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreatePassageEvidenceDto, @CurrentUser() actor: AuthenticatedUser): Promise<PassageEvidenceDto> {
    const v = await this.passages.create(caseId, body, actor);
    return { item: mapEvidenceItem(v.item), link: mapEvidenceLink(v.link.link, v.link.codes), liabilityLink: v.liabilityLink ? mapLiabilityLink(v.liabilityLink.link, v.liabilityLink.codes) : null };
  }

  @Get()
  @ApiPageResponse(EvidenceItemDto)
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListEvidenceQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<EvidenceItemDto>> {
    const page = await this.items.list(caseId, query, actor);
    return { ...page, items: page.items.map(mapEvidenceItem) };
  }

  @Get(':itemId')
  @ApiOkResponse({ type: EvidenceItemDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('itemId', ParseUUIDPipe) itemId: string, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceItemDto> {
    return mapEvidenceItem(await this.items.get(caseId, itemId, actor));
  }

  @Get(':itemId/custody')
  @ApiOkResponse({ type: [CustodyEntryDto] })
  custody(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('itemId', ParseUUIDPipe) itemId: string, @CurrentUser() actor: AuthenticatedUser): Promise<CustodyEntryDto[]> {
    return this.items.custody(caseId, itemId, actor);
  }

  /** Title, description, provenance notes; never what the item is bound to. */
  @Patch(':itemId')
  async update(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('itemId', ParseUUIDPipe) itemId: string, @Body() body: UpdateEvidenceItemDto, @CurrentUser() actor: AuthenticatedUser): Promise<EvidenceItemDto> {
    return mapEvidenceItem(await this.items.update(caseId, itemId, body, actor));
  }
}
