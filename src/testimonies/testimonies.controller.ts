import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from 'src/common/openapi/api-doc';
import { Authenticated, CurrentUser } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { ConsentsService } from 'src/testimonies/consents.service';
import {
  ChangeStatusDto, ConsentDecisionDto, ConsentDecisionQueryDto, ConsentInputDto, ConsentVersionDto, CreateTestimonyDto, ListTestimoniesQueryDto,
  mapTestimony, TestimonyDto, TestimonySensitiveResponseDto, UpdateTestimonyDto, WithdrawConsentDto,
} from 'src/testimonies/dto/testimony.dto';
import { AddTranscriptVersionDto, CreateTranscriptDto, mapTranscript, mapTranscriptVersion, TranscriptDto, TranscriptTextDto } from 'src/testimonies/dto/transcript.dto';
import type { ConsentVersionEntity } from 'src/testimonies/entities/consent-version.entity';
import { TestimoniesService } from 'src/testimonies/testimonies.service';
import { TranscriptsService } from 'src/testimonies/transcripts.service';

function mapConsent(c: ConsentVersionEntity): ConsentVersionDto {
  return {
    version: c.version,
    purposes: c.purposes,
    anonymityRequired: c.anonymityRequired,
    identityDisclosureAllowed: c.identityDisclosureAllowed,
    noDeathPenaltyProceedings: c.noDeathPenaltyProceedings,
    recontactAllowed: c.recontactAllowed,
    method: c.method,
    takenBy: c.takenBy,
    takenAt: c.takenAt.toISOString(),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    recordedAt: c.createdAt.toISOString(),
    recordedBy: c.createdBy,
  };
}

@ApiTags('testimonies')
@Controller('cases/:caseId/testimonies')
@Authenticated()
export class TestimoniesController {
  constructor(
    private readonly testimonies: TestimoniesService,
    private readonly transcripts: TranscriptsService,
    private readonly consents: ConsentsService,
  ) {}


  @Post()
  @ApiCreatedResponse({ type: TestimonyDto })
  @ApiDoc('Record a testimony', 'Records an interview: interviewee (a person of the case), interviewers, interpreter, date with precision, place, languages, modality and risk level. Status starts at draft. Members who may record (lead, investigator); the sensitive details (place of interview, interpreter, risk notes) are sealed and need identity clearance to send. Audited (testimony.create).', [400, 403, 404, 409])
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateTestimonyDto, @CurrentUser() actor: AuthenticatedUser): Promise<TestimonyDto> {
    const v = await this.testimonies.create(caseId, body, actor);
    return mapTestimony(v.entity, v.intervieweeCode);
  }

  @Get()
  @ApiPageResponse(TestimonyDto)
  @ApiDoc('List testimonies', 'One page of the case’s testimonies by interviewee pseudonym code, filtered by status, language, interviewee, tag, risk level or interview dates. Any member of the case; never the sensitive details. Not audited.', [400, 404])
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListTestimoniesQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<TestimonyDto>> {
    const page = await this.testimonies.list(caseId, query, actor);
    return { ...page, items: page.items.map((v) => mapTestimony(v.entity, v.intervieweeCode)) };
  }

  @Get(':testimonyId')
  @ApiOkResponse({ type: TestimonyDto })
  @ApiDoc('Read a testimony', 'The testimony’s metadata by pseudonym code, its status and current consent. Any member of the case; never the sensitive details. Not audited.', [404])
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @CurrentUser() actor: AuthenticatedUser): Promise<TestimonyDto> {
    const v = await this.testimonies.get(caseId, testimonyId, actor);
    return mapTestimony(v.entity, v.intervieweeCode);
  }

  @Patch(':testimonyId')
  @ApiOkResponse({ type: TestimonyDto })
  @ApiDoc('Change a testimony', 'Changes the metadata sent. Members who may record (sealed details also need identity clearance); send the version you read (409 when stale). Audited (testimony.update, field names).', [400, 403, 404, 409])
  async update(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Body() body: UpdateTestimonyDto, @CurrentUser() actor: AuthenticatedUser): Promise<TestimonyDto> {
    const v = await this.testimonies.update(caseId, testimonyId, body, actor);
    return mapTestimony(v.entity, v.intervieweeCode);
  }

  @Post(':testimonyId/status')
  @HttpCode(200)
  @ApiOkResponse({ type: TestimonyDto })
  @ApiDoc('Move a testimony through its statuses', 'draft → transcribed → redacted → reviewed (and back where allowed); the answer says why a move is refused. Members who may record. Audited (testimony.status).', [400, 403, 404, 409])
  async status(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Body() body: ChangeStatusDto, @CurrentUser() actor: AuthenticatedUser): Promise<TestimonyDto> {
    const v = await this.testimonies.changeStatus(caseId, testimonyId, body, actor);
    return mapTestimony(v.entity, v.intervieweeCode);
  }

  /** Reveals place of interview, interpreter, risk notes: identity clearance; audited. */
  @Get(':testimonyId/sensitive')
  @ApiOkResponse({ type: TestimonySensitiveResponseDto })
  @ApiDoc('Reveal a testimony’s sensitive details', 'Decrypts the place of interview, interpreter and risk notes. Only members with identity clearance; every read is audited (testimony.sensitive_read).', [403, 404])
  sensitive(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @CurrentUser() actor: AuthenticatedUser): Promise<TestimonySensitiveResponseDto> {
    return this.testimonies.readSensitive(caseId, testimonyId, actor);
  }

  @Post(':testimonyId/transcripts')
  @ApiCreatedResponse({ type: TranscriptDto })
  @ApiDoc('Add a transcript', 'Adds the original-language transcript or a translation bound to its original, as version 1. Members who may record and have identity clearance (raw text identifies the witness); the text is sealed at rest. Audited (transcript.create, never the text). Queues redaction where profiles apply.', [400, 403, 404, 409])
  async createTranscript(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Body() body: CreateTranscriptDto, @CurrentUser() actor: AuthenticatedUser): Promise<TranscriptDto> {
    const v = await this.transcripts.create(caseId, testimonyId, body, actor);
    return mapTranscript(v.transcript, v.versions, v.authors);
  }

  @Get(':testimonyId/transcripts')
  @ApiOkResponse({ type: [TranscriptDto] })
  @ApiDoc('List a testimony’s transcripts', 'The transcripts and their versions (language, kind, length, hash), never the text. Any member of the case.', [404])
  async listTranscripts(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @CurrentUser() actor: AuthenticatedUser): Promise<TranscriptDto[]> {
    return (await this.transcripts.list(caseId, testimonyId, actor)).map((v) => mapTranscript(v.transcript, v.versions, v.authors));
  }

  @Post(':testimonyId/transcripts/:transcriptId/versions')
  @ApiCreatedResponse({ type: TranscriptDto })
  @ApiDoc('Save a new transcript version', 'Adds a new version (earlier ones are kept, never changed); evidence passages on unchanged words move to it, the others are flagged for re-anchoring; redactions are re-queued. Members who may record and have identity clearance; send the version you read. Audited (transcript.version).', [400, 403, 404, 409])
  async addVersion(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('testimonyId', ParseUUIDPipe) testimonyId: string,
    @Param('transcriptId', ParseUUIDPipe) transcriptId: string,
    @Body() body: AddTranscriptVersionDto,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<TranscriptDto> {
    const v = await this.transcripts.addVersion(caseId, testimonyId, transcriptId, body, actor);
    return mapTranscript(v.transcript, v.versions, v.authors);
  }

  /** Raw text of one version: identity clearance; audited. */
  @Get(':testimonyId/transcripts/:transcriptId/versions/:version')
  @ApiOkResponse({ type: TranscriptTextDto })
  @ApiDoc('Read a transcript version’s raw text', 'Decrypts the original words of one version. Only members with identity clearance; every read is audited (transcript.read). Others read approved redactions instead.', [403, 404])
  async readVersion(
    @Param('caseId', ParseUUIDPipe) caseId: string,
    @Param('testimonyId', ParseUUIDPipe) testimonyId: string,
    @Param('transcriptId', ParseUUIDPipe) transcriptId: string,
    @Param('version', ParseIntPipe) version: number,
    @CurrentUser() actor: AuthenticatedUser,
  ): Promise<TranscriptTextDto> {
    const { version: v, text } = await this.transcripts.readText(caseId, testimonyId, transcriptId, version, actor);
    return { ...mapTranscriptVersion(v), text };
  }

  @Post(':testimonyId/consents')
  @ApiCreatedResponse({ type: ConsentVersionDto })
  @ApiDoc('Record the witness’s consent', 'Adds a consent version: scope per purpose and recipient kind, anonymity, identity disclosure, the no-death-penalty condition, re-contact, how and by whom it was taken. Earlier versions are kept. Members who may record. Audited (consent.record). Every export checks the latest version.', [400, 403, 404, 409])
  async recordConsent(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Body() body: ConsentInputDto, @CurrentUser() actor: AuthenticatedUser): Promise<ConsentVersionDto> {
    return mapConsent(await this.consents.record(caseId, testimonyId, body, actor));
  }

  @Post(':testimonyId/consents/withdraw')
  @ApiCreatedResponse({ type: ConsentVersionDto })
  @ApiDoc('Withdraw consent', 'Records a withdrawal with its date and reason as a new consent version: from then on no export carries the testimony. Members who may record. Audited (consent.withdraw).', [400, 403, 404, 409])
  async withdrawConsent(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Body() body: WithdrawConsentDto, @CurrentUser() actor: AuthenticatedUser): Promise<ConsentVersionDto> {
    return mapConsent(await this.consents.withdraw(caseId, testimonyId, body, actor));
  }

  @Get(':testimonyId/consents')
  @ApiOkResponse({ type: [ConsentVersionDto] })
  @ApiDoc('Consent history', 'Every consent version of the testimony, oldest first, including withdrawals. Any member of the case.', [404])
  async consentHistory(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @CurrentUser() actor: AuthenticatedUser): Promise<ConsentVersionDto[]> {
    return (await this.consents.history(caseId, testimonyId, actor)).map(mapConsent);
  }

  /** May this testimony go to this recipient for this purpose, and in what form? */
  @Get(':testimonyId/consent-decision')
  @ApiOkResponse({ type: ConsentDecisionDto })
  @ApiDoc('May this testimony go to this recipient?', 'Evaluates the current consent for a purpose and recipient kind: allowed or not, in which form (anonymised, with identity), with the reasons. Any member of the case. Writes nothing.', [400, 404])
  consentDecision(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Query() query: ConsentDecisionQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<ConsentDecisionDto> {
    return this.consents.decide(caseId, testimonyId, query, actor);
  }
}
