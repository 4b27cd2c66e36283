import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, NotFoundDomainException, ValidationDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import type { Page } from 'src/common/http/pagination';
import type { CreatePlaceDto, ListPlacesQueryDto, PlaceNameInputDto, UpdatePlaceDto } from 'src/places/dto/place.dto';
import { PlaceEntity, PlaceNameEntity, type PlaceKind } from 'src/places/entities/place.entity';
import { placeNameKey } from 'src/places/place-names';
import { PLACE_ANCESTORS_SQL, placeSubtreeSql } from 'src/places/place-queries';

export interface PlaceView {
  entity: PlaceEntity;
  names: PlaceNameEntity[];
  parent: PlaceEntity | null;
}

export interface PlaceDetailView extends PlaceView {
  ancestors: Array<Pick<PlaceEntity, 'id' | 'code' | 'name' | 'kind'>>;
  childCount: number;
}

const UNIQUE_VIOLATION = '23505';

/** The gazetteer: built-in DPRK geography and detention facilities, plus the organisation's own places. */
@Injectable()
export class PlacesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListPlacesQueryDto): Promise<Page<PlaceView>> {
    const qb = this.dataSource.getRepository(PlaceEntity).createQueryBuilder('p');
    if (query.q !== undefined) {
      const key = placeNameKey(query.q);
      if (!key) throw new ValidationDomainException('q', 'must contain letters or digits');
      // Substring match on the search keys (pg_trgm index); exact spellings rank first.
      qb.where('p.id IN (SELECT n.place_id FROM place_names n WHERE n.key LIKE :pattern)', { pattern: `%${key}%` })
        .addSelect('(EXISTS (SELECT 1 FROM place_names e WHERE e.place_id = p.id AND e.key = :key))', 'exact')
        .setParameter('key', key)
        .orderBy('exact', 'DESC');
    }
    if (query.kind) qb.andWhere('p.kind = :kind', { kind: query.kind });
    if (query.facilityType) qb.andWhere('p.facility_type = :facilityType', { facilityType: query.facilityType });
    if (query.parentId) qb.andWhere('p.parent_id = :parentId', { parentId: query.parentId });
    if (query.code) qb.andWhere('p.code = :code', { code: query.code });
    if (query.within) qb.andWhere(`p.id IN (${placeSubtreeSql(':within')}) AND p.id <> :within`, { within: query.within });
    qb.addOrderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').offset(query.offset).limit(query.limit);
    const [entities, total] = await Promise.all([qb.getMany(), qb.getCount()]);
    return { items: await this.withNamesAndParents(this.dataSource.manager, entities), total, limit: query.limit, offset: query.offset };
  }

  async get(placeId: string): Promise<PlaceDetailView> {
    const manager = this.dataSource.manager;
    const entity = await manager.findOne(PlaceEntity, { where: { id: placeId } });
    if (!entity) throw new NotFoundDomainException('Place');
    const [view] = await this.withNamesAndParents(manager, [entity]);
    const chain = (await manager.query(PLACE_ANCESTORS_SQL, [placeId])) as Array<{ id: string; code: string | null; name: string; kind: PlaceKind; depth: number }>;
    const childCount = await manager.count(PlaceEntity, { where: { parentId: placeId } });
    const ancestors = chain.filter((r) => r.depth > 0).reverse().map(({ id, code, name, kind }) => ({ id, code, name, kind }));
    return { ...view, ancestors, childCount };
  }

  async create(input: CreatePlaceDto, actor: AuthenticatedUser): Promise<PlaceView> {
    return this.dataSource.transaction(async (manager) => {
      this.checkShape(input.kind, input.facilityType);
      const parent = input.parentId ? await this.requireParent(manager, input.parentId) : null;
      if (input.code && (await manager.exists(PlaceEntity, { where: { code: input.code } }))) throw new DomainException('CONFLICT', 'A place with this code exists', [{ field: 'code', problems: ['is already taken'] }]);
      const id = randomUUID();
      const place = manager.create(PlaceEntity, {
        id,
        parentId: parent?.id ?? null,
        kind: input.kind,
        facilityType: input.facilityType ?? null,
        code: input.code ?? null,
        name: input.name,
        latitude: input.coordinates?.latitude ?? null,
        longitude: input.coordinates?.longitude ?? null,
        builtin: false,
        note: input.note ?? null,
        createdBy: actor.id,
      });
      await this.insertOrConflict(manager, place);
      const names = await this.writeNames(manager, id, input.name, input.names ?? []);
      await this.audit.record(manager, { actorId: actor.id, action: 'place.create', subjectType: 'place', subjectId: id, details: { code: place.code, kind: place.kind, parentId: place.parentId, names: names.length } });
      return { entity: place, names, parent };
    });
  }

  async update(placeId: string, input: UpdatePlaceDto, actor: AuthenticatedUser): Promise<PlaceView> {
    return this.dataSource.transaction(async (manager) => {
      const place = await manager.findOne(PlaceEntity, { where: { id: placeId }, lock: { mode: 'pessimistic_write' } });
      if (!place) throw new NotFoundDomainException('Place');
      if (place.version !== input.version) throw new VersionConflictException('Place', input.version, place.version);
      if (place.builtin) throw new DomainException('CONFLICT', 'Built-in gazetteer entries are read-only; add a place of your own instead');
      const changed: string[] = [];
      const oldName = place.name;
      if (input.name !== undefined) { place.name = input.name; changed.push('name'); }
      if (input.facilityType !== undefined) { this.checkShape(place.kind, input.facilityType); place.facilityType = input.facilityType; changed.push('facilityType'); }
      if (input.parentId !== undefined) {
        await this.requireParent(manager, input.parentId);
        const [{ inside }] = (await manager.query(`SELECT $2::uuid IN (${placeSubtreeSql('$1')}) AS inside`, [placeId, input.parentId])) as Array<{ inside: boolean }>;
        if (inside) throw new ValidationDomainException('parentId', 'is this place or lies inside it');
        place.parentId = input.parentId;
        changed.push('parentId');
      }
      if (input.coordinates !== undefined) { place.latitude = input.coordinates.latitude; place.longitude = input.coordinates.longitude; changed.push('coordinates'); }
      if (input.note !== undefined) { place.note = input.note; changed.push('note'); }
      if (input.names !== undefined || input.name !== undefined) {
        const kept = input.names ?? (await manager.find(PlaceNameEntity, { where: { placeId } })).filter((n) => n.name !== oldName);
        await manager.delete(PlaceNameEntity, { placeId });
        await this.writeNames(manager, placeId, place.name, kept);
        if (input.names !== undefined) changed.push('names');
      }
      if (!changed.length) return (await this.withNamesAndParents(manager, [place]))[0];
      const saved = await manager.save(place);
      await this.audit.record(manager, { actorId: actor.id, action: 'place.update', subjectType: 'place', subjectId: placeId, details: { changed } });
      return (await this.withNamesAndParents(manager, [saved]))[0];
    });
  }

  private checkShape(kind: PlaceKind, facilityType: string | undefined | null): void {
    if (facilityType && kind !== 'facility') throw new ValidationDomainException('facilityType', 'is only for places of kind facility');
  }

  private async requireParent(manager: EntityManager, parentId: string): Promise<PlaceEntity> {
    const parent = await manager.findOne(PlaceEntity, { where: { id: parentId } });
    if (!parent) throw new ValidationDomainException('parentId', 'is not a place of the gazetteer');
    return parent;
  }

  private async insertOrConflict(manager: EntityManager, place: PlaceEntity): Promise<void> {
    try {
      await manager.insert(PlaceEntity, place);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainException('CONFLICT', 'A place with this code exists', [{ field: 'code', problems: ['is already taken'] }]);
      throw error;
    }
  }

  /** The display name (as English) plus every other spelling, each with its search key. */
  private async writeNames(manager: EntityManager, placeId: string, displayName: string, names: PlaceNameInputDto[]): Promise<PlaceNameEntity[]> {
    const seen = new Set<string>();
    const rows: PlaceNameEntity[] = [];
    for (const n of [{ system: 'en' as const, name: displayName }, ...names]) {
      const name = n.name.trim();
      if (!name || seen.has(name)) continue;
      seen.add(name);
      rows.push(manager.create(PlaceNameEntity, { id: randomUUID(), placeId, system: n.system, name, key: placeNameKey(name) }));
    }
    if (rows.length) await manager.insert(PlaceNameEntity, rows);
    return rows;
  }

  private async withNamesAndParents(manager: EntityManager, places: PlaceEntity[]): Promise<PlaceView[]> {
    if (!places.length) return [];
    const ids = places.map((p) => p.id);
    const parentIds = [...new Set(places.map((p) => p.parentId).filter((id): id is string => id !== null))];
    const [names, parents] = await Promise.all([
      manager.find(PlaceNameEntity, { where: { placeId: In(ids) }, order: { system: 'ASC', name: 'ASC' } }),
      parentIds.length ? manager.find(PlaceEntity, { where: { id: In(parentIds) } }) : Promise.resolve([]),
    ]);
    return places.map((entity) => ({
      entity,
      names: names.filter((n) => n.placeId === entity.id),
      parent: parents.find((p) => p.id === entity.parentId) ?? null,
    }));
  }
}
