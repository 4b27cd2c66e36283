import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
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
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: StatisticsDto })
  async forCase(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: StatisticsQueryDto, @CurrentUser() actor: AuthenticatedUser, @Res({ passthrough: true }) res: Response): Promise<StatisticsDto | string> {
    return this.respond(await this.statistics.forCase(caseId, query.by, actor), query, res, `statistics-${caseId.slice(0, 8)}`);
  }

  /** Across the caller's cases (a person recorded in two cases counts twice). */
  @Get('statistics')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: StatisticsDto })
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
