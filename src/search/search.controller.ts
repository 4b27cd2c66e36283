import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { CaseSearchQueryDto, mapSearchHit, RawSearchQueryDto, RawSearchResultDto, SearchPageDto, SearchQueryDto } from 'src/search/dto/search.dto';
import { RawSearchService } from 'src/search/raw-search.service';
import { SearchService } from 'src/search/search.service';

@ApiTags('search')
@Controller()
@Authenticated()
export class SearchController {
  constructor(
    private readonly searchService: SearchService,
    private readonly rawSearch: RawSearchService,
  ) {}

  /** Testimonies (de-identified text), incidents, perpetrators and places of every case the caller is a member of. */
  @Get('search')
  @ApiOkResponse({ type: SearchPageDto })
  @ApiDoc('Search all my cases', 'Full text over testimonies (approved de-identified text only), incidents, perpetrators and places of every case you are a member of; Korean and English, with romanisation variants. Results never reveal identities.', [400])
  async search(@Query() query: SearchQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<SearchPageDto> {
    const page = await this.searchService.search(query, actor);
    return { ...page, items: page.items.map(mapSearchHit) };
  }

  /** Identities and raw transcript text of one case: identity clearance only; audited. */
  @Get('cases/:caseId/search/raw')
  @ApiOkResponse({ type: RawSearchResultDto })
  @ApiDoc('Search identities and raw transcripts', 'Searches names, aliases and original transcript text of one case. Only members with identity clearance; every search is audited (search.raw, never the query words).', [400, 403, 404])
  searchRaw(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: RawSearchQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<RawSearchResultDto> {
    return this.rawSearch.search(caseId, query.q, query.limit, actor);
  }

  @Get('cases/:caseId/search')
  @ApiOkResponse({ type: SearchPageDto })
  @ApiDoc('Search one case', 'As GET /search, within one case, with filters (dates, place, violation type, crime element). Any member of the case.', [400, 404])
  async searchCase(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: CaseSearchQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<SearchPageDto> {
    const page = await this.searchService.search({ ...query, caseId }, actor);
    return { ...page, items: page.items.map(mapSearchHit) };
  }
}
