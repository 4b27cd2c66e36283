import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const READING_VIEWS = ['original', 'redacted'] as const;
export type ReadingView = (typeof READING_VIEWS)[number];

export class ReadingQueryDto {
  @ApiPropertyOptional({ enum: READING_VIEWS, description: 'Default: original for members with identity clearance, redacted for the others (who may not ask for original)' })
  @IsOptional() @IsIn(READING_VIEWS as unknown as string[], { message: `view must be one of: ${READING_VIEWS.join(', ')}` }) view?: ReadingView;
}

/** An evidence passage of the case on this version, as offsets into the text of this reading. */
export class ReadingPassageDto {
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ example: 'E-0001' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'UTF-16 offset into `text` (widened to whole tokens in a redacted reading)' }) start: number;
  @ApiProperty() end: number;
  @ApiProperty({ description: 'Evidence links of the item' }) links: number;
  @ApiProperty({ description: 'Of which reviewed' }) reviewedLinks: number;
}

export class ReadingDto {
  @ApiProperty({ format: 'uuid' }) transcriptVersionId: string;
  @ApiProperty({ format: 'uuid' }) transcriptId: string;
  @ApiProperty({ format: 'uuid' }) testimonyId: string;
  @ApiProperty({ enum: ['original', 'translation'] }) kind: string;
  @ApiProperty() language: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) translatesVersionId: string | null;
  @ApiProperty({ enum: READING_VIEWS, description: 'original (identity clearance; the read is audited) or redacted (the latest approved redaction)' }) view: ReadingView;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'The approved redaction shown (redacted view); pass it as passage.redactionId with offsets into `text`' }) redactionId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) profile: string | null;
  @ApiProperty({ description: 'The text this member may read' }) text: string;
  @ApiProperty({ type: [ReadingPassageDto], description: 'Passages of the case on this version, by start' }) passages: ReadingPassageDto[];
}
