import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { DownloadFormatDto, type ListDownloadShape } from 'src/common/csv/list-download';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { NestedDto } from 'src/common/http/nested';
import { DatedValueDto } from 'src/common/dates/dated-value.dto';
import { PageQueryDto } from 'src/common/http/pagination';
import { EVIDENCE_KINDS, EvidenceItemEntity, type EvidenceKind } from 'src/evidence/entities/evidence-item.entity';
import { LOCATOR_KINDS, type Locator, type LocatorKind } from 'src/evidence/locator';

const oneOf = (name: string, values: readonly string[]) => ({ message: `${name} must be one of: ${values.join(', ')}` });
export const EVIDENCE_ROLES = ['original', 'working_copy'] as const;
export type EvidenceRole = (typeof EVIDENCE_ROLES)[number];

export class PassageDto {
  @ApiProperty({ format: 'uuid', description: 'A transcript version of a testimony of this case' }) @IsUUID('all', { message: 'transcriptVersionId must be a transcript version id' }) transcriptVersionId: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Choose the passage on de-identified text: an approved redaction of that transcript version. start/end are then offsets into the redaction\'s text ' +
      '(no identity clearance needed); they are mapped to the original through the span log, and a selection that begins or ends inside a token is widened to the whole token.',
  })
  @IsOptional() @IsUUID('all', { message: 'redactionId must be a redaction id' }) redactionId?: string;
  @ApiProperty({ description: 'First UTF-16 code unit of the passage (0-based), in the original, or in the redacted text when redactionId is given' }) @Type(() => Number) @IsInt() @Min(0) start: number;
  @ApiProperty({ description: 'One past the last UTF-16 code unit; at most the text length' }) @Type(() => Number) @IsInt() @Min(1) end: number;
}

const num = (name: string) => IsNumber({ allowNaN: false, allowInfinity: false }, { message: `${name} must be a number` });

/**
 * Where in its file the item points. `pages`: from/to, 1-based, inclusive (documents). `time`:
 * startSeconds/endSeconds from the start (audio, video). `region`: x, y, width, height as
 * fractions 0..1 of the image, origin top left (images; on a document, with its page).
 */
export class LocatorDto {
  @ApiProperty({ enum: LOCATOR_KINDS }) @IsIn(LOCATOR_KINDS as unknown as string[], oneOf('locator.kind', LOCATOR_KINDS)) kind: LocatorKind;
  @ApiPropertyOptional({ minimum: 1, description: 'pages: first page' }) @IsOptional() @num('from') @Max(1_000_000) from?: number;
  @ApiPropertyOptional({ minimum: 1, description: 'pages: last page (inclusive)' }) @IsOptional() @num('to') @Max(1_000_000) to?: number;
  @ApiPropertyOptional({ minimum: 0, description: 'time: start, seconds' }) @IsOptional() @num('startSeconds') @Max(10_000_000) startSeconds?: number;
  @ApiPropertyOptional({ minimum: 0, description: 'time: end, seconds (after start)' }) @IsOptional() @num('endSeconds') @Max(10_000_000) endSeconds?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'region: left edge, fraction of the width' }) @IsOptional() @num('x') x?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'region: top edge, fraction of the height' }) @IsOptional() @num('y') y?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'region: width, fraction of the width' }) @IsOptional() @num('width') width?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'region: height, fraction of the height' }) @IsOptional() @num('height') height?: number;
  @ApiPropertyOptional({ minimum: 1, description: 'region on a document: its page' }) @IsOptional() @num('page') @Max(1_000_000) page?: number;
}

/** What the file holds, when known: locators are checked against it. */
export class MediaExtentDto {
  @ApiPropertyOptional({ minimum: 1, description: 'Page count of a document' }) @IsOptional() @Type(() => Number) @IsInt({ message: 'mediaExtent.pages must be a whole number of pages' }) @Min(1) @Max(1_000_000) pages?: number;
  @ApiPropertyOptional({ description: 'Duration of a recording, seconds' }) @IsOptional() @num('durationSeconds') @Min(0.001) @Max(10_000_000) durationSeconds?: number;
}

/** Where the item comes from (Berkeley Protocol collection data). */
export class ProvenanceDto {
  @ApiPropertyOptional({ example: 'Field interview, Seoul office', description: 'The source: who or where it came from' }) @IsOptional() @IsString() @MaxLength(1000) source?: string;
  @ApiPropertyOptional({ example: 'https://example.org/post/123', description: 'For open-source captures: where it was published' })
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'sourceUrl must be an http(s) URL' }) @MaxLength(2000)
  sourceUrl?: string;
  @ApiPropertyOptional({ example: 'Documentation team A' }) @IsOptional() @IsString() @MaxLength(500) collectedBy?: string;
  @ApiPropertyOptional({ type: DatedValueDto, description: 'When it was collected' }) @IsOptional() @NestedDto(() => DatedValueDto) collectedOn?: DatedValueDto;
  @ApiPropertyOptional({ example: 'Full-page capture with hash, native video download' }) @IsOptional() @IsString() @MaxLength(2000) method?: string;
}

export class CreateEvidenceItemDto {
  @ApiProperty({ enum: EVIDENCE_KINDS }) @IsIn(EVIDENCE_KINDS as unknown as string[], oneOf('kind', EVIDENCE_KINDS)) kind: EvidenceKind;
  @ApiProperty({ example: 'Account of forced labour in the mine', description: 'A short label; keep names out of it' }) @IsString() @MinLength(1) @MaxLength(300) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for file kinds: a file uploaded to this case' }) @IsOptional() @IsUUID('all', { message: 'fileId must be a file id' }) fileId?: string;
  @ApiPropertyOptional({ type: PassageDto, description: 'Required for transcript_passage' }) @IsOptional() @NestedDto(() => PassageDto) passage?: PassageDto;
  @ApiPropertyOptional({ type: LocatorDto, description: 'For items from files: the part of the file cited (absent: the whole file). Fixed at intake.' }) @IsOptional() @NestedDto(() => LocatorDto) locator?: LocatorDto;
  @ApiPropertyOptional({ type: MediaExtentDto, description: 'What the file holds (page count, duration), when known' }) @IsOptional() @NestedDto(() => MediaExtentDto) mediaExtent?: MediaExtentDto;
  @ApiPropertyOptional({ format: 'uuid', description: 'Makes this a working copy of that item (the original is never changed)' }) @IsOptional() @IsUUID('all', { message: 'derivedFromItemId must be an evidence item id' }) derivedFromItemId?: string;
  @ApiPropertyOptional({ example: 'cropped and contrast-enhanced', description: 'How the working copy was made' }) @IsOptional() @IsString() @MaxLength(2000) derivation?: string;
  @ApiPropertyOptional({ type: ProvenanceDto }) @IsOptional() @NestedDto(() => ProvenanceDto) provenance?: ProvenanceDto;
  @ApiPropertyOptional({ description: 'For physical items: where the item is kept' }) @IsOptional() @IsString() @MaxLength(500) physicalLocation?: string;
}

export class UpdateEvidenceItemDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiPropertyOptional({ type: ProvenanceDto, description: 'Fields given replace those stored' }) @IsOptional() @NestedDto(() => ProvenanceDto) provenance?: ProvenanceDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) derivation?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) physicalLocation?: string;
}

export const EVIDENCE_SORTS = ['code', '-code', 'createdAt', '-createdAt'] as const;
export class ListEvidenceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVIDENCE_KINDS }) @IsOptional() @IsIn(EVIDENCE_KINDS as unknown as string[], oneOf('kind', EVIDENCE_KINDS)) kind?: EvidenceKind;
  @ApiPropertyOptional({ enum: EVIDENCE_ROLES }) @IsOptional() @IsIn(EVIDENCE_ROLES as unknown as string[], oneOf('role', EVIDENCE_ROLES)) role?: EvidenceRole;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'testimonyId must be a testimony id' }) testimonyId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'fileId must be a file id' }) fileId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'derivedFromItemId must be an evidence item id' }) derivedFromItemId?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only passages a new transcript version left pointing at the superseded one' })
  @IsOptional() @IsIn(['true', 'false'], { message: 'needsReanchoring must be true or false' }) needsReanchoring?: 'true' | 'false';
  @ApiPropertyOptional({ description: 'Code prefix, e.g. E-00' }) @IsOptional() @Matches(/^[A-Z0-9-]{1,20}$/, { message: 'code must be a code prefix such as E-00' }) code?: string;
  @ApiPropertyOptional({ enum: EVIDENCE_SORTS, default: 'code' }) @IsOptional() @IsIn(EVIDENCE_SORTS as unknown as string[], oneOf('sort', EVIDENCE_SORTS)) sort: (typeof EVIDENCE_SORTS)[number] = 'code';
}

/** The evidence list as a file: the list's filters and order, every page, CSV or JSON. */
export class DownloadEvidenceQueryDto extends IntersectionType(OmitType(ListEvidenceQueryDto, ['limit', 'offset'] as const), DownloadFormatDto) {}

export class PassageResponseDto {
  @ApiProperty({ format: 'uuid' }) transcriptVersionId: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Offset in the original text; null for a member without identity clearance (differences of original offsets give the lengths of hidden names)' }) start: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) end: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'The approved redaction the passage was chosen in, when chosen on de-identified text' }) redactionId: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Offsets in that redaction\'s text (widened to whole tokens)' }) redactedStart: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) redactedEnd: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The passage as de-identified (when chosen on a redaction); never the original words' }) quote: string | null;
}

export class LocatorResponseDto {
  @ApiProperty({ enum: LOCATOR_KINDS }) kind: LocatorKind;
  @ApiPropertyOptional() from?: number;
  @ApiPropertyOptional() to?: number;
  @ApiPropertyOptional() startSeconds?: number;
  @ApiPropertyOptional() endSeconds?: number;
  @ApiPropertyOptional() x?: number;
  @ApiPropertyOptional() y?: number;
  @ApiPropertyOptional() width?: number;
  @ApiPropertyOptional() height?: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) page?: number | null;
}

export class MediaExtentResponseDto {
  @ApiPropertyOptional({ nullable: true, type: Number }) pages: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) durationSeconds: number | null;
}

export class ProvenanceResponseDto {
  @ApiPropertyOptional({ nullable: true, type: String }) source: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sourceUrl: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) collectedBy: string | null;
  @ApiProperty({ type: DatedValueDto }) collectedOn: DatedValueDto;
  @ApiPropertyOptional({ nullable: true, type: String }) method: string | null;
}

export class EvidenceItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'E-0001' }) code: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind: EvidenceKind;
  @ApiProperty({ enum: EVIDENCE_ROLES, description: 'Evidentiary original, or a working copy made from another item' }) role: EvidenceRole;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) fileId: string | null;
  @ApiPropertyOptional({ nullable: true, type: PassageResponseDto }) passage: PassageResponseDto | null;
  @ApiProperty({ description: "A new version of the passage's transcript changed its words: the passage still points into the superseded version and must be chosen again (passages whose words are unchanged move to the new version by themselves)" }) needsReanchoring: boolean;
  @ApiPropertyOptional({ nullable: true, type: LocatorResponseDto, description: 'The part of the file cited; null: the whole file' }) locator: Locator | null;
  @ApiPropertyOptional({ nullable: true, type: MediaExtentResponseDto }) mediaExtent: MediaExtentResponseDto | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) testimonyId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "SHA-256 fixed at intake: of the file's original bytes, or of the passage's original UTF-8 text (null for a passage read by a member without identity clearance)" }) sha256: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) derivedFromItemId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) derivation: string | null;
  @ApiProperty({ description: 'What counts as one independent source in the case matrix', example: 'testimony:…' }) sourceKey: string;
  @ApiProperty({ type: ProvenanceResponseDto }) provenance: ProvenanceResponseDto;
  @ApiPropertyOptional({ nullable: true, type: String }) physicalLocation: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

/** An item as one member may see it: `cleared` is the member's identity clearance on the case. */
export interface EvidenceItemView {
  item: EvidenceItemEntity;
  cleared: boolean;
}

function mapPassage(i: EvidenceItemEntity, cleared: boolean): PassageResponseDto | null {
  if (i.transcriptVersionId === null || i.passageStart === null || i.passageEnd === null) return null;
  return {
    transcriptVersionId: i.transcriptVersionId,
    start: cleared ? i.passageStart : null,
    end: cleared ? i.passageEnd : null,
    redactionId: i.redactionId,
    redactedStart: i.redactedStart,
    redactedEnd: i.redactedEnd,
    quote: i.redactedQuote,
  };
}

export function mapEvidenceItem({ item: i, cleared }: EvidenceItemView): EvidenceItemDto {
  const passage = mapPassage(i, cleared);
  return {
    id: i.id,
    code: i.code,
    kind: i.kind,
    role: i.derivedFromId ? 'working_copy' : 'original',
    title: i.title,
    description: i.description,
    fileId: i.fileId,
    passage,
    needsReanchoring: i.needsReanchoring,
    locator: i.locator,
    mediaExtent: i.mediaExtent,
    testimonyId: i.testimonyId,
    // A passage's SHA-256 is of its original words: for a short or guessable passage it is an
    // oracle (try every name), so only cleared members get it.
    sha256: passage && !cleared ? null : i.sha256,
    derivedFromItemId: i.derivedFromId,
    derivation: i.derivation,
    sourceKey: i.sourceKey,
    provenance: { source: i.provenanceSource, sourceUrl: i.sourceUrl, collectedBy: i.collectedBy, collectedOn: { date: i.collectedOn, precision: i.collectedOnPrecision }, method: i.collectionMethod },
    physicalLocation: i.physicalLocation,
    createdBy: i.createdBy,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
  };
}

/** One entry of an item's chain of custody: the audit log's entries about it and its links. */
export class CustodyEntryDto {
  @ApiProperty() seq: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ example: 'evidence.create' }) action: string;
  @ApiProperty({ enum: ['evidence_item', 'evidence_link'] }) subjectType: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ description: 'Hash of the audit entry (the chain can be verified with audit:verify)' }) hash: string;
}

/** Evidence items as a download: what the list shows; a passage by its place, never its words. */
export const EVIDENCE_DOWNLOAD: ListDownloadShape<EvidenceItemDto> = {
  columns: [
    ['code', (i) => i.code],
    ['kind', (i) => i.kind],
    ['role', (i) => i.role],
    ['title', (i) => i.title],
    ['description', (i) => i.description],
    ['testimony_id', (i) => i.testimonyId],
    ['file_id', (i) => i.fileId],
    ['transcript_version_id', (i) => i.passage?.transcriptVersionId ?? null],
    ['passage_start', (i) => i.passage?.start ?? null],
    ['passage_end', (i) => i.passage?.end ?? null],
    ['needs_reanchoring', (i) => i.needsReanchoring],
    ['derived_from_item_id', (i) => i.derivedFromItemId],
    ['derivation', (i) => i.derivation],
    ['source_key', (i) => i.sourceKey],
    ['sha256', (i) => i.sha256],
    ['provenance_source', (i) => i.provenance.source],
    ['provenance_source_url', (i) => i.provenance.sourceUrl],
    ['collected_by', (i) => i.provenance.collectedBy],
    ['collected_on', (i) => i.provenance.collectedOn.date ?? null],
    ['collected_on_precision', (i) => i.provenance.collectedOn.precision],
    ['collection_method', (i) => i.provenance.method],
    ['physical_location', (i) => i.physicalLocation],
    ['created_at', (i) => i.createdAt],
    ['updated_at', (i) => i.updatedAt],
    ['version', (i) => i.version],
  ],
  json: (i) => i,
};
