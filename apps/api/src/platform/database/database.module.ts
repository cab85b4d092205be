import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** The one database connection of the API; the schema was brought up to date before start. */
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(databaseUrl, config.DATABASE_POOL_SIZE),
            autoLoadEntities: true,
            migrationsRun: false,
            // failures reach the exception filter and the structured log; no console output
            logging: false,
          }),
        }),
      ],
    };
  }
}
