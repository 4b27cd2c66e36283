import { AMBIGUOUS_WORDS_CHOICES, BROAD_PLACES_CHOICES, type AmbiguousWordsChoice, type BroadPlacesChoice } from 'src/redaction/engine/profiles';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateBy } from 'class-validator';
import { NestedDto } from 'src/common/http/nested';
import { PageQueryDto } from 'src/common/http/pagination';
import type { JsonObject } from 'src/common/json';
import { CATEGORIES, type Category } from 'src/redaction/engine';
import type { RedactionCommentEntity } from 'src/redaction/entities/redaction-comment.entity';
import { REDACTION_STATUSES, RedactionEntity, type RedactionStatus } from 'src/redaction/entities/redaction.entity';
import { genericReviewChanges, genericSpanLog } from 'src/redaction/span-log';

const PROFILE_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export class RequestRedactionDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One testimony; omit to redact every testimony of the case' })
  @IsOptional() @IsUUID('all', { message: 'testimonyId must be a testimony id' }) testimonyId?: string;
  @ApiProperty({ example: 'un', description: 'internal, un, icc, public, or a custom profile of the case' })
  @Matches(PROFILE_NAME, { message: 'profile must be a profile name (lower-case letters, digits, . _ -)' }) profile: string;
}

export class ListRedactionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'testimonyId must be a testimony id' }) testimonyId?: string;
  @ApiPropertyOptional({ enum: REDACTION_STATUSES }) @IsOptional() @IsIn(REDACTION_STATUSES as unknown as string[], { message: `status must be one of: ${REDACTION_STATUSES.join(', ')}` }) status?: RedactionStatus;
  @ApiPropertyOptional() @IsOptional() @Matches(PROFILE_NAME, { message: 'profile must be a profile name' }) profile?: string;
}

export class AddSpanDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(0) start: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) end: number;
  @ApiProperty({ enum: CATEGORIES }) @IsIn(CATEGORIES as unknown as string[], { message: `category must be one of: ${CATEGORIES.join(', ')}` }) category: Category;
}

export class ApproveRedactionDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ type: [Number], description: 'Indexes (in spans) of proposed spans to drop: the original text stays there' })
  @IsOptional() @IsArray() @ArrayMaxSize(10_000) @IsInt({ each: true }) @Min(0, { each: true }) removeSpans?: number[];
  @ApiPropertyOptional({ type: [AddSpanDto], description: 'Extra ranges of the original text to redact (labelled per the profile)' })
  @IsOptional() @IsArray() @ArrayMaxSize(10_000) @NestedDto(() => AddSpanDto, { each: true }) addSpans?: AddSpanDto[];
}

const NUL = String.fromCharCode(0);

/** Free text that is more than white space and can be stored (PostgreSQL text refuses NUL). */
function IsCommentText(): PropertyDecorator {
  return ValidateBy({
    name: 'isCommentText',
    validator: { validate: (v: unknown) => typeof v === 'string' && /\S/.test(v) && !v.includes(NUL), defaultMessage: () => 'comment must contain text and no NUL character' },
  });
}

export class ReturnRedactionDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiProperty({ description: 'Why it goes back (shown to the case members on the redaction; never logged). Do not write identities here.', maxLength: 5000 })
  @IsString() @MinLength(1) @MaxLength(5000) @IsCommentText() comment: string;
}

export class RedactionCommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: string;
}

export class RedactionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) testimonyId: string;
  @ApiProperty({ format: 'uuid' }) transcriptId: string;
  @ApiProperty({ format: 'uuid' }) transcriptVersionId: string;
  @ApiProperty() profile: string;
  @ApiProperty({ enum: REDACTION_STATUSES }) status: RedactionStatus;
  @ApiProperty() dictionaryVersion: string;
  @ApiProperty({ description: 'SHA-256 of the original text it was made from' }) sourceSha256: string;
  @ApiProperty({ description: 'SHA-256 of the redacted text (the approved version once approved)' }) redactedSha256: string;
  @ApiProperty() spanCount: number;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewedBy: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() version: number;
}

export const SPAN_LOG_VIEWS = ['full', 'generic'] as const;

export class RedactionDto extends RedactionSummaryDto {
  @ApiProperty({ description: 'The redacted text (no identities by construction)' }) text: string;
  @ApiProperty({ enum: SPAN_LOG_VIEWS, description: 'full for members with identity clearance; generic for everyone else' }) spanLog: (typeof SPAN_LOG_VIEWS)[number];
  @ApiProperty({
    type: Object,
    isArray: true,
    description: 'Span log. full: offsets in the original and in the output, category, rule, action, replacement, pseudonym refs; ' +
      'ambiguous: true (with ambiguity common-word | shared-surname) on spans the review screen should highlight. ' +
      'generic (no identity clearance): output offsets and category only — no refs, no original offsets or lengths, no rule names',
  })
  spans: JsonObject[];
  @ApiPropertyOptional({ type: Object, nullable: true, description: 'full: the spans a reviewer removed and added (original offsets); generic: their counts only' }) reviewChanges: JsonObject | null;
  @ApiProperty({ type: [RedactionCommentDto], description: 'Comments of reviewers who sent it back, oldest first' }) comments: RedactionCommentDto[];
}

export function mapRedactionSummary(r: RedactionEntity): RedactionSummaryDto {
  return {
    id: r.id,
    testimonyId: r.testimonyId,
    transcriptId: r.transcriptId,
    transcriptVersionId: r.transcriptVersionId,
    profile: r.profile,
    status: r.status,
    dictionaryVersion: r.dictionaryVersion,
    sourceSha256: r.sourceSha256,
    redactedSha256: r.redactedSha256,
    spanCount: r.spans.length,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

/** A redaction with its comments, as seen by a member with or without identity clearance. */
export interface RedactionView {
  redaction: RedactionEntity;
  comments: RedactionCommentEntity[];
  identityClearance: boolean;
}

export function mapRedaction({ redaction: r, comments, identityClearance }: RedactionView): RedactionDto {
  return {
    ...mapRedactionSummary(r),
    text: r.redactedText,
    spanLog: identityClearance ? 'full' : 'generic',
    spans: identityClearance ? r.spans : genericSpanLog(r.spans),
    reviewChanges: identityClearance || !r.reviewChanges ? r.reviewChanges : genericReviewChanges(r.reviewChanges),
    comments: comments.map((c) => ({ id: c.id, authorId: c.authorId, body: c.body, createdAt: c.createdAt.toISOString() })),
  };
}

export class AddTermDto {
  @ApiProperty({ description: 'Sealed at rest; matched literally (case-insensitive for Latin)' }) @IsString() @MinLength(1) @MaxLength(300) term: string;
  @ApiProperty({ enum: CATEGORIES }) @IsIn(CATEGORIES as unknown as string[], { message: `category must be one of: ${CATEGORIES.join(', ')}` }) category: Category;
}

export class TermDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'T-0001' }) ref: string;
  @ApiProperty({ enum: CATEGORIES }) category: string;
  @ApiProperty() createdAt: string;
}

const ACTIONS = ['keep', 'pseudonym', 'label', 'remove'] as const;
export class CreateProfileDto {
  @ApiProperty({ example: 'ngo-partner' }) @Matches(PROFILE_NAME, { message: 'name must be 1-64 lower-case letters, digits, . _ -' }) name: string;
  @ApiPropertyOptional({ enum: ['internal', 'un', 'icc', 'public'], default: 'public' }) @IsOptional() @IsIn(['internal', 'un', 'icc', 'public'], { message: 'base must be one of: internal, un, icc, public' }) base?: 'internal' | 'un' | 'icc' | 'public';
  @ApiPropertyOptional({ description: `Per category (${CATEGORIES.join(', ')}): ${ACTIONS.join(' | ')}`, example: { place: 'keep' } }) @IsOptional() @IsObject() actions?: Record<string, string>;
  @ApiPropertyOptional({ example: { person: '[WITNESS]' } }) @IsOptional() @IsObject() labels?: Record<string, string>;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() neutraliseParticles?: boolean;
  @ApiPropertyOptional({ enum: AMBIGUOUS_WORDS_CHOICES, description: 'A registered name that is also an ordinary word (강철 "steel"): redact it, or keep it and flag it (span ambiguous: true). Default: from base' })
  @IsOptional() @IsIn([...AMBIGUOUS_WORDS_CHOICES], { message: `ambiguousWords must be one of: ${AMBIGUOUS_WORDS_CHOICES.join(', ')}` }) ambiguousWords?: AmbiguousWordsChoice;
  @ApiPropertyOptional({ enum: BROAD_PLACES_CHOICES, description: 'A birthplace or current location at city level or above (서울): redacted only where the text says it is the person\'s (context) or everywhere (always). Default: from base' })
  @IsOptional() @IsIn([...BROAD_PLACES_CHOICES], { message: `broadPlaces must be one of: ${BROAD_PLACES_CHOICES.join(', ')}` }) broadPlaces?: BroadPlacesChoice;
}

export class ProfileDto {
  @ApiProperty() name: string;
  @ApiProperty() builtIn: boolean;
  @ApiProperty({ type: Object }) actions: Record<string, string>;
  @ApiProperty({ type: Object }) labels: Record<string, string>;
  @ApiProperty() neutraliseParticles: boolean;
  @ApiProperty({ enum: AMBIGUOUS_WORDS_CHOICES }) ambiguousWords: AmbiguousWordsChoice;
  @ApiProperty({ enum: BROAD_PLACES_CHOICES }) broadPlaces: BroadPlacesChoice;
}
