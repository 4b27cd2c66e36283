import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditService } from 'src/audit/audit.service';
import { AuditVerificationDto, mapAuditVerification } from 'src/audit/dto/audit-verification.dto';
import { Roles } from 'src/common/auth/access.decorators';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Recomputes the hash chain of the whole custody log and reports the first broken entry. */
  @Get('verify')
  @Roles('admin')
  @ApiOkResponse({ type: AuditVerificationDto })
  async verify(): Promise<AuditVerificationDto> {
    return mapAuditVerification(await this.audit.verify());
  }
}
