import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, NotFoundDomainException, ValidationDomainException } from 'src/common/errors/domain.exception';
import { evaluateDisclosureFromHistory } from 'src/consent/policy/consent-policy';
import type { ConsentRecord, DisclosureDecision, Recipient } from 'src/consent/policy/consent.types';
import type { ConsentDecisionQueryDto, ConsentInputDto, WithdrawConsentDto } from 'src/testimonies/dto/testimony.dto';
import { ConsentVersionEntity } from 'src/testimonies/entities/consent-version.entity';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';
import { UserEntity } from 'src/users/entities/user.entity';

export function toConsentRecord(row: ConsentVersionEntity): ConsentRecord {
  return {
    version: row.version,
    purposes: row.purposes,
    anonymityRequired: row.anonymityRequired,
    identityDisclosureAllowed: row.identityDisclosureAllowed,
    noDeathPenaltyProceedings: row.noDeathPenaltyProceedings,
    recontactAllowed: row.recontactAllowed,
    method: row.method,
    takenBy: row.takenBy,
    takenAt: row.takenAt,
    withdrawnAt: row.withdrawnAt,
  };
}

/** Consent as enforced data: versions are appended, never edited; exports ask `decide`. */
@Injectable()
export class ConsentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly keys: CaseKeysService,
    private readonly audit: AuditService,
  ) {}

  withdrawalAad(consentVersionId: string): string {
    return `consent:${consentVersionId}:withdrawal-reason`;
  }

  private async assertTestimony(manager: EntityManager, caseId: string, testimonyId: string): Promise<void> {
    if (!(await manager.exists(TestimonyEntity, { where: { id: testimonyId, caseId } }))) throw new NotFoundDomainException('Testimony');
  }

  private async latest(manager: EntityManager, testimonyId: string): Promise<ConsentVersionEntity | null> {
    return manager.findOne(ConsentVersionEntity, { where: { testimonyId }, order: { version: 'DESC' }, lock: { mode: 'pessimistic_write' } });
  }

  /** Appends a consent version inside the caller's transaction. */
  async addVersion(manager: EntityManager, caseId: string, testimonyId: string, input: ConsentInputDto, actor: AuthenticatedUser): Promise<ConsentVersionEntity> {
    const takenAt = new Date(input.takenAt);
    if (takenAt.getTime() > Date.now() + 60_000) throw new ValidationDomainException('takenAt', 'cannot be in the future');
    if (!(await manager.exists(UserEntity, { where: { id: input.takenBy } }))) throw new ValidationDomainException('takenBy', 'is not a user');
    if (input.anonymityRequired && input.identityDisclosureAllowed) {
      throw new ValidationDomainException('identityDisclosureAllowed', 'cannot be true when anonymityRequired is true');
    }
    const previous = await this.latest(manager, testimonyId);
    const row = await manager.save(manager.create(ConsentVersionEntity, {
      caseId,
      testimonyId,
      version: (previous?.version ?? 0) + 1,
      purposes: [...new Set(input.purposes)],
      anonymityRequired: input.anonymityRequired,
      identityDisclosureAllowed: input.identityDisclosureAllowed,
      noDeathPenaltyProceedings: input.noDeathPenaltyProceedings,
      recontactAllowed: input.recontactAllowed,
      method: input.method,
      takenBy: input.takenBy,
      takenAt,
      withdrawnAt: null,
      withdrawalReasonSealed: null,
      createdBy: actor.id,
    }));
    await this.audit.record(manager, { actorId: actor.id, action: 'consent.record', subjectType: 'testimony', subjectId: testimonyId, caseId, details: { version: row.version, purposes: row.purposes } });
    return row;
  }

  async record(caseId: string, testimonyId: string, input: ConsentInputDto, actor: AuthenticatedUser): Promise<ConsentVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'record', manager);
      await this.assertTestimony(manager, caseId, testimonyId);
      return this.addVersion(manager, caseId, testimonyId, input, actor);
    });
  }

  /** Withdrawal is a new version: the last one's scope, with the date; the reason is sealed. */
  async withdraw(caseId: string, testimonyId: string, input: WithdrawConsentDto, actor: AuthenticatedUser): Promise<ConsentVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'record', manager);
      await this.assertTestimony(manager, caseId, testimonyId);
      const previous = await this.latest(manager, testimonyId);
      if (!previous) throw new DomainException('UNPROCESSABLE', 'There is no consent on record to withdraw');
      if (previous.withdrawnAt) throw new DomainException('CONFLICT', 'Consent is already withdrawn');
      const withdrawnAt = new Date(input.withdrawnAt);
      if (withdrawnAt < previous.takenAt) throw new ValidationDomainException('withdrawnAt', 'cannot be before the consent was taken');
      const { id: _id, createdAt: _c, ...scope } = previous;
      const id = randomUUID();
      const withdrawalReasonSealed = await this.keys.seal(caseId, input.reason, this.withdrawalAad(id), manager);
      const row = await manager.save(manager.create(ConsentVersionEntity, { ...scope, id, version: previous.version + 1, withdrawnAt, createdBy: actor.id, withdrawalReasonSealed }));
      row.withdrawalReasonSealed = null;
      await this.audit.record(manager, { actorId: actor.id, action: 'consent.withdraw', subjectType: 'testimony', subjectId: testimonyId, caseId, details: { version: row.version } });
      return row;
    });
  }

  async history(caseId: string, testimonyId: string, actor: AuthenticatedUser): Promise<ConsentVersionEntity[]> {
    await this.access.require(caseId, actor, 'read');
    await this.assertTestimony(this.dataSource.manager, caseId, testimonyId);
    return this.dataSource.getRepository(ConsentVersionEntity).find({ where: { testimonyId }, order: { version: 'ASC' } });
  }

  /** Pure policy over the stored history: may this testimony go to this recipient, and how? */
  decideFromHistory(history: ConsentVersionEntity[], recipient: Recipient, purpose: ConsentDecisionQueryDto['purpose'], at = new Date()): DisclosureDecision {
    return evaluateDisclosureFromHistory(history.map(toConsentRecord), { recipient, purpose, at });
  }

  async decide(caseId: string, testimonyId: string, query: ConsentDecisionQueryDto, actor: AuthenticatedUser): Promise<DisclosureDecision> {
    const history = await this.history(caseId, testimonyId, actor);
    const deathPenaltyJurisdiction = query.deathPenaltyJurisdiction === 'unknown' ? 'unknown' : query.deathPenaltyJurisdiction === 'true';
    return this.decideFromHistory(history, { kind: query.recipientKind, name: query.recipientName ?? query.recipientKind, deathPenaltyJurisdiction }, query.purpose);
  }
}
