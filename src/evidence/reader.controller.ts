import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
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
  @ApiOkResponse({ type: ReadingDto })
  @ApiDoc(
    'The text of a transcript version you may read, with the case\'s passages on it',
    'Any member of the case. Identity clearance: the original (audited: transcript.read). Otherwise: the latest approved redaction of that version (409 with reason no_approved_redaction when there is none). Passages are offsets into the returned text.',
    [400, 403, 404, [409, 'CONFLICT', 'No approved redaction of this version yet (reason no_approved_redaction)']],
  )
  read(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('versionId', ParseUUIDPipe) versionId: string, @Query() query: ReadingQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<ReadingDto> {
    return this.reader.read(caseId, versionId, query.view, actor);
  }
}
