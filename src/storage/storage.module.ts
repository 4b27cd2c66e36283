import { Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from 'src/common/logging/logger';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { FILE_STORE, LocalFileStore } from 'src/storage/file-store';

/**
 * A temporary file nobody has written to for this long belongs to no live upload or export:
 * both write continuously, and the HTTP server drops a request that stalls for 5 minutes.
 * Only such files are swept at start: replicas may share the store, and a peer's upload in
 * progress must survive our start. Failures clean up after themselves at once.
 */
export const ABANDONED_TEMP_AGE_MS = 60 * 60 * 1000;

@Global()
@Module({
  providers: [
    {
      provide: FILE_STORE,
      inject: [APP_CONFIG, ROOT_LOGGER],
      useFactory: async (config: AppConfig, logger: Logger) => {
        const store = new LocalFileStore(config.storageDir);
        const removed = await store.sweepAbandoned(ABANDONED_TEMP_AGE_MS);
        if (removed) logger.info({ removed }, 'removed abandoned temporary files from the file store');
        return store;
      },
    },
  ],
  exports: [FILE_STORE],
})
export class StorageModule {}
