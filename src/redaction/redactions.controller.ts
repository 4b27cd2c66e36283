import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
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
  @ApiDoc('Queue a redaction', 'Queues redaction of one testimony’s transcripts (or all of the case) for a profile (internal, UN, ICC, public); answers the job to poll (GET /jobs/{id}). Members who may record. The worker writes a proposed redaction with its span log.', [400, 403, 404, 503])
  async request(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: RequestRedactionDto, @CurrentUser() actor: AuthenticatedUser): Promise<JobDto> {
    return mapJob(await this.redactions.request(caseId, body, actor));
  }

  @Get('redactions')
  @ApiPageResponse(RedactionSummaryDto)
  @ApiDoc('List redactions', 'One page of the case’s redactions with status, profile and testimony, filtered by any of them. Any member of the case.', [400, 404])
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListRedactionsQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<RedactionSummaryDto>> {
    const page = await this.redactions.list(caseId, query, actor);
    return { ...page, items: page.items.map(mapRedactionSummary) };
  }

  /** The span log is generic (output offsets and category) unless the caller has identity clearance. */
  @Get('redactions/:redactionId')
  @ApiOkResponse({ type: RedactionDto })
  @ApiDoc('Read a redaction', 'The redacted text and its span log. The log is generic (output offsets and category) unless the caller has identity clearance. Any member of the case.', [404])
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('redactionId', ParseUUIDPipe) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<RedactionDto> {
    return mapRedaction(await this.redactions.get(caseId, id, actor));
  }

  /** Approve as proposed (review permission), or with span edits (also identity clearance: they rebuild the text from the original). */
  @Post('redactions/:redactionId/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: RedactionDto })
  @ApiDoc('Approve a redaction', 'Approves as proposed (review permission), or with span edits (also identity clearance: they rebuild the text from the original). Only approved redactions are searched and exported. Audited (redaction.approve).', [400, 403, 404, 409])
  async approve(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('redactionId', ParseUUIDPipe) id: string, @Body() body: ApproveRedactionDto, @CurrentUser() actor: AuthenticatedUser): Promise<RedactionDto> {
    return mapRedaction(await this.redactions.approve(caseId, id, body, actor));
  }

  /** Send a redaction back with a comment (review permission): status returned, out of search and exports until approved again. */
  @Post('redactions/:redactionId/return')
  @HttpCode(200)
  @ApiOkResponse({ type: RedactionDto })
  @ApiDoc('Return a redaction', 'Sends a redaction back with a comment (review permission): it is out of search and exports until approved again. Audited (redaction.return).', [400, 403, 404, 409])
  async sendBack(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('redactionId', ParseUUIDPipe) id: string, @Body() body: ReturnRedactionDto, @CurrentUser() actor: AuthenticatedUser): Promise<RedactionDto> {
    return mapRedaction(await this.redactions.sendBack(caseId, id, body, actor));
  }

  @Post('redaction-terms')
  @ApiCreatedResponse({ type: TermDto })
  @ApiDoc('Add a redaction term', 'Adds a name, place or other term the redaction engine must find in this case (with its variants). Members who may record and have identity clearance (a term can be a name). Audited (redaction.term_add, never the term).', [400, 403, 404, 409])
  async addTerm(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: AddTermDto, @CurrentUser() actor: AuthenticatedUser): Promise<TermDto> {
    const t = await this.redactions.addTerm(caseId, body, actor);
    return { id: t.id, ref: t.ref, category: t.category, createdAt: t.createdAt.toISOString() };
  }

  @Get('redaction-terms')
  @ApiOkResponse({ type: [TermDto] })
  @ApiDoc('List redaction terms', 'The case’s extra redaction terms by category. Any member of the case.', [404])
  async terms(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentUser() actor: AuthenticatedUser): Promise<TermDto[]> {
    return (await this.redactions.listTerms(caseId, actor)).map((t) => ({ id: t.id, ref: t.ref, category: t.category, createdAt: t.createdAt.toISOString() }));
  }

  @Post('redaction-profiles')
  @ApiCreatedResponse({ type: ProfileDto })
  @ApiDoc('Create a redaction profile', 'A recipient-specific profile: which categories are removed and how (pseudonym token, category label, removal). Case leads. Audited (redaction.profile_create).', [400, 403, 404, 409])
  createProfile(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateProfileDto, @CurrentUser() actor: AuthenticatedUser): Promise<ProfileDto> {
    return this.redactions.createProfile(caseId, body, actor);
  }

  @Get('redaction-profiles')
  @ApiOkResponse({ type: [ProfileDto] })
  @ApiDoc('List redaction profiles', 'The built-in profiles and the case’s own. Any member of the case.', [404])
  profiles(@Param('caseId', ParseUUIDPipe) caseId: string, @CurrentUser() actor: AuthenticatedUser): Promise<ProfileDto[]> {
    return this.redactions.listProfiles(caseId, actor);
  }
}
