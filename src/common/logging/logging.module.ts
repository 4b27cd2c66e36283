import { DynamicModule, Global, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { ROOT_LOGGER } from 'src/common/logging/logger';

@Global()
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return { module: LoggingModule, providers: [{ provide: ROOT_LOGGER, useValue: logger }], exports: [ROOT_LOGGER] };
  }
}
