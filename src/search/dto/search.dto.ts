import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SEARCH_KINDS, type SearchKind } from 'src/search/entities/search-document.entity';

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const CODE = /^[a-z][a-z0-9_]{0,63}$/;
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value);

/** GET /search and GET /cases/:caseId/search. Every filter narrows; all of them together are ANDed. */
export class SearchQueryDto {
  @ApiProperty({ example: '요덕 "forced labour"', description: 'Words (all must match) and "quoted phrases". Korean matches substrings (요덕 finds 요덕수용소에서), English is stemmed (arrested finds arresting), romanised names match every spelling (Yodok, Yoduk, Yodeok, 요덕)' })
  @IsString({ message: 'q must be text' }) @MinLength(1, { message: 'q must not be empty' }) @MaxLength(200, { message: 'q must be at most 200 characters' }) q: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this case (GET /search; the per-case route sets it)' })
  @IsOptional() @IsUUID('all', { message: 'caseId must be a case id' }) caseId?: string;

  @ApiPropertyOptional({ example: 'testimony,incident', description: `Comma-separated kinds: ${SEARCH_KINDS.join(', ')}` })
  @IsOptional() @Transform(toList) @IsIn(SEARCH_KINDS as unknown as string[], { each: true, message: `kind must be one or more of: ${SEARCH_KINDS.join(', ')}` }) kind?: SearchKind[];

  @ApiPropertyOptional({ example: '1995', description: 'On or after (YYYY[-MM[-DD]]): incident dates; a testimony’s interview date' })
  @IsOptional() @Matches(PARTIAL_DATE, { message: 'dateFrom must be YYYY, YYYY-MM or YYYY-MM-DD' }) dateFrom?: string;

  @ApiPropertyOptional({ example: '1999-12', description: 'On or before (YYYY[-MM[-DD]])' })
  @IsOptional() @Matches(PARTIAL_DATE, { message: 'dateTo must be YYYY, YYYY-MM or YYYY-MM-DD' }) dateTo?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'At this place or inside it; testimonies through the incidents they are a source of' })
  @IsOptional() @IsUUID('all', { message: 'placeId must be a place id' }) placeId?: string;

  @ApiPropertyOptional({ example: 'forced_labour', description: 'Incidents of this violation type; testimonies through the incidents they are a source of' })
  @IsOptional() @Matches(CODE, { message: 'violationType must be a vocabulary code' }) violationType?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Linked as evidence to this crime element (testimonies through their evidence items)' })
  @IsOptional() @IsUUID('all', { message: 'elementId must be a legal element id' }) elementId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'This perpetrator (a unit with its sub-units), its incidents and the testimonies reporting them' })
  @IsOptional() @IsUUID('all', { message: 'perpetratorId must be a perpetrator id' }) perpetratorId?: string;

  @ApiPropertyOptional({ default: true, description: 'With perpetratorId: include sub-units' })
  @IsOptional() @Transform(toBoolean) @IsBoolean({ message: 'includeSubUnits must be true or false' }) includeSubUnits: boolean = true;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'limit must be a whole number' }) @Min(1, { message: 'limit must be at least 1' }) @Max(100, { message: 'limit must be at most 100' }) limit: number = 20;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString({ message: 'cursor must be text' }) @MaxLength(200, { message: 'cursor is not a cursor of this search' }) cursor?: string;
}

/** The per-case route: the case is in the path. */
export class CaseSearchQueryDto extends SearchQueryDto {}

export class RawSearchQueryDto {
  @ApiProperty({ description: 'Text to find in identities and raw transcripts (at least two characters); never logged' })
  @IsString() @MinLength(2) @MaxLength(200)
  q: string;

  @ApiPropertyOptional({ default: 25, minimum: 1, maximum: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit: number = 25;
}

export class RawHitDto {
  @ApiProperty({ enum: ['person', 'transcript'] }) kind: 'person' | 'transcript';
  @ApiProperty({ format: 'uuid', description: 'Person id, or transcript id' }) id: string;
  @ApiProperty({ example: 'W-0007', description: 'The person, or the interviewee of the transcript' }) code: string;
  @ApiPropertyOptional({ nullable: true, type: String }) testimonyId: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) version: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) language: string | null;
  @ApiProperty({ type: [String], description: 'For people: the identity fields that matched (read them at GET …/people/:id/identity)' }) matchedFields: string[];
  @ApiProperty() matches: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Raw text around the first match, HTML-escaped, matches in <mark>' }) snippet: string | null;
}

export class RawSearchResultDto {
  @ApiProperty({ type: [RawHitDto] }) items: RawHitDto[];
  @ApiProperty({ example: { people: 12, transcripts: 40 } }) scanned: { people: number; transcripts: number };
  @ApiProperty({ description: 'True when the case holds more raw text than one search scans' }) truncated: boolean;
}

export class SearchDateDto {
  @ApiProperty({ nullable: true, type: String, example: '1997-03-01' }) earliest: string | null;
  @ApiProperty({ nullable: true, type: String, example: '1997-03-31' }) latest: string | null;
}

/** One hit. Testimonies show only the interviewee's pseudonym code and de-identified text. */
export class SearchHitDto {
  @ApiProperty({ enum: SEARCH_KINDS }) kind: SearchKind;
  @ApiProperty({ format: 'uuid', description: 'Id of the testimony, incident, perpetrator or place' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for gazetteer places' }) caseId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'W-0007' }) code: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'HTML-escaped text around the first match, matches in <mark>…</mark>' }) snippet: string;
  @ApiProperty({ description: 'Relevance: higher is better; hits come best first' }) rank: number;
  @ApiProperty({ type: SearchDateDto, nullable: true }) date: SearchDateDto | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) placeId: string | null;
  @ApiProperty({ type: [String] }) violationTypes: string[];
}

export class SearchPageDto {
  @ApiProperty({ type: [SearchHitDto] }) items: SearchHitDto[];
  @ApiProperty() limit: number;
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' }) nextCursor: string | null;
}

export interface SearchHit {
  kind: SearchKind;
  refId: string;
  caseId: string | null;
  code: string | null;
  title: string;
  snippet: string;
  rank: number;
  dateStart: string | null;
  dateEnd: string | null;
  placeId: string | null;
  violationTypes: string[];
}

export function mapSearchHit(hit: SearchHit): SearchHitDto {
  return {
    kind: hit.kind,
    id: hit.refId,
    caseId: hit.caseId,
    code: hit.code,
    title: hit.title,
    snippet: hit.snippet,
    rank: hit.rank,
    date: hit.dateStart || hit.dateEnd ? { earliest: hit.dateStart, latest: hit.dateEnd } : null,
    placeId: hit.placeId,
    violationTypes: hit.violationTypes,
  };
}
