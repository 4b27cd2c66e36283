import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ActivityPageDto, ActivityQueryDto, ReviewPageDto, ReviewsQueryDto, WorkSummaryDto } from 'src/me/dto/me.dto';
import { MeService } from 'src/me/me.service';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get('summary')
  @Authenticated()
  @ApiOkResponse({ type: WorkSummaryDto })
  @ApiDoc('What waits for me', 'Per case you are a member of: evidence links and redactions waiting for your review, stale redactions, failed and running jobs. Counts only.', [])
  async summary(@CurrentUser() actor: AuthenticatedUser): Promise<WorkSummaryDto> {
    return this.me.summary(actor);
  }

  @Get('reviews')
  @Authenticated()
  @ApiOkResponse({ type: ReviewPageDto })
  @ApiDoc('Waiting for my review', 'Evidence links and redactions proposed by someone else in your cases where you have the review permission, oldest first. Counts per case are in GET /me/summary.', [400])
  async reviews(@Query() query: ReviewsQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<ReviewPageDto> {
    return this.me.reviews(query, actor);
  }

  @Get('activity')
  @Authenticated()
  @ApiOkResponse({ type: ActivityPageDto })
  @ApiDoc('My recent activity', 'Your own entries of the audit log, newest first, without their details.', [400])
  async activity(@Query() query: ActivityQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<ActivityPageDto> {
    return this.me.activity(query, actor);
  }
}
