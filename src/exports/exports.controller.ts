import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc, ApiFileResponse } from 'src/common/openapi/api-doc';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { preferredErrorLanguage } from 'src/common/errors/localise';
import { CreateExportDto, ExportDto, ExportPreviewDto, ListExportsQueryDto, mapExport, SigningKeyDto } from 'src/exports/dto/export.dto';
import { ExportsService } from 'src/exports/exports.service';

@ApiTags('exports')
@Controller()
@Authenticated()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** Queues a consent-checked, signed BagIt package for one recipient (case leads). Poll the export or GET /jobs/:jobId. */
  @Post('cases/:caseId/exports')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ExportDto })
  @ApiDoc('Request a case-file export', 'Queues a consent-checked, signed BagIt package for one recipient kind and purpose; answers the export to poll. Case leads with identity clearance. Everything outside a witness’s consent is left out and listed by code and reason. Audited (export.request), and entered in the disclosure register when built.', [400, 403, 404, 409, 503])
  async request(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateExportDto, @CurrentUser() actor: AuthenticatedUser): Promise<ExportDto> {
    return mapExport(await this.exports.request(caseId, body, actor));
  }

  /**
   * What an export with this body would carry and leave out, each left-out item with its reason
   * (code, and text in the Accept-Language: en or ko). Writes nothing (case leads).
   */
  @Post('cases/:caseId/exports/preview')
  @HttpCode(200)
  @ApiOkResponse({ type: ExportPreviewDto })
  @ApiDoc('Preview an export', 'What an export with this body would carry and leave out, each left-out item with its reason (code, and text in the Accept-Language: en or ko). Case leads. Writes nothing.', [400, 403, 404])
  async preview(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateExportDto, @Headers('accept-language') acceptLanguage: string | undefined, @CurrentUser() actor: AuthenticatedUser): Promise<ExportPreviewDto> {
    return this.exports.preview(caseId, body, actor, preferredErrorLanguage(acceptLanguage));
  }

  @Get('cases/:caseId/exports')
  @ApiPageResponse(ExportDto)
  @ApiDoc('List exports', 'One page of the case’s exports with status, recipient kind, purpose and package hash. Members of the case.', [400, 404])
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListExportsQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<ExportDto>> {
    const result = await this.exports.list(caseId, query, actor);
    const progress = await this.exports.progress(result.items);
    return { ...result, items: result.items.map((e) => mapExport(e, progress.get(e.id))) };
  }

  @Get('cases/:caseId/exports/:exportId')
  @ApiOkResponse({ type: ExportDto })
  @ApiDoc('Read an export', 'Status, progress, counts, package hashes and the left-out items (by code and reason). Members of the case.', [404])
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('exportId', ParseUUIDPipe) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<ExportDto> {
    const row = await this.exports.get(caseId, id, actor);
    return mapExport(row, (await this.exports.progress([row])).get(row.id));
  }

  /** The zip, checked against its recorded SHA-256 first; audited (export.download). Case leads only. */
  @Get('cases/:caseId/exports/:exportId/download')
  @ApiFileResponse('application/zip', 'The signed BagIt package (zip), as recorded')
  @ApiDoc('Download an export package', 'The zip, checked against its recorded SHA-256 first (a corrupted package is never sent). Case leads only. Audited (export.download).', [403, 404, 409, [500, 'STORED_FILE_CORRUPT', 'The stored package does not match its SHA-256; it was not sent']])
  async download(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('exportId', ParseUUIDPipe) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<StreamableFile> {
    const { row, stream } = await this.exports.download(caseId, id, actor);
    return new StreamableFile(stream, { type: 'application/zip', length: Number(row.sizeBytes), disposition: `attachment; filename="sillok-export-${row.id}.zip"` });
  }

  /** The deployment's export-signing public key, for recipients to pin (npm run verify -- <zip> --key <pem>). */
  @Get('exports/signing-key')
  @ApiOkResponse({ type: SigningKeyDto })
  @ApiDoc('The export signing key', 'The deployment’s export-signing public key (PEM and fingerprint), for recipients to pin: npm run verify -- <zip> --key <pem>. Any signed-in user.', [])
  async signingKey(): Promise<SigningKeyDto> {
    const key = await this.exports.signingKey();
    return { algorithm: key.algorithm, publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint, createdAt: key.createdAt.toISOString() };
  }
}
