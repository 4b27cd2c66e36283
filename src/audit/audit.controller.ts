import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { AuditService } from 'src/audit/audit.service';
import { AuditPageDto, AuditQueryDto, mapAuditEntry } from 'src/audit/dto/audit-entry.dto';
import { AuditVerificationDto, mapAuditVerification } from 'src/audit/dto/audit-verification.dto';
import { Roles } from 'src/common/auth/access.decorators';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The whole log, filtered by actor, action prefix, record and period; newest first. */
  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: AuditPageDto })
  @ApiDoc('Read the whole audit log', 'The hash-chained custody log of every case and account, filtered by actor, action prefix, record, case and period, newest first. Global admins only. Entries carry ids, codes and field names, never names, contacts or transcript text.', [400])
  async list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const page = await this.audit.list(query);
    return { ...page, items: page.items.map(mapAuditEntry) };
  }

  /** Recomputes the hash chain of the whole custody log and reports the first broken entry. */
  @Get('verify')
  @Roles('admin')
  @ApiOkResponse({ type: AuditVerificationDto })
  @ApiDoc('Verify the audit hash chain', 'Recomputes the SHA-256 chain over the whole log and reports the first entry whose hash or link does not match (a sign of tampering; the database already refuses updates and deletes). Global admins only.', [])
  async verify(): Promise<AuditVerificationDto> {
    return mapAuditVerification(await this.audit.verify());
  }
}
