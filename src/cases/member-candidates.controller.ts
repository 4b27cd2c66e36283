import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { MemberCandidateDto, MemberCandidatesQueryDto } from 'src/cases/dto/member-candidate.dto';
import { MemberCandidatesService } from 'src/cases/member-candidates.service';
import { Authenticated, CaseAdministration, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';

@ApiTags('cases')
@Controller('cases/:caseId/member-candidates')
export class MemberCandidatesController {
  constructor(private readonly candidates: MemberCandidatesService) {}

  @Get()
  @Authenticated()
  @CaseAdministration()
  @ApiOkResponse({ type: [MemberCandidateDto] })
  @ApiDoc('Find staff to add to the case', 'Leads of the case and global admins search active accounts by display name or the start of an e-mail address (at most 20, members last).', [400, 403, [404, 'NOT_FOUND', 'No such case, or not a member']])
  async find(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: MemberCandidatesQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<MemberCandidateDto[]> {
    return this.candidates.find(caseId, query.q, actor);
  }
}
