import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CasesService } from 'src/cases/cases.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { NotFoundDomainException, ValidationDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import type { Page, PageQueryDto } from 'src/common/http/pagination';
import { startListDownload } from 'src/common/csv/list-download';
import type { CreateIncidentDto, DownloadIncidentsQueryDto, IncidentDateDto, InvolvementInputDto, ListIncidentsQueryDto, SourceInputDto, UpdateIncidentDto, VictimInputDto } from 'src/incidents/dto/incident.dto';
import { IncidentEntity, IncidentPerpetratorEntity, IncidentSourceEntity, IncidentVictimEntity } from 'src/incidents/entities/incident.entity';
import { ViolationTypeEntity } from 'src/incidents/entities/violation-type.entity';
import { incidentDateBounds, incidentDateProblem, passageProblem, periodEnd, periodStart } from 'src/incidents/incident-dates';
import { PersonEntity } from 'src/people/entities/person.entity';
import { PerpetratorEntity, type PerpetratorKind } from 'src/perpetrators/entities/perpetrator.entity';
import { unitSubtreeSql } from 'src/perpetrators/perpetrator-queries';
import { PlaceEntity } from 'src/places/entities/place.entity';
import { placeSubtreeSql } from 'src/places/place-queries';
import { reanchorPassage } from 'src/evidence/reanchor';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';

export interface PerpetratorSummary {
  id: string;
  kind: PerpetratorKind;
  code: string;
  name: string | null;
}

export interface IncidentView {
  entity: IncidentEntity;
  place: PlaceEntity | null;
  victims: Array<{ entity: IncidentVictimEntity; personCode: string | null }>;
  perpetrators: Array<{ entity: IncidentPerpetratorEntity; perpetrator: PerpetratorSummary }>;
  sources: Array<{ entity: IncidentSourceEntity; intervieweeCode: string }>;
}

export type IncidentListQuery = PageQueryDto & Partial<Omit<ListIncidentsQueryDto, 'limit' | 'offset'>> & { sort: ListIncidentsQueryDto['sort'] };

@Injectable()
export class IncidentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
  ) {}

  async create(caseId: string, input: CreateIncidentDto, actor: AuthenticatedUser): Promise<IncidentView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'analyse', manager);
      const date = checkDate(input.date);
      await this.checkViolationTypes(manager, input.violationTypes);
      if (input.placeId) await this.checkPlace(manager, input.placeId);
      const n = await CasesService.nextCounter(manager, caseId, 'incident');
      const incident = manager.create(IncidentEntity, {
        id: randomUUID(),
        caseId,
        code: `I-${String(n).padStart(4, '0')}`,
        title: input.title,
        description: input.description ?? null,
        violationTypes: [...new Set(input.violationTypes)],
        ...date,
        placeId: input.placeId ?? null,
        latitude: input.coordinates?.latitude ?? null,
        longitude: input.coordinates?.longitude ?? null,
        createdBy: actor.id,
      });
      await manager.insert(IncidentEntity, incident);
      const counts = {
        victims: await this.writeVictims(manager, caseId, incident.id, input.victims ?? []),
        perpetrators: await this.writePerpetrators(manager, caseId, incident.id, input.perpetrators ?? []),
        sources: await this.writeSources(manager, caseId, incident.id, input.sources ?? []),
      };
      await this.audit.record(manager, { actorId: actor.id, action: 'incident.create', subjectType: 'incident', subjectId: incident.id, caseId, details: { code: incident.code, violationTypes: incident.violationTypes, placeId: incident.placeId, ...counts } });
      return (await this.views(manager, [incident]))[0];
    });
  }

  async update(caseId: string, incidentId: string, input: UpdateIncidentDto, actor: AuthenticatedUser): Promise<IncidentView> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'analyse', manager);
      const incident = await manager.findOne(IncidentEntity, { where: { id: incidentId, caseId }, lock: { mode: 'pessimistic_write' } });
      if (!incident) throw new NotFoundDomainException('Incident');
      if (incident.version !== input.version) throw new VersionConflictException('Incident', input.version, incident.version);
      const changed: string[] = [];
      if (input.title !== undefined) { incident.title = input.title; changed.push('title'); }
      if (input.description !== undefined) { incident.description = input.description; changed.push('description'); }
      if (input.violationTypes !== undefined) {
        await this.checkViolationTypes(manager, input.violationTypes);
        incident.violationTypes = [...new Set(input.violationTypes)];
        changed.push('violationTypes');
      }
      if (input.date !== undefined) { Object.assign(incident, checkDate(input.date)); changed.push('date'); }
      if (input.placeId !== undefined) {
        if (input.placeId !== null) await this.checkPlace(manager, input.placeId);
        incident.placeId = input.placeId;
        changed.push('placeId');
      }
      if (input.coordinates !== undefined) { incident.latitude = input.coordinates?.latitude ?? null; incident.longitude = input.coordinates?.longitude ?? null; changed.push('coordinates'); }
      if (input.victims !== undefined) {
        await manager.delete(IncidentVictimEntity, { incidentId });
        await this.writeVictims(manager, caseId, incidentId, input.victims);
        changed.push('victims');
      }
      if (input.perpetrators !== undefined) {
        await manager.delete(IncidentPerpetratorEntity, { incidentId });
        await this.writePerpetrators(manager, caseId, incidentId, input.perpetrators);
        changed.push('perpetrators');
      }
      if (input.sources !== undefined) {
        await manager.delete(IncidentSourceEntity, { incidentId });
        await this.writeSources(manager, caseId, incidentId, input.sources);
        changed.push('sources');
      }
      if (!changed.length) return (await this.views(manager, [incident]))[0];
      // Changes of victims, perpetrators or sources alone still make a new version of the incident.
      incident.updatedAt = new Date();
      const saved = await manager.save(incident);
      await this.audit.record(manager, { actorId: actor.id, action: 'incident.update', subjectType: 'incident', subjectId: incidentId, caseId, details: { code: incident.code, changed } });
      return (await this.views(manager, [saved]))[0];
    });
  }

  async get(caseId: string, incidentId: string, actor: AuthenticatedUser): Promise<IncidentView> {
    await this.access.require(caseId, actor, 'read');
    const incident = await this.dataSource.getRepository(IncidentEntity).findOne({ where: { id: incidentId, caseId } });
    if (!incident) throw new NotFoundDomainException('Incident');
    return (await this.views(this.dataSource.manager, [incident]))[0];
  }

  async list(caseId: string, query: IncidentListQuery, actor: AuthenticatedUser): Promise<Page<IncidentView>> {
    await this.access.require(caseId, actor, 'read');
    const qb = this.dataSource.getRepository(IncidentEntity).createQueryBuilder('i').where('i.case_id = :caseId', { caseId });
    if (query.placeId) qb.andWhere(`i.place_id IN (${placeSubtreeSql(':placeId')})`, { placeId: query.placeId });
    // Overlap: the incident may have happened within [dateFrom, dateTo]. Unknown dates never match.
    if (query.dateFrom) qb.andWhere('i.date_end >= :dateFrom', { dateFrom: periodStart(query.dateFrom) });
    if (query.dateTo) qb.andWhere('i.date_start <= :dateTo', { dateTo: periodEnd(query.dateTo) });
    if (query.violationType) qb.andWhere('i.violation_types @> ARRAY[:violationType]::text[]', { violationType: query.violationType });
    if (query.perpetratorId) {
      const ids = query.includeSubUnits === false ? ':perpetratorId' : unitSubtreeSql(':perpetratorId');
      qb.andWhere(`EXISTS (SELECT 1 FROM incident_perpetrators ip WHERE ip.incident_id = i.id AND ip.perpetrator_id IN (${ids}))`, { perpetratorId: query.perpetratorId });
    }
    if (query.victimId) qb.andWhere('EXISTS (SELECT 1 FROM incident_victims iv WHERE iv.incident_id = i.id AND iv.person_id = :victimId)', { victimId: query.victimId });
    if (query.testimonyId) qb.andWhere('EXISTS (SELECT 1 FROM incident_sources s WHERE s.incident_id = i.id AND s.testimony_id = :testimonyId)', { testimonyId: query.testimonyId });
    if (query.q) qb.andWhere('i.title ILIKE :q', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    const desc = query.sort.startsWith('-');
    const column = { code: 'i.code', date: 'i.date_start', createdAt: 'i.created_at' }[query.sort.replace('-', '') as 'code' | 'date' | 'createdAt'];
    qb.orderBy(column, desc ? 'DESC' : 'ASC', 'NULLS LAST').addOrderBy('i.id', 'ASC').offset(query.offset).limit(query.limit);
    const [entities, total] = await Promise.all([qb.getMany(), qb.getCount()]);
    return { items: await this.views(this.dataSource.manager, entities), total, limit: query.limit, offset: query.offset };
  }

  /** Every incident the list's filters select, page by page, for a download (identity clearance; audited). */
  download(caseId: string, query: DownloadIncidentsQueryDto, actor: AuthenticatedUser): Promise<AsyncIterable<IncidentView[]>> {
    return startListDownload({ access: this.access, audit: this.audit }, { caseId, actor, list: 'incidents', format: query.format, filters: query }, async (offset, limit) => (await this.list(caseId, { ...query, offset, limit }, actor)).items);
  }

  async violationTypes(query: PageQueryDto): Promise<Page<ViolationTypeEntity>> {
    const [items, total] = await this.dataSource.getRepository(ViolationTypeEntity).findAndCount({ order: { sortOrder: 'ASC', code: 'ASC' }, take: query.limit, skip: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  private async checkViolationTypes(manager: EntityManager, codes: string[]): Promise<void> {
    const unique = [...new Set(codes)];
    const known = await manager.find(ViolationTypeEntity, { where: { code: In(unique) }, select: { code: true } });
    const unknown = unique.filter((c) => !known.some((k) => k.code === c));
    if (unknown.length) throw new ValidationDomainException('violationTypes', `has codes not in the vocabulary: ${unknown.join(', ')} (see /vocabularies/violation-types)`);
  }

  private async checkPlace(manager: EntityManager, placeId: string): Promise<void> {
    if (!(await manager.exists(PlaceEntity, { where: { id: placeId } }))) throw new ValidationDomainException('placeId', 'is not a place of the gazetteer');
  }

  private async writeVictims(manager: EntityManager, caseId: string, incidentId: string, victims: VictimInputDto[]): Promise<number> {
    const personIds = victims.map((v) => v.personId).filter((id): id is string => Boolean(id));
    const people = personIds.length ? await manager.find(PersonEntity, { where: { id: In(personIds), caseId }, select: { id: true } }) : [];
    const seen = new Set<string>();
    const rows = victims.map((v, i) => {
      if (v.personId && v.groupCount !== undefined) throw new ValidationDomainException(`victims.${i}.groupCount`, 'must be absent when personId is given (a victim is a person or a counted group)');
      if (!v.personId && v.groupCount === undefined) throw new ValidationDomainException(`victims.${i}`, 'needs personId or groupCount');
      if (v.personId) {
        if (!people.some((p) => p.id === v.personId)) throw new ValidationDomainException(`victims.${i}.personId`, 'is not a person of this case');
        if (seen.has(v.personId)) throw new ValidationDomainException(`victims.${i}.personId`, 'is listed twice');
        seen.add(v.personId);
        if (v.groupDescription) throw new ValidationDomainException(`victims.${i}.groupDescription`, 'is only for a counted group');
      }
      return manager.create(IncidentVictimEntity, { id: randomUUID(), incidentId, personId: v.personId ?? null, groupCount: v.groupCount ?? null, groupDescription: v.groupDescription || null, position: i });
    });
    if (rows.length) await manager.insert(IncidentVictimEntity, rows);
    return rows.length;
  }

  private async writePerpetrators(manager: EntityManager, caseId: string, incidentId: string, items: InvolvementInputDto[]): Promise<number> {
    const ids = [...new Set(items.map((p) => p.perpetratorId))];
    const found = ids.length ? await manager.find(PerpetratorEntity, { where: { id: In(ids), caseId }, select: { id: true } }) : [];
    const seen = new Set<string>();
    const rows = items.map((p, i) => {
      if (!found.some((f) => f.id === p.perpetratorId)) throw new ValidationDomainException(`perpetrators.${i}.perpetratorId`, 'is not a perpetrator of this case');
      const key = `${p.perpetratorId}:${p.involvement}`;
      if (seen.has(key)) throw new ValidationDomainException(`perpetrators.${i}.involvement`, 'is listed twice for this perpetrator');
      seen.add(key);
      return manager.create(IncidentPerpetratorEntity, { incidentId, perpetratorId: p.perpetratorId, involvement: p.involvement, confidence: p.confidence });
    });
    if (rows.length) await manager.insert(IncidentPerpetratorEntity, rows);
    return rows.length;
  }

  /** Testimonies of the case; a passage's version must be of that testimony and its range inside the text. */
  private async writeSources(manager: EntityManager, caseId: string, incidentId: string, sources: SourceInputDto[]): Promise<number> {
    const testimonyIds = [...new Set(sources.map((s) => s.testimonyId))];
    const testimonies = testimonyIds.length ? await manager.find(TestimonyEntity, { where: { id: In(testimonyIds), caseId }, select: { id: true } }) : [];
    const versionIds = [...new Set(sources.map((s) => s.passage?.transcriptVersionId).filter((id): id is string => Boolean(id)))];
    const versions = versionIds.length
      ? ((await manager.query(
        `SELECT v.id, v.text_length, t.testimony_id FROM transcript_versions v JOIN transcripts t ON t.id = v.transcript_id
         WHERE v.id = ANY($1::uuid[]) AND t.case_id = $2`,
        [versionIds, caseId],
      )) as Array<{ id: string; text_length: number; testimony_id: string }>)
      : [];
    const rows = sources.map((s, i) => {
      if (!testimonies.some((t) => t.id === s.testimonyId)) throw new ValidationDomainException(`sources.${i}.testimonyId`, 'is not a testimony of this case');
      if (s.passage) {
        const version = versions.find((v) => v.id === s.passage?.transcriptVersionId);
        if (!version || version.testimony_id !== s.testimonyId) throw new ValidationDomainException(`sources.${i}.passage.transcriptVersionId`, 'is not a transcript version of this testimony');
        const problem = passageProblem(s.passage.start, s.passage.end, version.text_length);
        if (problem) throw new ValidationDomainException(`sources.${i}.passage.${problem.field}`, problem.problem);
      }
      return manager.create(IncidentSourceEntity, { id: randomUUID(), incidentId, testimonyId: s.testimonyId, transcriptVersionId: s.passage?.transcriptVersionId ?? null, passageStart: s.passage?.start ?? null, passageEnd: s.passage?.end ?? null, position: i });
    });
    if (rows.length) await manager.insert(IncidentSourceEntity, rows);
    return rows.length;
  }

  /**
   * A new version of a transcript was written (caller's transaction): incident sources with a
   * passage on an earlier version move to the new one where the words are unchanged and are
   * flagged where they are not — the same rule as for evidence passages. One audit entry per
   * incident touched.
   */
  async reanchorSources(manager: EntityManager, caseId: string, transcriptId: string, latest: { id: string; text: string }, textOf: (versionId: string) => Promise<string>, actor: Pick<AuthenticatedUser, 'id'>): Promise<{ moved: number; flagged: number }> {
    const sources = (await manager.query(
      `SELECT s.id, s.incident_id, s.transcript_version_id, s.passage_start, s.passage_end, s.needs_reanchoring, i.code
         FROM incident_sources s JOIN incidents i ON i.id = s.incident_id JOIN transcript_versions v ON v.id = s.transcript_version_id
        WHERE i.case_id = $1 AND v.transcript_id = $2 AND v.id <> $3 ORDER BY i.code, s.position FOR UPDATE OF s`,
      [caseId, transcriptId, latest.id],
    )) as Array<{ id: string; incident_id: string; transcript_version_id: string; passage_start: number; passage_end: number; needs_reanchoring: boolean; code: string }>;
    const byIncident = new Map<string, { code: string; moved: number; flagged: number }>();
    for (const s of sources) {
      const tally = byIncident.get(s.incident_id) ?? { code: s.code, moved: 0, flagged: 0 };
      byIncident.set(s.incident_id, tally);
      const to = reanchorPassage(await textOf(s.transcript_version_id), s.passage_start, s.passage_end, latest.text);
      if (to) {
        await manager.update(IncidentSourceEntity, { id: s.id }, { transcriptVersionId: latest.id, passageStart: to.start, passageEnd: to.end, needsReanchoring: false });
        tally.moved++;
      } else if (!s.needs_reanchoring) {
        await manager.update(IncidentSourceEntity, { id: s.id }, { needsReanchoring: true });
        tally.flagged++;
      }
    }
    let moved = 0;
    let flagged = 0;
    for (const [incidentId, t] of byIncident) {
      if (!t.moved && !t.flagged) continue;
      moved += t.moved;
      flagged += t.flagged;
      await this.audit.record(manager, { actorId: actor.id, action: 'incident.reanchor', subjectType: 'incident', subjectId: incidentId, caseId, details: { code: t.code, transcriptVersionId: latest.id, moved: t.moved, flagged: t.flagged } });
    }
    return { moved, flagged };
  }

  /** Loads what the DTO shows, in a few batched queries; people appear only by pseudonym code. */
  async views(manager: EntityManager, incidents: IncidentEntity[]): Promise<IncidentView[]> {
    if (!incidents.length) return [];
    const ids = incidents.map((i) => i.id);
    const placeIds = [...new Set(incidents.map((i) => i.placeId).filter((id): id is string => id !== null))];
    const [victims, involvements, sources, places] = await Promise.all([
      manager.find(IncidentVictimEntity, { where: { incidentId: In(ids) }, order: { position: 'ASC' } }),
      manager.find(IncidentPerpetratorEntity, { where: { incidentId: In(ids) } }),
      manager.find(IncidentSourceEntity, { where: { incidentId: In(ids) }, order: { position: 'ASC' } }),
      placeIds.length ? manager.find(PlaceEntity, { where: { id: In(placeIds) } }) : Promise.resolve([]),
    ]);
    const perpetratorIds = [...new Set(involvements.map((p) => p.perpetratorId))];
    const perpetrators = perpetratorIds.length ? await manager.find(PerpetratorEntity, { where: { id: In(perpetratorIds) }, select: { id: true, kind: true, code: true, name: true, personId: true } }) : [];
    const testimonyIds = [...new Set(sources.map((s) => s.testimonyId))];
    const testimonies = testimonyIds.length ? await manager.find(TestimonyEntity, { where: { id: In(testimonyIds) }, select: { id: true, intervieweeId: true } }) : [];
    const personIds = [...new Set([...victims.map((v) => v.personId), ...perpetrators.map((p) => p.personId), ...testimonies.map((t) => t.intervieweeId)].filter((id): id is string => Boolean(id)))];
    const people = personIds.length ? await manager.find(PersonEntity, { where: { id: In(personIds) }, select: { id: true, code: true } }) : [];
    const codeOf = new Map(people.map((p) => [p.id, p.code]));
    const perpetratorOf = new Map(perpetrators.map((p) => [p.id, { id: p.id, kind: p.kind, code: p.code ?? codeOf.get(p.personId ?? '') ?? '', name: p.name }]));
    const intervieweeOf = new Map(testimonies.map((t) => [t.id, codeOf.get(t.intervieweeId) ?? '']));
    return incidents.map((entity) => ({
      entity,
      place: places.find((p) => p.id === entity.placeId) ?? null,
      victims: victims.filter((v) => v.incidentId === entity.id).map((v) => ({ entity: v, personCode: v.personId ? (codeOf.get(v.personId) ?? null) : null })),
      perpetrators: involvements.filter((p) => p.incidentId === entity.id).map((p) => ({ entity: p, perpetrator: perpetratorOf.get(p.perpetratorId) as PerpetratorSummary })),
      sources: sources.filter((s) => s.incidentId === entity.id).map((s) => ({ entity: s, intervieweeCode: intervieweeOf.get(s.testimonyId) ?? '' })),
    }));
  }
}

/** Validates the date (400 naming date.<field>) and returns the columns to store. */
function checkDate(date: IncidentDateDto): Pick<IncidentEntity, 'datePrecision' | 'dateFrom' | 'dateTo' | 'dateStart' | 'dateEnd'> {
  const problem = incidentDateProblem(date);
  if (problem) throw new ValidationDomainException(`date.${problem.field}`, problem.problem);
  const bounds = incidentDateBounds(date);
  const range = date.precision === 'range';
  return { datePrecision: date.precision, dateFrom: (range ? date.from : date.date) ?? null, dateTo: range ? (date.to ?? null) : null, dateStart: bounds.start, dateEnd: bounds.end };
}
