import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { CaseSearchQueryDto, mapSearchHit, SearchPageDto, SearchQueryDto } from 'src/search/dto/search.dto';
import { SearchService } from 'src/search/search.service';

@ApiTags('search')
@Controller()
@Authenticated()
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  /** Testimonies (de-identified text), incidents, perpetrators and places of every case the caller is a member of. */
  @Get('search')
  @ApiOkResponse({ type: SearchPageDto })
  async search(@Query() query: SearchQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<SearchPageDto> {
    const page = await this.searchService.search(query, actor);
    return { ...page, items: page.items.map(mapSearchHit) };
  }

  @Get('cases/:caseId/search')
  @ApiOkResponse({ type: SearchPageDto })
  async searchCase(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: CaseSearchQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<SearchPageDto> {
    const page = await this.searchService.search({ ...query, caseId }, actor);
    return { ...page, items: page.items.map(mapSearchHit) };
  }
}
