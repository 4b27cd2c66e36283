import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { AuditPageDto, AuditQueryDto, mapAuditEntry } from 'src/audit/dto/audit-entry.dto';
import { CasesService } from 'src/cases/cases.service';
import {
  CaseDto,
  CaseMemberDto,
  CreateCaseDto,
  ListCasesQueryDto,
  mapCase,
  mapMember,
  mapMembershipEvent,
  MembershipHistoryPageDto,
  MembershipHistoryQueryDto,
  PutMemberDto,
  UpdateCaseDto,
} from 'src/cases/dto/case.dto';
import { Authenticated, CaseAdministration, CurrentUser, Roles } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Roles('admin', 'investigator', 'analyst')
  @ApiCreatedResponse({ type: CaseDto })
  @ApiDoc('Create a case', 'Creates an investigation; the creator becomes its lead with identity clearance. Global roles admin, investigator and analyst. Audited (case.create).', [400])
  async create(@Body() body: CreateCaseDto, @CurrentUser() actor: AuthenticatedUser): Promise<CaseDto> {
    const { entity, member } = await this.cases.create(body, actor);
    return mapCase(entity, member);
  }

  @Get()
  @Authenticated()
  @ApiPageResponse(CaseDto)
  @ApiDoc('List my cases', 'One page of the cases you are a member of (with your role and clearance), filtered by status or title words. Any signed-in user; nobody sees a case they are not a member of.', [400])
  async list(@Query() query: ListCasesQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<CaseDto>> {
    const result = await this.cases.list(query, actor);
    return { ...result, items: result.items.map(({ entity, member }) => mapCase(entity, member)) };
  }

  @Get(':caseId')
  @Authenticated()
  @ApiOkResponse({ type: CaseDto })
  @ApiDoc('Read a case', 'The case with your role and identity clearance on it. Members only; a non-member gets 404 like a missing case.', [404])
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentUser() actor: AuthenticatedUser): Promise<CaseDto> {
    const { entity, member } = await this.cases.get(caseId, actor);
    return mapCase(entity, member);
  }

  @Patch(':caseId')
  @Authenticated()
  @ApiOkResponse({ type: CaseDto })
  @ApiDoc('Change a case', 'Changes title, description or status (active, archived: an archived case refuses changes until reopened). Case leads only; send the version you read. Audited.', [400, 403, 404, 409])
  async update(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: UpdateCaseDto, @CurrentUser() actor: AuthenticatedUser): Promise<CaseDto> {
    const { entity, member } = await this.cases.update(caseId, body, actor);
    return mapCase(entity, member);
  }

  @Get(':caseId/members')
  @Authenticated()
  @CaseAdministration()
  @ApiOkResponse({ type: CaseMemberDto, isArray: true })
  @ApiDoc('List the members of a case', 'Who is on the case, with role and identity clearance. Members of the case, and global admins (membership administration).', [404])
  async members(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentUser() actor: AuthenticatedUser): Promise<CaseMemberDto[]> {
    return (await this.cases.listMembers(caseId, actor)).map(mapMember);
  }

  /** Who was added, changed or removed (role and clearance before and after), by whom, when. Leads and admins. */
  @Get(':caseId/members/history')
  @Authenticated()
  @CaseAdministration()
  @ApiOkResponse({ type: MembershipHistoryPageDto })
  @ApiDoc('Membership history of a case', 'Who was added, changed or removed (role and clearance before and after), by whom and when, newest first. Case leads and global admins.', [400, [403, 'FORBIDDEN', 'A member who is not a lead of the case'], 404])
  async memberHistory(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: MembershipHistoryQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<MembershipHistoryPageDto> {
    const page = await this.cases.memberHistory(caseId, query, actor);
    return { ...page, items: page.items.map(mapMembershipEvent) };
  }

  /** The case's audit trail, filtered and newest first: leads of the case and global admins only. */
  @Get(':caseId/audit')
  @Authenticated()
  @CaseAdministration()
  @ApiOkResponse({ type: AuditPageDto })
  @ApiDoc('Audit trail of a case', 'The case’s custody log, filtered by actor, action, record, period or highlight (identity reads, downloads), newest first. Case leads and global admins. Entries hold ids, codes and field names, never identities.', [400, [403, 'FORBIDDEN', 'A member who is not a lead of the case'], 404])
  async audit(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: AuditQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<AuditPageDto> {
    const page = await this.cases.auditTrail(caseId, query, actor);
    return { ...page, items: page.items.map(mapAuditEntry) };
  }

  @Put(':caseId/members/:userId')
  @Authenticated()
  @CaseAdministration()
  @ApiOkResponse({ type: CaseMemberDto })
  @ApiDoc('Add a member or change their role', 'Adds a user to the case or changes their case role (lead, investigator, analyst, reviewer, observer) and identity clearance. Case leads and global admins; a case keeps at least one lead. Audited with role and clearance before and after.', [400, 403, 404, 409, 422])
  async putMember(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: PutMemberDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<CaseMemberDto> {
    return mapMember(await this.cases.putMember(caseId, userId, body, actor));
  }

  @Delete(':caseId/members/:userId')
  @Authenticated()
  @CaseAdministration()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The member is removed' })
  @ApiDoc('Remove a member', 'Removes a user from the case; they lose access at once. Case leads and global admins; the last lead cannot be removed. Audited.', [403, 404, 409, 422])
  async removeMember(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('userId', ParseUUIDPipe) userId: string, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.cases.removeMember(caseId, userId, actor);
  }
}
