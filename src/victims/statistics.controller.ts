import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiDoc, ApiJsonOrCsvResponse } from 'src/common/openapi/api-doc';
import type { Response } from 'express';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { StatisticsDto, StatisticsQueryDto } from 'src/victims/dto/statistics.dto';
import { statisticsCsv } from 'src/victims/statistics';
import { StatisticsService } from 'src/victims/statistics.service';

/** Counts of incidents, victims and acts with small cells suppressed; JSON or CSV. */
@ApiTags('statistics')
@Controller()
@Authenticated()
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('cases/:caseId/statistics')
  @ApiJsonOrCsvResponse(StatisticsDto, '\uFEFFviolationType,year,incidents,victims,acts,suppressed\r\ntorture,1997,4,9,11,\r\nforced_labour,1997,,,,small_cell\r\nTOTAL,,6,14,17,\r\n')
  @ApiDoc('Statistics of a case', 'Counts of incidents, victims and acts crossed by the dimensions asked for (by=violationType,year,sex…), with small cells suppressed so no one is identifiable; JSON or CSV. Any member of the case.', [400, 404])
  async forCase(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: StatisticsQueryDto, @CurrentUser() actor: AuthenticatedUser, @Res({ passthrough: true }) res: Response): Promise<StatisticsDto | string> {
    return this.respond(await this.statistics.forCase(caseId, query.by, actor), query, res, `statistics-${caseId.slice(0, 8)}`);
  }

  /** Across the caller's cases (a person recorded in two cases counts twice). */
  @Get('statistics')
  @ApiJsonOrCsvResponse(StatisticsDto, '\uFEFFviolationType,year,incidents,victims,acts,suppressed\r\ntorture,1997,4,9,11,\r\nforced_labour,1997,,,,small_cell\r\nTOTAL,,6,14,17,\r\n')
  @ApiDoc('Statistics across my cases', 'As the case statistics, across every case you are a member of (a person recorded in two cases counts twice); small cells suppressed.', [400])
  async forMyCases(@Query() query: StatisticsQueryDto, @CurrentUser() actor: AuthenticatedUser, @Res({ passthrough: true }) res: Response): Promise<StatisticsDto | string> {
    return this.respond(await this.statistics.forMyCases(query.by, actor), query, res, 'statistics-my-cases');
  }

  private respond(table: StatisticsDto, query: StatisticsQueryDto, res: Response, name: string): StatisticsDto | string {
    if (query.format !== 'csv') return table;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}-${table.dimensions.join('-')}.csv"`);
    return statisticsCsv(table);
  }
}
