import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { LocalDiskStorageDriver } from './local-disk-storage.driver';
import { S3StorageDriver } from './s3-storage.driver';
import type { StorageDriver } from './storage-driver';

/** The one place that turns configuration into a driver. */
export function createStorageDriver(config: AppConfig): StorageDriver {
  if (config.storageDriver === 's3') {
    // loadConfig has already refused a start without these when the driver is s3
    return new S3StorageDriver({
      endpoint: config.S3_ENDPOINT!,
      accessKey: config.S3_ACCESS_KEY!,
      secretKey: config.S3_SECRET_KEY!,
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      partSize: config.S3_PART_SIZE,
    });
  }
  return new LocalDiskStorageDriver(config.STORAGE_LOCAL_DIR ?? join(config.DATA_DIR, 'files'));
}
