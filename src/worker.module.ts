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
import { ImportsWorkerModule } from 'src/imports/imports.module';
import { StorageModule } from 'src/storage/storage.module';
import { CasesModule } from 'src/cases/cases.module';
import { MatrixService } from 'src/evidence/matrix.service';
import { ExportBuilder } from 'src/exports/export-builder.service';
import { ExportProcessor } from 'src/exports/export.processor';
import { SigningKeysService } from 'src/exports/signing-keys.service';
import { FilesService } from 'src/files/files.service';
import { LegalModule } from 'src/legal/legal.module';
import { ConsentsService } from 'src/testimonies/consents.service';
import { RedactionInputsService } from 'src/redaction/redaction-inputs.service';
import { RedactionRunner } from 'src/redaction/redaction-runner.service';
import { RedactionProcessor } from 'src/redaction/redaction.processor';

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
        StorageModule,
        AuditModule,
        BullModule.forRoot({
          connection: { url: config.redisUrl, maxRetriesPerRequest: null },
          prefix: config.queuePrefix,
        }),
        BullModule.registerQueue({ name: 'system' }, { name: 'redaction' }, { name: 'export' }),
        CasesModule,
        ImportsWorkerModule,
        LegalModule,
      ],
      providers: [JobRunner, SystemProcessor, RedactionInputsService, RedactionRunner, RedactionProcessor, FilesService, ConsentsService, MatrixService, SigningKeysService, ExportBuilder, ExportProcessor],
    };
  }
}
