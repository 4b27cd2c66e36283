import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseAccessService } from 'src/cases/case-access.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { NotFoundDomainException, ValidationDomainException, VersionConflictException } from 'src/common/errors/domain.exception';
import { AuditService } from 'src/audit/audit.service';
import { CaseMatrixSettingsEntity } from 'src/evidence/entities/case-matrix-settings.entity';
import { DEFAULT_STANDARD, STANDARD_RULES, STANDARDS_OF_PROOF, type StandardOfProof, type StandardRule } from 'src/evidence/matrix/standards';
import { perpetratorLabels } from 'src/evidence/case-references';
import { hasFilters, matrixData, matrixVersion, type MatrixData } from 'src/evidence/matrix.repository';
import { VersionedCache } from 'src/evidence/matrix/versioned-cache';
import { computeMatrix, type CaseMatrix, type MatrixFilters, type MatrixFrameworkInput } from 'src/evidence/matrix/matrix';
import { periodEnd, periodStart } from 'src/incidents/incident-dates';
import { LegalService, type FrameworkView } from 'src/legal/legal.service';

const MATRIX_WORK_MEM = '32MB';
/** Cases × framework versions whose unfiltered matrix data the api keeps (a few MB each at 50,000 links). */
const MATRIX_CACHE_ENTRIES = 16;

function frameworkInput(v: FrameworkView): MatrixFrameworkInput {
  return {
    id: v.framework.id,
    code: v.framework.code,
    version: v.framework.version,
    titleEn: v.framework.titleEn,
    status: v.framework.status,
    groups: v.framework.groups,
    crimes: v.crimes.map(({ crime, elements }) => ({
      id: crime.id, code: crime.code, referenceId: crime.referenceId, groupKey: crime.groupKey, titleEn: crime.titleEn, titleKo: crime.titleKo?.text ?? null, sortOrder: crime.sortOrder,
      elements: elements.map((e) => ({ id: e.id, code: e.code, number: e.number, kind: e.kind, text: e.text, textKo: e.textKo?.text ?? null, sharedRef: e.sharedRef, alternatives: e.alternatives.map((a) => ({ letter: a.letter, code: a.code })) })),
    })),
    modes: v.modes.map(({ mode }) => ({ id: mode.id, code: mode.code, titleEn: mode.titleEn, sortOrder: mode.sortOrder })),
  };
}

export interface MatrixOptions {
  filters?: MatrixFilters;
  /** What-if: judge by this standard instead of the case's setting. */
  standardOfProof?: StandardOfProof;
  /** Items left out as if they did not exist (an export leaves out what consent does not allow). */
  excludedItemIds?: readonly string[];
}

export interface StandardView {
  caseId: string;
  standard: ReturnType<typeof ruleView>;
  available: Array<ReturnType<typeof ruleView>>;
  updatedBy: string | null;
  updatedAt: string | null;
  version: number;
}

export function ruleView(rule: StandardRule, source: 'case' | 'request' | 'default') {
  return {
    code: rule.code, source, rule: rule.description, ruleKo: rule.descriptionKo, minProbativeValue: rule.minProbative, sourceReliability: [...rule.reliability],
    maxInformationCredibility: rule.maxCredibility, minIndependentSources: rule.minSources, minWitnesses: rule.minWitnesses, uncontested: rule.uncontested,
  };
}

/**
 * The case matrix for one framework version, on one snapshot: the per-element aggregates (or,
 * filtered, a recount of the matching links), the strongest link per element and the perpetrators'
 * labels; judged by the case's standard of proof.
 */
@Injectable()
export class MatrixService {
  private readonly unfilteredData = new VersionedCache<MatrixData>(MATRIX_CACHE_ENTRIES);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly legal: LegalService,
    private readonly audit: AuditService,
  ) {}

  async matrix(caseId: string, frameworkVersionId: string, actor: AuthenticatedUser, options: MatrixOptions = {}): Promise<CaseMatrix> {
    await this.access.require(caseId, actor, 'read');
    const filters = options.filters ?? {};
    if (filters.from && filters.to && periodStart(filters.from) > periodEnd(filters.to)) throw new ValidationDomainException('to', 'must not be before from');
    await this.assertFilterReferences(caseId, filters);
    return this.compute(caseId, frameworkVersionId, options.excludedItemIds ?? [], options);
  }

  private async assertFilterReferences(caseId: string, f: MatrixFilters): Promise<void> {
    const check = async (table: string, id: string | undefined, field: string, what: string, caseScoped = true) => {
      if (!id) return;
      const rows = (await this.dataSource.query(`SELECT 1 FROM ${table} WHERE id = $1${caseScoped ? ' AND case_id = $2' : ''}`, caseScoped ? [id, caseId] : [id])) as unknown[];
      if (!rows.length) throw new ValidationDomainException(field, `is not ${what}`);
    };
    await check('perpetrators', f.perpetratorId, 'perpetratorId', 'a perpetrator of this case');
    await check('incidents', f.incidentId, 'incidentId', 'an incident of this case');
    await check('places', f.placeId, 'placeId', 'a place', false);
  }

  async standard(caseId: string, actor: AuthenticatedUser): Promise<StandardView> {
    await this.access.require(caseId, actor, 'read');
    return this.standardView(caseId);
  }

  /** A case lead (manage permission) sets the standard the case's matrix is judged by; audited. */
  async setStandard(caseId: string, standardOfProof: StandardOfProof, version: number | undefined, actor: AuthenticatedUser): Promise<StandardView> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'manage', manager);
      const existing = await manager.findOne(CaseMatrixSettingsEntity, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
      if (existing && version !== undefined && existing.version !== version) throw new VersionConflictException('Standard of proof', version, existing.version);
      const previous = existing?.standardOfProof ?? null;
      if (existing) {
        existing.standardOfProof = standardOfProof;
        existing.updatedBy = actor.id;
        await manager.save(existing);
      } else {
        await manager.save(manager.create(CaseMatrixSettingsEntity, { caseId, standardOfProof, updatedBy: actor.id }));
      }
      await this.audit.record(manager, { actorId: actor.id, action: 'matrix.standard_of_proof', subjectType: 'case', subjectId: caseId, caseId, details: { from: previous, to: standardOfProof } });
    });
    return this.standardView(caseId);
  }

  private async standardView(caseId: string): Promise<StandardView> {
    const row = await this.dataSource.manager.findOne(CaseMatrixSettingsEntity, { where: { caseId } });
    return {
      caseId,
      standard: ruleView(STANDARD_RULES[row?.standardOfProof ?? DEFAULT_STANDARD], row ? 'case' : 'default'),
      available: STANDARDS_OF_PROOF.map((code) => ruleView(STANDARD_RULES[code], 'request')),
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      version: row?.version ?? 0,
    };
  }

  /** No access check: for the export worker, which leaves out the items a recipient may not get. */
  async compute(caseId: string, frameworkVersionId: string, excludedItemIds: readonly string[] = [], options: Omit<MatrixOptions, 'excludedItemIds'> = {}): Promise<CaseMatrix> {
    let framework: FrameworkView;
    try {
      framework = await this.legal.get(frameworkVersionId);
    } catch (error) {
      if (error instanceof NotFoundDomainException) throw new ValidationDomainException('frameworkVersionId', 'is not a legal framework version');
      throw error;
    }
    const filters = options.filters ?? {};
    const finish = (data: MatrixData, setting: CaseMatrixSettingsEntity | null, labels: Awaited<ReturnType<typeof perpetratorLabels>>): CaseMatrix => {
      const code = options.standardOfProof ?? setting?.standardOfProof ?? DEFAULT_STANDARD;
      const standardSource = options.standardOfProof ? 'request' : setting ? 'case' : 'default';
      return computeMatrix({
        caseId, framework: frameworkInput(framework), ...data, perpetratorLabels: labels, generatedAt: new Date(),
        standard: STANDARD_RULES[code], standardSource, filters,
      });
    };
    const settingOf = (manager: EntityManager) => (options.standardOfProof ? Promise.resolve(null) : manager.findOne(CaseMatrixSettingsEntity, { where: { caseId } }));
    if (excludedItemIds.length === 0 && !hasFilters(filters)) {
      // Unfiltered: every count comes from one statement (one snapshot), kept while the case's
      // matrix version (bumped by triggers in every writing transaction) stays the same; the
      // standard and the perpetrators' display labels are read beside it, every time.
      const manager = this.dataSource.manager;
      const cacheKey = `${caseId}|${frameworkVersionId}`;
      const [version, setting] = await Promise.all([matrixVersion(manager, caseId), settingOf(manager)]);
      let data = this.unfilteredData.get(cacheKey, version);
      if (!data) {
        data = await matrixData(manager, caseId, frameworkVersionId);
        // Stored under the version read in the same snapshot as the counts.
        if (data.version !== null) this.unfilteredData.set(cacheKey, data.version, data);
      }
      const labels = await perpetratorLabels(manager, caseId, [...new Set(data.perpetratorModes.map((p) => p.perpetratorId))]);
      return finish(data, setting, labels);
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // A recount: one consistent snapshot for every count in the matrix; enough memory to sort and hash in it.
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      await runner.query(`SET LOCAL work_mem = '${MATRIX_WORK_MEM}'`);
      const data = await matrixData(runner.manager, caseId, frameworkVersionId, excludedItemIds, filters);
      const setting = await settingOf(runner.manager);
      const labels = await perpetratorLabels(runner.manager, caseId, [...new Set(data.perpetratorModes.map((p) => p.perpetratorId))]);
      await runner.commitTransaction();
      return finish(data, setting, labels);
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
