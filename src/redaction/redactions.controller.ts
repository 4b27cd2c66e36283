import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { JobDto, mapJob } from 'src/jobs/dto/job.dto';
import {
  AddTermDto, ApproveRedactionDto, CreateProfileDto, ListRedactionsQueryDto, mapRedaction, mapRedactionSummary, ProfileDto, RedactionDto, RedactionSummaryDto, RequestRedactionDto, ReturnRedactionDto, TermDto,
} from 'src/redaction/dto/redaction.dto';
import { RedactionsService } from 'src/redaction/redactions.service';

@ApiTags('redaction')
@Controller('cases/:caseId')
@Authenticated()
export class RedactionsController {
  constructor(private readonly redactions: RedactionsService) {}

  /** Queues redaction of one testimony (or all of the case) for a profile; poll GET /jobs/:id. */
  @Post('redactions')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: JobDto })
  async request(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: RequestRedactionDto, @CurrentUser() actor: AuthenticatedUser): Promise<JobDto> {
    return mapJob(await this.redactions.request(caseId, body, actor));
  }

  @Get('redactions')
  @ApiPageResponse(RedactionSummaryDto)
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListRedactionsQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<RedactionSummaryDto>> {
    const page = await this.redactions.list(caseId, query, actor);
    return { ...page, items: page.items.map(mapRedactionSummary) };
  }

  /** The span log is generic (output offsets and category) unless the caller has identity clearance. */
  @Get('redactions/:redactionId')
  @ApiOkResponse({ type: RedactionDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('redactionId', ParseUUIDPipe) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<RedactionDto> {
    return mapRedaction(await this.redactions.get(caseId, id, actor));
  }

  /** Approve as proposed (review permission), or with span edits (also identity clearance: they rebuild the text from the original). */
  @Post('redactions/:redactionId/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: RedactionDto })
  async approve(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('redactionId', ParseUUIDPipe) id: string, @Body() body: ApproveRedactionDto, @CurrentUser() actor: AuthenticatedUser): Promise<RedactionDto> {
    return mapRedaction(await this.redactions.approve(caseId, id, body, actor));
  }

  /** Send a redaction back with a comment (review permission): status returned, out of search and exports until approved again. */
  @Post('redactions/:redactionId/return')
  @HttpCode(200)
  @ApiOkResponse({ type: RedactionDto })
  async sendBack(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('redactionId', ParseUUIDPipe) id: string, @Body() body: ReturnRedactionDto, @CurrentUser() actor: AuthenticatedUser): Promise<RedactionDto> {
    return mapRedaction(await this.redactions.sendBack(caseId, id, body, actor));
  }

  @Post('redaction-terms')
  async addTerm(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: AddTermDto, @CurrentUser() actor: AuthenticatedUser): Promise<TermDto> {
    const t = await this.redactions.addTerm(caseId, body, actor);
    return { id: t.id, ref: t.ref, category: t.category, createdAt: t.createdAt.toISOString() };
  }

  @Get('redaction-terms')
  async terms(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentUser() actor: AuthenticatedUser): Promise<TermDto[]> {
    return (await this.redactions.listTerms(caseId, actor)).map((t) => ({ id: t.id, ref: t.ref, category: t.category, createdAt: t.createdAt.toISOString() }));
  }

  @Post('redaction-profiles')
  createProfile(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateProfileDto, @CurrentUser() actor: AuthenticatedUser): Promise<ProfileDto> {
    return this.redactions.createProfile(caseId, body, actor);
  }

  @Get('redaction-profiles')
  @ApiOkResponse({ type: [ProfileDto] })
  profiles(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentUser() actor: AuthenticatedUser): Promise<ProfileDto[]> {
    return this.redactions.listProfiles(caseId, actor);
  }
}
