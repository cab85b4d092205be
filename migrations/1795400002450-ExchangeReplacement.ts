import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A replacement (thay thế, edXML Bussiness 3) travels as the operator's samples send it: the NEW
 * document's message, with its files and ReplacementInfo naming the old DocumentId.
 * - `exchange_received_document.replacement_incoming_id`: on the old document received from an
 *   agency, the incoming document that replaces it (the request the clerk answers links to it).
 * - `exchange_outbox` rows of the former `replace` kind still waiting are dropped: a message about
 *   the old document without files, never sent, whose news the replacing document's own dispatch
 *   now carries. Those already sent stay as the record of what went out.
 */
export class ExchangeReplacement1795400002450 implements MigrationInterface {
  name = 'ExchangeReplacement1795400002450';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exchange_received_document" ADD "replacement_incoming_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "exchange_received_document" ADD CONSTRAINT "FK_exchange_received_document_replacement" FOREIGN KEY ("replacement_incoming_id") REFERENCES "incoming_document"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(`DELETE FROM "exchange_outbox" WHERE "kind" = 'replace' AND "status" = 'waiting_for_axis'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // the dropped waiting rows are not brought back: the replacing documents' dispatches carried them
    await queryRunner.query(`ALTER TABLE "exchange_received_document" DROP CONSTRAINT "FK_exchange_received_document_replacement"`);
    await queryRunner.query(`ALTER TABLE "exchange_received_document" DROP COLUMN "replacement_incoming_id"`);
  }
}
