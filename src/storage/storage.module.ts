import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { FILE_STORE, LocalFileStore } from 'src/storage/file-store';

@Global()
@Module({
  providers: [{ provide: FILE_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalFileStore(config.storageDir) }],
  exports: [FILE_STORE],
})
export class StorageModule {}
