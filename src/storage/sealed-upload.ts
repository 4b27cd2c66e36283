import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainException } from 'src/common/errors/domain.exception';
import type { FileStore } from 'src/storage/file-store';
import { sealStream } from 'src/storage/sealed-stream';

export interface SealedUpload {
  /** The other form fields, by name. */
  fields: Record<string, string>;
  /** SHA-256 of the original bytes, computed as they streamed in. */
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  /** Moves the sealed bytes to `key` atomically; abort() discards them. */
  commit(key: string): Promise<void>;
  abort(): Promise<void>;
}

export interface SealedUploadOptions {
  store: FileStore;
  dataKey: Buffer;
  aad: string;
  maxBytes: number;
  maxFields: number;
  maxFieldBytes: number;
  /** Says what to send when the body is not multipart, e.g. 'the file'. */
  what: string;
}

/**
 * Reads a multipart body with one part named `file` and a few text fields. The file is hashed
 * and sealed (AES-256-GCM under the case key) on its way to a temporary place in the store,
 * never held whole in memory; the caller validates the fields and then commits or aborts.
 */
export function receiveSealedUpload(req: IncomingMessage, options: SealedUploadOptions): Promise<SealedUpload> {
  return new Promise<SealedUpload>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Browsers send file names as raw UTF-8 bytes; busboy's default (latin1) would garble Hangul.
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: options.maxFields, fieldSize: options.maxFieldBytes, fileSize: options.maxBytes } });
    } catch {
      reject(new DomainException('VALIDATION_FAILED', `Send ${options.what} as multipart/form-data with a field named file`, [{ field: 'file', problems: ['is required (multipart/form-data)'] }]));
      return;
    }
    const fields: Record<string, string> = {};
    let upload: Promise<Omit<SealedUpload, 'fields'>> | null = null;
    let tooLarge = false;
    parser.on('field', (name, value) => { fields[name] = value; });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') { stream.resume(); return; }
      stream.on('limit', () => { tooLarge = true; });
      upload = (async () => {
        const target = await options.store.begin();
        const hash = createHash('sha256');
        let size = 0;
        const tap = new PassThrough();
        tap.on('data', (chunk: Buffer) => { hash.update(chunk); size += chunk.length; });
        try {
          await pipeline(stream, tap, sealStream(options.dataKey, options.aad), target.stream);
        } catch (error) {
          await target.abort();
          throw error;
        }
        if (tooLarge) {
          await target.abort();
          throw new DomainException('PAYLOAD_TOO_LARGE', `The file exceeds the upload limit of ${options.maxBytes} bytes`);
        }
        return { sha256: hash.digest('hex'), size, mediaType: info.mimeType, filename: info.filename ?? '', commit: target.commit, abort: target.abort };
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
