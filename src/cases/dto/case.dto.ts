import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { CASE_ROLES, CaseMemberEntity, type CaseRole } from 'src/cases/entities/case-member.entity';
import { CASE_STATUSES, CaseEntity, type CaseStatus } from 'src/cases/entities/case.entity';
import type { MembershipChange, MembershipEventWithNames } from 'src/cases/membership-history';
import { PageMetaDto, PageQueryDto } from 'src/common/http/pagination';
import { USER_ROLES, type UserRole } from 'src/users/entities/user.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCaseDto {
  @ApiProperty({ example: 'Kwanliso 15 (Yodok): detention and forced labour 1990–2010' })
  @Transform(trim) @IsString() @MinLength(1) @MaxLength(300)
  title: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000)
  description?: string;
}

export class UpdateCaseDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' }) @Type(() => Number) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(300) title?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES, description: 'archived: read-only; active: reopened' })
  @IsOptional() @IsIn(CASE_STATUSES as unknown as string[], { message: `status must be one of: ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;
}

export const CASE_SORTS = ['createdAt', '-createdAt', 'title', '-title', 'updatedAt', '-updatedAt'] as const;

export class ListCasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES as unknown as string[], { message: `status must be one of: ${CASE_STATUSES.join(', ')}` }) status?: CaseStatus;
  @ApiPropertyOptional({ description: 'Words in the title' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
  @ApiPropertyOptional({ enum: CASE_SORTS, default: '-createdAt' }) @IsOptional() @IsIn(CASE_SORTS as unknown as string[], { message: `sort must be one of: ${CASE_SORTS.join(', ')}` }) sort: (typeof CASE_SORTS)[number] = '-createdAt';
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ enum: CASE_ROLES, description: 'Your role on the case' }) myRole: CaseRole;
  @ApiProperty({ description: 'Whether you may see witness identities in this case' }) myIdentityClearance: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export function mapCase(entity: CaseEntity, member: Pick<CaseMemberEntity, 'role' | 'identityClearance'>): CaseDto {
  return {
    id: entity.id,
    title: entity.title,
    description: entity.description,
    status: entity.status,
    myRole: member.role,
    myIdentityClearance: member.identityClearance,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}

export class PutMemberDto {
  @ApiProperty({ enum: CASE_ROLES }) @IsIn(CASE_ROLES as unknown as string[], { message: `role must be one of: ${CASE_ROLES.join(', ')}` }) role: CaseRole;
  @ApiProperty({ description: 'May see witness identities and raw transcripts (audited)' }) @IsBoolean() identityClearance: boolean;
}

export class CaseMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: CASE_ROLES }) role: CaseRole;
  @ApiProperty() identityClearance: boolean;
  @ApiProperty() addedAt: string;
}

export function mapMember(member: CaseMemberEntity): CaseMemberDto {
  return { userId: member.userId, displayName: member.user?.displayName ?? '', role: member.role, identityClearance: member.identityClearance, addedAt: member.createdAt.toISOString() };
}

export class MembershipHistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only changes to this user’s membership' })
  @IsOptional() @IsUUID('all', { message: 'userId must be a user id (uuid)' })
  userId?: string;
}

export class MembershipStateDto {
  @ApiProperty({ enum: CASE_ROLES }) role: CaseRole;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null only in entries recorded before clearance was kept for removals' }) identityClearance: boolean | null;
}

export class MembershipEventDto {
  @ApiProperty({ description: 'Position of the entry in the audit log' }) seq: string;
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['added', 'changed', 'removed'] }) change: MembershipChange;
  @ApiProperty({ format: 'uuid', description: 'Whose membership changed' }) userId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) userDisplayName: string | null;
  @ApiPropertyOptional({ nullable: true, type: MembershipStateDto }) before: MembershipStateDto | null;
  @ApiPropertyOptional({ nullable: true, type: MembershipStateDto }) after: MembershipStateDto | null;
  @ApiProperty({ description: 'This change gave identity clearance to someone who did not have it' }) clearanceGranted: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'Who made the change' }) actorId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorDisplayName: string | null;
  @ApiPropertyOptional({ nullable: true, enum: USER_ROLES, description: "The actor's global role (null in older entries)" }) actorGlobalRole: UserRole | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'A global admin who was not a member of the case made the change (null in older entries)' }) adminOutsideCase: boolean | null;
}

export class MembershipHistoryPageDto extends PageMetaDto {
  @ApiProperty({ type: [MembershipEventDto] }) items: MembershipEventDto[];
}

export function mapMembershipEvent(event: MembershipEventWithNames): MembershipEventDto {
  return {
    seq: event.seq,
    at: event.occurredAt.toISOString(),
    change: event.change,
    userId: event.userId,
    userDisplayName: event.userDisplayName,
    before: event.before,
    after: event.after,
    clearanceGranted: event.clearanceGranted,
    actorId: event.actorId,
    actorDisplayName: event.actorDisplayName,
    actorGlobalRole: event.actorGlobalRole,
    adminOutsideCase: event.adminOutsideCase,
  };
}
