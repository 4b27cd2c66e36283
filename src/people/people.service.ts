import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { CasesService } from 'src/cases/cases.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, IdentityClearanceRequiredException, NotFoundDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import type { Page } from 'src/common/http/pagination';
import { startListDownload } from 'src/common/csv/list-download';
import type { CreatePersonDto, DownloadPeopleQueryDto, EraseIdentityDto, ListPeopleQueryDto, PersonIdentityDto, UpdateIdentityDto } from 'src/people/dto/person.dto';
import { PersonEntity, PSEUDONYM_PREFIX } from 'src/people/entities/person.entity';
import { RedactionsService } from 'src/redaction/redactions.service';
import { identityAad } from 'src/people/identity-aad';

export interface PersonView {
  entity: PersonEntity;
  hasIdentity: boolean;
}

/** Drops empty strings and empty lists so the sealed record holds only what was given. */
function compactIdentity(identity: PersonIdentityDto): PersonIdentityDto {
  return JSON.parse(JSON.stringify(identity, (_k, v: unknown) => (v === '' || (Array.isArray(v) && v.length === 0) ? undefined : v))) as PersonIdentityDto;
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly keys: CaseKeysService,
    private readonly audit: AuditService,
    private readonly redactions: RedactionsService,
  ) {}

  /** Names changed: existing redactions may miss them. Re-redaction is queued after commit. */
  private async afterDictionaryChange<T>(caseId: string, actor: AuthenticatedUser, work: (manager: EntityManager) => Promise<T>, changesNames: (result: T) => boolean): Promise<T> {
    const { result, stale } = await this.dataSource.transaction(async (manager) => {
      const result = await work(manager);
      return { result, stale: changesNames(result) ? await this.redactions.markStale(manager, caseId) : [] };
    });
    if (stale.length) await this.redactions.requeue(caseId, stale, actor);
    return result;
  }

  async create(caseId: string, input: CreatePersonDto, actor: AuthenticatedUser): Promise<PersonView> {
    return this.afterDictionaryChange(caseId, actor, async (manager) => {
      const member = await this.access.require(caseId, actor, 'record', manager);
      // Recording an identity is handling identity data: it needs clearance like reading it.
      if (input.identity && !member.identityClearance) throw new IdentityClearanceRequiredException('Recording identity data');
      const prefix = PSEUDONYM_PREFIX[input.kind];
      const n = await CasesService.nextCounter(manager, caseId, `pseudonym:${prefix}`);
      const id = randomUUID();
      const identitySealed = input.identity ? await this.keys.seal(caseId, compactIdentity(input.identity), identityAad(id), manager) : null;
      const person = manager.create(PersonEntity, { id, caseId, kind: input.kind, code: `${prefix}-${String(n).padStart(4, '0')}`, createdBy: actor.id, identitySealed, identityErasedAt: null, identityErasureReason: null, identityRevision: input.identity ? 1 : 0 });
      await manager.insert(PersonEntity, person);
      person.identitySealed = null;
      await this.audit.record(manager, { actorId: actor.id, action: 'person.create', subjectType: 'person', subjectId: person.id, caseId, details: { code: person.code, kind: person.kind, identityRecorded: Boolean(input.identity) } });
      return { entity: person, hasIdentity: Boolean(input.identity) };
    }, (view) => view.hasIdentity);
  }

  async list(caseId: string, query: ListPeopleQueryDto, actor: AuthenticatedUser): Promise<Page<PersonView>> {
    await this.access.require(caseId, actor, 'read');
    const qb = this.dataSource.getRepository(PersonEntity).createQueryBuilder('p')
      .addSelect('p.identity_sealed IS NOT NULL', 'has_identity')
      .where('p.case_id = :caseId', { caseId });
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.code) qb.andWhere('p.code LIKE :code', { code: `${query.code.replace(/[\\%_]/g, '\\$&')}%` });
    const desc = query.sort.startsWith('-');
    qb.orderBy(query.sort.includes('code') ? 'p.code' : 'p.created_at', desc ? 'DESC' : 'ASC').addOrderBy('p.id', 'ASC').offset(query.offset).limit(query.limit);
    const [{ entities, raw }, total] = await Promise.all([qb.getRawAndEntities(), qb.getCount()]);
    return { items: entities.map((entity, i) => ({ entity, hasIdentity: Boolean((raw[i] as { has_identity: boolean }).has_identity) })), total, limit: query.limit, offset: query.offset };
  }

  /** Every person the list's filters select, page by page, for a download (identity clearance; audited). */
  download(caseId: string, query: DownloadPeopleQueryDto, actor: AuthenticatedUser): Promise<AsyncIterable<PersonView[]>> {
    return startListDownload({ access: this.access, audit: this.audit }, { caseId, actor, list: 'people', format: query.format, filters: query }, async (offset, limit) => (await this.list(caseId, { ...query, offset, limit }, actor)).items);
  }

  async get(caseId: string, personId: string, actor: AuthenticatedUser): Promise<PersonView> {
    await this.access.require(caseId, actor, 'read');
    return this.load(this.dataSource.manager, caseId, personId);
  }

  private async load(manager: EntityManager, caseId: string, personId: string, lock = false): Promise<PersonView & { sealed: Buffer | null }> {
    const qb = manager.getRepository(PersonEntity).createQueryBuilder('p')
      .addSelect('p.identitySealed')
      .where('p.id = :personId AND p.case_id = :caseId', { personId, caseId });
    if (lock) qb.setLock('pessimistic_write');
    const entity = await qb.getOne();
    if (!entity) throw new NotFoundDomainException('Person');
    const sealed = entity.identitySealed;
    entity.identitySealed = null;
    return { entity, hasIdentity: sealed !== null, sealed };
  }

  /** A deliberate, audited read of a person's identity; needs identity clearance. */
  async readIdentity(caseId: string, personId: string, actor: AuthenticatedUser): Promise<{ entity: PersonEntity; identity: PersonIdentityDto | null }> {
    await this.access.require(caseId, actor, 'identity');
    return this.dataSource.transaction(async (manager) => {
      const { entity, sealed } = await this.load(manager, caseId, personId);
      const identity = sealed ? await this.keys.open<PersonIdentityDto>(caseId, sealed, identityAad(personId), manager) : null;
      await this.audit.record(manager, { actorId: actor.id, action: 'person.identity_read', subjectType: 'person', subjectId: personId, caseId, details: { code: entity.code } });
      return { entity, identity };
    });
  }

  async updateIdentity(caseId: string, personId: string, input: UpdateIdentityDto, actor: AuthenticatedUser): Promise<PersonView> {
    return this.afterDictionaryChange(caseId, actor, async (manager) => {
      await this.access.require(caseId, actor, 'record', manager);
      await this.access.require(caseId, actor, 'identity', manager);
      const { entity } = await this.load(manager, caseId, personId, true);
      if (entity.version !== input.version) throw new VersionConflictException('Person', input.version, entity.version);
      if (entity.identityErasedAt) throw new DomainException('CONFLICT', 'This identity was erased and cannot be written again');
      const sealed = await this.keys.seal(caseId, compactIdentity(input.identity), identityAad(personId), manager);
      await manager.createQueryBuilder().update(PersonEntity)
        .set({ identitySealed: sealed, identityRevision: () => 'identity_revision + 1', version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('id = :personId', { personId }).execute();
      await this.audit.record(manager, { actorId: actor.id, action: 'person.identity_update', subjectType: 'person', subjectId: personId, caseId, details: { code: entity.code, fields: Object.keys(compactIdentity(input.identity)).sort() } });
      const after = await this.load(manager, caseId, personId);
      return { entity: after.entity, hasIdentity: true };
    }, () => true);
  }

  /** Destroys the sealed identity for good; the pseudonym and everything linked to it remain. */
  async eraseIdentity(caseId: string, personId: string, input: EraseIdentityDto, actor: AuthenticatedUser): Promise<PersonView> {
    // Not re-redacted: without the erased names a new run would let them through. Existing
    // redactions already removed them and stay valid.
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'record', manager);
      await this.access.require(caseId, actor, 'identity', manager);
      const { entity } = await this.load(manager, caseId, personId, true);
      if (entity.version !== input.version) throw new VersionConflictException('Person', input.version, entity.version);
      await manager.createQueryBuilder().update(PersonEntity)
        .set({ identitySealed: null, identityErasedAt: () => 'now()', identityErasureReason: input.reason, identityRevision: () => 'identity_revision + 1', version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('id = :personId', { personId }).execute();
      await this.audit.record(manager, { actorId: actor.id, action: 'person.identity_erase', subjectType: 'person', subjectId: personId, caseId, details: { code: entity.code, reason: input.reason } });
      const after = await this.load(manager, caseId, personId);
      return { entity: after.entity, hasIdentity: false };
    });
  }
}
