import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { QueueService } from './queue.service';

@Global()
@Module({})
export class QueueModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: QueueModule,
      providers: [
        {
          provide: QueueService,
          inject: [AppConfig],
          useFactory: async (config: AppConfig) => {
            const queue = new QueueService(config);
            await queue.start(databaseUrl);
            return queue;
          },
        },
      ],
      exports: [QueueService],
    };
  }
}
