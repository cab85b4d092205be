import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The interconnection with the national document exchange axis (edXML, QCVN 102:2016):
 * - `exchange_sent_document`: the edXML DocumentId each outgoing document travels under, so the
 *   statuses that come back find their document.
 * - `exchange_inbox_message`: every message taken from the axis, its raw bytes stored as a file
 *   before the axis is told it was received; unique by the axis' id, so fetching it again stores nothing new.
 * - `exchange_received_document`: a document received from another agency, unique by sender and
 *   DocumentId (a message delivered twice makes one incoming document), with the change (recall,
 *   update, replacement) the sender asked for and the clerk's answer.
 * - `exchange_status_outbox`: the statuses this agency owes the senders (01–06, 15, 16), one per
 *   document and code, written in the transaction of the step that causes it.
 * - `exchange_received_status`: the statuses other agencies sent about our outgoing documents.
 */
export class Exchange1795400002000 implements MigrationInterface {
  name = 'Exchange1795400002000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "exchange_sent_document" (
        "document_id" character varying(200) NOT NULL,
        "outgoing_document_id" uuid NOT NULL,
        CONSTRAINT "PK_exchange_sent_document" PRIMARY KEY ("document_id"),
        CONSTRAINT "UQ_exchange_sent_document_outgoing" UNIQUE ("outgoing_document_id"),
        CONSTRAINT "FK_exchange_sent_document_outgoing" FOREIGN KEY ("outgoing_document_id") REFERENCES "outgoing_document"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`
      CREATE TABLE "exchange_inbox_message" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "axis_doc_id" character varying(100) NOT NULL,
        "message_type" character varying(10) NOT NULL,
        "from_organ_id" character varying(50) NOT NULL,
        "raw_file_id" uuid NOT NULL,
        "state" character varying(15) NOT NULL,
        "problem" text,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "processed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_exchange_inbox_message" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_exchange_inbox_message_axis_doc_id" UNIQUE ("axis_doc_id"),
        CONSTRAINT "FK_exchange_inbox_message_raw_file" FOREIGN KEY ("raw_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT,
        CONSTRAINT "CHK_exchange_inbox_message_state" CHECK ("state" IN ('stored', 'processed', 'duplicate', 'unreadable'))
      )`);
    // what the poller still has to turn into documents and statuses, oldest first
    await queryRunner.query(`CREATE INDEX "exchange_inbox_message_stored" ON "exchange_inbox_message" ("received_at") WHERE "state" = 'stored'`);
    await queryRunner.query(`
      CREATE TABLE "exchange_received_document" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "from_organ_id" character varying(50) NOT NULL,
        "from_organ_name" character varying(300),
        "document_id" character varying(200) NOT NULL,
        "code" character varying(50),
        "promulgation_date" character varying(10),
        "incoming_document_id" uuid NOT NULL,
        "inbox_message_id" uuid NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "change_kind" character varying(10),
        "change_reason" text,
        "change_requested_at" TIMESTAMP WITH TIME ZONE,
        "change_answer" character varying(10),
        "change_answer_reason" text,
        "change_answered_at" TIMESTAMP WITH TIME ZONE,
        "change_answered_by_id" uuid,
        CONSTRAINT "PK_exchange_received_document" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_exchange_received_document_sender" UNIQUE ("from_organ_id", "document_id"),
        CONSTRAINT "UQ_exchange_received_document_incoming" UNIQUE ("incoming_document_id"),
        CONSTRAINT "FK_exchange_received_document_incoming" FOREIGN KEY ("incoming_document_id") REFERENCES "incoming_document"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_exchange_received_document_message" FOREIGN KEY ("inbox_message_id") REFERENCES "exchange_inbox_message"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_exchange_received_document_answered_by" FOREIGN KEY ("change_answered_by_id") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "CHK_exchange_received_document_change" CHECK ("change_kind" IS NULL OR "change_kind" IN ('recall', 'update', 'replace')),
        CONSTRAINT "CHK_exchange_received_document_answer" CHECK ("change_answer" IS NULL OR "change_answer" IN ('accepted', 'refused'))
      )`);
    await queryRunner.query(`
      CREATE TABLE "exchange_status_outbox" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "received_document_id" uuid NOT NULL,
        "status_code" character varying(2) NOT NULL,
        "description" text NOT NULL,
        "staff" jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" character varying(20) NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_exchange_status_outbox" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_exchange_status_outbox_code" UNIQUE ("received_document_id", "status_code"),
        CONSTRAINT "FK_exchange_status_outbox_document" FOREIGN KEY ("received_document_id") REFERENCES "exchange_received_document"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "exchange_status_outbox_waiting" ON "exchange_status_outbox" ("created_at") WHERE "status" = 'waiting_for_axis'`);
    await queryRunner.query(`
      CREATE TABLE "exchange_received_status" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "inbox_message_id" uuid NOT NULL,
        "outgoing_document_id" uuid NOT NULL,
        "organ_id" character varying(50) NOT NULL,
        "status_code" character varying(2) NOT NULL,
        "description" text,
        "staff" jsonb,
        "stated_at" TIMESTAMP WITH TIME ZONE,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_exchange_received_status" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_exchange_received_status_message" UNIQUE ("inbox_message_id"),
        CONSTRAINT "FK_exchange_received_status_message" FOREIGN KEY ("inbox_message_id") REFERENCES "exchange_inbox_message"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_exchange_received_status_outgoing" FOREIGN KEY ("outgoing_document_id") REFERENCES "outgoing_document"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "exchange_received_status_document" ON "exchange_received_status" ("outgoing_document_id", "received_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "exchange_received_status"`);
    await queryRunner.query(`DROP TABLE "exchange_status_outbox"`);
    await queryRunner.query(`DROP TABLE "exchange_received_document"`);
    await queryRunner.query(`DROP TABLE "exchange_inbox_message"`);
    await queryRunner.query(`DROP TABLE "exchange_sent_document"`);
  }
}
