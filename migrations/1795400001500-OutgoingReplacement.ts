import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing documents, fourth part: replacement (thay thế; Decree 30 Art. 18 — an issued document
 * wrong in its content is replaced by a document of the same form). The new draft names the issued
 * document it replaces and why; when it is issued, the old one becomes `replaced` at that moment.
 * A document is replaced once: the partial unique index lets several drafts be started but only
 * one replacement be issued.
 */
export class OutgoingReplacement1795400001500 implements MigrationInterface {
  name = 'OutgoingReplacement1795400001500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "outgoing_document"
        ADD "replaces_id" uuid,
        ADD "replacement_reason" text,
        ADD "replaced_at" TIMESTAMP WITH TIME ZONE,
        ADD CONSTRAINT "FK_outgoing_document_replaces" FOREIGN KEY ("replaces_id") REFERENCES "outgoing_document"("id") ON DELETE RESTRICT,
        ADD CONSTRAINT "CHK_outgoing_document_replacement_reason" CHECK ("replaces_id" IS NULL OR "replacement_reason" IS NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "outgoing_document_replaces" ON "outgoing_document" ("replaces_id") WHERE "replaces_id" IS NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "outgoing_document_one_replacement" ON "outgoing_document" ("replaces_id") WHERE "replaces_id" IS NOT NULL AND "issued_at" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "outgoing_document_one_replacement"`);
    await queryRunner.query(`DROP INDEX "outgoing_document_replaces"`);
    await queryRunner.query(`
      ALTER TABLE "outgoing_document"
        DROP CONSTRAINT "CHK_outgoing_document_replacement_reason",
        DROP CONSTRAINT "FK_outgoing_document_replaces",
        DROP COLUMN "replaced_at",
        DROP COLUMN "replacement_reason",
        DROP COLUMN "replaces_id"`);
  }
}
