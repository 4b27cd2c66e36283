import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditModule } from 'src/audit/audit.module';
import { AuthModule } from 'src/auth/auth.module';
import { LoggingModule } from 'src/common/logging/logging.module';
import type { AppConfig } from 'src/config/config';
import { ConfigModule } from 'src/config/config.module';
import { DatabaseModule } from 'src/database/database.module';
import { UsersModule } from 'src/users/users.module';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return { module: CliModule, imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(logger), DatabaseModule, AuditModule, AuthModule, UsersModule] };
  }
}
