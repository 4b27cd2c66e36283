import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DataSource } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import { memberMay } from 'src/cases/case-permissions';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { DomainException, NotFoundDomainException, ValidationDomainException } from 'src/common/errors/domain.exception';
import type { Page, PageQueryDto } from 'src/common/http/pagination';
import type { CreateImportFormDto } from 'src/imports/dto/import.dto';
import { ImportEntity, ImportRowErrorEntity, type ImportEntityType, type ImportFormat } from 'src/imports/entities/import.entity';
import { ImportFilesService } from 'src/imports/import-files.service';
import { JobEntity } from 'src/jobs/entities/job.entity';
import { JobsService } from 'src/jobs/jobs.service';

export interface ImportView {
  entity: ImportEntity;
  job: JobEntity;
}

/** Importing people handles identities (record); incidents and perpetrators are analysis. */
export const importPermission = (entityType: ImportEntityType) => (entityType === 'people' ? 'record' : 'analyse') as 'record' | 'analyse';

function formatOf(form: CreateImportFormDto, filename: string, mediaType: string): ImportFormat {
  if (form.format !== undefined) return form.format;
  const name = filename.toLowerCase();
  if (name.endsWith('.csv') || mediaType === 'text/csv') return 'csv';
  if (/\.(json|jsonl|ndjson)$/.test(name) || /json/.test(mediaType)) return 'json';
  throw new ValidationDomainException('format', 'could not be told from the file name or media type; give csv or json');
}

/** The api's side of imports: accept a file, queue the job, show status and the per-row report. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly keys: CaseKeysService,
    private readonly files: ImportFilesService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  async create(caseId: string, req: IncomingMessage, actor: AuthenticatedUser): Promise<ImportView> {
    // Refuse members who may import nothing before reading a byte of the body.
    const member = await this.access.require(caseId, actor, 'read');
    if (!memberMay(member, 'record') && !memberMay(member, 'analyse')) throw new DomainException('FORBIDDEN', `Your role on this case (${member.role}) does not allow imports`);
    const received = await this.files.receive(req, await this.keys.dataKey(caseId), caseId);
    const { entityType } = received.fields;
    const dryRun = received.fields.dryRun === 'true';
    let format: ImportFormat;
    try {
      format = formatOf(received.fields, received.filename, received.mediaType);
      if (received.size === 0) throw new ValidationDomainException('file', 'is empty');
      await received.keep();
    } catch (error) {
      await received.discard();
      throw error;
    }
    return this.dataSource.transaction(async (manager) => {
      await this.access.require(caseId, actor, importPermission(entityType), manager);
      const id = randomUUID();
      const job = await this.jobs.enqueue('import.run', { importId: id }, actor, caseId, manager);
      const entity = manager.create(ImportEntity, {
        id, caseId, jobId: job.id, entityType, format, dryRun, sha256: received.sha256, sizeBytes: String(received.size), storageKey: received.storageKey,
        rowsProcessed: 0, rowsCreated: 0, rowsSkipped: 0, rowsFailed: 0, createdBy: actor.id, finishedAt: null,
      });
      await manager.save(entity);
      await this.audit.record(manager, { actorId: actor.id, action: 'import.create', subjectType: 'import', subjectId: id, caseId, details: { jobId: job.id, entityType, format, dryRun, sha256: received.sha256, size: received.size } });
      return { entity, job };
    });
  }

  async list(caseId: string, query: PageQueryDto, actor: AuthenticatedUser): Promise<Page<ImportView>> {
    await this.access.require(caseId, actor, 'read');
    const [items, total] = await this.dataSource.getRepository(ImportEntity).createQueryBuilder('i').innerJoinAndSelect('i.job', 'job')
      .where('i.case_id = :caseId', { caseId }).orderBy('i.created_at', 'DESC').addOrderBy('i.id', 'ASC').skip(query.offset).take(query.limit).getManyAndCount();
    return { items: items.map((entity) => ({ entity, job: entity.job as JobEntity })), total, limit: query.limit, offset: query.offset };
  }

  async get(caseId: string, importId: string, report: PageQueryDto, actor: AuthenticatedUser): Promise<ImportView & { report: Page<ImportRowErrorEntity> }> {
    await this.access.require(caseId, actor, 'read');
    const entity = await this.dataSource.getRepository(ImportEntity).createQueryBuilder('i').innerJoinAndSelect('i.job', 'job')
      .where('i.id = :importId AND i.case_id = :caseId', { importId, caseId }).getOne();
    if (!entity) throw new NotFoundDomainException('Import');
    const [items, total] = await this.dataSource.getRepository(ImportRowErrorEntity).findAndCount({ where: { importId }, order: { row: 'ASC', id: 'ASC' }, take: report.limit, skip: report.offset });
    return { entity, job: entity.job as JobEntity, report: { items, total, limit: report.limit, offset: report.offset } };
  }
}
