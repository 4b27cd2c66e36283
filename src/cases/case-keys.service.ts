import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from 'src/cases/entities/case.entity';
import { openJson, sealJson, unwrapDataKey } from 'src/common/crypto/envelope';
import { NotFoundDomainException } from 'src/common/errors/domain.exception';
import { APP_CONFIG, AppConfig } from 'src/config/config';

/** Unwraps (and caches) each case's data key; seals and opens the case's sensitive values. */
@Injectable()
export class CaseKeysService {
  private readonly cache = new Map<string, Buffer>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async dataKey(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<Buffer> {
    const cached = this.cache.get(caseId);
    if (cached) return cached;
    const row = await manager.findOne(CaseEntity, { where: { id: caseId }, select: { id: true, wrappedDataKey: true } });
    if (!row) throw new NotFoundDomainException('Case');
    const key = unwrapDataKey(this.config.masterKey, row.wrappedDataKey, caseId);
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(caseId, key);
    return key;
  }

  async seal(caseId: string, value: unknown, aad: string, manager?: EntityManager): Promise<Buffer> {
    return sealJson(await this.dataKey(caseId, manager), value, aad);
  }

  async open<T>(caseId: string, sealed: Buffer, aad: string, manager?: EntityManager): Promise<T> {
    return openJson<T>(await this.dataKey(caseId, manager), sealed, aad);
  }
}
