import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { memberMay } from 'src/cases/case-permissions';
import type { CaseMemberEntity } from 'src/cases/entities/case-member.entity';
import { CasesService } from 'src/cases/cases.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, IdentityClearanceRequiredException, NotFoundDomainException, ValidationDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import type { Page } from 'src/common/http/pagination';
import type { JsonObject } from 'src/common/json';
import { ROOT_LOGGER } from 'src/common/logging/logger';
import { JobEntity } from 'src/jobs/entities/job.entity';
import { JobsService } from 'src/jobs/jobs.service';
import type { AddTermDto, ApproveRedactionDto, CreateProfileDto, ListRedactionsQueryDto, ProfileDto, RedactionView, RequestRedactionDto, ReturnRedactionDto } from 'src/redaction/dto/redaction.dto';
import { BUILT_IN_PROFILES, defineProfile, keptIdentifyingCategories, RedactionInputError, type ProfileSpec, type RedactionProfile } from 'src/redaction/engine';
import { RedactionCommentEntity } from 'src/redaction/entities/redaction-comment.entity';
import { RedactionProfileEntity } from 'src/redaction/entities/redaction-profile.entity';
import { RedactionTermEntity } from 'src/redaction/entities/redaction-term.entity';
import { RedactionEntity, type RedactionStatus } from 'src/redaction/entities/redaction.entity';
import { KEEP_IDENTIFYING_PROBLEM, RedactionInputsService, termAad } from 'src/redaction/redaction-inputs.service';
import { renderRedaction } from 'src/redaction/render';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';
import { TranscriptVersionEntity } from 'src/testimonies/entities/transcript.entity';
import { transcriptAad } from 'src/testimonies/transcript-aad';

const APPROVABLE = new Set<RedactionStatus>(['proposed', 'returned']);

interface StoredSpan { start: number; end: number; category: string; replacement: string | null }

function mapProfile(profile: RedactionProfile, builtIn: boolean): ProfileDto {
  return {
    name: profile.name,
    builtIn,
    actions: { ...profile.actions },
    labels: { ...profile.labels },
    neutraliseParticles: profile.neutraliseParticles,
    ambiguousWords: profile.ambiguousWords ?? 'redact',
    broadPlaces: profile.broadPlaces ?? 'always',
  };
}

@Injectable()
export class RedactionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly keys: CaseKeysService,
    private readonly inputs: RedactionInputsService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** Queues a redaction job (202): the worker writes the redacted versions and span logs. */
  async request(caseId: string, input: RequestRedactionDto, actor: AuthenticatedUser): Promise<JobEntity> {
    await this.access.require(caseId, actor, 'record');
    await this.inputs.profile(caseId, input.profile);
    if (input.testimonyId && !(await this.dataSource.getRepository(TestimonyEntity).exists({ where: { id: input.testimonyId, caseId } }))) {
      throw new ValidationDomainException('testimonyId', 'is not a testimony of this case');
    }
    return this.jobs.enqueue('redaction.run', { caseId, testimonyIds: input.testimonyId ? [input.testimonyId] : null, profile: input.profile }, actor, caseId);
  }

  async list(caseId: string, query: ListRedactionsQueryDto, actor: AuthenticatedUser): Promise<Page<RedactionEntity>> {
    await this.access.require(caseId, actor, 'read');
    const where = { caseId, ...(query.testimonyId ? { testimonyId: query.testimonyId } : {}), ...(query.status ? { status: query.status } : {}), ...(query.profile ? { profile: query.profile } : {}) };
    const [items, total] = await this.dataSource.getRepository(RedactionEntity).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: query.limit, skip: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** One redaction; its span log is full for members with identity clearance, generic for the others. */
  async get(caseId: string, id: string, actor: AuthenticatedUser): Promise<RedactionView> {
    const member = await this.access.require(caseId, actor, 'read');
    const row = await this.dataSource.getRepository(RedactionEntity).findOne({ where: { id, caseId } });
    if (!row) throw new NotFoundDomainException('Redaction');
    return this.view(this.dataSource.manager, row, member);
  }

  private async view(manager: EntityManager, redaction: RedactionEntity, member: CaseMemberEntity): Promise<RedactionView> {
    const comments = await manager.find(RedactionCommentEntity, { where: { redactionId: redaction.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { redaction, comments, identityClearance: memberMay(member, 'identity') };
  }

  /** The row to review, locked, at the version the reviewer read. */
  private async lockForReview(manager: EntityManager, caseId: string, id: string, version: number): Promise<RedactionEntity> {
    const row = await manager.findOne(RedactionEntity, { where: { id, caseId }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw new NotFoundDomainException('Redaction');
    if (row.version !== version) throw new VersionConflictException('Redaction', version, row.version);
    return row;
  }

  /**
   * A reviewer approves a proposal (or a redaction sent back), optionally dropping proposed spans
   * or adding ranges; the approved text is rebuilt from the original and hashed. The one who
   * requested the job cannot approve its output. Changing spans decrypts the original transcript,
   * so it needs identity clearance; without it a reviewer approves unchanged or sends it back.
   */
  async approve(caseId: string, id: string, input: ApproveRedactionDto, actor: AuthenticatedUser): Promise<RedactionView> {
    return this.dataSource.transaction(async (manager) => {
      const member = await this.access.require(caseId, actor, 'review', manager);
      const row = await this.lockForReview(manager, caseId, id, input.version);
      if (!APPROVABLE.has(row.status)) throw new DomainException('CONFLICT', `This redaction is ${row.status}; only a proposed or returned redaction can be approved${row.status === 'stale' ? ' (run the redaction again)' : ''}`);
      if (row.jobId) {
        const job = await manager.findOne(JobEntity, { where: { id: row.jobId }, select: { id: true, createdBy: true } });
        if (job?.createdBy === actor.id) throw new DomainException('FORBIDDEN', 'You requested this redaction; another reviewer must approve it');
      }
      const removeSpans = [...new Set(input.removeSpans ?? [])];
      const addSpans = input.addSpans ?? [];
      if (removeSpans.length || addSpans.length) {
        // Before anything is read: the edited text is rebuilt from the decrypted original.
        if (!memberMay(member, 'identity')) {
          throw new IdentityClearanceRequiredException('Changing the spans of a redaction (it rebuilds the text from the original transcript)', `approve it unchanged, or send it back with a comment (POST /cases/${caseId}/redactions/${id}/return)`);
        }
        const spans = row.spans as unknown as StoredSpan[];
        for (const i of removeSpans) if (i >= spans.length) throw new ValidationDomainException('removeSpans', `index ${i} is not a span of this redaction`);
        const profile = await this.inputs.profile(caseId, row.profile);
        const version = await manager.createQueryBuilder(TranscriptVersionEntity, 'v').addSelect('v.textSealed').where('v.id = :id', { id: row.transcriptVersionId }).getOneOrFail();
        const original = await this.keys.open<string>(caseId, version.textSealed, transcriptAad(version.id), manager);
        for (const [i, add] of addSpans.entries()) {
          if (add.end > original.length || add.end <= add.start) throw new ValidationDomainException(`addSpans.${i}`, `must lie within the text (0-${original.length}) with end after start`);
        }
        const kept = spans.filter((_s, i) => !removeSpans.includes(i));
        const added = addSpans.map((a) => ({ start: a.start, end: a.end, category: a.category, rule: 'reviewer', action: 'label', replacement: profile.labels[a.category] }));
        let rendered;
        try {
          rendered = renderRedaction(original, [...kept, ...added]);
        } catch {
          throw new ValidationDomainException('addSpans', 'must not overlap each other or a kept span');
        }
        row.spans = rendered.spans as unknown as JsonObject[];
        row.redactedText = rendered.text;
        row.reviewChanges = {
          removed: removeSpans.map((i) => ({ start: spans[i].start, end: spans[i].end, category: spans[i].category })),
          added: addSpans.map((a) => ({ start: a.start, end: a.end, category: a.category })),
        } as unknown as JsonObject;
      }
      row.redactedSha256 = createHash('sha256').update(row.redactedText, 'utf8').digest('hex');
      row.status = 'approved';
      row.reviewedBy = actor.id;
      row.reviewedAt = new Date();
      const saved = await manager.save(row);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'redaction.approve',
        subjectType: 'redaction',
        subjectId: id,
        caseId,
        details: { testimonyId: row.testimonyId, profile: row.profile, sha256: row.redactedSha256, sourceSha256: row.sourceSha256, spansRemoved: removeSpans.length, spansAdded: addSpans.length },
      });
      return this.view(manager, saved, member);
    });
  }

  /**
   * A reviewer sends a redaction back with a comment: it leaves the search index and cannot be
   * exported (only approved ones are) until someone approves it again — typically a reviewer
   * with identity clearance who fixes the spans — or the registry changes and it is re-run.
   * The comment is stored and shown on the redaction; the audit entry and logs never hold it.
   */
  async sendBack(caseId: string, id: string, input: ReturnRedactionDto, actor: AuthenticatedUser): Promise<RedactionView> {
    return this.dataSource.transaction(async (manager) => {
      const member = await this.access.require(caseId, actor, 'review', manager);
      const row = await this.lockForReview(manager, caseId, id, input.version);
      if (row.status === 'stale') throw new DomainException('CONFLICT', 'This redaction is stale (the case dictionary changed since); run the redaction again');
      const from = row.status;
      row.status = 'returned';
      row.reviewedBy = null;
      row.reviewedAt = null;
      const saved = await manager.save(row);
      const comment = await manager.save(manager.create(RedactionCommentEntity, { caseId, redactionId: id, authorId: actor.id, body: input.comment }));
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'redaction.return',
        subjectType: 'redaction',
        subjectId: id,
        caseId,
        details: { testimonyId: row.testimonyId, profile: row.profile, from, commentId: comment.id, commentLength: input.comment.length },
      });
      return this.view(manager, saved, member);
    });
  }

  /**
   * The case's dictionary changed (a name or alias added, changed or erased; a term added):
   * every current redaction may now miss something. Runs in the caller's transaction.
   */
  async markStale(manager: EntityManager, caseId: string): Promise<Array<{ testimonyId: string; profile: string }>> {
    // For UPDATE … RETURNING, TypeORM's postgres driver answers [rows, rowCount].
    const [list] = (await manager.query(
      `UPDATE redactions SET status = 'stale', version = version + 1, updated_at = now()
        WHERE case_id = $1 AND status IN ('proposed', 'approved', 'returned')
        RETURNING testimony_id, profile`,
      [caseId],
    )) as [Array<{ testimony_id: string; profile: string }>, number];
    const unique = new Map(list.map((r) => [`${r.testimony_id}:${r.profile}`, { testimonyId: r.testimony_id, profile: r.profile }]));
    return [...unique.values()];
  }

  /**
   * A new version of a transcript was written: the redactions of its earlier versions no longer
   * show what an export would send. Runs in the caller's transaction; re-redaction of the new
   * version is queued (requeue) after it commits, for every profile that had one.
   */
  async markVersionsStale(manager: EntityManager, transcriptId: string, latestVersionId: string): Promise<Array<{ testimonyId: string; profile: string }>> {
    const [list] = (await manager.query(
      `UPDATE redactions SET status = 'stale', version = version + 1, updated_at = now()
        WHERE transcript_id = $1 AND transcript_version_id <> $2 AND status IN ('proposed', 'approved', 'returned')
        RETURNING testimony_id, profile`,
      [transcriptId, latestVersionId],
    )) as [Array<{ testimony_id: string; profile: string }>, number];
    const unique = new Map(list.map((r) => [`${r.testimony_id}:${r.profile}`, { testimonyId: r.testimony_id, profile: r.profile }]));
    return [...unique.values()];
  }

  /** After the change committed: queue re-redaction. If the queue is down the stale marks remain. */
  async requeue(caseId: string, stale: Array<{ testimonyId: string; profile: string }>, actor: Pick<AuthenticatedUser, 'id'>): Promise<void> {
    const byProfile = new Map<string, string[]>();
    for (const s of stale) byProfile.set(s.profile, [...(byProfile.get(s.profile) ?? []), s.testimonyId]);
    for (const [profile, testimonyIds] of byProfile) {
      try {
        await this.jobs.enqueue('redaction.run', { caseId, testimonyIds: [...new Set(testimonyIds)].sort(), profile }, actor, caseId);
      } catch (error) {
        this.logger.warn({ caseId, profile, count: testimonyIds.length, reason: error instanceof Error ? error.message : String(error) }, 'could not queue re-redaction; redactions stay stale until run again');
      }
    }
  }

  async addTerm(caseId: string, input: AddTermDto, actor: AuthenticatedUser): Promise<RedactionTermEntity> {
    const { term, stale } = await this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'record', manager);
      await this.access.require(caseId, actor, 'identity', manager);
      const n = await CasesService.nextCounter(manager, caseId, 'redaction-term');
      const id = randomUUID();
      const row = manager.create(RedactionTermEntity, { id, caseId, category: input.category, ref: `T-${String(n).padStart(4, '0')}`, termSealed: await this.keys.seal(caseId, input.term, termAad(id), manager), createdBy: actor.id });
      await manager.insert(RedactionTermEntity, row);
      const staleRows = await this.markStale(manager, caseId);
      await this.audit.record(manager, { actorId: actor.id, action: 'redaction.term_add', subjectType: 'redaction_term', subjectId: id, caseId, details: { ref: row.ref, category: row.category, staleRedactions: staleRows.length } });
      return { term: row, stale: staleRows };
    });
    await this.requeue(caseId, stale, actor);
    return term;
  }

  async listTerms(caseId: string, actor: AuthenticatedUser): Promise<RedactionTermEntity[]> {
    await this.access.require(caseId, actor, 'read');
    return this.dataSource.getRepository(RedactionTermEntity).find({ where: { caseId }, order: { ref: 'ASC' } });
  }

  async createProfile(caseId: string, input: CreateProfileDto, actor: AuthenticatedUser): Promise<ProfileDto> {
    if (input.name in BUILT_IN_PROFILES) throw new ValidationDomainException('name', 'is a built-in profile name');
    let profile: RedactionProfile;
    try {
      profile = defineProfile(input as unknown as ProfileSpec);
    } catch (error) {
      if (error instanceof RedactionInputError) throw new ValidationDomainException(error.field.replace(/^profile\./, ''), error.problem);
      throw error;
    }
    const kept = keptIdentifyingCategories(profile);
    if (kept.length) {
      throw new DomainException('VALIDATION_FAILED', `actions ${kept.join(', ')}: ${KEEP_IDENTIFYING_PROBLEM}`, kept.map((c) => ({ field: `actions.${c}`, problems: [KEEP_IDENTIFYING_PROBLEM] })));
    }
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'manage', manager);
      if (await manager.exists(RedactionProfileEntity, { where: { caseId, name: input.name } })) throw new DomainException('CONFLICT', `Profile ${input.name} exists`);
      const row = await manager.save(manager.create(RedactionProfileEntity, { caseId, name: input.name, spec: { ...input } as unknown as JsonObject, createdBy: actor.id }));
      await this.audit.record(manager, { actorId: actor.id, action: 'redaction.profile_create', subjectType: 'redaction_profile', subjectId: row.id, caseId, details: { name: input.name } });
      return mapProfile(profile, false);
    });
  }

  async listProfiles(caseId: string, actor: AuthenticatedUser): Promise<ProfileDto[]> {
    await this.access.require(caseId, actor, 'read');
    const custom = await this.dataSource.getRepository(RedactionProfileEntity).find({ where: { caseId }, order: { name: 'ASC' } });
    return [
      ...Object.values(BUILT_IN_PROFILES).map((p) => mapProfile(p, true)),
      ...custom.map((c) => mapProfile(defineProfile(c.spec as unknown as ProfileSpec), false)),
    ];
  }
}
