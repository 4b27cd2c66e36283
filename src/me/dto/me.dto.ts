import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from 'src/common/http/pagination';
import { CASE_ROLES, type CaseRole } from 'src/cases/entities/case-member.entity';
import { CASE_STATUSES, type CaseStatus } from 'src/cases/entities/case.entity';

/** What waits for the caller in one case: counts only, each a link target in the app. */
export class CaseWorkSummaryDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ enum: CASE_ROLES }) role: CaseRole;
  @ApiProperty() identityClearance: boolean;
  @ApiProperty({ description: 'Evidence links proposed by someone else that you may review' }) linksToReview: number;
  @ApiProperty({ description: 'Proposed redactions requested by someone else that you may approve' }) redactionsToReview: number;
  @ApiProperty({ description: 'Redactions made stale by a registry or transcript change' }) staleRedactions: number;
  @ApiProperty({ description: 'Jobs that failed in the last 14 days: yours, or all of the case for leads' }) failedJobs: number;
  @ApiProperty({ description: 'Jobs queued or running: yours, or all of the case for leads' }) activeJobs: number;
}

export class WorkSummaryDto {
  @ApiProperty({ type: [CaseWorkSummaryDto] }) cases: CaseWorkSummaryDto[];
  @ApiProperty() linksToReview: number;
  @ApiProperty() redactionsToReview: number;
  @ApiProperty() staleRedactions: number;
  @ApiProperty() failedJobs: number;
}

export class ActivityQueryDto {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'Entries before this sequence number (from the previous page)', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;
}

/** One of the caller's own actions; no details (they may name fields of sensitive records). */
export class ActivityEntryDto {
  @ApiProperty() seq: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ example: 'testimony.create' }) action: string;
  @ApiProperty({ example: 'testimony' }) subjectType: string;
  @ApiPropertyOptional({ nullable: true, type: String }) subjectId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) caseId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Title of the case, when you are still a member' }) caseTitle: string | null;
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityEntryDto] }) items: ActivityEntryDto[];
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Pass as `before` for the next page; null at the end' }) nextBefore: number | null;
}

export const REVIEW_KINDS = ['evidence_link', 'redaction'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export class ReviewsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_KINDS }) @IsOptional() @IsIn(REVIEW_KINDS as unknown as string[], { message: `kind must be one of: ${REVIEW_KINDS.join(', ')}` }) kind?: ReviewKind;
}

/**
 * Something waiting for the caller's review: an evidence link or a redaction proposed by someone
 * else in a case where the caller has the review permission. De-identified fields only.
 */
export class ReviewItemDto {
  @ApiProperty({ enum: REVIEW_KINDS }) kind: ReviewKind;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() caseTitle: string;
  @ApiProperty({ description: 'Since when it waits (proposed, or last changed)' }) waitingSince: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'Link: its evidence item' }) itemId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'E-0001' }) itemCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Link: the item\'s title' }) itemTitle: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Link: the passage as de-identified, when chosen on a redaction' }) quote: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'RS-7-1-e-E1' }) elementCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'RS-7-1-e' }) crimeCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) crimeTitle: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Korean title of the crime, when known' }) crimeTitleKo: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['supports', 'undermines', 'context'] }) relation: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'Redaction: its testimony' }) testimonyId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'W-0001', description: "Redaction: the interviewee's pseudonym code" }) intervieweeCode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) profile: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) spanCount: number | null;
}

export class ReviewPageDto {
  @ApiProperty({ type: [ReviewItemDto] }) items: ReviewItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
