import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { dataSourceOptions } from 'src/database/data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.databaseUrl) throw new Error('DATABASE_URL is required');
        // Migrations run before Nest boots (see bootstrap), never from here.
        return { ...dataSourceOptions(config.databaseUrl), migrations: [] };
      },
    }),
  ],
})
export class DatabaseModule {}
