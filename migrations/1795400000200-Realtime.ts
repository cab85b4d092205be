import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * socket.io events fan out between API replicas through PostgreSQL (LISTEN/NOTIFY); payloads too
 * large for a NOTIFY go through this table, which the adapter itself cleans up.
 */
export class Realtime1795400000200 implements MigrationInterface {
  name = 'Realtime1795400000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE socket_io_attachments`);
  }
}
