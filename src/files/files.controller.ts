import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc, ApiFileResponse } from 'src/common/openapi/api-doc';
import type { Request } from 'express';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { FileDto, FileNameDto, ListFilesQueryDto, mapFile, UploadFileDto } from 'src/files/dto/file.dto';
import { FilesService } from 'src/files/files.service';

@ApiTags('files')
@Controller('cases/:caseId/files')
@Authenticated()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadFileDto })
  @ApiCreatedResponse({ type: FileDto })
  @ApiDoc('Upload a file', 'Streams a recording, document or image into the content-addressed store, encrypted with the case key; the SHA-256 is computed on intake. Optionally bound to a testimony. The file name is sealed (it often names the witness). Members who may record. Audited (file.upload).', [400, 403, 404, 413])
  async upload(@Param('caseId', ParseUUIDPipe) caseId: string, @Req() req: Request, @CurrentUser() actor: AuthenticatedUser): Promise<FileDto> {
    return mapFile(await this.files.upload(caseId, req, actor));
  }

  @Get()
  @ApiPageResponse(FileDto)
  @ApiDoc('List files', 'One page of the case’s files: media type, size, SHA-256, testimony; never the file name. Any member of the case.', [400, 404])
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListFilesQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<FileDto>> {
    const page = await this.files.list(caseId, query, actor);
    return { ...page, items: page.items.map(mapFile) };
  }

  /** The uploaded file name: identity clearance; audited. */
  @Get(':fileId/name')
  @ApiOkResponse({ type: FileNameDto })
  @ApiDoc('Reveal a file’s name', 'Decrypts the uploaded file name. Only members with identity clearance; audited (file.name_read).', [403, 404])
  async name(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('fileId', ParseUUIDPipe) fileId: string, @CurrentUser() actor: AuthenticatedUser): Promise<FileNameDto> {
    return { name: await this.files.readName(caseId, fileId, actor) };
  }

  /** The original bytes, after re-checking their SHA-256. Audited. */
  @Get(':fileId/content')
  @ApiFileResponse('application/octet-stream', 'The original bytes, sent with the media type recorded at upload')
  @ApiDoc('Download a file', 'The original bytes, after re-checking their SHA-256 (a corrupted copy is refused, never sent). Any member of the case; files of a testimony need identity clearance (they identify the witness). Audited (file.download).', [403, 404, [500, 'STORED_FILE_CORRUPT', 'The stored copy does not match its SHA-256; it was not sent']])
  async download(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('fileId', ParseUUIDPipe) fileId: string, @CurrentUser() actor: AuthenticatedUser): Promise<StreamableFile> {
    const { file, stream } = await this.files.download(caseId, fileId, actor);
    return new StreamableFile(stream, { type: file.mediaType, length: Number(file.sizeBytes), disposition: `attachment; filename="${file.id}"` });
  }
}
