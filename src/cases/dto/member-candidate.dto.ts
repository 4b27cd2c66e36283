import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CASE_ROLES, type CaseRole } from 'src/cases/entities/case-member.entity';
import { USER_ROLES, type UserRole } from 'src/users/entities/user.entity';

export class MemberCandidatesQueryDto {
  @ApiPropertyOptional({ description: 'Part of a display name, or the start of an e-mail address; without it, the first accounts by name', minLength: 2, maxLength: 200, example: 'park' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  q?: string;
}

/** A staff account a lead may add to the case: staff data only, never witness data. */
export class MemberCandidateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiPropertyOptional({ nullable: true, enum: CASE_ROLES, description: 'Their role on this case when already a member' }) caseRole: CaseRole | null;
}
