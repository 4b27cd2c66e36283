import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseAccessService } from 'src/cases/case-access.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { NotFoundDomainException } from 'src/common/errors/domain.exception';
import { page, type Page } from 'src/common/http/pagination';
import type { ListDisclosuresQueryDto } from 'src/exports/dto/disclosure.dto';
import { DisclosureEntity } from 'src/exports/entities/disclosure.entity';

/**
 * The disclosure register per item: which export carried a testimony, person code, evidence item
 * or file, to whom, when, under which profile, with the package's SHA-256. What a team needs when
 * a witness withdraws. Case leads only (those who may export).
 */
@Injectable()
export class DisclosuresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
  ) {}

  async list(caseId: string, query: ListDisclosuresQueryDto, actor: AuthenticatedUser): Promise<Page<DisclosureEntity>> {
    await this.access.require(caseId, actor, 'manage');
    const qb = this.dataSource.getRepository(DisclosureEntity).createQueryBuilder('d').innerJoinAndSelect('d.export', 'e').where('d.case_id = :caseId', { caseId });
    if (query.testimonyId) qb.andWhere('d.testimony_id = :testimonyId', { testimonyId: query.testimonyId });
    if (query.personCode) qb.andWhere('d.person_code = :personCode', { personCode: query.personCode });
    if (query.evidenceItemId) qb.andWhere("d.subject_type = 'evidence_item' AND d.subject_id = :itemId", { itemId: query.evidenceItemId });
    if (query.subjectType) qb.andWhere('d.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.exportId) qb.andWhere('d.export_id = :exportId', { exportId: query.exportId });
    if (query.recipientKind) qb.andWhere('e.recipient_kind = :recipientKind', { recipientKind: query.recipientKind });
    if (query.recipient) qb.andWhere("e.recipient_name ILIKE :recipient ESCAPE '\\'", { recipient: `%${query.recipient.replace(/[\\%_]/g, '\\$&')}%` });
    const [items, total] = await qb.orderBy('d.disclosed_at', 'DESC').addOrderBy('d.subject_type').addOrderBy('d.subject_code').addOrderBy('d.id').take(query.limit).skip(query.offset).getManyAndCount();
    return page(items, total, query);
  }

  /** Who has received this testimony (itself, its transcripts, recordings, evidence quoting it). */
  async forTestimony(caseId: string, testimonyId: string, query: ListDisclosuresQueryDto, actor: AuthenticatedUser): Promise<Page<DisclosureEntity>> {
    await this.access.require(caseId, actor, 'manage');
    const exists = (await this.dataSource.query('SELECT 1 FROM testimonies WHERE id = $1 AND case_id = $2', [testimonyId, caseId])) as unknown[];
    if (!exists.length) throw new NotFoundDomainException('Testimony');
    return this.list(caseId, { ...query, testimonyId }, actor);
  }
}
