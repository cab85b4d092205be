import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { ServerOptions } from 'socket.io';
import { SOCKET_PATH } from '@app/contracts';
import { AppConfig } from '../config/app-config';

/** socket.io on the API's own port under /api, with the same CORS rule as HTTP. */
export class RealtimeAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): unknown {
    return super.createIOServer(port, {
      ...options,
      path: SOCKET_PATH,
      serveClient: false,
      maxHttpBufferSize: 1_000_000,
      cors: this.config.CORS_ORIGINS.length ? { origin: this.config.CORS_ORIGINS, credentials: true } : undefined,
    });
  }
}
