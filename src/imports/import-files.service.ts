import { Inject, Injectable } from '@nestjs/common';
import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainException } from 'src/common/errors/domain.exception';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { BLOB_HEADER, BLOB_TAG, openStream, sealStream } from 'src/storage/sealed-stream';
import { FILE_STORE, FileStore } from 'src/storage/file-store';

const blobAad = (caseId: string) => `import-blob:${caseId}`;

export interface ReceivedImportFile {
  fields: Record<string, string>;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  storageKey: string;
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

  /** Reads a multipart body with one part named `file` and a few text fields. */
  receive(req: IncomingMessage, dataKey: Buffer, caseId: string): Promise<ReceivedImportFile> {
    return new Promise<ReceivedImportFile>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, limits: { files: 1, fields: 10, fieldSize: 200, fileSize: this.config.uploadMaxBytes } });
      } catch {
        reject(new DomainException('VALIDATION_FAILED', 'Send the import as multipart/form-data with a field named file', [{ field: 'file', problems: ['is required (multipart/form-data)'] }]));
        return;
      }
      const fields: Record<string, string> = {};
      let upload: Promise<Omit<ReceivedImportFile, 'fields'>> | null = null;
      let tooLarge = false;
      parser.on('field', (name, value) => { fields[name] = value; });
      parser.on('file', (name, stream, info) => {
        if (name !== 'file') { stream.resume(); return; }
        stream.on('limit', () => { tooLarge = true; });
        upload = (async () => {
          const target = await this.store.begin();
          const hash = createHash('sha256');
          let size = 0;
          const tap = new PassThrough();
          tap.on('data', (chunk: Buffer) => { hash.update(chunk); size += chunk.length; });
          try {
            await pipeline(stream, tap, sealStream(dataKey, blobAad(caseId)), target.stream);
          } catch (error) {
            await target.abort();
            throw error;
          }
          if (tooLarge) { await target.abort(); throw new DomainException('PAYLOAD_TOO_LARGE', `The file exceeds the upload limit of ${this.config.uploadMaxBytes} bytes`); }
          const sha256 = hash.digest('hex');
          const storageKey = `imports/${caseId}/${sha256}`;
          // Content-addressed: the same file uploaded again is stored once.
          if ((await this.store.size(storageKey)) === null) await target.commit(storageKey);
          else await target.abort();
          return { sha256, size, mediaType: info.mimeType, filename: info.filename ?? '', storageKey };
        })();
        upload.catch(() => undefined);
      });
      parser.on('error', () => reject(new DomainException('VALIDATION_FAILED', 'The multipart body could not be read')));
      parser.on('close', () => {
        if (!upload) { reject(new DomainException('VALIDATION_FAILED', 'No file was sent', [{ field: 'file', problems: ['is required'] }])); return; }
        upload.then((u) => resolve({ ...u, fields }), reject);
      });
      req.pipe(parser);
    });
  }

  /** The original bytes, decrypted as they stream; an altered byte fails the stream at its end. */
  async open(caseId: string, storageKey: string, dataKey: Buffer): Promise<Readable> {
    const size = await this.store.size(storageKey);
    if (size === null || size < BLOB_HEADER + BLOB_TAG) throw new Error('stored import file missing or truncated');
    const header = await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.store.read(storageKey, { start: 0, end: BLOB_HEADER - 1 }).on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
    });
    const tag = await this.store.readTail(storageKey, BLOB_TAG);
    const body = size > BLOB_HEADER + BLOB_TAG ? this.store.read(storageKey, { start: BLOB_HEADER, end: size - BLOB_TAG - 1 }) : Readable.from([]);
    const out = openStream(dataKey, header, tag, blobAad(caseId));
    body.on('error', (e) => out.destroy(e));
    return body.pipe(out);
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
