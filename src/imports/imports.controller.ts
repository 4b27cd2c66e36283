import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ErrorResponseDto } from 'src/common/errors/error-response';
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
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'Redis unreachable; nothing stored' })
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Req() req: Request, @CurrentUser() actor: AuthenticatedUser): Promise<ImportDto> {
    const v = await this.imports.create(caseId, req, actor);
    return mapImport(v.entity, v.job);
  }

  @Get()
  @ApiPageResponse(ImportDto)
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: PageQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<ImportDto>> {
    const page = await this.imports.list(caseId, query, actor);
    return { ...page, items: page.items.map((v) => mapImport(v.entity, v.job)) };
  }

  /** Status, progress, counts and one page of the per-row report (limit/offset page the report). */
  @Get(':importId')
  @ApiOkResponse({ type: ImportDetailDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('importId', ParseUUIDPipe) importId: string, @Query() query: PageQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<ImportDetailDto> {
    const v = await this.imports.get(caseId, importId, query, actor);
    return { ...mapImport(v.entity, v.job), report: { ...v.report, items: v.report.items.map(mapRowError) } };
  }
}
