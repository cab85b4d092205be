import { MigrationInterface, QueryRunner } from 'typeorm';

/** The reply named when an incoming document is completed, and the reason when it is refused. */
export class IncomingReplyAndRefusal1795400000900 implements MigrationInterface {
  name = 'IncomingReplyAndRefusal1795400000900';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incoming_document" ADD "reply_reference" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "incoming_document" ADD "rejection_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incoming_document" DROP COLUMN "rejection_reason"`);
    await queryRunner.query(`ALTER TABLE "incoming_document" DROP COLUMN "reply_reference"`);
  }
}
