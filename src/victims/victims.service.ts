import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { NotFoundDomainException, ValidationDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import { IncidentEntity, IncidentVictimEntity } from 'src/incidents/entities/incident.entity';
import { ViolationTypeEntity } from 'src/incidents/entities/violation-type.entity';
import { incidentDateBounds, incidentDateProblem } from 'src/incidents/incident-dates';
import { PersonEntity } from 'src/people/entities/person.entity';
import { PerpetratorEntity } from 'src/perpetrators/entities/perpetrator.entity';
import { PlaceEntity } from 'src/places/entities/place.entity';
import type { CreateActDto, VictimAttributesInputDto } from 'src/victims/dto/victim.dto';
import { IncidentActEntity, VictimAttributesEntity } from 'src/victims/entities/victim.entity';

/**
 * Acts per victim within an incident, and victims' non-identifying attributes. Attributes are
 * recorded and read one person at a time only by members with identity clearance (they say who
 * the categories belong to), audited both ways; everyone else sees them only in aggregate, in
 * the statistics, with small cells suppressed. Acts name the victim by pseudonym code only.
 */
@Injectable()
export class VictimsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
  ) {}

  async getAttributes(caseId: string, personId: string, actor: AuthenticatedUser): Promise<VictimAttributesEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'identity', manager, 'Reading a victim’s attributes');
      await this.person(manager, caseId, personId);
      const found = await manager.findOne(VictimAttributesEntity, { where: { personId, caseId } });
      if (!found) throw new NotFoundDomainException('Victim attributes');
      await this.audit.record(manager, { actorId: actor.id, action: 'victim_attributes.read', subjectType: 'person', subjectId: personId, caseId, details: {} });
      return found;
    });
  }

  async putAttributes(caseId: string, personId: string, input: VictimAttributesInputDto, actor: AuthenticatedUser): Promise<VictimAttributesEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'identity', manager, 'Recording a victim’s attributes');
      await this.person(manager, caseId, personId);
      const existing = await manager.findOne(VictimAttributesEntity, { where: { personId }, lock: { mode: 'pessimistic_write' } });
      const current = existing?.version ?? 0;
      if (current !== input.version) throw new VersionConflictException('Victim attributes', input.version, current);
      const statuses = [...new Set(input.statuses)].sort();
      const row = existing ?? manager.create(VictimAttributesEntity, { personId, caseId });
      Object.assign(row, { sex: input.sex, ageGroup: input.ageGroup, statuses, recordedBy: actor.id });
      await manager.save(row);
      // Categories only (no free text can reach them), so the audit keeps what was recorded.
      await this.audit.record(manager, { actorId: actor.id, action: existing ? 'victim_attributes.update' : 'victim_attributes.create', subjectType: 'person', subjectId: personId, caseId, details: { sex: row.sex, ageGroup: row.ageGroup, statuses } });
      return manager.findOneOrFail(VictimAttributesEntity, { where: { personId } });
    });
  }

  async createAct(caseId: string, incidentId: string, input: CreateActDto, actor: AuthenticatedUser): Promise<{ act: IncidentActEntity; personCode: string }> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'record', manager);
      const incident = await manager.findOne(IncidentEntity, { where: { id: incidentId, caseId } });
      if (!incident) throw new NotFoundDomainException('Incident');
      const victim = await manager.findOne(IncidentVictimEntity, { where: { incidentId, personId: input.personId } });
      if (!victim) throw new ValidationDomainException('personId', `is not a victim of incident ${incident.code}; add the person to its victims first`);
      const person = await this.person(manager, caseId, input.personId);
      if (!(await manager.exists(ViolationTypeEntity, { where: { code: input.violationType } }))) throw new ValidationDomainException('violationType', 'is not a violation type (GET /violation-types)');
      const perpetratorIds = input.perpetratorIds ?? [];
      if (perpetratorIds.length) {
        const found = await manager.count(PerpetratorEntity, { where: { caseId, id: In(perpetratorIds) } });
        if (found !== perpetratorIds.length) throw new ValidationDomainException('perpetratorIds', 'must all be perpetrators of this case');
      }
      if (input.placeId && !(await manager.exists(PlaceEntity, { where: { id: input.placeId } }))) throw new ValidationDomainException('placeId', 'is not a place of the gazetteer');
      let date: Pick<IncidentActEntity, 'datePrecision' | 'dateFrom' | 'dateTo' | 'dateStart' | 'dateEnd'>;
      if (input.date) {
        const problem = incidentDateProblem(input.date);
        if (problem) throw new ValidationDomainException(`date.${problem.field}`, problem.problem);
        const bounds = incidentDateBounds(input.date);
        const range = input.date.precision === 'range';
        date = { datePrecision: input.date.precision, dateFrom: (range ? input.date.from : input.date.date) ?? null, dateTo: range ? (input.date.to ?? null) : null, dateStart: bounds.start, dateEnd: bounds.end };
      } else {
        date = { datePrecision: incident.datePrecision, dateFrom: incident.dateFrom, dateTo: incident.dateTo, dateStart: incident.dateStart, dateEnd: incident.dateEnd };
      }
      const act = manager.create(IncidentActEntity, {
        id: randomUUID(), caseId, incidentId, personId: person.id, violationType: input.violationType, perpetratorIds, ...date, placeId: input.placeId ?? incident.placeId, createdBy: actor.id,
      });
      await manager.save(act);
      await this.audit.record(manager, { actorId: actor.id, action: 'incident_act.create', subjectType: 'incident_act', subjectId: act.id, caseId, details: { incident: incident.code, person: person.code, violationType: act.violationType, perpetrators: perpetratorIds.length } });
      return { act: await manager.findOneOrFail(IncidentActEntity, { where: { id: act.id } }), personCode: person.code };
    });
  }

  async listActs(caseId: string, incidentId: string, actor: AuthenticatedUser): Promise<Array<{ act: IncidentActEntity; personCode: string }>> {
    await this.access.require(caseId, actor, 'read');
    const manager = this.dataSource.manager;
    if (!(await manager.exists(IncidentEntity, { where: { id: incidentId, caseId } }))) throw new NotFoundDomainException('Incident');
    const acts = await manager.find(IncidentActEntity, { where: { incidentId, caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const people = acts.length ? await manager.find(PersonEntity, { where: { id: In([...new Set(acts.map((a) => a.personId))]) }, select: { id: true, code: true } }) : [];
    const codes = new Map(people.map((p) => [p.id, p.code]));
    return acts.map((act) => ({ act, personCode: codes.get(act.personId) ?? '' }));
  }

  async removeAct(caseId: string, incidentId: string, actId: string, version: number, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'record', manager);
      const act = await manager.findOne(IncidentActEntity, { where: { id: actId, incidentId, caseId }, lock: { mode: 'pessimistic_write' } });
      if (!act) throw new NotFoundDomainException('Act');
      if (act.version !== version) throw new VersionConflictException('Act', version, act.version);
      await manager.delete(IncidentActEntity, { id: actId });
      await this.audit.record(manager, { actorId: actor.id, action: 'incident_act.delete', subjectType: 'incident_act', subjectId: actId, caseId, details: { incidentId, violationType: act.violationType } });
    });
  }

  private async person(manager: EntityManager, caseId: string, personId: string): Promise<PersonEntity> {
    const person = await manager.findOne(PersonEntity, { where: { id: personId, caseId }, select: { id: true, code: true } });
    if (!person) throw new ValidationDomainException('personId', 'is not a person of this case');
    return person;
  }
}
