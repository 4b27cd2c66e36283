import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from 'src/common/logging/logger';
import { APP_CONFIG, AppConfig, ConfigError } from 'src/config/config';
import { FILE_STORE, FileStore, LocalFileStore } from 'src/storage/file-store';
import { createS3Client, S3FileStore } from 'src/storage/s3-file-store';

/**
 * A temporary file nobody has written to for this long belongs to no live upload or export:
 * both write continuously, and the HTTP server drops a request that stalls for 5 minutes.
 * Only such files are swept at start: replicas may share the store, and a peer's upload in
 * progress must survive our start. Failures clean up after themselves at once.
 */
export const ABANDONED_TEMP_AGE_MS = 60 * 60 * 1000;

/** The store STORAGE_BACKEND selects; an S3 bucket that cannot be reached stops the start with a message naming S3_BUCKET. */
export async function createFileStore(config: AppConfig): Promise<FileStore> {
  if (config.storageBackend === 'local' || !config.s3) return new LocalFileStore(config.storageDir);
  const store = new S3FileStore(createS3Client(config.s3), config.s3.bucket);
  try {
    await store.check();
  } catch (error) {
    store.close();
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode;
    throw new ConfigError('S3_BUCKET', `"${config.s3.bucket}" could not be used at ${config.s3.endpoint ?? `the ${config.s3.region} endpoint`}: ${e.name ?? 'error'}${status ? ` (HTTP ${status})` : ''}; check that it exists and that S3_ACCESS_KEY_ID may use it`);
  }
  return store;
}

@Global()
@Module({
  providers: [
    {
      provide: FILE_STORE,
      inject: [APP_CONFIG, ROOT_LOGGER],
      useFactory: async (config: AppConfig, logger: Logger) => {
        const store = await createFileStore(config);
        const removed = await store.sweepAbandoned(ABANDONED_TEMP_AGE_MS);
        if (removed) logger.info({ removed }, 'removed abandoned temporary files from the file store');
        return store;
      },
    },
  ],
  exports: [FILE_STORE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(FILE_STORE) private readonly store: FileStore) {}

  onApplicationShutdown(): void {
    if (this.store instanceof S3FileStore) this.store.close();
  }
}
