import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from 'src/common/http/pagination';
import { FILE_KINDS, FileEntity, type FileKind } from 'src/files/entities/file.entity';

/** The multipart form of POST /cases/{caseId}/files: `file` is read by the upload reader, the other fields validated like a JSON body. */
export class UploadFileDto {
  @ApiProperty({ type: 'string', format: 'binary' }) file: unknown;
  @ApiPropertyOptional({ enum: FILE_KINDS, default: 'other' }) @IsOptional() @IsIn(FILE_KINDS as unknown as string[], { message: `kind must be one of: ${FILE_KINDS.join(', ')}` }) kind?: FileKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'The testimony the file belongs to (its recording, transcript scan …)' }) @IsOptional() @IsUUID('all', { message: 'testimonyId must be a testimony id' }) testimonyId?: string;
}

export class ListFilesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'testimonyId must be a testimony id' }) testimonyId?: string;
  @ApiPropertyOptional({ enum: FILE_KINDS }) @IsOptional() @IsIn(FILE_KINDS as unknown as string[], { message: `kind must be one of: ${FILE_KINDS.join(', ')}` }) kind?: FileKind;
}

export class FileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) testimonyId: string | null;
  @ApiProperty({ enum: FILE_KINDS }) kind: FileKind;
  @ApiProperty() mediaType: string;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'SHA-256 of the original bytes, computed at intake' }) sha256: string;
  @ApiProperty() uploadedAt: string;
}

export function mapFile(f: FileEntity): FileDto {
  return { id: f.id, testimonyId: f.testimonyId, kind: f.kind, mediaType: f.mediaType, size: Number(f.sizeBytes), sha256: f.sha256, uploadedAt: f.createdAt.toISOString() };
}

export class FileNameDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The name the file was uploaded with; null when none was sent' }) name: string | null;
}
