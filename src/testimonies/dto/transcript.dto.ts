import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { TRANSCRIPT_KINDS, TranscriptEntity, TranscriptVersionEntity, type TranscriptKind } from 'src/testimonies/entities/transcript.entity';

// 5 million UTF-16 units: several hours of speech; larger bodies are refused at the body limit.
const MAX_TEXT = 5_000_000;

export class CreateTranscriptDto {
  @ApiProperty({ enum: TRANSCRIPT_KINDS }) @IsIn(TRANSCRIPT_KINDS as unknown as string[], { message: `kind must be one of: ${TRANSCRIPT_KINDS.join(', ')}` }) kind: TranscriptKind;
  @ApiProperty({ example: 'ko' }) @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'language must be a BCP 47 tag such as ko or en' }) language: string;
  @ApiProperty({ description: 'The text, stored exactly as given (UTF-8)' }) @IsString() @MinLength(1) @MaxLength(MAX_TEXT) text: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'For a translation: the original version it translates' }) @IsOptional() @IsUUID('all', { message: 'translatesVersionId must be a transcript version id' }) translatesVersionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class AddTranscriptVersionDto {
  @ApiProperty({ description: 'The latest version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) basedOnVersion: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(MAX_TEXT) text: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'translatesVersionId must be a transcript version id' }) translatesVersionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class TranscriptVersionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'Length in UTF-16 code units (the unit of passage offsets)' }) length: number;
  @ApiProperty() sha256: string;
  @ApiPropertyOptional({ nullable: true, type: String }) translatesVersionId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'uuid', description: 'The user who saved this version' }) createdBy: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Display name of that user (a staff member, not a witness)' }) author: string | null;
  @ApiProperty() createdAt: string;
}

export class TranscriptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TRANSCRIPT_KINDS }) kind: TranscriptKind;
  @ApiProperty() language: string;
  @ApiProperty() latestVersion: number;
  @ApiProperty({ type: [TranscriptVersionDto] }) versions: TranscriptVersionDto[];
}

export class TranscriptTextDto extends TranscriptVersionDto {
  @ApiProperty() text: string;
}

/** authors: display names by user id, for the versions' `author`. */
export function mapTranscriptVersion(v: TranscriptVersionEntity, authors: ReadonlyMap<string, string> = new Map()): TranscriptVersionDto {
  return {
    id: v.id, version: v.version, length: v.textLength, sha256: v.textSha256, translatesVersionId: v.translatesVersionId, note: v.note,
    createdBy: v.createdBy, author: authors.get(v.createdBy) ?? null, createdAt: v.createdAt.toISOString(),
  };
}

export function mapTranscript(t: TranscriptEntity, versions: TranscriptVersionEntity[], authors: ReadonlyMap<string, string> = new Map()): TranscriptDto {
  return { id: t.id, kind: t.kind, language: t.language, latestVersion: t.latestVersion, versions: versions.map((v) => mapTranscriptVersion(v, authors)) };
}
