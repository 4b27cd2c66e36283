import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Roles } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ErrorResponseDto } from 'src/common/errors/error-response';
import { EchoJobDto, JobDto, JobPageDto, ListCaseJobsQueryDto, mapJob } from 'src/jobs/dto/job.dto';
import { JobsService } from 'src/jobs/jobs.service';

@ApiTags('jobs')
@Controller()
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get('jobs/:id')
  @Authenticated()
  @ApiOkResponse({ type: JobDto })
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: AuthenticatedUser): Promise<JobDto> {
    return mapJob(await this.jobs.get(id, actor));
  }

  @Get('cases/:caseId/jobs')
  @Authenticated()
  @ApiOperation({ summary: 'Jobs of a case', description: 'Redaction, export and import jobs with their progress: the ones you started, or all of them for leads. Newest first.' })
  @ApiOkResponse({ type: JobPageDto })
  async listForCase(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListCaseJobsQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<JobPageDto> {
    const found = await this.jobs.listForCase(caseId, query, actor);
    return { ...found, items: found.items.map(mapJob) };
  }

  /** Diagnostic: proves api → queue → worker → database works in this deployment. */
  @Post('system/echo-jobs')
  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: JobDto })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'Redis unreachable; nothing stored' })
  async echo(@Body() body: EchoJobDto, @CurrentUser() actor: AuthenticatedUser): Promise<JobDto> {
    return mapJob(await this.jobs.enqueue('system.echo', { message: body.message }, actor));
  }
}
