import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, In } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { memberMay } from 'src/cases/case-permissions';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, IdentityClearanceRequiredException, NotFoundDomainException, ValidationDomainException } from 'src/common/errors/domain.exception';
import { page, type Page } from 'src/common/http/pagination';
import { CONSENT_PURPOSES, type Recipient } from 'src/consent/policy/consent.types';
import type { ErrorLanguage } from 'src/common/errors/localise';
import { requiredGrants } from 'src/consent/policy/purpose-routes';
import type { CreateExportDto, ListExportsQueryDto } from 'src/exports/dto/export.dto';
import { ExportEntity } from 'src/exports/entities/export.entity';
import { parseDeathPenalty, profileDeidentifies } from 'src/exports/export-policy';
import { packageAad } from 'src/exports/export-storage';
import { previewOf, type ExportPreview } from 'src/exports/preview';
import { selectForExport } from 'src/exports/selection';
import { SigningKeysService, type PublicSigningKey } from 'src/exports/signing-keys.service';
import { JobEntity } from 'src/jobs/entities/job.entity';
import { JobsService } from 'src/jobs/jobs.service';
import { LegalFrameworkEntity } from 'src/legal/entities/legal-framework.entity';
import type { RedactionProfile } from 'src/redaction/engine';
import { RedactionInputsService } from 'src/redaction/redaction-inputs.service';
import { FILE_STORE, FileStore } from 'src/storage/file-store';
import { expectDigest, openSealedBlob } from 'src/storage/sealed-blob';

/**
 * How many of a package's files belong to a testimony (recordings, interview documents). Packages
 * built before the count was kept are assumed to carry them if they carry any file.
 */
export function testimonyFilesIn(row: Pick<ExportEntity, 'included'>): number {
  const { testimonyFiles, files } = row.included;
  if (typeof testimonyFiles === 'number') return testimonyFiles;
  return typeof files === 'number' ? files : 0;
}

/** The built-in framework used for the case matrix when a request names none. */
export const DEFAULT_FRAMEWORK_CODE = 'rome-statute';

/** The api's side of exports: request (leads only), status, audited download, the signing key. */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly access: CaseAccessService,
    private readonly keys: CaseKeysService,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly inputs: RedactionInputsService,
    private readonly signing: SigningKeysService,
  ) {}

  /** The checks a request passes before anything is written; answers the framework version to use. */
  private async checkRequest(caseId: string, input: CreateExportDto, actor: AuthenticatedUser): Promise<{ frameworkVersionId: string | null; profile: RedactionProfile }> {
    await this.access.require(caseId, actor, 'manage');
    const profile = await this.inputs.profile(caseId, input.profile);
    // A purpose no consent can grant for this kind of recipient would only build an empty package
    // and a disclosure entry: refuse it now, saying which purposes fit.
    if (!requiredGrants(input.purpose, input.recipient.kind)) {
      const fitting = CONSENT_PURPOSES.filter((purpose) => requiredGrants(purpose, input.recipient.kind));
      const hint = fitting.length ? `one of ${fitting.join(', ')}` : 'none: no consent scope covers this kind of recipient';
      throw new DomainException('UNPROCESSABLE', `The purpose ${input.purpose} does not fit a recipient of kind ${input.recipient.kind}`, [
        { field: 'purpose', problems: [`does not fit a recipient of kind ${input.recipient.kind}; fitting purposes: ${hint}`] },
      ]);
    }
    let frameworkVersionId: string | null = input.frameworkVersionId ?? null;
    if (frameworkVersionId) {
      if (!(await this.dataSource.getRepository(LegalFrameworkEntity).exists({ where: { id: frameworkVersionId } }))) throw new ValidationDomainException('frameworkVersionId', 'is not a legal framework version');
    } else {
      const published = await this.dataSource.getRepository(LegalFrameworkEntity).findOne({ where: { code: DEFAULT_FRAMEWORK_CODE, status: 'published' }, select: { id: true } });
      frameworkVersionId = published?.id ?? null;
    }
    return { frameworkVersionId, profile };
  }

  /**
   * What an export with this body would carry and leave out, with readable reasons, from the same
   * selection the worker uses. Writes nothing: no export, no job, no disclosure entry.
   */
  async preview(caseId: string, input: CreateExportDto, actor: AuthenticatedUser, language: ErrorLanguage): Promise<ExportPreview> {
    const { profile } = await this.checkRequest(caseId, input, actor);
    const recipient: Recipient = { kind: input.recipient.kind, name: input.recipient.name, deathPenaltyJurisdiction: parseDeathPenalty(input.recipient.deathPenaltyJurisdiction) };
    const selection = await selectForExport(this.dataSource, { caseId, recipient, purpose: input.purpose, profile: input.profile, deidentifying: profileDeidentifies(profile), now: new Date() });
    return previewOf(selection, language);
  }

  async request(caseId: string, input: CreateExportDto, actor: AuthenticatedUser): Promise<ExportEntity> {
    const { frameworkVersionId } = await this.checkRequest(caseId, input, actor);
    // The key exists before the job runs, so GET /exports/signing-key already shows the one that will sign.
    await this.signing.current();
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, 'manage', manager);
      const id = randomUUID();
      const row = manager.create(ExportEntity, {
        id, caseId, recipientKind: input.recipient.kind, recipientName: input.recipient.name, recipientDeathPenalty: input.recipient.deathPenaltyJurisdiction,
        purpose: input.purpose, profile: input.profile, frameworkVersionId, status: 'queued', jobId: null, storageKey: null, packageSha256: null, sizeBytes: null,
        keyFingerprint: null, included: {}, excludedCount: 0, excluded: [], error: null, createdBy: actor.id, finishedAt: null,
      });
      await manager.save(row);
      await this.audit.record(manager, {
        actorId: actor.id, action: 'export.request', subjectType: 'export', subjectId: id, caseId,
        details: { recipientKind: row.recipientKind, recipientName: row.recipientName, deathPenaltyJurisdiction: row.recipientDeathPenalty, purpose: row.purpose, profile: row.profile, frameworkVersionId },
      });
      const job = await this.jobs.enqueue('export.build', { exportId: id }, actor, caseId, manager);
      row.jobId = job.id;
      await manager.update(ExportEntity, { id }, { jobId: job.id });
      return row;
    });
  }

  async list(caseId: string, query: ListExportsQueryDto, actor: AuthenticatedUser): Promise<Page<ExportEntity>> {
    await this.access.require(caseId, actor, 'read');
    const [items, total] = await this.dataSource.getRepository(ExportEntity).findAndCount({
      where: { caseId, ...(query.status ? { status: query.status } : {}) }, order: { createdAt: 'DESC', id: 'ASC' }, take: query.limit, skip: query.offset,
    });
    return page(items, total, query);
  }

  async get(caseId: string, id: string, actor: AuthenticatedUser): Promise<ExportEntity> {
    await this.access.require(caseId, actor, 'read');
    const row = await this.dataSource.getRepository(ExportEntity).findOne({ where: { id, caseId } });
    if (!row) throw new NotFoundDomainException('Export');
    return row;
  }

  /**
   * The package as stored, after checking it still has the SHA-256 recorded when it was built
   * (a corrupted package is never sent). Only leads download; every download is audited.
   */
  async download(caseId: string, id: string, actor: AuthenticatedUser): Promise<{ row: ExportEntity; stream: Readable }> {
    const member = await this.access.require(caseId, actor, 'manage');
    const row = await this.dataSource.getRepository(ExportEntity).findOne({ where: { id, caseId } });
    if (!row) throw new NotFoundDomainException('Export');
    // The same rule as GET …/files/:id/content: a testimony's files identify the witness.
    const testimonyFiles = testimonyFilesIn(row);
    if (testimonyFiles > 0 && !memberMay(member, 'identity')) {
      throw new IdentityClearanceRequiredException(`Downloading this package (it carries ${testimonyFiles} file(s) of testimonies, which identify the witness)`);
    }
    if (row.status !== 'ready' || !row.storageKey || !row.packageSha256 || row.sizeBytes === null) throw new DomainException('CONFLICT', `The export is ${row.status}, not ready; poll GET /cases/${caseId}/exports/${id}`);
    const dataKey = await this.keys.dataKey(caseId);
    const open = () => openSealedBlob(this.store, row.storageKey as string, dataKey, packageAad(row.id));
    try {
      const check = (await open()).pipe(expectDigest(row.packageSha256, Number(row.sizeBytes), 'export package'));
      for await (const _chunk of check) { /* drained: the check fails at the end on a mismatch */ }
    } catch {
      await this.audit.recordStandalone({ actorId: actor.id, action: 'export.integrity_failure', subjectType: 'export', subjectId: id, caseId, details: { packageSha256: row.packageSha256 } });
      throw new DomainException('STORED_FILE_CORRUPT', `The stored export package ${id} does not match its SHA-256; it was not sent. Build a new export.`);
    }
    await this.audit.recordStandalone({ actorId: actor.id, action: 'export.download', subjectType: 'export', subjectId: id, caseId, details: { packageSha256: row.packageSha256, recipientKind: row.recipientKind, purpose: row.purpose } });
    return { row, stream: await open() };
  }

  /** Progress of each export's job, by export id (one query for a page). */
  async progress(rows: readonly ExportEntity[]): Promise<Map<string, number>> {
    const jobIds = rows.map((r) => r.jobId).filter((id): id is string => id !== null);
    if (!jobIds.length) return new Map();
    const jobs = await this.dataSource.getRepository(JobEntity).find({ where: { id: In(jobIds) }, select: { id: true, progress: true } });
    const byJob = new Map(jobs.map((j) => [j.id, j.progress]));
    return new Map(rows.map((r) => [r.id, (r.jobId && byJob.get(r.jobId)) || 0]));
  }

  signingKey(): Promise<PublicSigningKey> {
    return this.signing.current();
  }
}
