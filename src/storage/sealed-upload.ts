import busboy from 'busboy';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainException, ValidationDomainException } from 'src/common/errors/domain.exception';
import { createValidationPipe } from 'src/common/errors/validation';
import { assertCleanInput } from 'src/common/http/input-guard';
import type { FileStore } from 'src/storage/file-store';
import { sealStream } from 'src/storage/sealed-stream';

export interface SealedUpload<F> {
  /** The other form fields, validated against the form's DTO. */
  fields: F;
  /** SHA-256 of the original bytes, computed as they streamed in. */
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  /** Moves the sealed bytes to `key` atomically; abort() discards them. */
  commit(key: string): Promise<void>;
  abort(): Promise<void>;
}

export interface SealedUploadOptions<F extends object> {
  store: FileStore;
  dataKey: Buffer;
  aad: string;
  /** Largest file accepted, in bytes: a file of exactly this size is accepted, one byte more is 413. */
  maxBytes: number;
  /**
   * The form's text fields as a class-validator DTO, checked like a JSON body (unknown fields
   * refused); its `file` property only documents the file part for OpenAPI.
   */
  form: new () => F;
  maxFields: number;
  maxFieldBytes: number;
  /** Says what to send when the body is not multipart, e.g. 'the file'. */
  what: string;
}

type ReceivedFile = Omit<SealedUpload<never>, 'fields'>;

const validation = createValidationPipe();

const cutOff = (reason: string) =>
  new DomainException('VALIDATION_FAILED', `The multipart body could not be read (${reason}): it is malformed or was cut off before its closing boundary`, [{ field: 'file', problems: [`multipart body: ${reason}`] }]);

/**
 * Reads a multipart body with one part named `file` and a few text fields. The file is hashed
 * and sealed (AES-256-GCM under the case key) on its way to a temporary place in the store,
 * never held whole in memory. The fields are validated once the body is complete; the caller
 * then commits or aborts.
 *
 * Every way a body can go wrong — malformed or truncated multipart, a client that disconnects,
 * a limit exceeded, an invalid field, a failing disk — settles the promise exactly once, after
 * the temporary file is gone: a 4xx for the caller's mistakes, the store's own error otherwise.
 */
export function receiveSealedUpload<F extends object>(req: IncomingMessage, options: SealedUploadOptions<F>): Promise<SealedUpload<F>> {
  return new Promise<SealedUpload<F>>((resolve, reject) => {
    if (req.destroyed || req.readableAborted) {
      reject(new DomainException('VALIDATION_FAILED', 'The upload was interrupted before the body was complete'));
      return;
    }
    let parser: busboy.Busboy;
    try {
      // fileSize + 1: busboy reports the limit when the count reaches it, so a file of exactly
      // maxBytes must not reach it. Browsers send file names as raw UTF-8 bytes; busboy's default
      // (latin1) would garble Hangul.
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: options.maxFields, parts: options.maxFields + 2, fieldSize: options.maxFieldBytes, fileSize: options.maxBytes + 1 } });
    } catch {
      reject(new DomainException('VALIDATION_FAILED', `Send ${options.what} as multipart/form-data with a field named file`, [{ field: 'file', problems: ['is required (multipart/form-data)'] }]));
      return;
    }

    const fields: Record<string, string> = {};
    let problem: Error | null = null;
    let upload: Promise<ReceivedFile> | null = null;

    // The first problem wins; reading stops (on the next tick: busboy may be inside a write).
    const refuse = (error: Error) => {
      if (problem) return;
      problem = error;
      process.nextTick(() => {
        req.unpipe(parser);
        // Drain what the client still sends, so it can read the answer on the same connection.
        if (!req.destroyed) req.resume();
        parser.destroy();
      });
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) refuse(new ValidationDomainException(name, `must be at most ${options.maxFieldBytes} bytes`));
      else if (name === 'file') refuse(new ValidationDomainException('file', 'must be sent as a file (a part with a filename)'));
      else if (Object.prototype.hasOwnProperty.call(fields, name)) refuse(new ValidationDomainException(name, 'must be sent once'));
      else fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (problem || name !== 'file') {
        stream.on('error', () => undefined).resume();
        refuse(new ValidationDomainException(name, 'is not a file field of this form; send the file in a field named file'));
        return;
      }
      stream.on('limit', () => refuse(new DomainException('PAYLOAD_TOO_LARGE', `The file exceeds the upload limit of ${options.maxBytes} bytes`)));
      upload = receiveFile(stream, info, options);
      upload.catch((error: unknown) => refuse(stream.errored ? cutOff(stream.errored.message) : (error as Error)));
    });
    parser.on('filesLimit', () => refuse(new ValidationDomainException('file', 'must be sent once (the form has more than one file)')));
    parser.on('fieldsLimit', () => refuse(new DomainException('VALIDATION_FAILED', `The form has more than ${options.maxFields} fields`)));
    parser.on('partsLimit', () => refuse(new DomainException('VALIDATION_FAILED', `The form has more than ${options.maxFields + 1} parts`)));
    parser.on('error', (error: Error) => refuse(cutOff(error.message)));
    req.on('error', () => refuse(new DomainException('VALIDATION_FAILED', 'The upload was interrupted before the body was complete')));
    req.on('close', () => {
      if (!req.complete) refuse(new DomainException('VALIDATION_FAILED', 'The upload was interrupted before the body was complete'));
    });

    parser.on('close', () => {
      void (async () => {
        let received: ReceivedFile | null = null;
        try {
          received = upload ? await upload : null;
        } catch {
          // refuse() has recorded why; the temporary file is already gone.
        }
        try {
          if (problem) throw problem;
          if (!received) throw new DomainException('VALIDATION_FAILED', 'No file was sent', [{ field: 'file', problems: ['is required'] }]);
          assertCleanInput(fields, 'form');
          // As HTML forms do, an empty text field means "not given".
          const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
          const form = (await validation.transform(given, { type: 'body', metatype: options.form })) as F;
          resolve({ ...received, fields: form });
        } catch (error) {
          await received?.abort();
          reject(error);
        }
      })();
    });

    req.pipe(parser);
  });
}

/**
 * Streams one file part through SHA-256 and the cipher into a temporary place in the store.
 * The reading side is attached to the part at once (busboy may fail it before the store is
 * ready); on any failure the temporary file is removed before the promise rejects.
 */
function receiveFile(stream: Readable, info: busboy.FileInfo, options: SealedUploadOptions<object>): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const sealed = new PassThrough();
  const reading = pipeline(stream, tap, sealStream(options.dataKey, options.aad), sealed);
  const writing = (async () => {
    const target = await options.store.begin();
    try {
      await pipeline(sealed, target.stream);
    } catch (error) {
      await target.abort();
      throw error;
    }
    return target;
  })();
  return Promise.allSettled([reading, writing]).then(async ([read, written]) => {
    if (read.status === 'rejected') {
      if (written.status === 'fulfilled') await written.value.abort();
      throw read.reason;
    }
    if (written.status === 'rejected') throw written.reason;
    const target = written.value;
    return { sha256: hash.digest('hex'), size, mediaType: info.mimeType, filename: info.filename ?? '', commit: target.commit, abort: target.abort };
  });
}
