import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'What waits for me', description: 'Per case you are a member of: evidence links and redactions waiting for your review, stale redactions, failed and running jobs. Counts only.' })
  @ApiOkResponse({ type: WorkSummaryDto })
  async summary(@CurrentUser() actor: AuthenticatedUser): Promise<WorkSummaryDto> {
    return this.me.summary(actor);
  }

  @Get('reviews')
  @Authenticated()
  @ApiOperation({ summary: 'Waiting for my review', description: 'Evidence links and redactions proposed by someone else in your cases where you have the review permission, oldest first. Counts per case are in GET /me/summary.' })
  @ApiOkResponse({ type: ReviewPageDto })
  async reviews(@Query() query: ReviewsQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<ReviewPageDto> {
    return this.me.reviews(query, actor);
  }

  @Get('activity')
  @Authenticated()
  @ApiOperation({ summary: 'My recent activity', description: 'Your own entries of the audit log, newest first, without their details.' })
  @ApiOkResponse({ type: ActivityPageDto })
  async activity(@Query() query: ActivityQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<ActivityPageDto> {
    return this.me.activity(query, actor);
  }
}
