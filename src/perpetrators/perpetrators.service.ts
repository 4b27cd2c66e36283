import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CasesService } from 'src/cases/cases.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, NotFoundDomainException, ValidationDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import type { Page } from 'src/common/http/pagination';
import { PersonEntity } from 'src/people/entities/person.entity';
import type { CreatePerpetratorDto, ListPerpetratorsQueryDto, PositionInputDto, UpdatePerpetratorDto } from 'src/perpetrators/dto/perpetrator.dto';
import { PerpetratorEntity, PerpetratorPositionEntity, type UnitType } from 'src/perpetrators/entities/perpetrator.entity';
import { UNIT_CHAINS_SQL, unitSubtreeSql } from 'src/perpetrators/perpetrator-queries';
import { positionDatesProblem, unitSearchKeys } from 'src/perpetrators/perpetrator-rules';
import { placeNameKey } from 'src/places/place-names';

export interface UnitRef {
  id: string;
  code: string | null;
  name: string;
  unitType: UnitType | null;
}

export interface PerpetratorView {
  entity: PerpetratorEntity;
  personCode: string | null;
  parent: UnitRef | null;
  positions: Array<{ entity: PerpetratorPositionEntity; unit: UnitRef | null }>;
}

export interface PerpetratorDetailView extends PerpetratorView {
  chains: Array<{ positionId: string | null; units: UnitRef[] }>;
  incidentCount: number;
}

const UNIQUE_VIOLATION = '23505';
const INDIVIDUAL_ONLY_NOT = 'is not used for individuals: their names and aliases belong in the person’s sealed identity';

const unitRef = (p: Pick<PerpetratorEntity, 'id' | 'code' | 'name' | 'unitType'>): UnitRef => ({ id: p.id, code: p.code, name: p.name ?? '', unitType: p.unitType });

@Injectable()
export class PerpetratorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
  ) {}

  async create(caseId: string, input: CreatePerpetratorDto, actor: AuthenticatedUser): Promise<PerpetratorView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'analyse', manager);
      const id = randomUUID();
      let entity: PerpetratorEntity;
      if (input.kind === 'individual') {
        for (const field of ['name', 'nameHangul', 'aliases', 'unitType', 'parentId', 'description'] as const) {
          if (input[field] !== undefined) throw new ValidationDomainException(field, INDIVIDUAL_ONLY_NOT);
        }
        if (!input.personId) throw new ValidationDomainException('personId', 'is required for an individual');
        const person = await manager.findOne(PersonEntity, { where: { id: input.personId, caseId }, select: { id: true } });
        if (!person) throw new ValidationDomainException('personId', 'is not a person of this case');
        if (await manager.exists(PerpetratorEntity, { where: { caseId, personId: person.id } })) throw new DomainException('CONFLICT', 'This person is already a perpetrator of the case', [{ field: 'personId', problems: ['is already a perpetrator'] }]);
        entity = manager.create(PerpetratorEntity, { id, caseId, kind: 'individual', code: null, unitType: null, name: null, nameHangul: null, aliases: [], searchKeys: [], description: null, parentId: null, personId: person.id, createdBy: actor.id });
      } else {
        if (input.personId !== undefined) throw new ValidationDomainException('personId', 'is only for individuals');
        if (input.positions !== undefined) throw new ValidationDomainException('positions', 'are only for individuals');
        if (!input.name) throw new ValidationDomainException('name', 'is required for a unit');
        if (input.parentId) await this.requireUnit(manager, caseId, input.parentId, 'parentId');
        const n = await CasesService.nextCounter(manager, caseId, 'perpetrator:U');
        const aliases = dedupe(input.aliases ?? []);
        entity = manager.create(PerpetratorEntity, {
          id, caseId, kind: 'unit', code: `U-${String(n).padStart(4, '0')}`, unitType: input.unitType ?? 'other', name: input.name, nameHangul: input.nameHangul || null,
          aliases, searchKeys: unitSearchKeys(input.name, input.nameHangul ?? null, aliases), description: input.description ?? null, parentId: input.parentId ?? null, personId: null, createdBy: actor.id,
        });
      }
      try {
        await manager.insert(PerpetratorEntity, entity);
      } catch (error) {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainException('CONFLICT', 'This person is already a perpetrator of the case', [{ field: 'personId', problems: ['is already a perpetrator'] }]);
        throw error;
      }
      const positions = await this.writePositions(manager, caseId, id, input.positions ?? []);
      await this.audit.record(manager, { actorId: actor.id, action: 'perpetrator.create', subjectType: 'perpetrator', subjectId: id, caseId, details: { kind: entity.kind, code: entity.code, personId: entity.personId, parentId: entity.parentId, positions: positions.length } });
      return (await this.views(manager, [entity]))[0];
    });
  }

  async update(caseId: string, perpetratorId: string, input: UpdatePerpetratorDto, actor: AuthenticatedUser): Promise<PerpetratorView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'analyse', manager);
      const p = await manager.findOne(PerpetratorEntity, { where: { id: perpetratorId, caseId }, lock: { mode: 'pessimistic_write' } });
      if (!p) throw new NotFoundDomainException('Perpetrator');
      if (p.version !== input.version) throw new VersionConflictException('Perpetrator', input.version, p.version);
      const changed: string[] = [];
      if (p.kind === 'individual') {
        for (const field of ['name', 'nameHangul', 'aliases', 'unitType', 'parentId', 'description'] as const) {
          if (input[field] !== undefined) throw new ValidationDomainException(field, INDIVIDUAL_ONLY_NOT);
        }
      } else {
        if (input.positions !== undefined) throw new ValidationDomainException('positions', 'are only for individuals');
        if (input.name !== undefined) { p.name = input.name; changed.push('name'); }
        if (input.nameHangul !== undefined) { p.nameHangul = input.nameHangul || null; changed.push('nameHangul'); }
        if (input.aliases !== undefined) { p.aliases = dedupe(input.aliases); changed.push('aliases'); }
        if (input.unitType !== undefined) { p.unitType = input.unitType; changed.push('unitType'); }
        if (input.description !== undefined) { p.description = input.description; changed.push('description'); }
        if (input.parentId !== undefined) {
          if (input.parentId !== null) {
            await this.requireUnit(manager, caseId, input.parentId, 'parentId');
            const [{ inside }] = (await manager.query(`SELECT $2::uuid IN (${unitSubtreeSql('$1')}) AS inside`, [perpetratorId, input.parentId])) as Array<{ inside: boolean }>;
            if (inside) throw new ValidationDomainException('parentId', 'is this unit or one of its sub-units');
          }
          p.parentId = input.parentId;
          changed.push('parentId');
        }
        p.searchKeys = unitSearchKeys(p.name, p.nameHangul, p.aliases);
      }
      if (input.positions !== undefined) {
        await manager.delete(PerpetratorPositionEntity, { perpetratorId });
        await this.writePositions(manager, caseId, perpetratorId, input.positions);
        changed.push('positions');
      }
      if (!changed.length) return (await this.views(manager, [p]))[0];
      // Position-only changes still bump the version: the perpetrator as a whole changed.
      p.updatedAt = new Date();
      const saved = await manager.save(p);
      await this.audit.record(manager, { actorId: actor.id, action: 'perpetrator.update', subjectType: 'perpetrator', subjectId: perpetratorId, caseId, details: { changed } });
      return (await this.views(manager, [saved]))[0];
    });
  }

  async list(caseId: string, query: ListPerpetratorsQueryDto, actor: AuthenticatedUser): Promise<Page<PerpetratorView>> {
    await this.access.require(caseId, actor, 'read');
    const qb = this.dataSource.getRepository(PerpetratorEntity).createQueryBuilder('p')
      .leftJoin(PersonEntity, 'pe', 'pe.id = p.person_id')
      .where('p.case_id = :caseId', { caseId });
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.unitType) qb.andWhere('p.unit_type = :unitType', { unitType: query.unitType });
    if (query.parentId) qb.andWhere('p.parent_id = :parentId', { parentId: query.parentId });
    if (query.personId) qb.andWhere('p.person_id = :personId', { personId: query.personId });
    if (query.within) qb.andWhere(`p.id IN (${unitSubtreeSql(':within')}) AND p.id <> :within`, { within: query.within });
    if (query.q !== undefined) {
      const key = placeNameKey(query.q);
      const code = query.q.trim().toUpperCase();
      qb.andWhere('(p.code = :code OR pe.code = :code' + (key ? ' OR EXISTS (SELECT 1 FROM unnest(p.search_keys) k WHERE k LIKE :pattern))' : ')'), { code, pattern: `%${key}%` });
    }
    const desc = query.sort.startsWith('-');
    const column = { code: 'COALESCE(p.code, pe.code)', name: 'p.name', createdAt: 'p.created_at' }[query.sort.replace('-', '') as 'code' | 'name' | 'createdAt'];
    qb.addSelect(column, 'sort_key').orderBy('sort_key', desc ? 'DESC' : 'ASC', 'NULLS LAST').addOrderBy('p.id', 'ASC').offset(query.offset).limit(query.limit);
    const [entities, total] = await Promise.all([qb.getMany(), qb.getCount()]);
    return { items: await this.views(this.dataSource.manager, entities), total, limit: query.limit, offset: query.offset };
  }

  async get(caseId: string, perpetratorId: string, actor: AuthenticatedUser): Promise<PerpetratorDetailView> {
    await this.access.require(caseId, actor, 'read');
    const manager = this.dataSource.manager;
    const entity = await manager.findOne(PerpetratorEntity, { where: { id: perpetratorId, caseId } });
    if (!entity) throw new NotFoundDomainException('Perpetrator');
    const [view] = await this.views(manager, [entity]);
    const starts = entity.kind === 'unit' ? [entity.id] : view.positions.map((x) => x.entity.unitId).filter((id): id is string => id !== null);
    const rows = starts.length ? ((await manager.query(UNIT_CHAINS_SQL, [[...new Set(starts)], caseId])) as Array<{ start_id: string; id: string; code: string | null; name: string; unit_type: UnitType | null; depth: number }>) : [];
    const chainOf = (start: string, fromDepth: number): UnitRef[] => rows.filter((r) => r.start_id === start && r.depth >= fromDepth).map((r) => unitRef({ id: r.id, code: r.code, name: r.name, unitType: r.unit_type }));
    const chains = entity.kind === 'unit'
      ? [{ positionId: null, units: chainOf(entity.id, 1) }]
      : view.positions.filter((x) => x.entity.unitId).map((x) => ({ positionId: x.entity.id, units: chainOf(x.entity.unitId as string, 0) }));
    const [{ n }] = (await manager.query('SELECT count(DISTINCT incident_id)::int AS n FROM incident_perpetrators WHERE perpetrator_id = $1', [perpetratorId])) as Array<{ n: number }>;
    return { ...view, chains, incidentCount: n };
  }

  /** Checks the perpetrator exists in the case (for sub-resources). */
  async requireExists(caseId: string, perpetratorId: string, actor: AuthenticatedUser): Promise<void> {
    await this.access.require(caseId, actor, 'read');
    if (!(await this.dataSource.getRepository(PerpetratorEntity).exists({ where: { id: perpetratorId, caseId } }))) throw new NotFoundDomainException('Perpetrator');
  }

  private async requireUnit(manager: EntityManager, caseId: string, unitId: string, field: string): Promise<PerpetratorEntity> {
    const unit = await manager.findOne(PerpetratorEntity, { where: { id: unitId, caseId } });
    if (!unit || unit.kind !== 'unit') throw new ValidationDomainException(field, 'is not a unit of this case');
    return unit;
  }

  private async writePositions(manager: EntityManager, caseId: string, perpetratorId: string, positions: PositionInputDto[]): Promise<PerpetratorPositionEntity[]> {
    const rows: PerpetratorPositionEntity[] = [];
    for (const [i, pos] of positions.entries()) {
      const problem = positionDatesProblem(pos.from, pos.to);
      if (problem) throw new ValidationDomainException(`positions.${i}.${problem.field}`, problem.problem);
      if (pos.unitId) await this.requireUnit(manager, caseId, pos.unitId, `positions.${i}.unitId`);
      rows.push(manager.create(PerpetratorPositionEntity, { id: randomUUID(), perpetratorId, unitId: pos.unitId ?? null, title: pos.title, rank: pos.rank || null, fromDate: pos.from ?? null, toDate: pos.to ?? null, position: i }));
    }
    if (rows.length) await manager.insert(PerpetratorPositionEntity, rows);
    return rows;
  }

  /** Loads what the DTO shows: the person's code, the parent unit, positions with their units. */
  async views(manager: EntityManager, entities: PerpetratorEntity[]): Promise<PerpetratorView[]> {
    if (!entities.length) return [];
    const ids = entities.map((e) => e.id);
    const personIds = entities.map((e) => e.personId).filter((id): id is string => id !== null);
    const positions = await manager.find(PerpetratorPositionEntity, { where: { perpetratorId: In(ids) }, order: { position: 'ASC' } });
    const unitIds = [...new Set([...entities.map((e) => e.parentId), ...positions.map((p) => p.unitId)].filter((id): id is string => id !== null))];
    const [people, units] = await Promise.all([
      personIds.length ? manager.find(PersonEntity, { where: { id: In(personIds) }, select: { id: true, code: true } }) : Promise.resolve([]),
      unitIds.length ? manager.find(PerpetratorEntity, { where: { id: In(unitIds) }, select: { id: true, code: true, name: true, unitType: true } }) : Promise.resolve([]),
    ]);
    const unitById = new Map(units.map((u) => [u.id, unitRef(u)]));
    return entities.map((entity) => ({
      entity,
      personCode: people.find((p) => p.id === entity.personId)?.code ?? null,
      parent: entity.parentId ? (unitById.get(entity.parentId) ?? null) : null,
      positions: positions.filter((p) => p.perpetratorId === entity.id).map((p) => ({ entity: p, unit: p.unitId ? (unitById.get(p.unitId) ?? null) : null })),
    }));
  }
}

function dedupe(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}
