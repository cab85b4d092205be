import { Controller, Get, HttpStatus, Inject, Optional, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { HealthStatus } from '@app/contracts';
import { Public } from '../../identity/auth/access.decorators';
import { STORAGE_DRIVER, type StorageDriver } from '../storage/storage-driver';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(STORAGE_DRIVER) private readonly storage?: StorageDriver,
  ) {}

  /** Liveness: the process answers. Touches nothing else, so a slow database never restarts pods. */
  @Public()
  @Get()
  @ApiOkResponse({ description: 'the process is alive' })
  live(): HealthStatus {
    return { status: 'ok' };
  }

  /** Readiness: the database and the object store answer; a load balancer sends traffic only then. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ description: 'database and object store reachable' })
  @ApiServiceUnavailableResponse({ description: 'a dependency does not answer' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthStatus> {
    const checks: NonNullable<HealthStatus['checks']> = {
      database: await probe(() => this.dataSource.query('SELECT 1')),
      storage: this.storage ? await probe(() => this.storage!.ensureReady()) : { status: 'error', message: 'no storage driver' },
    };
    const ok = Object.values(checks).every((check) => check.status === 'ok');
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', checks };
  }
}

async function probe(check: () => Promise<unknown>): Promise<{ status: 'ok' | 'error'; message?: string }> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout after 3 s')), 3000).unref())]);
    return { status: 'ok' };
  } catch (error) {
    return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
