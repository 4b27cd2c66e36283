import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from 'src/audit/audit.service';
import { CaseAccessService } from 'src/cases/case-access.service';
import { CaseKeysService } from 'src/cases/case-keys.service';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { open, seal } from 'src/common/crypto/envelope';
import { DomainException, IdentityClearanceRequiredException, NotFoundDomainException, ValidationDomainException } from 'src/common/errors/domain.exception';
import type { Page } from 'src/common/http/pagination';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { UploadFileDto, type ListFilesQueryDto } from 'src/files/dto/file.dto';
import { FileEntity, type FileKind } from 'src/files/entities/file.entity';
import { expectDigest, openSealedBlob } from 'src/storage/sealed-blob';
import { receiveSealedUpload } from 'src/storage/sealed-upload';
import { FILE_STORE, FileStore } from 'src/storage/file-store';
import { TestimonyEntity } from 'src/testimonies/entities/testimony.entity';

const blobAad = (caseId: string) => `file-blob:${caseId}`;
const nameAad = (fileId: string) => `file:${fileId}:name`;
const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

@Injectable()
export class FilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly access: CaseAccessService,
    private readonly keys: CaseKeysService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Streams one multipart file into the store: hashed (SHA-256 of the original bytes) and
   * encrypted on the way, never held whole in memory. Identical bytes in a case are stored once.
   */
  async upload(caseId: string, req: IncomingMessage, actor: AuthenticatedUser): Promise<FileEntity> {
    await this.access.require(caseId, actor, 'record');
    const dataKey = await this.keys.dataKey(caseId);
    const received = await receiveSealedUpload(req, { store: this.store, dataKey, aad: blobAad(caseId), maxBytes: this.config.uploadMaxBytes, form: UploadFileDto, maxFields: 20, maxFieldBytes: 1000, what: 'the file' });
    try {
      const kind: FileKind = received.fields.kind ?? 'other';
      const testimonyId = received.fields.testimonyId ?? null;
      if (testimonyId && !(await this.dataSource.getRepository(TestimonyEntity).exists({ where: { id: testimonyId, caseId } }))) {
        throw new ValidationDomainException('testimonyId', 'is not a testimony of this case');
      }
      const storageKey = `${caseId}/${received.sha256.slice(0, 2)}/${received.sha256}`;
      if ((await this.store.size(storageKey)) === null) await received.commit(storageKey);
      else await received.abort();
      return await this.dataSource.transaction(async (manager) => {
        await this.access.require(caseId, actor, 'record', manager);
        const id = randomUUID();
        const file = manager.create(FileEntity, {
          id,
          caseId,
          testimonyId,
          kind,
          mediaType: MEDIA_TYPE.test(received.mediaType) ? received.mediaType : 'application/octet-stream',
          sizeBytes: String(received.size),
          sha256: received.sha256,
          storageKey,
          nameSealed: received.filename ? seal(dataKey, Buffer.from(received.filename, 'utf8'), nameAad(id)) : null,
          uploadedBy: actor.id,
        });
        await manager.save(file);
        file.nameSealed = null;
        await this.audit.record(manager, { actorId: actor.id, action: 'file.upload', subjectType: 'file', subjectId: id, caseId, details: { sha256: received.sha256, size: received.size, kind, testimonyId } });
        return file;
      });
    } catch (error) {
      await received.abort();
      throw error;
    }
  }

  async list(caseId: string, query: ListFilesQueryDto, actor: AuthenticatedUser): Promise<Page<FileEntity>> {
    await this.access.require(caseId, actor, 'read');
    const where = { caseId, ...(query.testimonyId ? { testimonyId: query.testimonyId } : {}), ...(query.kind ? { kind: query.kind } : {}) };
    const [items, total] = await this.dataSource.getRepository(FileEntity).findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: query.limit, skip: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /**
   * Checks the stored bytes against their SHA-256 (and the cipher's tag) before sending any,
   * so a corrupted file is an error, never a silent wrong download. Audited.
   */
  async download(caseId: string, fileId: string, actor: AuthenticatedUser): Promise<{ file: FileEntity; stream: Readable }> {
    const member = await this.access.require(caseId, actor, 'read');
    const file = await this.dataSource.getRepository(FileEntity).findOne({ where: { id: fileId, caseId } });
    if (!file) throw new NotFoundDomainException('File');
    // Recordings and documents of a testimony identify the witness.
    if (file.testimonyId && !member.identityClearance) throw new IdentityClearanceRequiredException('Downloading a file of a testimony (it identifies the witness)');
    const dataKey = await this.keys.dataKey(caseId);
    const ok = await this.verifyStored(file, dataKey);
    if (!ok) {
      await this.audit.recordStandalone({ actorId: actor.id, action: 'file.integrity_failure', subjectType: 'file', subjectId: fileId, caseId, details: { sha256: file.sha256 } });
      throw new DomainException('STORED_FILE_CORRUPT', `The stored copy of file ${fileId} does not match its SHA-256; it was not sent. Restore it from backup.`);
    }
    await this.audit.recordStandalone({ actorId: actor.id, action: 'file.download', subjectType: 'file', subjectId: fileId, caseId, details: { sha256: file.sha256 } });
    return { file, stream: await this.decrypting(file, dataKey) };
  }

  /** The uploaded file name (sealed: it often names the witness). Identity clearance; audited. */
  async readName(caseId: string, fileId: string, actor: AuthenticatedUser): Promise<string | null> {
    await this.access.require(caseId, actor, 'identity');
    return this.dataSource.transaction(async (manager) => {
      const file = await manager.createQueryBuilder(FileEntity, 'f').addSelect('f.nameSealed').where('f.id = :fileId AND f.case_id = :caseId', { fileId, caseId }).getOne();
      if (!file) throw new NotFoundDomainException('File');
      const name = file.nameSealed ? open(await this.keys.dataKey(caseId), file.nameSealed, nameAad(file.id)).toString('utf8') : null;
      await this.audit.record(manager, { actorId: actor.id, action: 'file.name_read', subjectType: 'file', subjectId: fileId, caseId, details: {} });
      return name;
    });
  }

  private decrypting(file: FileEntity, dataKey: Buffer, chunkBytes?: number, bufferBytes?: number): Promise<Readable> {
    return openSealedBlob(this.store, file.storageKey, dataKey, blobAad(file.caseId), chunkBytes, bufferBytes);
  }

  /**
   * The file's plaintext in one pass, for the export worker: the stream fails at its end (after
   * the last byte) unless the cipher's tag and the recorded SHA-256 and size all match, so a
   * consumer that writes it somewhere must treat that error as "discard what was written".
   */
  async verifiedContent(file: FileEntity, dataKey: Buffer): Promise<Readable> {
    // Large reads: one stream at a time, and the fewer round trips the faster the package is written.
    const plain = await this.decrypting(file, dataKey, 1 << 20);
    const check = expectDigest(file.sha256, Number(file.sizeBytes), `file ${file.id}`);
    plain.on('error', (e) => check.destroy(e));
    return plain.pipe(check);
  }

  /**
   * The file's plaintext for a consumer that hashes it anyway (the export's bag writer, whose
   * manifest SHA-256 is compared with the recorded one): authenticated by the cipher's tag at
   * its end, but not hashed a second time here. `chunkBytes`: read size (256 KiB by default:
   * large enough for few round trips, small enough that buffers are reused, not page-faulted in).
   */
  plainContent(file: FileEntity, dataKey: Buffer, chunkBytes = 256 * 1024): Promise<Readable> {
    // Reading runs up to 4 MiB ahead, so disk latency overlaps the writer's CPU work.
    return this.decrypting(file, dataKey, chunkBytes, 4 * 2 ** 20);
  }

  private async verifyStored(file: FileEntity, dataKey: Buffer): Promise<boolean> {
    try {
      const hash = createHash('sha256');
      let size = 0;
      const stream = await this.decrypting(file, dataKey);
      for await (const chunk of stream) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      return hash.digest('hex') === file.sha256 && String(size) === file.sizeBytes;
    } catch {
      return false;
    }
  }
}
