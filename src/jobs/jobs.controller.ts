import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Roles } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ErrorResponseDto } from 'src/common/errors/error-response';
import { EchoJobDto, JobDto, mapJob } from 'src/jobs/dto/job.dto';
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
