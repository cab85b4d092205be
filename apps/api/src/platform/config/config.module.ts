import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { LocalSecrets } from './local-secrets';

/** Provides the configuration that main.ts read and validated once. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }, LocalSecrets],
      exports: [AppConfig, LocalSecrets],
    };
  }
}
