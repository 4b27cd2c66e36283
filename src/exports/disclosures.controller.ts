import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { DisclosureDto, ListDisclosuresQueryDto, mapDisclosure } from 'src/exports/dto/disclosure.dto';
import { DisclosuresService } from 'src/exports/disclosures.service';

@ApiTags('exports')
@Controller()
@Authenticated()
export class DisclosuresController {
  constructor(private readonly disclosures: DisclosuresService) {}

  /** The disclosure register per item, newest first; filter by testimony, person code, evidence item, recipient (case leads). */
  @Get('cases/:caseId/disclosures')
  @ApiPageResponse(DisclosureDto)
  @ApiDoc('Disclosure register', 'Every item that left the case in an export, newest first: which export, recipient kind, purpose and date; filter by testimony, person code, evidence item or recipient. Case leads.', [400, 403, 404])
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListDisclosuresQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<DisclosureDto>> {
    const result = await this.disclosures.list(caseId, query, actor);
    return { ...result, items: result.items.map(mapDisclosure) };
  }

  /** Who has received this testimony: every export that carried it or anything of it (case leads). */
  @Get('cases/:caseId/testimonies/:testimonyId/disclosures')
  @ApiPageResponse(DisclosureDto)
  @ApiDoc('Who received this testimony', 'Every export that carried this testimony or anything of it (passages, files). Case leads.', [400, 403, 404])
  async forTestimony(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Query() query: ListDisclosuresQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<DisclosureDto>> {
    const result = await this.disclosures.forTestimony(caseId, testimonyId, query, actor);
    return { ...result, items: result.items.map(mapDisclosure) };
  }
}
