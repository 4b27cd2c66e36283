import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  async upload(@Param('caseId', ParseUUIDPipe) caseId: string, @Req() req: Request, @CurrentUser() actor: AuthenticatedUser): Promise<FileDto> {
    return mapFile(await this.files.upload(caseId, req, actor));
  }

  @Get()
  @ApiPageResponse(FileDto)
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListFilesQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<FileDto>> {
    const page = await this.files.list(caseId, query, actor);
    return { ...page, items: page.items.map(mapFile) };
  }

  /** The uploaded file name: identity clearance; audited. */
  @Get(':fileId/name')
  @ApiOkResponse({ type: FileNameDto })
  async name(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('fileId', ParseUUIDPipe) fileId: string, @CurrentUser() actor: AuthenticatedUser): Promise<FileNameDto> {
    return { name: await this.files.readName(caseId, fileId, actor) };
  }

  /** The original bytes, after re-checking their SHA-256. Audited. */
  @Get(':fileId/content')
  async download(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('fileId', ParseUUIDPipe) fileId: string, @CurrentUser() actor: AuthenticatedUser): Promise<StreamableFile> {
    const { file, stream } = await this.files.download(caseId, fileId, actor);
    return new StreamableFile(stream, { type: file.mediaType, length: Number(file.sizeBytes), disposition: `attachment; filename="${file.id}"` });
  }
}
