import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing documents, second part: the signer's signature and the issuance (number in the outgoing
 * register, date, the organisation's signature). A version says which signature it carries; the
 * document keeps its number and notation, and the number is unique per register and year as a
 * last guard behind the counter (Decree 30 Art. 15).
 */
export class OutgoingIssuance1795400001300 implements MigrationInterface {
  name = 'OutgoingIssuance1795400001300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "draft_version" ADD "signature" character varying(12)`);
    await queryRunner.query(`
      ALTER TABLE "outgoing_document"
        ADD "signed_version_id" uuid,
        ADD "signed_at" TIMESTAMP WITH TIME ZONE,
        ADD "register_id" uuid,
        ADD "issued_year" integer,
        ADD "number" integer,
        ADD "number_and_notation" character varying(60),
        ADD "issued_on" date,
        ADD "issued_at" TIMESTAMP WITH TIME ZONE,
        ADD "issued_by_id" uuid,
        ADD "issued_version_id" uuid,
        ADD CONSTRAINT "FK_outgoing_document_signed_version" FOREIGN KEY ("signed_version_id") REFERENCES "draft_version"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "FK_outgoing_document_issued_version" FOREIGN KEY ("issued_version_id") REFERENCES "draft_version"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "FK_outgoing_document_register" FOREIGN KEY ("register_id") REFERENCES "document_register"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "FK_outgoing_document_issued_by" FOREIGN KEY ("issued_by_id") REFERENCES "user"("id") ON DELETE SET NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "outgoing_document_register_number" ON "outgoing_document" ("register_id", "issued_year", "number") WHERE "number" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "outgoing_document_register_number"`);
    await queryRunner.query(`
      ALTER TABLE "outgoing_document"
        DROP CONSTRAINT "FK_outgoing_document_issued_by",
        DROP CONSTRAINT "FK_outgoing_document_register",
        DROP CONSTRAINT "FK_outgoing_document_issued_version",
        DROP CONSTRAINT "FK_outgoing_document_signed_version",
        DROP COLUMN "issued_version_id",
        DROP COLUMN "issued_by_id",
        DROP COLUMN "issued_at",
        DROP COLUMN "issued_on",
        DROP COLUMN "number_and_notation",
        DROP COLUMN "number",
        DROP COLUMN "issued_year",
        DROP COLUMN "register_id",
        DROP COLUMN "signed_at",
        DROP COLUMN "signed_version_id"`);
    await queryRunner.query(`ALTER TABLE "draft_version" DROP COLUMN "signature"`);
  }
}
