import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { ErrorResponseDto } from 'src/common/errors/error-response';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @Roles('admin', 'investigator', 'analyst')
  @ApiCreatedResponse({ type: CaseDto })
  async create(@Body() body: CreateCaseDto, @CurrentUser() actor: AuthenticatedUser): Promise<CaseDto> {
    const { entity, member } = await this.cases.create(body, actor);
    return mapCase(entity, member);
  }

  @Get()
  @Authenticated()
  @ApiPageResponse(CaseDto)
  async list(@Query() query: ListCasesQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<CaseDto>> {
    const result = await this.cases.list(query, actor);
    return { ...result, items: result.items.map(({ entity, member }) => mapCase(entity, member)) };
  }

  @Get(':caseId')
  @Authenticated()
  @ApiOkResponse({ type: CaseDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentUser() actor: AuthenticatedUser): Promise<CaseDto> {
    const { entity, member } = await this.cases.get(caseId, actor);
    return mapCase(entity, member);
  }

  @Patch(':caseId')
  @Authenticated()
  @ApiOkResponse({ type: CaseDto })
  async update(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: UpdateCaseDto, @CurrentUser() actor: AuthenticatedUser): Promise<CaseDto> {
    const { entity, member } = await this.cases.update(caseId, body, actor);
    return mapCase(entity, member);
  }

  @Get(':caseId/members')
  @Authenticated()
  @CaseAdministration()
  @ApiOkResponse({ type: CaseMemberDto, isArray: true })
  async members(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentUser() actor: AuthenticatedUser): Promise<CaseMemberDto[]> {
    return (await this.cases.listMembers(caseId, actor)).map(mapMember);
  }

  /** Who was added, changed or removed (role and clearance before and after), by whom, when. Leads and admins. */
  @Get(':caseId/members/history')
  @Authenticated()
  @CaseAdministration()
  @ApiOkResponse({ type: MembershipHistoryPageDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'A member who is not a lead of the case' })
  async memberHistory(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: MembershipHistoryQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<MembershipHistoryPageDto> {
    const page = await this.cases.memberHistory(caseId, query, actor);
    return { ...page, items: page.items.map(mapMembershipEvent) };
  }

  /** The case's audit trail, filtered and newest first: leads of the case and global admins only. */
  @Get(':caseId/audit')
  @Authenticated()
  @CaseAdministration()
  @ApiOkResponse({ type: AuditPageDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'A member who is not a lead of the case' })
  async audit(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: AuditQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<AuditPageDto> {
    const page = await this.cases.auditTrail(caseId, query, actor);
    return { ...page, items: page.items.map(mapAuditEntry) };
  }

  @Put(':caseId/members/:userId')
  @Authenticated()
  @CaseAdministration()
  @ApiOkResponse({ type: CaseMemberDto })
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
  async removeMember(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('userId', ParseUUIDPipe) userId: string, @CurrentUser() actor: AuthenticatedUser): Promise<void> {
    await this.cases.removeMember(caseId, userId, actor);
  }
}
