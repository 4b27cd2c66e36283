import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import { AuditController } from 'src/audit/audit.controller';
import { AuditModule } from 'src/audit/audit.module';
import { AuthModule } from 'src/auth/auth.module';
import { AccessGuard } from 'src/common/auth/access.guard';
import { AllExceptionsFilter } from 'src/common/errors/all-exceptions.filter';
import { LoggingModule } from 'src/common/logging/logging.module';
import type { AppConfig } from 'src/config/config';
import { ConfigModule } from 'src/config/config.module';
import { DatabaseModule } from 'src/database/database.module';
import { HealthController } from 'src/health/health.controller';
import { JobsModule } from 'src/jobs/jobs.module';
import { UsersModule } from 'src/users/users.module';
import { CasesModule } from 'src/cases/cases.module';
import { EvidenceModule } from 'src/evidence/evidence.module';
import { LiabilityModule } from 'src/liability/liability.module';
import { VictimsModule } from 'src/victims/victims.module';
import { ExportsModule } from 'src/exports/exports.module';
import { FilesModule } from 'src/files/files.module';
import { ImportsModule } from 'src/imports/imports.module';
import { IncidentsModule } from 'src/incidents/incidents.module';
import { RedactionModule } from 'src/redaction/redaction.module';
import { LegalModule } from 'src/legal/legal.module';
import { MeModule } from 'src/me/me.module';
import { PeopleModule } from 'src/people/people.module';
import { PerpetratorsModule } from 'src/perpetrators/perpetrators.module';
import { PlacesModule } from 'src/places/places.module';
import { SearchModule } from 'src/search/search.module';
import { StorageModule } from 'src/storage/storage.module';
import { TestimoniesModule } from 'src/testimonies/testimonies.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(logger), DatabaseModule, StorageModule, AuditModule, AuthModule, UsersModule, JobsModule, CasesModule, PeopleModule, TestimoniesModule, FilesModule, RedactionModule, LegalModule, EvidenceModule, LiabilityModule, VictimsModule, PlacesModule, IncidentsModule, PerpetratorsModule, ImportsModule, ExportsModule, SearchModule, MeModule],
      controllers: [HealthController, AuditController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
