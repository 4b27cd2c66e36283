import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditModule } from 'src/audit/audit.module';
import { LoggingModule } from 'src/common/logging/logging.module';
import type { AppConfig } from 'src/config/config';
import { ConfigModule } from 'src/config/config.module';
import { DatabaseModule } from 'src/database/database.module';
import { JobRunner } from 'src/jobs/job-runner.service';
import { SystemProcessor } from 'src/jobs/system.processor';

/** The worker process: BullMQ processors only, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule,
        AuditModule,
        BullModule.forRoot({
          connection: { url: config.redisUrl, maxRetriesPerRequest: null },
          prefix: config.queuePrefix,
        }),
        BullModule.registerQueue({ name: 'system' }),
      ],
      providers: [JobRunner, SystemProcessor],
    };
  }
}
