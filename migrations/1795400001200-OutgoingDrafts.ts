import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing documents, first part: drafts with their recipients, immutable versions (and their
 * attachments), the review chain, comments threaded per version, and the timeline.
 */
export class OutgoingDrafts1795400001200 implements MigrationInterface {
  name = 'OutgoingDrafts1795400001200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outgoing_document" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_type" character varying(30) NOT NULL,
        "subject" character varying(500) NOT NULL,
        "urgency" character varying(12) NOT NULL,
        "confidentiality" character varying(12) NOT NULL,
        "signer_id" uuid NOT NULL,
        "drafter_id" uuid NOT NULL,
        "drafting_unit_id" uuid,
        "recipients_text" text,
        "reply_to_incoming_id" uuid,
        "state" character varying(15) NOT NULL,
        "pdf_for_signing_version_id" uuid,
        "pdf_for_signing_issue" character varying(30),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_outgoing_document" PRIMARY KEY ("id"),
        CONSTRAINT "FK_outgoing_document_signer" FOREIGN KEY ("signer_id") REFERENCES "user"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_outgoing_document_drafter" FOREIGN KEY ("drafter_id") REFERENCES "user"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_outgoing_document_drafting_unit" FOREIGN KEY ("drafting_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_outgoing_document_reply_to_incoming" FOREIGN KEY ("reply_to_incoming_id") REFERENCES "incoming_document"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "outgoing_document_drafter_updated" ON "outgoing_document" ("drafter_id", "updated_at", "id")`);
    await queryRunner.query(`CREATE INDEX "outgoing_document_state_updated" ON "outgoing_document" ("state", "updated_at", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_outgoing_document_signer" ON "outgoing_document" ("signer_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_outgoing_document_drafting_unit" ON "outgoing_document" ("drafting_unit_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_outgoing_document_reply_to_incoming" ON "outgoing_document" ("reply_to_incoming_id")`);

    await queryRunner.query(`
      CREATE TABLE "outgoing_recipient" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "unit_id" uuid,
        "organ_id" uuid,
        "position" integer NOT NULL,
        CONSTRAINT "PK_outgoing_recipient" PRIMARY KEY ("id"),
        CONSTRAINT "outgoing_recipient_one_kind" CHECK (("unit_id" IS NULL) <> ("organ_id" IS NULL)),
        CONSTRAINT "FK_outgoing_recipient_document" FOREIGN KEY ("document_id") REFERENCES "outgoing_document"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_outgoing_recipient_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_outgoing_recipient_organ" FOREIGN KEY ("organ_id") REFERENCES "organ"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_outgoing_recipient_position" ON "outgoing_recipient" ("document_id", "position")`);

    await queryRunner.query(`
      CREATE TABLE "draft_version" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "file_id" uuid NOT NULL,
        "sha256" character(64) NOT NULL,
        "uploaded_by_id" uuid,
        "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "note" text,
        "converted_from_number" integer,
        CONSTRAINT "PK_draft_version" PRIMARY KEY ("id"),
        CONSTRAINT "draft_version_number_positive" CHECK ("number" >= 1),
        CONSTRAINT "FK_draft_version_document" FOREIGN KEY ("document_id") REFERENCES "outgoing_document"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_draft_version_file" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_draft_version_number" ON "draft_version" ("document_id", "number")`);
    await queryRunner.query(`CREATE INDEX "IDX_draft_version_file" ON "draft_version" ("file_id")`);
    await queryRunner.query(`
      ALTER TABLE "outgoing_document" ADD CONSTRAINT "FK_outgoing_document_pdf_for_signing"
        FOREIGN KEY ("pdf_for_signing_version_id") REFERENCES "draft_version"("id") ON DELETE SET NULL`);

    await queryRunner.query(`
      CREATE TABLE "draft_attachment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "version_id" uuid NOT NULL,
        "file_id" uuid NOT NULL,
        "position" integer NOT NULL,
        CONSTRAINT "PK_draft_attachment" PRIMARY KEY ("id"),
        CONSTRAINT "FK_draft_attachment_version" FOREIGN KEY ("version_id") REFERENCES "draft_version"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_draft_attachment_file" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_draft_attachment_position" ON "draft_attachment" ("version_id", "position")`);
    await queryRunner.query(`CREATE INDEX "IDX_draft_attachment_file" ON "draft_attachment" ("file_id")`);

    await queryRunner.query(`
      CREATE TABLE "review_step" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "kind" character varying(12) NOT NULL,
        "reviewer_id" uuid NOT NULL,
        "state" character varying(10) NOT NULL,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "decided_on_version" integer,
        CONSTRAINT "PK_review_step" PRIMARY KEY ("id"),
        CONSTRAINT "FK_review_step_document" FOREIGN KEY ("document_id") REFERENCES "outgoing_document"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_review_step_reviewer" FOREIGN KEY ("reviewer_id") REFERENCES "user"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_review_step_position" ON "review_step" ("document_id", "position")`);
    await queryRunner.query(`CREATE INDEX "review_step_reviewer_state" ON "review_step" ("reviewer_id", "state")`);

    await queryRunner.query(`
      CREATE TABLE "draft_comment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "version_id" uuid NOT NULL,
        "parent_id" uuid,
        "author_id" uuid NOT NULL,
        "text" text NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_draft_comment" PRIMARY KEY ("id"),
        CONSTRAINT "FK_draft_comment_document" FOREIGN KEY ("document_id") REFERENCES "outgoing_document"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_draft_comment_version" FOREIGN KEY ("version_id") REFERENCES "draft_version"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_draft_comment_parent" FOREIGN KEY ("parent_id") REFERENCES "draft_comment"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_draft_comment_author" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_draft_comment_document_at" ON "draft_comment" ("document_id", "at")`);

    await queryRunner.query(`
      CREATE TABLE "outgoing_history_entry" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "document_id" uuid NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "actor_id" uuid,
        "action" character varying(50) NOT NULL,
        "details" jsonb,
        CONSTRAINT "PK_outgoing_history_entry" PRIMARY KEY ("id"),
        CONSTRAINT "FK_outgoing_history_entry_document" FOREIGN KEY ("document_id") REFERENCES "outgoing_document"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_outgoing_history_entry_document_at" ON "outgoing_history_entry" ("document_id", "at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outgoing_history_entry"`);
    await queryRunner.query(`DROP TABLE "draft_comment"`);
    await queryRunner.query(`DROP TABLE "review_step"`);
    await queryRunner.query(`DROP TABLE "draft_attachment"`);
    await queryRunner.query(`ALTER TABLE "outgoing_document" DROP CONSTRAINT "FK_outgoing_document_pdf_for_signing"`);
    await queryRunner.query(`DROP TABLE "draft_version"`);
    await queryRunner.query(`DROP TABLE "outgoing_recipient"`);
    await queryRunner.query(`DROP TABLE "outgoing_document"`);
  }
}
