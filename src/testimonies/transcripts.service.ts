import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, NotFoundDomainException, ValidationDomainException } from 'src/common/errors/domain.exception';
import { EvidenceItemsService } from 'src/evidence/evidence-items.service';
import { IncidentsService } from 'src/incidents/incidents.service';
import { RedactionsService } from 'src/redaction/redactions.service';
import type { AddTranscriptVersionDto, CreateTranscriptDto } from 'src/testimonies/dto/transcript.dto';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';
import { TranscriptEntity, TranscriptVersionEntity } from 'src/testimonies/entities/transcript.entity';
import { UserEntity } from 'src/users/entities/user.entity';

import { transcriptAad } from 'src/testimonies/transcript-aad';

export { transcriptAad };

export interface TranscriptView {
  transcript: TranscriptEntity;
  versions: TranscriptVersionEntity[];
  /** Display names of the versions' authors, by user id. */
  authors: Map<string, string>;
}

@Injectable()
export class TranscriptsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly keys: CaseKeysService,
    private readonly audit: AuditService,
    private readonly redactions: RedactionsService,
    private readonly evidence: EvidenceItemsService,
    private readonly incidents: IncidentsService,
  ) {}

  async create(caseId: string, testimonyId: string, input: CreateTranscriptDto, actor: AuthenticatedUser): Promise<TranscriptView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'record', manager);
      // Raw text holds names: writing it is handling identity data.
      await this.access.require(caseId, actor, 'identity', manager);
      if (!(await manager.exists(TestimonyEntity, { where: { id: testimonyId, caseId } }))) throw new NotFoundDomainException('Testimony');
      await manager.query('SELECT id FROM testimonies WHERE id = $1 FOR UPDATE', [testimonyId]);
      if (input.kind === 'original') {
        if (input.translatesVersionId) throw new ValidationDomainException('translatesVersionId', 'must be absent for an original');
        if (await manager.exists(TranscriptEntity, { where: { testimonyId, kind: 'original' } })) throw new DomainException('CONFLICT', 'This testimony already has an original transcript; add a version to it instead');
      } else if (await manager.exists(TranscriptEntity, { where: { testimonyId, kind: 'translation', language: input.language } })) {
        throw new DomainException('CONFLICT', `A ${input.language} translation exists; add a version to it instead`);
      }
      const transcript = await manager.save(manager.create(TranscriptEntity, { caseId, testimonyId, kind: input.kind, language: input.language, latestVersion: 1, createdBy: actor.id }));
      const version = await this.writeVersion(manager, transcript, 1, input.text, input.translatesVersionId ?? null, input.note ?? null, actor);
      await this.audit.record(manager, { actorId: actor.id, action: 'transcript.create', subjectType: 'transcript', subjectId: transcript.id, caseId, details: { testimonyId, kind: input.kind, language: input.language, length: version.textLength, sha256: version.textSha256 } });
      return { transcript, versions: [version], authors: await this.authors(manager, [version]) };
    });
  }

  /**
   * A new version: the earlier versions' redactions go stale and re-redaction of the new one is
   * queued (as when the registry changes), so no export silently goes without it; passages on
   * earlier versions move to the new one where their words are unchanged, else are flagged.
   */
  async addVersion(caseId: string, testimonyId: string, transcriptId: string, input: AddTranscriptVersionDto, actor: AuthenticatedUser): Promise<TranscriptView> {
    const { view, stale } = await this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'record', manager);
      await this.access.require(caseId, actor, 'identity', manager);
      const transcript = await manager.findOne(TranscriptEntity, { where: { id: transcriptId, testimonyId, caseId }, lock: { mode: 'pessimistic_write' } });
      if (!transcript) throw new NotFoundDomainException('Transcript');
      if (input.basedOnVersion !== transcript.latestVersion) {
        throw new DomainException('VERSION_CONFLICT', `Version ${transcript.latestVersion} is the latest (you based your edit on ${input.basedOnVersion}); reload and retry`, { expectedVersion: input.basedOnVersion, currentVersion: transcript.latestVersion });
      }
      if (transcript.kind === 'original' && input.translatesVersionId) throw new ValidationDomainException('translatesVersionId', 'must be absent for an original');
      const next = transcript.latestVersion + 1;
      const version = await this.writeVersion(manager, transcript, next, input.text, input.translatesVersionId ?? null, input.note ?? null, actor);
      transcript.latestVersion = next;
      await manager.save(transcript);
      const stale = await this.redactions.markVersionsStale(manager, transcriptId, version.id);
      // Passages on earlier versions (evidence items, incident sources) follow their words to the new one.
      const texts = new Map<string, Promise<string>>();
      const textOf = (versionId: string) => {
        let text = texts.get(versionId);
        if (!text) {
          text = manager.createQueryBuilder(TranscriptVersionEntity, 'v').addSelect('v.textSealed').where('v.id = :versionId AND v.transcript_id = :transcriptId', { versionId, transcriptId }).getOneOrFail()
            .then((row) => this.keys.open<string>(caseId, row.textSealed, transcriptAad(row.id), manager));
          texts.set(versionId, text);
        }
        return text;
      };
      const latest = { id: version.id, text: input.text };
      const items = await this.evidence.reanchorPassages(manager, caseId, transcriptId, latest, textOf, actor);
      const sources = await this.incidents.reanchorSources(manager, caseId, transcriptId, latest, textOf, actor);
      await this.audit.record(manager, {
        actorId: actor.id, action: 'transcript.version', subjectType: 'transcript', subjectId: transcriptId, caseId,
        details: { version: next, length: version.textLength, sha256: version.textSha256, staleRedactions: stale.length, passagesMoved: items.moved + sources.moved, passagesFlagged: items.flagged + sources.flagged },
      });
      const versions = await this.versions(manager, [transcriptId]);
      return { view: { transcript, versions, authors: await this.authors(manager, versions) }, stale };
    });
    if (stale.length) await this.redactions.requeue(caseId, stale, actor);
    return view;
  }

  private async writeVersion(manager: EntityManager, transcript: TranscriptEntity, n: number, text: string, translatesVersionId: string | null, note: string | null, actor: AuthenticatedUser): Promise<TranscriptVersionEntity> {
    if (transcript.kind === 'translation') {
      if (!translatesVersionId) throw new ValidationDomainException('translatesVersionId', 'is required for a translation: name the version of the original it translates');
      const original = await manager.createQueryBuilder(TranscriptVersionEntity, 'v').innerJoin(TranscriptEntity, 't', 't.id = v.transcript_id')
        .where('v.id = :id AND t.testimony_id = :testimonyId AND t.kind = :kind', { id: translatesVersionId, testimonyId: transcript.testimonyId, kind: 'original' }).getExists();
      if (!original) throw new ValidationDomainException('translatesVersionId', 'is not a version of this testimony’s original transcript');
    }
    const id = randomUUID();
    const row = manager.create(TranscriptVersionEntity, {
      id,
      caseId: transcript.caseId,
      transcriptId: transcript.id,
      version: n,
      textLength: text.length,
      textSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      translatesVersionId,
      note,
      createdBy: actor.id,
      textSealed: await this.keys.seal(transcript.caseId, text, transcriptAad(id), manager),
    });
    await manager.insert(TranscriptVersionEntity, row);
    row.textSealed = Buffer.alloc(0);
    return row;
  }

  private versions(manager: EntityManager, transcriptIds: string[]): Promise<TranscriptVersionEntity[]> {
    if (!transcriptIds.length) return Promise.resolve([]);
    return manager.find(TranscriptVersionEntity, { where: { transcriptId: In(transcriptIds) }, order: { version: 'ASC' } });
  }

  private async authors(manager: EntityManager, versions: TranscriptVersionEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(versions.map((v) => v.createdBy))];
    if (!ids.length) return new Map();
    const users = await manager.find(UserEntity, { where: { id: In(ids) }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  async list(caseId: string, testimonyId: string, actor: AuthenticatedUser): Promise<TranscriptView[]> {
    await this.access.require(caseId, actor, 'read');
    if (!(await this.dataSource.getRepository(TestimonyEntity).exists({ where: { id: testimonyId, caseId } }))) throw new NotFoundDomainException('Testimony');
    const transcripts = await this.dataSource.getRepository(TranscriptEntity).find({ where: { testimonyId }, order: { createdAt: 'ASC' } });
    const versions = await this.versions(this.dataSource.manager, transcripts.map((t) => t.id));
    const authors = await this.authors(this.dataSource.manager, versions);
    return transcripts.map((transcript) => ({ transcript, versions: versions.filter((v) => v.transcriptId === transcript.id), authors }));
  }

  /** Raw text: needs identity clearance, and every read is audited. */
  async readText(caseId: string, testimonyId: string, transcriptId: string, version: number, actor: AuthenticatedUser): Promise<{ version: TranscriptVersionEntity; text: string }> {
    await this.access.require(caseId, actor, 'identity');
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.createQueryBuilder(TranscriptVersionEntity, 'v').addSelect('v.textSealed')
        .innerJoin(TranscriptEntity, 't', 't.id = v.transcript_id')
        .where('v.transcript_id = :transcriptId AND v.version = :version AND t.testimony_id = :testimonyId AND t.case_id = :caseId', { transcriptId, version, testimonyId, caseId })
        .getOne();
      if (!row) throw new NotFoundDomainException('Transcript version');
      const text = await this.keys.open<string>(caseId, row.textSealed, transcriptAad(row.id), manager);
      await this.audit.record(manager, { actorId: actor.id, action: 'transcript.read', subjectType: 'transcript', subjectId: transcriptId, caseId, details: { version } });
      return { version: row, text };
    });
  }
}
