import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { STORAGE_DRIVER, type StorageDriver } from './storage-driver';
import { createStorageDriver } from './storage-driver.factory';

/** Global: every context that keeps bytes (files now; exports, previews later) uses the same store. */
@Global()
@Module({
  providers: [{ provide: STORAGE_DRIVER, inject: [AppConfig], useFactory: createStorageDriver }],
  exports: [STORAGE_DRIVER],
})
export class StorageModule implements OnModuleInit {
  constructor(@Inject(STORAGE_DRIVER) private readonly driver: StorageDriver) {}

  /** A wrong folder or an unreachable bucket stops the start with a message, not the first upload. */
  async onModuleInit(): Promise<void> {
    try {
      await this.driver.ensureReady();
    } catch (error) {
      throw new Error(`Kho lưu tệp không sẵn sàng / The file store is not ready: ${(error as Error).message}`, { cause: error });
    }
  }
}
