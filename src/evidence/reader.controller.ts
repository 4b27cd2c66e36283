import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ReadingDto, ReadingQueryDto } from 'src/evidence/dto/reading.dto';
import { ReaderService } from 'src/evidence/reader.service';

@ApiTags('evidence')
@Controller('cases/:caseId/transcript-versions')
@Authenticated()
export class ReaderController {
  constructor(private readonly reader: ReaderService) {}

  @Get(':versionId/reading')
  @ApiOperation({
    summary: 'The text of a transcript version you may read, with the case\'s passages on it',
    description: 'Identity clearance: the original (audited). Otherwise: the latest approved redaction of that version (409 with reason no_approved_redaction when there is none). Passages are offsets into the returned text.',
  })
  @ApiOkResponse({ type: ReadingDto })
  read(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('versionId', ParseUUIDPipe) versionId: string, @Query() query: ReadingQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<ReadingDto> {
    return this.reader.read(caseId, versionId, query.view, actor);
  }
}
