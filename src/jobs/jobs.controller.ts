import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { Authenticated, CurrentUser, Roles } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { EchoJobDto, JobDto, JobPageDto, ListCaseJobsQueryDto, mapJob } from 'src/jobs/dto/job.dto';
import { JobsService } from 'src/jobs/jobs.service';

@ApiTags('jobs')
@Controller()
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get('jobs/:id')
  @Authenticated()
  @ApiOkResponse({ type: JobDto })
  @ApiDoc('Read a job', 'Status, progress and result of a redaction, export, import or diagnostic job. The user who started it, and case leads; anyone else gets 404.', [404])
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<JobDto> {
    return mapJob(await this.jobs.get(id, actor));
  }

  @Get('cases/:caseId/jobs')
  @Authenticated()
  @ApiOkResponse({ type: JobPageDto })
  @ApiDoc('Jobs of a case', 'Redaction, export and import jobs with their progress: the ones you started, or all of them for leads. Newest first.', [400, 404])
  async listForCase(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListCaseJobsQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<JobPageDto> {
    const found = await this.jobs.listForCase(caseId, query, actor);
    return { ...found, items: found.items.map(mapJob) };
  }

  /** Diagnostic: proves api → queue → worker → database works in this deployment. */
  @Post('system/echo-jobs')
  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: JobDto })
  @ApiDoc('Queue a diagnostic job', 'Proves api → queue → worker → database works in this deployment. Global admins only.', [[503, 'QUEUE_UNAVAILABLE', 'Redis unreachable; nothing stored']])
  async echo(@Body() body: EchoJobDto, @CurrentUser() actor: AuthenticatedUser): Promise<JobDto> {
    return mapJob(await this.jobs.enqueue('system.echo', { message: body.message }, actor));
  }
}
