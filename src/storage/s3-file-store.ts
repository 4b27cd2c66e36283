import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  paginateListObjectsV2,
  paginateListParts,
  S3Client,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { randomBytes } from 'node:crypto';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Config } from 'src/config/config';
import { assertSafeKey, FileStore, StoredObject } from 'src/storage/file-store';

/** Uploads and exports in progress are written here, then copied to their key on commit. */
const TMP_PREFIX = '.tmp/';
/** Multipart part size: 10,000 parts of 16 MiB allow objects up to 156 GiB; two parts in flight per upload. */
const PART_BYTES = 16 * 2 ** 20;
const PARTS_IN_FLIGHT = 2;
/** CopyObject copies up to 5 GiB in one request; larger objects are copied part by part. */
const SINGLE_COPY_MAX_BYTES = 5 * 2 ** 30;
const COPY_PART_BYTES = 512 * 2 ** 20;

export function createS3Client(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    forcePathStyle: config.forcePathStyle,
    // Checksums only where S3 requires them: several S3-compatible stores refuse the newer
    // streaming checksum trailers. Integrity does not rest on them: blobs are sealed with AES-GCM.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.$metadata?.httpStatusCode === 404 || e?.name === 'NotFound' || e?.name === 'NoSuchKey';
}

/**
 * The file store in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, ...), so that several
 * api and worker hosts share one store. The bytes are the same sealed bytes as in a directory:
 * this class never sees plaintext. A write streams to a temporary key under `.tmp/` (multipart
 * upload) and commit() copies it to its final key, so a reader never sees a partial object.
 */
export class S3FileStore implements FileStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  /** Fails unless the bucket exists and these credentials may use it. */
  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  close(): void {
    this.client.destroy();
  }

  async begin(): Promise<{ stream: Writable; commit(key: string): Promise<void>; abort(): Promise<void> }> {
    const tmp = `${TMP_PREFIX}${randomBytes(12).toString('hex')}`;
    const body = new PassThrough({ highWaterMark: 2 ** 20 });
    const upload = new Upload({ client: this.client, params: { Bucket: this.bucket, Key: tmp, Body: body }, partSize: PART_BYTES, queueSize: PARTS_IN_FLIGHT, leavePartsOnError: false });
    const uploaded = upload.done();
    let stored = false;
    // The writer's stream finishes only once the object is stored, and fails when the upload does:
    // a caller's pipeline into it settles exactly as one into a local file does.
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        if (body.write(chunk)) done();
        else body.once('drain', () => done());
      },
      final(done) {
        body.end();
        uploaded.then(() => {
          stored = true;
          done();
        }, done);
      },
      destroy(error, done) {
        if (!stored) {
          void upload.abort();
          body.destroy();
        }
        done(error);
      },
    });
    uploaded.catch((error: unknown) => stream.destroy(error as Error));
    return {
      stream,
      commit: async (key) => {
        assertSafeKey(key);
        await uploaded;
        await this.copy(tmp, key);
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: tmp }));
      },
      abort: async () => {
        await upload.abort();
        await uploaded.catch(() => undefined);
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: tmp }));
      },
    };
  }

  private async copy(from: string, to: string): Promise<void> {
    const source = `${this.bucket}/${from}`;
    const size = await this.headSize(from);
    if (size === null) throw new Error(`temporary object ${from} is missing`);
    if (size <= SINGLE_COPY_MAX_BYTES) {
      await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: source }));
      return;
    }
    const { UploadId } = await this.client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: to }));
    try {
      const parts: Array<{ PartNumber: number; ETag: string | undefined }> = [];
      for (let start = 0, part = 1; start < size; start += COPY_PART_BYTES, part++) {
        const end = Math.min(start + COPY_PART_BYTES, size) - 1;
        const copied = await this.client.send(new UploadPartCopyCommand({ Bucket: this.bucket, Key: to, UploadId, PartNumber: part, CopySource: source, CopySourceRange: `bytes=${start}-${end}` }));
        parts.push({ PartNumber: part, ETag: copied.CopyPartResult?.ETag });
      }
      await this.client.send(new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: to, UploadId, MultipartUpload: { Parts: parts } }));
    } catch (error) {
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: to, UploadId })).catch(() => undefined);
      throw error;
    }
  }

  read(key: string, range?: { start: number; end?: number; chunkBytes?: number }): Readable {
    assertSafeKey(key);
    const out = new PassThrough(range?.chunkBytes ? { highWaterMark: range.chunkBytes } : {});
    const cancel = new AbortController();
    out.once('close', () => cancel.abort());
    const Range = range ? `bytes=${range.start}-${range.end ?? ''}` : undefined;
    this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range }), { abortSignal: cancel.signal }).then(
      (response) => pipeline(response.Body as Readable, out).catch(() => undefined),
      (error: Error) => out.destroy(error),
    );
    return out;
  }

  async size(key: string): Promise<number | null> {
    assertSafeKey(key);
    return this.headSize(key);
  }

  private async headSize(key: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async readTail(key: string, bytes: number): Promise<Buffer> {
    // An explicit range rather than a suffix range (bytes=-N), which not every S3-compatible store honours.
    const size = await this.size(key);
    if (size === null) throw new Error(`no stored object ${key}`);
    const length = Math.min(bytes, size);
    if (length === 0) return Buffer.alloc(0);
    const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=${size - length}-${size - 1}` }));
    return Buffer.from(await (response.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
  }

  /**
   * Removes temporary objects older than `olderThanMs` and aborts multipart uploads to temporary
   * keys with no part written for that long (left by a process that died mid-upload).
   */
  async sweepAbandoned(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix: TMP_PREFIX })) {
      for (const object of page.Contents ?? []) {
        if (!object.Key || (object.LastModified?.getTime() ?? Date.now()) >= cutoff) continue;
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: object.Key }));
        removed++;
      }
    }
    return removed + (await this.abortStaleUploads(cutoff));
  }

  private async abortStaleUploads(cutoff: number): Promise<number> {
    let aborted = 0;
    try {
      let marker: { KeyMarker?: string; UploadIdMarker?: string } = {};
      for (;;) {
        const page = await this.client.send(new ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: TMP_PREFIX, ...marker }));
        for (const upload of page.Uploads ?? []) {
          if (!upload.Key || !upload.UploadId || (upload.Initiated?.getTime() ?? Date.now()) >= cutoff) continue;
          // Started long ago, but a long upload may still be writing parts: only a silent one is abandoned.
          if (await this.partWrittenSince(upload.Key, upload.UploadId, cutoff)) continue;
          await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: upload.Key, UploadId: upload.UploadId }));
          aborted++;
        }
        if (!page.IsTruncated) break;
        marker = { KeyMarker: page.NextKeyMarker, UploadIdMarker: page.NextUploadIdMarker };
      }
    } catch (error) {
      // Stores without multipart listing (s3rver) leave this to a bucket lifecycle rule.
      if ((error as { name?: string }).name !== 'NotImplemented') throw error;
    }
    return aborted;
  }

  private async partWrittenSince(key: string, uploadId: string, cutoff: number): Promise<boolean> {
    for await (const page of paginateListParts({ client: this.client }, { Bucket: this.bucket, Key: key, UploadId: uploadId })) {
      if ((page.Parts ?? []).some((p) => (p.LastModified?.getTime() ?? 0) >= cutoff)) return true;
    }
    return false;
  }

  async *list(): AsyncIterable<StoredObject> {
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket })) {
      for (const object of page.Contents ?? []) {
        if (object.Key && !object.Key.startsWith(TMP_PREFIX)) yield { key: object.Key, size: object.Size ?? 0 };
      }
    }
  }
}
