import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import type { Request } from 'express';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, PageQueryDto, type Page } from 'src/common/http/pagination';
import { CreateImportFormDto, ImportDetailDto, ImportDto, mapImport, mapRowError } from 'src/imports/dto/import.dto';
import { ImportsService } from 'src/imports/imports.service';

@ApiTags('imports')
@Controller('cases/:caseId/imports')
@Authenticated()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** Queues the import of a CSV or JSON file of people, incidents or perpetrators (or a dry run). */
  @Post()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CreateImportFormDto })
  @ApiAcceptedResponse({ type: ImportDto })
  @ApiDoc('Import a spreadsheet', 'Queues the import of a CSV or JSON file of people, incidents or perpetrators (or a dry run); answers the import to poll. Members who may record or analyse. Every row gets a report line; nothing is dropped silently and a re-run does not duplicate (external references). Audited (import.create, and each batch).', [400, 403, 404, 413, [503, 'QUEUE_UNAVAILABLE', 'Redis unreachable; nothing stored']])
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Req() req: Request, @CurrentUser() actor: AuthenticatedUser): Promise<ImportDto> {
    const v = await this.imports.create(caseId, req, actor);
    return mapImport(v.entity, v.job);
  }

  @Get()
  @ApiPageResponse(ImportDto)
  @ApiDoc('List imports', 'One page of the case’s imports with status and counts. Any member of the case.', [400, 404])
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: PageQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<ImportDto>> {
    const page = await this.imports.list(caseId, query, actor);
    return { ...page, items: page.items.map((v) => mapImport(v.entity, v.job)) };
  }

  /** Status, progress, counts and one page of the per-row report (limit/offset page the report). */
  @Get(':importId')
  @ApiOkResponse({ type: ImportDetailDto })
  @ApiDoc('Read an import', 'Status, progress, counts and one page of the per-row report (limit/offset page the report). Any member of the case.', [400, 404])
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('importId', ParseUUIDPipe) importId: string, @Query() query: PageQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<ImportDetailDto> {
    const v = await this.imports.get(caseId, importId, query, actor);
    return { ...mapImport(v.entity, v.job), report: { ...v.report, items: v.report.items.map(mapRowError) } };
  }
}
