import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseAccessService } from 'src/cases/case-access.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { NotFoundDomainException, ValidationDomainException } from 'src/common/errors/domain.exception';
import { perpetratorLabels } from 'src/evidence/case-references';
import { matrixData } from 'src/evidence/matrix.repository';
import { computeMatrix, type CaseMatrix, type MatrixFrameworkInput } from 'src/evidence/matrix/matrix';
import { LegalService, type FrameworkView } from 'src/legal/legal.service';

const MATRIX_WORK_MEM = '32MB';

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
      elements: elements.map((e) => ({ id: e.id, code: e.code, number: e.number, kind: e.kind, text: e.text, sharedRef: e.sharedRef, alternatives: e.alternatives.map((a) => ({ letter: a.letter, code: a.code })) })),
    })),
    modes: v.modes.map(({ mode }) => ({ id: mode.id, code: mode.code, titleEn: mode.titleEn, sortOrder: mode.sortOrder })),
  };
}

/** The case matrix for one framework version: one aggregate query (and the perpetrators' labels) on one snapshot. */
@Injectable()
export class MatrixService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly legal: LegalService,
  ) {}

  async matrix(caseId: string, frameworkVersionId: string, actor: AuthenticatedUser): Promise<CaseMatrix> {
    await this.access.require(caseId, actor, 'read');
    return this.compute(caseId, frameworkVersionId);
  }

  /** No access check: for the export worker, which leaves out the items a recipient may not get. */
  async compute(caseId: string, frameworkVersionId: string, excludedItemIds: readonly string[] = []): Promise<CaseMatrix> {
    let framework: FrameworkView;
    try {
      framework = await this.legal.get(frameworkVersionId);
    } catch (error) {
      if (error instanceof NotFoundDomainException) throw new ValidationDomainException('frameworkVersionId', 'is not a legal framework version');
      throw error;
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // One consistent snapshot for every count in the matrix; enough memory to sort and hash in it.
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      await runner.query(`SET LOCAL work_mem = '${MATRIX_WORK_MEM}'`);
      const data = await matrixData(runner.manager, caseId, frameworkVersionId, excludedItemIds);
      const labels = await perpetratorLabels(runner.manager, caseId, [...new Set(data.perpetratorModes.map((p) => p.perpetratorId))]);
      await runner.commitTransaction();
      return computeMatrix({ caseId, framework: frameworkInput(framework), ...data, perpetratorLabels: labels, generatedAt: new Date() });
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
