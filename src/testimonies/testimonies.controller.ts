import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  async create(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() body: CreateTestimonyDto, @CurrentUser() actor: AuthenticatedUser): Promise<TestimonyDto> {
    const v = await this.testimonies.create(caseId, body, actor);
    return mapTestimony(v.entity, v.intervieweeCode);
  }

  @Get()
  @ApiPageResponse(TestimonyDto)
  async list(@Param('caseId', ParseUUIDPipe) caseId: string, @Query() query: ListTestimoniesQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<Page<TestimonyDto>> {
    const page = await this.testimonies.list(caseId, query, actor);
    return { ...page, items: page.items.map((v) => mapTestimony(v.entity, v.intervieweeCode)) };
  }

  @Get(':testimonyId')
  @ApiOkResponse({ type: TestimonyDto })
  async get(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @CurrentUser() actor: AuthenticatedUser): Promise<TestimonyDto> {
    const v = await this.testimonies.get(caseId, testimonyId, actor);
    return mapTestimony(v.entity, v.intervieweeCode);
  }

  @Patch(':testimonyId')
  @ApiOkResponse({ type: TestimonyDto })
  async update(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Body() body: UpdateTestimonyDto, @CurrentUser() actor: AuthenticatedUser): Promise<TestimonyDto> {
    const v = await this.testimonies.update(caseId, testimonyId, body, actor);
    return mapTestimony(v.entity, v.intervieweeCode);
  }

  @Post(':testimonyId/status')
  @HttpCode(200)
  @ApiOkResponse({ type: TestimonyDto })
  async status(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Body() body: ChangeStatusDto, @CurrentUser() actor: AuthenticatedUser): Promise<TestimonyDto> {
    const v = await this.testimonies.changeStatus(caseId, testimonyId, body, actor);
    return mapTestimony(v.entity, v.intervieweeCode);
  }

  /** Reveals place of interview, interpreter, risk notes: identity clearance; audited. */
  @Get(':testimonyId/sensitive')
  @ApiOkResponse({ type: TestimonySensitiveResponseDto })
  sensitive(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @CurrentUser() actor: AuthenticatedUser): Promise<TestimonySensitiveResponseDto> {
    return this.testimonies.readSensitive(caseId, testimonyId, actor);
  }

  @Post(':testimonyId/transcripts')
  @ApiCreatedResponse({ type: TranscriptDto })
  async createTranscript(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Body() body: CreateTranscriptDto, @CurrentUser() actor: AuthenticatedUser): Promise<TranscriptDto> {
    const v = await this.transcripts.create(caseId, testimonyId, body, actor);
    return mapTranscript(v.transcript, v.versions, v.authors);
  }

  @Get(':testimonyId/transcripts')
  @ApiOkResponse({ type: [TranscriptDto] })
  async listTranscripts(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @CurrentUser() actor: AuthenticatedUser): Promise<TranscriptDto[]> {
    return (await this.transcripts.list(caseId, testimonyId, actor)).map((v) => mapTranscript(v.transcript, v.versions, v.authors));
  }

  @Post(':testimonyId/transcripts/:transcriptId/versions')
  @ApiCreatedResponse({ type: TranscriptDto })
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
  async recordConsent(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Body() body: ConsentInputDto, @CurrentUser() actor: AuthenticatedUser): Promise<ConsentVersionDto> {
    return mapConsent(await this.consents.record(caseId, testimonyId, body, actor));
  }

  @Post(':testimonyId/consents/withdraw')
  @ApiCreatedResponse({ type: ConsentVersionDto })
  async withdrawConsent(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Body() body: WithdrawConsentDto, @CurrentUser() actor: AuthenticatedUser): Promise<ConsentVersionDto> {
    return mapConsent(await this.consents.withdraw(caseId, testimonyId, body, actor));
  }

  @Get(':testimonyId/consents')
  @ApiOkResponse({ type: [ConsentVersionDto] })
  async consentHistory(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @CurrentUser() actor: AuthenticatedUser): Promise<ConsentVersionDto[]> {
    return (await this.consents.history(caseId, testimonyId, actor)).map(mapConsent);
  }

  /** May this testimony go to this recipient for this purpose, and in what form? */
  @Get(':testimonyId/consent-decision')
  @ApiOkResponse({ type: ConsentDecisionDto })
  consentDecision(@Param('caseId', ParseUUIDPipe) caseId: string, @Param('testimonyId', ParseUUIDPipe) testimonyId: string, @Query() query: ConsentDecisionQueryDto, @CurrentUser() actor: AuthenticatedUser): Promise<ConsentDecisionDto> {
    return this.consents.decide(caseId, testimonyId, query, actor);
  }
}
