import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { CreateImportFormDto } from 'src/imports/dto/import.dto';
import { openSealedBlob } from 'src/storage/sealed-blob';
import { receiveSealedUpload } from 'src/storage/sealed-upload';
import { FILE_STORE, FileStore } from 'src/storage/file-store';

const blobAad = (caseId: string) => `import-blob:${caseId}`;

export interface ReceivedImportFile {
  fields: CreateImportFormDto;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  storageKey: string;
  /** Keeps the file under storageKey (once per content); discard() removes the temporary copy. */
  keep(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * The uploaded import files: streamed in (hashed and encrypted under the case key on the way,
 * never held whole in memory), kept content-addressed per case, read back decrypted.
 * Used by the api (upload) and the worker (read).
 */
@Injectable()
export class ImportFilesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORE) private readonly store: FileStore,
  ) {}

  /**
   * Reads a multipart body with one part named `file` into a temporary place; the caller checks
   * the request and then keeps the file (content-addressed per case) or discards it.
   */
  async receive(req: IncomingMessage, dataKey: Buffer, caseId: string): Promise<ReceivedImportFile> {
    const upload = await receiveSealedUpload(req, { store: this.store, dataKey, aad: blobAad(caseId), maxBytes: this.config.uploadMaxBytes, form: CreateImportFormDto, maxFields: 10, maxFieldBytes: 200, what: 'the import' });
    const storageKey = `imports/${caseId}/${upload.sha256}`;
    return {
      fields: upload.fields, sha256: upload.sha256, size: upload.size, mediaType: upload.mediaType, filename: upload.filename, storageKey,
      // Content-addressed: the same file uploaded again is stored once.
      keep: async () => ((await this.store.size(storageKey)) === null ? upload.commit(storageKey) : upload.abort()),
      discard: upload.abort,
    };
  }

  /** The original bytes, decrypted as they stream; an altered byte fails the stream at its end. */
  open(caseId: string, storageKey: string, dataKey: Buffer): Promise<Readable> {
    return openSealedBlob(this.store, storageKey, dataKey, blobAad(caseId));
  }

  /** Whether the stored file still decrypts and hashes to the SHA-256 recorded at upload. */
  async verify(caseId: string, storageKey: string, dataKey: Buffer, sha256: string): Promise<boolean> {
    try {
      const hash = createHash('sha256');
      for await (const chunk of await this.open(caseId, storageKey, dataKey)) hash.update(chunk as Buffer);
      return hash.digest('hex') === sha256;
    } catch {
      return false;
    }
  }
}
