import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, NotFoundDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import type { Page } from 'src/common/http/pagination';
import type {
  CreateFrameworkDto, CrimeInputDto, GroupInputDto, KoreanTextDto, ListFrameworksQueryDto, ModeInputDto, NewVersionDto, SharedRequirementInputDto, UpdateCrimeDto, UpdateFrameworkDto, UpdateModeDto,
} from 'src/legal/dto/framework.dto';
import { LegalCrimeEntity, LegalElementEntity } from 'src/legal/entities/legal-crime.entity';
import { LegalFrameworkEntity, LegalSharedRequirementEntity, type FrameworkGroup, type KoreanText } from 'src/legal/entities/legal-framework.entity';
import { LegalModeEntity, LegalModeRequirementEntity } from 'src/legal/entities/legal-mode.entity';
import { frameworkProblems, numberItems, type FrameworkTree } from 'src/legal/framework-rules';

/** The content of a framework version; for a published one it never changes (cached). */
export interface FrameworkContent {
  shared: LegalSharedRequirementEntity[];
  crimes: Array<{ crime: LegalCrimeEntity; elements: LegalElementEntity[] }>;
  modes: Array<{ mode: LegalModeEntity; requirements: LegalModeRequirementEntity[] }>;
}

export interface FrameworkView extends FrameworkContent {
  framework: LegalFrameworkEntity;
}

const CONTENT_CACHE_LIMIT = 50;

const koreanText = (k: KoreanTextDto | undefined): KoreanText | null => (k ? { text: k.text, confidence: k.confidence, ...(k.note ? { note: k.note } : {}) } : null);
const groups = (input: GroupInputDto[]): FrameworkGroup[] =>
  input.map((g, i) => ({ key: g.key, code: g.key, articleRef: g.articleRef ?? null, titleEn: g.titleEn, titleKo: koreanText(g.titleKo), sortOrder: i + 1 }));

function treeOf(content: FrameworkContent, frameworkGroups: FrameworkGroup[]): FrameworkTree {
  return {
    groups: frameworkGroups,
    shared: content.shared,
    crimes: content.crimes.map(({ crime, elements }) => ({ code: crime.code, groupKey: crime.groupKey, elements })),
    modes: content.modes.map(({ mode, requirements }) => ({ code: mode.code, appliesTo: mode.appliesTo, requirements })),
  };
}

/**
 * Legal frameworks: the built-in Rome Statute (seeded, published) and those organisations add.
 * A draft is built crime by crime, then published; a published version never changes (the
 * database refuses it too), and a new version copies it and supersedes it when published.
 */
@Injectable()
export class LegalService {
  private readonly contentCache = new Map<string, FrameworkContent>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListFrameworksQueryDto): Promise<Page<LegalFrameworkEntity>> {
    const qb = this.dataSource.getRepository(LegalFrameworkEntity).createQueryBuilder('f');
    if (query.code) qb.andWhere('f.code = :code', { code: query.code });
    if (query.status) qb.andWhere('f.status = :status', { status: query.status });
    else if (!query.includeRetired) qb.andWhere("f.status <> 'retired'");
    if (query.builtin !== undefined) qb.andWhere('f.builtin = :builtin', { builtin: query.builtin });
    const desc = query.sort.startsWith('-');
    if (query.sort.includes('code')) qb.orderBy('f.code', desc ? 'DESC' : 'ASC').addOrderBy('f.created_at', 'DESC');
    else qb.orderBy('f.created_at', desc ? 'DESC' : 'ASC');
    qb.addOrderBy('f.id', 'ASC').offset(query.offset).limit(query.limit);
    const [items, total] = await qb.getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(frameworkId: string, manager: EntityManager = this.dataSource.manager): Promise<FrameworkView> {
    const framework = await manager.findOne(LegalFrameworkEntity, { where: { id: frameworkId } });
    if (!framework) throw new NotFoundDomainException('Legal framework');
    return { framework, ...(await this.content(framework, manager)) };
  }

  /** The crimes, elements and modes of a version; cached once it is no longer a draft. */
  async content(framework: LegalFrameworkEntity, manager: EntityManager = this.dataSource.manager): Promise<FrameworkContent> {
    const cached = framework.status !== 'draft' ? this.contentCache.get(framework.id) : undefined;
    if (cached) return cached;
    const frameworkId = framework.id;
    const reads = [
      () => manager.find(LegalSharedRequirementEntity, { where: { frameworkId }, order: { sortOrder: 'ASC', code: 'ASC' } }),
      () => manager.find(LegalCrimeEntity, { where: { frameworkId }, order: { groupKey: 'ASC', sortOrder: 'ASC', code: 'ASC' } }),
      () => manager.find(LegalElementEntity, { where: { frameworkId }, order: { number: 'ASC' } }),
      () => manager.find(LegalModeEntity, { where: { frameworkId }, order: { sortOrder: 'ASC', code: 'ASC' } }),
      () => manager.find(LegalModeRequirementEntity, { where: { frameworkId }, order: { number: 'ASC' } }),
    ] as const;
    // In a transaction there is one connection: queries queued on it at once are deprecated in pg,
    // so they run one after another there, and side by side from the pool otherwise.
    const inTransaction = manager.queryRunner !== undefined;
    const [shared, crimes, elements, modes, requirements] = inTransaction
      ? [await reads[0](), await reads[1](), await reads[2](), await reads[3](), await reads[4]()]
      : await Promise.all([reads[0](), reads[1](), reads[2](), reads[3](), reads[4]()]);
    const groupOrder = new Map(framework.groups.map((g) => [g.key, g.sortOrder]));
    crimes.sort((a, b) => (groupOrder.get(a.groupKey) ?? Number.MAX_SAFE_INTEGER) - (groupOrder.get(b.groupKey) ?? Number.MAX_SAFE_INTEGER) || a.groupKey.localeCompare(b.groupKey) || a.sortOrder - b.sortOrder);
    const content: FrameworkContent = {
      shared,
      crimes: crimes.map((crime) => ({ crime, elements: elements.filter((e) => e.crimeId === crime.id) })),
      modes: modes.map((mode) => ({ mode, requirements: requirements.filter((r) => r.modeId === mode.id) })),
    };
    // Only what a committed read saw: a transaction that publishes may still roll back.
    if (framework.status !== 'draft' && !manager.queryRunner?.isTransactionActive) {
      if (this.contentCache.size >= CONTENT_CACHE_LIMIT) this.contentCache.clear();
      this.contentCache.set(framework.id, content);
    }
    return content;
  }

  async create(input: CreateFrameworkDto, actor: AuthenticatedUser): Promise<FrameworkView> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(LegalFrameworkEntity, { where: { code: input.code }, order: { createdAt: 'DESC' } });
      if (existing) {
        throw new DomainException('CONFLICT', `A framework with code ${input.code} exists; add a version to it with POST /legal/frameworks/${existing.id}/versions`, [{ field: 'code', problems: ['is already used by another framework'] }]);
      }
      const framework = manager.create(LegalFrameworkEntity, {
        id: randomUUID(),
        code: input.code,
        version: input.version,
        titleEn: input.titleEn,
        titleKo: koreanText(input.titleKo),
        description: input.description ?? null,
        jurisdiction: input.jurisdiction ?? null,
        status: 'draft',
        builtin: false,
        supersedesId: null,
        groups: groups(input.groups ?? []),
        reference: {},
        createdBy: actor.id,
        publishedAt: null,
        publishedBy: null,
        supersededAt: null,
      });
      const shared = this.sharedEntities(framework.id, input.sharedRequirements ?? []);
      this.assertTree({ shared, crimes: [], modes: [] }, framework.groups);
      await manager.save(framework);
      if (shared.length) await manager.insert(LegalSharedRequirementEntity, shared);
      await this.audit.record(manager, { actorId: actor.id, action: 'legal.framework.create', subjectType: 'legal_framework', subjectId: framework.id, details: { code: framework.code, version: framework.version } });
      return this.get(framework.id, manager);
    });
  }

  async update(frameworkId: string, input: UpdateFrameworkDto, actor: AuthenticatedUser): Promise<FrameworkView> {
    return this.dataSource.transaction(async (manager) => {
      const framework = await this.lockDraft(manager, frameworkId, input.revision);
      const changed: string[] = [];
      if (input.titleEn !== undefined) { framework.titleEn = input.titleEn; changed.push('titleEn'); }
      if (input.titleKo !== undefined) { framework.titleKo = koreanText(input.titleKo); changed.push('titleKo'); }
      if (input.description !== undefined) { framework.description = input.description || null; changed.push('description'); }
      if (input.jurisdiction !== undefined) { framework.jurisdiction = input.jurisdiction || null; changed.push('jurisdiction'); }
      if (input.groups !== undefined) { framework.groups = groups(input.groups); changed.push('groups'); }
      const content = await this.content(framework, manager);
      const shared = input.sharedRequirements !== undefined ? this.sharedEntities(frameworkId, input.sharedRequirements) : content.shared;
      if (input.sharedRequirements !== undefined) changed.push('sharedRequirements');
      this.assertTree({ ...content, shared }, framework.groups);
      if (!changed.length) return { framework, ...content };
      await manager.save(framework);
      if (input.sharedRequirements !== undefined) {
        await manager.delete(LegalSharedRequirementEntity, { frameworkId });
        if (shared.length) await manager.insert(LegalSharedRequirementEntity, shared);
      }
      await this.audit.record(manager, { actorId: actor.id, action: 'legal.framework.update', subjectType: 'legal_framework', subjectId: frameworkId, details: { code: framework.code, version: framework.version, changed } });
      return this.get(frameworkId, manager);
    });
  }

  async remove(frameworkId: string, revision: number, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const framework = await this.lockDraft(manager, frameworkId, revision);
      await manager.delete(LegalFrameworkEntity, { id: frameworkId });
      await this.audit.record(manager, { actorId: actor.id, action: 'legal.framework.delete', subjectType: 'legal_framework', subjectId: frameworkId, details: { code: framework.code, version: framework.version } });
    });
  }

  /**
   * Retires a published or superseded version that turned out wrong (admins only): it takes no
   * new evidence links and is left out of the list; existing links, the matrix and exports keep
   * pointing at it. Irreversible: a corrected text is a new version.
   */
  async retire(frameworkId: string, revision: number, reason: string, actor: AuthenticatedUser): Promise<FrameworkView> {
    return this.dataSource.transaction(async (manager) => {
      const framework = await manager.findOne(LegalFrameworkEntity, { where: { id: frameworkId }, lock: { mode: 'pessimistic_write' } });
      if (!framework) throw new NotFoundDomainException('Legal framework');
      if (framework.revision !== revision) throw new VersionConflictException('Legal framework', revision, framework.revision);
      if (framework.status === 'draft') throw new DomainException('CONFLICT', `${framework.code} ${framework.version} is a draft: delete it instead (DELETE /legal/frameworks/${framework.id})`);
      if (framework.status === 'retired') throw new DomainException('CONFLICT', `${framework.code} ${framework.version} is already retired`);
      const links = (await manager.query('SELECT count(*)::int AS n FROM evidence_links WHERE framework_id = $1', [frameworkId]) as Array<{ n: number }>)[0].n;
      await manager.update(LegalFrameworkEntity, { id: frameworkId }, { status: 'retired', retiredAt: () => 'now()', retiredBy: actor.id, retirementReason: reason.trim() });
      this.contentCache.delete(frameworkId);
      await this.audit.record(manager, {
        actorId: actor.id, action: 'legal.framework.retire', subjectType: 'legal_framework', subjectId: frameworkId,
        details: { code: framework.code, version: framework.version, previousStatus: framework.status, existingLinks: links, reason: reason.trim() },
      });
      return this.get(frameworkId, manager);
    });
  }

  async addCrime(frameworkId: string, input: CrimeInputDto, actor: AuthenticatedUser): Promise<FrameworkView> {
    return this.dataSource.transaction(async (manager) => {
      const framework = await this.lockDraft(manager, frameworkId);
      const content = await this.content(framework, manager);
      const sortOrder = input.sortOrder ?? 1 + Math.max(0, ...content.crimes.filter((c) => c.crime.groupKey === input.group).map((c) => c.crime.sortOrder));
      const built = this.crimeEntities(manager, frameworkId, randomUUID(), input, sortOrder);
      this.assertTree({ ...content, crimes: [...content.crimes, built] }, framework.groups);
      await manager.insert(LegalCrimeEntity, built.crime);
      await manager.insert(LegalElementEntity, built.elements);
      await this.touch(manager, frameworkId);
      await this.audit.record(manager, { actorId: actor.id, action: 'legal.crime.add', subjectType: 'legal_framework', subjectId: frameworkId, details: { code: framework.code, version: framework.version, crime: input.code, elements: built.elements.length } });
      return this.get(frameworkId, manager);
    });
  }

  /** Replaces a draft crime and all its elements (they are renumbered in the order given). */
  async replaceCrime(frameworkId: string, crimeId: string, input: UpdateCrimeDto, actor: AuthenticatedUser): Promise<FrameworkView> {
    return this.dataSource.transaction(async (manager) => {
      const framework = await this.lockDraft(manager, frameworkId);
      const content = await this.content(framework, manager);
      const current = content.crimes.find((c) => c.crime.id === crimeId);
      if (!current) throw new NotFoundDomainException('Crime');
      if (current.crime.revision !== input.revision) throw new VersionConflictException('Crime', input.revision, current.crime.revision);
      const built = this.crimeEntities(manager, frameworkId, crimeId, input, input.sortOrder ?? current.crime.sortOrder);
      built.crime.revision = current.crime.revision + 1;
      this.assertTree({ ...content, crimes: content.crimes.map((c) => (c.crime.id === crimeId ? built : c)) }, framework.groups);
      await manager.delete(LegalElementEntity, { crimeId });
      await manager.update(LegalCrimeEntity, { id: crimeId }, {
        code: built.crime.code, referenceId: built.crime.referenceId, groupKey: built.crime.groupKey, articleRef: built.crime.articleRef, titleEn: built.crime.titleEn,
        titleKo: built.crime.titleKo, sortOrder: built.crime.sortOrder, armedConflict: built.crime.armedConflict, revision: built.crime.revision,
      });
      await manager.insert(LegalElementEntity, built.elements);
      await this.touch(manager, frameworkId);
      await this.audit.record(manager, { actorId: actor.id, action: 'legal.crime.replace', subjectType: 'legal_framework', subjectId: frameworkId, details: { code: framework.code, version: framework.version, crime: input.code, previousCode: current.crime.code, elements: built.elements.length } });
      return this.get(frameworkId, manager);
    });
  }

  async removeCrime(frameworkId: string, crimeId: string, revision: number, actor: AuthenticatedUser): Promise<FrameworkView> {
    return this.dataSource.transaction(async (manager) => {
      const framework = await this.lockDraft(manager, frameworkId);
      const crime = await manager.findOne(LegalCrimeEntity, { where: { id: crimeId, frameworkId } });
      if (!crime) throw new NotFoundDomainException('Crime');
      if (crime.revision !== revision) throw new VersionConflictException('Crime', revision, crime.revision);
      await manager.delete(LegalCrimeEntity, { id: crimeId });
      await this.touch(manager, frameworkId);
      await this.audit.record(manager, { actorId: actor.id, action: 'legal.crime.remove', subjectType: 'legal_framework', subjectId: frameworkId, details: { code: framework.code, version: framework.version, crime: crime.code } });
      return this.get(frameworkId, manager);
    });
  }

  async addMode(frameworkId: string, input: ModeInputDto, actor: AuthenticatedUser): Promise<FrameworkView> {
    return this.dataSource.transaction(async (manager) => {
      const framework = await this.lockDraft(manager, frameworkId);
      const content = await this.content(framework, manager);
      const sortOrder = input.sortOrder ?? 1 + Math.max(0, ...content.modes.map((m) => m.mode.sortOrder));
      const built = this.modeEntities(manager, frameworkId, randomUUID(), input, sortOrder);
      this.assertTree({ ...content, modes: [...content.modes, built] }, framework.groups);
      await manager.insert(LegalModeEntity, built.mode);
      await manager.insert(LegalModeRequirementEntity, built.requirements);
      await this.touch(manager, frameworkId);
      await this.audit.record(manager, { actorId: actor.id, action: 'legal.mode.add', subjectType: 'legal_framework', subjectId: frameworkId, details: { code: framework.code, version: framework.version, mode: input.code, requirements: built.requirements.length } });
      return this.get(frameworkId, manager);
    });
  }

  async replaceMode(frameworkId: string, modeId: string, input: UpdateModeDto, actor: AuthenticatedUser): Promise<FrameworkView> {
    return this.dataSource.transaction(async (manager) => {
      const framework = await this.lockDraft(manager, frameworkId);
      const content = await this.content(framework, manager);
      const current = content.modes.find((m) => m.mode.id === modeId);
      if (!current) throw new NotFoundDomainException('Mode of liability');
      if (current.mode.revision !== input.revision) throw new VersionConflictException('Mode of liability', input.revision, current.mode.revision);
      const built = this.modeEntities(manager, frameworkId, modeId, input, input.sortOrder ?? current.mode.sortOrder);
      built.mode.revision = current.mode.revision + 1;
      this.assertTree({ ...content, modes: content.modes.map((m) => (m.mode.id === modeId ? built : m)) }, framework.groups);
      await manager.delete(LegalModeRequirementEntity, { modeId });
      await manager.update(LegalModeEntity, { id: modeId }, {
        code: built.mode.code, referenceId: built.mode.referenceId, articleRef: built.mode.articleRef, titleEn: built.mode.titleEn, titleKo: built.mode.titleKo,
        sortOrder: built.mode.sortOrder, appliesTo: built.mode.appliesTo, revision: built.mode.revision,
      });
      await manager.insert(LegalModeRequirementEntity, built.requirements);
      await this.touch(manager, frameworkId);
      await this.audit.record(manager, { actorId: actor.id, action: 'legal.mode.replace', subjectType: 'legal_framework', subjectId: frameworkId, details: { code: framework.code, version: framework.version, mode: input.code, previousCode: current.mode.code } });
      return this.get(frameworkId, manager);
    });
  }

  async removeMode(frameworkId: string, modeId: string, revision: number, actor: AuthenticatedUser): Promise<FrameworkView> {
    return this.dataSource.transaction(async (manager) => {
      const framework = await this.lockDraft(manager, frameworkId);
      const mode = await manager.findOne(LegalModeEntity, { where: { id: modeId, frameworkId } });
      if (!mode) throw new NotFoundDomainException('Mode of liability');
      if (mode.revision !== revision) throw new VersionConflictException('Mode of liability', revision, mode.revision);
      await manager.delete(LegalModeEntity, { id: modeId });
      await this.touch(manager, frameworkId);
      await this.audit.record(manager, { actorId: actor.id, action: 'legal.mode.remove', subjectType: 'legal_framework', subjectId: frameworkId, details: { code: framework.code, version: framework.version, mode: mode.code } });
      return this.get(frameworkId, manager);
    });
  }

  /** Draft → published; the version it supersedes (if any) becomes superseded in the same step. */
  async publish(frameworkId: string, revision: number, actor: AuthenticatedUser): Promise<FrameworkView> {
    return this.dataSource.transaction(async (manager) => {
      const framework = await this.lockDraft(manager, frameworkId, revision);
      const content = await this.content(framework, manager);
      this.assertTree(content, framework.groups, true);
      let superseded: LegalFrameworkEntity | null = null;
      if (framework.supersedesId) {
        superseded = await manager.findOne(LegalFrameworkEntity, { where: { id: framework.supersedesId }, lock: { mode: 'pessimistic_write' } });
        if (!superseded || superseded.status !== 'published') {
          throw new DomainException('CONFLICT', 'The version this draft would supersede is no longer the published one; create the new version again from the current one');
        }
        // First, so that the code never has two published versions (a unique index says so).
        await manager.update(LegalFrameworkEntity, { id: superseded.id }, { status: 'superseded', supersededAt: () => 'now()' });
      }
      await manager.update(LegalFrameworkEntity, { id: frameworkId }, { status: 'published', publishedAt: () => 'now()', publishedBy: actor.id });
      const counts = { crimes: content.crimes.length, elements: content.crimes.reduce((n, c) => n + c.elements.length, 0), modes: content.modes.length };
      await this.audit.record(manager, { actorId: actor.id, action: 'legal.framework.publish', subjectType: 'legal_framework', subjectId: frameworkId, details: { code: framework.code, version: framework.version, supersedes: superseded?.id ?? null, ...counts } });
      return this.get(frameworkId, manager);
    });
  }

  /** A new draft version: a copy of the published one (same codes), which it supersedes once published. */
  async newVersion(frameworkId: string, input: NewVersionDto, actor: AuthenticatedUser): Promise<FrameworkView> {
    return this.dataSource.transaction(async (manager) => {
      const source = await manager.findOne(LegalFrameworkEntity, { where: { id: frameworkId }, lock: { mode: 'pessimistic_write' } });
      if (!source) throw new NotFoundDomainException('Legal framework');
      if (source.status !== 'published') throw new DomainException('CONFLICT', `Only the published version can be the basis of a new one (this one is ${source.status})`);
      if (await manager.exists(LegalFrameworkEntity, { where: { code: source.code, version: input.version } })) {
        throw new DomainException('CONFLICT', `Version ${input.version} of ${source.code} exists`, [{ field: 'version', problems: ['is already used by another version of this framework'] }]);
      }
      const id = randomUUID();
      await manager.insert(LegalFrameworkEntity, {
        id, code: source.code, version: input.version, titleEn: input.titleEn ?? source.titleEn, titleKo: source.titleKo, description: input.description ?? source.description,
        jurisdiction: source.jurisdiction, status: 'draft', builtin: false, supersedesId: source.id, groups: source.groups, reference: source.reference,
        createdBy: actor.id, publishedAt: null, publishedBy: null, supersededAt: null,
      });
      const params = [id, source.id];
      await manager.query(
        `INSERT INTO legal_shared_requirements (id, framework_id, code, group_key, kind, text, source_ref, reference_ids, refines, notes, confidence, sort_order)
         SELECT gen_random_uuid(), $1, code, group_key, kind, text, source_ref, reference_ids, refines, notes, confidence, sort_order FROM legal_shared_requirements WHERE framework_id = $2`, params);
      await manager.query(
        `INSERT INTO legal_crimes (id, framework_id, code, reference_id, group_key, article_ref, title_en, title_ko, sort_order, armed_conflict, confidence, details, revision)
         SELECT gen_random_uuid(), $1, code, reference_id, group_key, article_ref, title_en, title_ko, sort_order, armed_conflict, confidence, details, 1 FROM legal_crimes WHERE framework_id = $2`, params);
      await manager.query(
        `INSERT INTO legal_elements (id, framework_id, crime_id, code, number, kind, text, text_ko, shared_ref, alternatives, notes, confidence)
         SELECT gen_random_uuid(), $1, nc.id, e.code, e.number, e.kind, e.text, e.text_ko, e.shared_ref, e.alternatives, e.notes, e.confidence
         FROM legal_elements e JOIN legal_crimes oc ON oc.id = e.crime_id JOIN legal_crimes nc ON nc.framework_id = $1 AND nc.code = oc.code
         WHERE e.framework_id = $2`, params);
      await manager.query(
        `INSERT INTO legal_modes_of_liability (id, framework_id, code, reference_id, article_ref, title_en, title_ko, sort_order, applies_to, confidence, notes, revision)
         SELECT gen_random_uuid(), $1, code, reference_id, article_ref, title_en, title_ko, sort_order, applies_to, confidence, notes, 1 FROM legal_modes_of_liability WHERE framework_id = $2`, params);
      await manager.query(
        `INSERT INTO legal_mode_requirements (id, framework_id, mode_id, code, number, kind, text, text_ko, statute_ref, alternatives, notes, confidence)
         SELECT gen_random_uuid(), $1, nm.id, r.code, r.number, r.kind, r.text, r.text_ko, r.statute_ref, r.alternatives, r.notes, r.confidence
         FROM legal_mode_requirements r JOIN legal_modes_of_liability om ON om.id = r.mode_id JOIN legal_modes_of_liability nm ON nm.framework_id = $1 AND nm.code = om.code
         WHERE r.framework_id = $2`, params);
      await this.audit.record(manager, { actorId: actor.id, action: 'legal.framework.new_version', subjectType: 'legal_framework', subjectId: id, details: { code: source.code, version: input.version, copiedFrom: source.id, copiedVersion: source.version } });
      return this.get(id, manager);
    });
  }

  // ----- helpers ------------------------------------------------------------------------------

  /** Locks a framework version for a change; only a draft changes, and a stale revision is refused. */
  private async lockDraft(manager: EntityManager, frameworkId: string, revision?: number): Promise<LegalFrameworkEntity> {
    const framework = await manager.findOne(LegalFrameworkEntity, { where: { id: frameworkId }, lock: { mode: 'pessimistic_write' } });
    if (!framework) throw new NotFoundDomainException('Legal framework');
    if (framework.status !== 'draft') {
      throw new DomainException('CONFLICT', `${framework.code} ${framework.version} is ${framework.status} and cannot change: evidence links point at it. Create a new version with POST /legal/frameworks/${framework.id}/versions`);
    }
    if (revision !== undefined && framework.revision !== revision) throw new VersionConflictException('Legal framework', revision, framework.revision);
    return framework;
  }

  /** A change to a draft's content bumps its revision, so publishing needs the latest read. */
  private async touch(manager: EntityManager, frameworkId: string): Promise<void> {
    await manager.query('UPDATE legal_frameworks SET revision = revision + 1, updated_at = now() WHERE id = $1', [frameworkId]);
  }

  private assertTree(content: Pick<FrameworkContent, 'shared' | 'crimes' | 'modes'>, frameworkGroups: FrameworkGroup[], publishing = false): void {
    const problems = frameworkProblems(treeOf(content, frameworkGroups), { publishing });
    if (problems.length) {
      throw new DomainException('UNPROCESSABLE', `The framework version would be inconsistent: ${problems.map((p) => `${p.field} ${p.problems.join(', ')}`).join('; ')}`, problems);
    }
  }

  private sharedEntities(frameworkId: string, input: SharedRequirementInputDto[]): LegalSharedRequirementEntity[] {
    return input.map((s, i) => Object.assign(new LegalSharedRequirementEntity(), {
      id: randomUUID(), frameworkId, code: s.code, groupKey: s.group ?? null, kind: s.kind, text: s.text, sourceRef: s.sourceRef ?? null, referenceIds: [], refines: null, notes: [], confidence: null, sortOrder: i + 1,
    }));
  }

  private crimeEntities(manager: EntityManager, frameworkId: string, crimeId: string, input: CrimeInputDto, sortOrder: number): { crime: LegalCrimeEntity; elements: LegalElementEntity[] } {
    const crime = manager.create(LegalCrimeEntity, {
      id: crimeId, frameworkId, code: input.code, referenceId: input.referenceId ?? null, groupKey: input.group, articleRef: input.articleRef ?? null, titleEn: input.titleEn,
      titleKo: koreanText(input.titleKo), sortOrder, armedConflict: input.armedConflict ?? null, confidence: null, details: {}, revision: 1,
    });
    const numbered = numberItems(input.code, 'E', input.elements);
    const elements = input.elements.map((e, i) => manager.create(LegalElementEntity, {
      id: randomUUID(), frameworkId, crimeId, code: numbered[i].code, number: numbered[i].number, kind: e.kind, text: e.text, textKo: koreanText(e.textKo), sharedRef: e.sharedRef ?? null, alternatives: numbered[i].alternatives, notes: [], confidence: null,
    }));
    return { crime, elements };
  }

  private modeEntities(manager: EntityManager, frameworkId: string, modeId: string, input: ModeInputDto, sortOrder: number): { mode: LegalModeEntity; requirements: LegalModeRequirementEntity[] } {
    const mode = manager.create(LegalModeEntity, {
      id: modeId, frameworkId, code: input.code, referenceId: input.referenceId ?? null, articleRef: input.articleRef ?? null, titleEn: input.titleEn, titleKo: koreanText(input.titleKo),
      sortOrder, appliesTo: input.appliesTo ? [...new Set(input.appliesTo)] : null, confidence: null, notes: [], revision: 1,
    });
    const numbered = numberItems(input.code, 'R', input.requirements);
    const requirements = input.requirements.map((r, i) => manager.create(LegalModeRequirementEntity, {
      id: randomUUID(), frameworkId, modeId, code: numbered[i].code, number: numbered[i].number, kind: r.kind, text: r.text, textKo: koreanText(r.textKo), statuteRef: r.statuteRef ?? null, alternatives: numbered[i].alternatives, notes: [], confidence: null,
    }));
    return { mode, requirements };
  }
}
