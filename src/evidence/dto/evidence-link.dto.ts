import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQueryDto } from 'src/common/http/pagination';
import { isWeak } from 'src/evidence/matrix/assessment';
import { EvidenceLinkCommentEntity, LINK_COMMENT_KINDS, type LinkCommentKind } from 'src/evidence/entities/evidence-link-comment.entity';
import { EvidenceLinkEntity, LINK_RELATIONS, LINK_STATUSES, SOURCE_RELIABILITY, type LinkRelation, type LinkStatus, type SourceReliability } from 'src/evidence/entities/evidence-link.entity';

const oneOf = (name: string, values: readonly string[]) => ({ message: `${name} must be one of: ${values.join(', ')}` });
const uuid = (name: string, what: string) => IsUUID('all', { message: `${name} must be ${what}` });
/** Optional on update; null clears it. */
const nullable = (name: string) => ValidateIf((o: Record<string, unknown>) => o[name] !== null && o[name] !== undefined);

export class CreateEvidenceLinkDto {
  @ApiProperty({ format: 'uuid', description: 'An evidence item of this case' }) @uuid('itemId', 'an evidence item id') itemId: string;
  @ApiProperty({ format: 'uuid', description: 'The legal framework version the link is made under (the matrix is per version)' }) @uuid('frameworkVersionId', 'a legal framework version id') frameworkVersionId: string;
  @ApiProperty({ format: 'uuid', description: 'An element of a crime of that framework version' }) @uuid('elementId', 'an element id') elementId: string;
  @ApiPropertyOptional({ example: 'a', description: "Letter of the element's alternative, when it has alternatives" }) @IsOptional() @Matches(/^[a-z]$/, { message: 'alternative must be one lower-case letter' }) alternative?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'An incident of this case' }) @IsOptional() @uuid('incidentId', 'an incident id') incidentId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A perpetrator of this case' }) @IsOptional() @uuid('perpetratorId', 'a perpetrator id') perpetratorId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A mode of liability of the same framework version' }) @IsOptional() @uuid('modeOfLiabilityId', 'a mode of liability id') modeOfLiabilityId?: string;
  @ApiProperty({ enum: LINK_RELATIONS }) @IsIn(LINK_RELATIONS as unknown as string[], oneOf('relation', LINK_RELATIONS)) relation: LinkRelation;
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 slight … 5 decisive' }) @Type(() => Number) @IsInt({ message: 'probativeValue must be an integer from 1 to 5' }) @Min(1) @Max(5) probativeValue: number;
  @ApiProperty({ enum: SOURCE_RELIABILITY, description: 'A completely reliable … E unreliable, F cannot be judged' }) @IsIn(SOURCE_RELIABILITY as unknown as string[], oneOf('sourceReliability', SOURCE_RELIABILITY)) sourceReliability: SourceReliability;
  @ApiProperty({ minimum: 1, maximum: 6, description: '1 confirmed … 5 improbable, 6 cannot be judged' }) @Type(() => Number) @IsInt({ message: 'informationCredibility must be an integer from 1 to 6' }) @Min(1) @Max(6) informationCredibility: number;
  @ApiPropertyOptional({ description: "Analyst's note (never logged or audited)" }) @IsOptional() @IsString() @MaxLength(10_000) note?: string;
}

/** Any change sends a reviewed link back to proposed: the new assessment needs its own review. */
export class UpdateEvidenceLinkDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ enum: LINK_RELATIONS }) @IsOptional() @IsIn(LINK_RELATIONS as unknown as string[], oneOf('relation', LINK_RELATIONS)) relation?: LinkRelation;
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5) probativeValue?: number;
  @ApiPropertyOptional({ enum: SOURCE_RELIABILITY }) @IsOptional() @IsIn(SOURCE_RELIABILITY as unknown as string[], oneOf('sourceReliability', SOURCE_RELIABILITY)) sourceReliability?: SourceReliability;
  @ApiPropertyOptional({ minimum: 1, maximum: 6 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(6) informationCredibility?: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null clears it' }) @nullable('note') @IsString() @MaxLength(10_000) note?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @nullable('alternative') @Matches(/^[a-z]$/, { message: 'alternative must be one lower-case letter' }) alternative?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) @nullable('incidentId') @uuid('incidentId', 'an incident id') incidentId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) @nullable('perpetratorId') @uuid('perpetratorId', 'a perpetrator id') perpetratorId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) @nullable('modeOfLiabilityId') @uuid('modeOfLiabilityId', 'a mode of liability id') modeOfLiabilityId?: string | null;
}

export class LinkVersionDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
}

const NUL = String.fromCharCode(0);
const commentText = () => Matches(/\S/, { message: 'comment must contain text' });
const noNul = () => Matches(new RegExp(`^[^${NUL}]*$`), { message: 'comment must not contain a NUL character' });

export class ReturnLinkDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiProperty({ description: 'Why it goes back (shown to the case members on the link; never logged). Do not write identities here.', maxLength: 5000 })
  @IsString() @MaxLength(5000) @commentText() @noNul() comment: string;
}

export class LinkCommentInputDto {
  @ApiProperty({ description: 'A comment on the link (shown to the case members; never logged). Do not write identities here.', maxLength: 5000 })
  @IsString() @MaxLength(5000) @commentText() @noNul() comment: string;
}

export class LinkCommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty({ enum: LINK_COMMENT_KINDS, description: 'returned: written when sending the link back' }) kind: LinkCommentKind;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: string;
}

export const LINK_SORTS = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;
export class ListEvidenceLinksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('itemId', 'an evidence item id') itemId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('frameworkVersionId', 'a legal framework version id') frameworkVersionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('crimeId', 'a crime id') crimeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('elementId', 'an element id') elementId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('incidentId', 'an incident id') incidentId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('perpetratorId', 'a perpetrator id') perpetratorId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @uuid('modeOfLiabilityId', 'a mode of liability id') modeOfLiabilityId?: string;
  @ApiPropertyOptional({ enum: LINK_RELATIONS }) @IsOptional() @IsIn(LINK_RELATIONS as unknown as string[], oneOf('relation', LINK_RELATIONS)) relation?: LinkRelation;
  @ApiPropertyOptional({ enum: LINK_STATUSES }) @IsOptional() @IsIn(LINK_STATUSES as unknown as string[], oneOf('status', LINK_STATUSES)) status?: LinkStatus;
  @ApiPropertyOptional({ enum: LINK_SORTS, default: '-createdAt' }) @IsOptional() @IsIn(LINK_SORTS as unknown as string[], oneOf('sort', LINK_SORTS)) sort: (typeof LINK_SORTS)[number] = '-createdAt';
}

export class EvidenceLinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) itemId: string;
  @ApiProperty({ example: 'E-0001' }) itemCode: string;
  @ApiProperty({ format: 'uuid' }) frameworkVersionId: string;
  @ApiProperty({ format: 'uuid' }) elementId: string;
  @ApiProperty({ example: 'RS-7-1-c-E1' }) elementCode: string;
  @ApiProperty({ example: 'RS-7-1-c' }) crimeCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) alternative: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) incidentId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) perpetratorId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) modeOfLiabilityId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'RS-28-b' }) modeCode: string | null;
  @ApiProperty({ enum: LINK_RELATIONS }) relation: LinkRelation;
  @ApiProperty() probativeValue: number;
  @ApiProperty({ enum: SOURCE_RELIABILITY }) sourceReliability: SourceReliability;
  @ApiProperty() informationCredibility: number;
  @ApiProperty({ description: 'Weak by the matrix rule (probative <= 2, reliability E/F or credibility >= 5)' }) weak: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: LINK_STATUSES }) status: LinkStatus;
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'uuid', description: 'Who set the current assessment; may not review it' }) assessedBy: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) reviewedBy: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export interface LinkCodes {
  itemCode: string;
  elementCode: string;
  crimeCode: string;
  modeCode: string | null;
}

export function mapEvidenceLink(l: EvidenceLinkEntity, codes: LinkCodes): EvidenceLinkDto {
  return {
    id: l.id,
    itemId: l.itemId,
    itemCode: codes.itemCode,
    frameworkVersionId: l.frameworkId,
    elementId: l.elementId,
    elementCode: codes.elementCode,
    crimeCode: codes.crimeCode,
    alternative: l.alternative,
    incidentId: l.incidentId,
    perpetratorId: l.perpetratorId,
    modeOfLiabilityId: l.modeId,
    modeCode: codes.modeCode,
    relation: l.relation,
    probativeValue: l.probativeValue,
    sourceReliability: l.sourceReliability,
    informationCredibility: l.informationCredibility,
    weak: isWeak(l),
    note: l.note,
    status: l.status,
    createdBy: l.createdBy,
    assessedBy: l.assessedBy,
    reviewedBy: l.reviewedBy,
    reviewedAt: l.reviewedAt?.toISOString() ?? null,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    version: l.version,
  };
}

export function mapLinkComment({ comment: c, authorName }: { comment: EvidenceLinkCommentEntity; authorName: string }): LinkCommentDto {
  return { id: c.id, authorId: c.authorId, authorName, kind: c.kind, body: c.body, createdAt: c.createdAt.toISOString() };
}
