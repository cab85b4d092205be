import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing documents, third part: dispatch (phát hành) and recall (thu hồi), Decree 30 Art. 16–17.
 * - each recipient row records whether and when it was delivered, and the incoming document it
 *   became for a unit of this agency;
 * - an incoming document knows the outgoing document it came from, and when it was recalled;
 * - `exchange_outbox` holds what the interconnection (trục liên thông) must carry to other
 *   agencies — one row per agency and message, unique by its idempotency key, so a retried
 *   dispatch or recall never queues a message twice.
 */
export class OutgoingDispatch1795400001400 implements MigrationInterface {
  name = 'OutgoingDispatch1795400001400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "outgoing_document"
        ADD "dispatched_at" TIMESTAMP WITH TIME ZONE,
        ADD "dispatched_by_id" uuid,
        ADD "recalled_at" TIMESTAMP WITH TIME ZONE,
        ADD "recalled_by_id" uuid,
        ADD "recall_reason" text,
        ADD CONSTRAINT "FK_outgoing_document_dispatched_by" FOREIGN KEY ("dispatched_by_id") REFERENCES "user"("id") ON DELETE SET NULL,
        ADD CONSTRAINT "FK_outgoing_document_recalled_by" FOREIGN KEY ("recalled_by_id") REFERENCES "user"("id") ON DELETE SET NULL`);
    await queryRunner.query(`
      ALTER TABLE "incoming_document"
        ADD "source_outgoing_id" uuid,
        ADD "recalled_at" TIMESTAMP WITH TIME ZONE,
        ADD CONSTRAINT "FK_incoming_document_source_outgoing" FOREIGN KEY ("source_outgoing_id") REFERENCES "outgoing_document"("id") ON DELETE RESTRICT`);
    await queryRunner.query(`CREATE INDEX "incoming_document_source_outgoing" ON "incoming_document" ("source_outgoing_id") WHERE "source_outgoing_id" IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE "outgoing_recipient"
        ADD "status" character varying(20) NOT NULL DEFAULT 'pending',
        ADD "delivered_at" TIMESTAMP WITH TIME ZONE,
        ADD "incoming_document_id" uuid,
        ADD CONSTRAINT "FK_outgoing_recipient_incoming" FOREIGN KEY ("incoming_document_id") REFERENCES "incoming_document"("id") ON DELETE SET NULL`);
    await queryRunner.query(`
      CREATE TABLE "exchange_outbox" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" character varying(10) NOT NULL,
        "outgoing_document_id" uuid NOT NULL,
        "organ_id" uuid NOT NULL,
        "status" character varying(20) NOT NULL,
        "payload" jsonb NOT NULL,
        "idempotency_key" character varying(200) NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_exchange_outbox" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_exchange_outbox_idempotency_key" UNIQUE ("idempotency_key"),
        CONSTRAINT "FK_exchange_outbox_document" FOREIGN KEY ("outgoing_document_id") REFERENCES "outgoing_document"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_exchange_outbox_organ" FOREIGN KEY ("organ_id") REFERENCES "organ"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "exchange_outbox_document" ON "exchange_outbox" ("outgoing_document_id")`);
    // what the interconnection will pick up next, oldest first
    await queryRunner.query(`CREATE INDEX "exchange_outbox_waiting" ON "exchange_outbox" ("created_at") WHERE "status" = 'waiting_for_axis'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "exchange_outbox"`);
    await queryRunner.query(`
      ALTER TABLE "outgoing_recipient"
        DROP CONSTRAINT "FK_outgoing_recipient_incoming",
        DROP COLUMN "incoming_document_id",
        DROP COLUMN "delivered_at",
        DROP COLUMN "status"`);
    await queryRunner.query(`DROP INDEX "incoming_document_source_outgoing"`);
    await queryRunner.query(`
      ALTER TABLE "incoming_document"
        DROP CONSTRAINT "FK_incoming_document_source_outgoing",
        DROP COLUMN "recalled_at",
        DROP COLUMN "source_outgoing_id"`);
    await queryRunner.query(`
      ALTER TABLE "outgoing_document"
        DROP CONSTRAINT "FK_outgoing_document_recalled_by",
        DROP CONSTRAINT "FK_outgoing_document_dispatched_by",
        DROP COLUMN "recall_reason",
        DROP COLUMN "recalled_by_id",
        DROP COLUMN "recalled_at",
        DROP COLUMN "dispatched_by_id",
        DROP COLUMN "dispatched_at"`);
  }
}
