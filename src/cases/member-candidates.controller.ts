import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MemberCandidateDto, MemberCandidatesQueryDto } from 'src/cases/dto/member-candidate.dto';
import { MemberCandidatesService } from 'src/cases/member-candidates.service';
import { Authenticated, CaseAdministration, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ErrorResponseDto } from 'src/common/errors/error-response';

@ApiTags('cases')
@Controller('cases/:caseId/member-candidates')
export class MemberCandidatesController {
  constructor(private readonly candidates: MemberCandidatesService) {}

  @Get()
  @Authenticated()
  @CaseAdministration()
  @ApiOperation({ summary: 'Find staff to add to the case', description: 'Leads of the case and global admins search active accounts by display name or the start of an e-mail address (at most 20, members last).' })
  @ApiOkResponse({ type: [MemberCandidateDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such case, or not a member' })
  async find(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: MemberCandidatesQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<MemberCandidateDto[]> {
    return this.candidates.find(caseId, query.q, actor);
  }
}
