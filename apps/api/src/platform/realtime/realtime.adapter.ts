import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Pool } from 'pg';
import type { Server, ServerOptions } from 'socket.io';
import { SOCKET_PATH } from '@app/contracts';
import { AppConfig } from '../config/app-config';

/**
 * socket.io on the API's own port under /api, with the same CORS rule as HTTP. Events fan out to
 * the other replicas through PostgreSQL (LISTEN/NOTIFY), so no Redis and no sticky sessions for
 * WebSocket clients are needed.
 */
export class RealtimeAdapter extends IoAdapter {
  private readonly pool: Pool;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    databaseUrl: string,
  ) {
    super(app);
    this.pool = new Pool({ connectionString: databaseUrl, max: 2, application_name: 'e-office-realtime' });
    this.pool.on('error', () => undefined); // a dropped idle connection is replaced on next use
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      path: SOCKET_PATH,
      serveClient: false,
      maxHttpBufferSize: 1_000_000,
      cors: this.config.CORS_ORIGINS.length ? { origin: this.config.CORS_ORIGINS, credentials: true } : undefined,
    }) as Server;
    server.adapter(createAdapter(this.pool, { tableName: 'socket_io_attachments', heartbeatInterval: 5000 }));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.pool.end().catch(() => undefined);
  }
}
