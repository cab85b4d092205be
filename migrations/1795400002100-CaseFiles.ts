import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case files (hồ sơ công việc) and the archive (Decree 30/2020 Art. 28–31, Appendix V and VI):
 * - the yearly file plan (danh mục hồ sơ): headings and planned files, approved by the head;
 * - case files, opened from the plan or not, with their linked documents (references to incoming
 *   and outgoing documents, never copies; internal papers are files uploaded into the case file),
 *   notes, timeline and shares; retention in years, NULL meaning permanent (vĩnh viễn);
 * - handovers to the archive (nộp lưu) with a number per year, and borrowing requests.
 */
export class CaseFiles1795400002100 implements MigrationInterface {
  name = 'CaseFiles1795400002100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "file_plan" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "year" integer NOT NULL,
        "state" character varying(10) NOT NULL DEFAULT 'draft',
        "created_by_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "approved_by_id" uuid,
        "approved_at" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_file_plan" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_file_plan_year" UNIQUE ("year"),
        CONSTRAINT "CHK_file_plan_state" CHECK ("state" IN ('draft', 'approved')),
        CONSTRAINT "FK_file_plan_created_by" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_file_plan_approved_by" FOREIGN KEY ("approved_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "file_plan_heading" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "plan_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "code" character varying(20) NOT NULL,
        "title" character varying(500) NOT NULL,
        CONSTRAINT "PK_file_plan_heading" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_file_plan_heading_code" UNIQUE ("plan_id", "code"),
        CONSTRAINT "FK_file_plan_heading_plan" FOREIGN KEY ("plan_id") REFERENCES "file_plan"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "file_plan_entry" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "plan_id" uuid NOT NULL,
        "heading_id" uuid NOT NULL,
        "code" character varying(30) NOT NULL,
        "title" character varying(500) NOT NULL,
        "retention_years" integer,
        "keeper_id" uuid,
        "note" character varying(500),
        CONSTRAINT "PK_file_plan_entry" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_file_plan_entry_code" UNIQUE ("plan_id", "code"),
        CONSTRAINT "CHK_file_plan_entry_retention" CHECK ("retention_years" IS NULL OR "retention_years" BETWEEN 1 AND 100),
        CONSTRAINT "FK_file_plan_entry_plan" FOREIGN KEY ("plan_id") REFERENCES "file_plan"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_file_plan_entry_heading" FOREIGN KEY ("heading_id") REFERENCES "file_plan_heading"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_file_plan_entry_keeper" FOREIGN KEY ("keeper_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "file_plan_entry_heading" ON "file_plan_entry" ("heading_id")`);
    await queryRunner.query(`
      CREATE TABLE "archive_handover" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "year" integer NOT NULL,
        "sequence" integer NOT NULL,
        "unit_id" uuid,
        "delivered_by_id" uuid,
        "received_by_id" uuid NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "note" character varying(1000),
        CONSTRAINT "PK_archive_handover" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_archive_handover_number" UNIQUE ("year", "sequence"),
        CONSTRAINT "FK_archive_handover_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_archive_handover_delivered_by" FOREIGN KEY ("delivered_by_id") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_archive_handover_received_by" FOREIGN KEY ("received_by_id") REFERENCES "user"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`
      CREATE TABLE "case_file" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "plan_entry_id" uuid,
        "year" integer NOT NULL,
        "code" character varying(30) NOT NULL,
        "title" character varying(500) NOT NULL,
        "retention_years" integer,
        "usage_mode" character varying(20) NOT NULL,
        "medium" character varying(20) NOT NULL DEFAULT 'electronic',
        "language" character varying(50) NOT NULL DEFAULT 'Tiếng Việt',
        "description" character varying(500),
        "keeper_id" uuid NOT NULL,
        "unit_id" uuid,
        "start_date" date NOT NULL,
        "end_date" date,
        "state" character varying(20) NOT NULL DEFAULT 'open',
        "document_count" integer NOT NULL DEFAULT 0,
        "page_count" integer,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "closed_by_id" uuid,
        "archived_at" TIMESTAMP WITH TIME ZONE,
        "handover_id" uuid,
        "created_by_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_case_file" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_case_file_code" UNIQUE ("year", "code"),
        CONSTRAINT "CHK_case_file_state" CHECK ("state" IN ('open', 'closed', 'archived')),
        CONSTRAINT "CHK_case_file_usage_mode" CHECK ("usage_mode" IN ('public', 'restricted')),
        CONSTRAINT "CHK_case_file_medium" CHECK ("medium" IN ('electronic', 'paper')),
        CONSTRAINT "CHK_case_file_retention" CHECK ("retention_years" IS NULL OR "retention_years" BETWEEN 1 AND 100),
        CONSTRAINT "CHK_case_file_dates" CHECK ("end_date" IS NULL OR "end_date" >= "start_date"),
        CONSTRAINT "FK_case_file_plan_entry" FOREIGN KEY ("plan_entry_id") REFERENCES "file_plan_entry"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_case_file_keeper" FOREIGN KEY ("keeper_id") REFERENCES "user"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_case_file_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_case_file_closed_by" FOREIGN KEY ("closed_by_id") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_case_file_created_by" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_case_file_handover" FOREIGN KEY ("handover_id") REFERENCES "archive_handover"("id") ON DELETE RESTRICT
      )`);
    // one case file per planned entry
    await queryRunner.query(`CREATE UNIQUE INDEX "case_file_plan_entry" ON "case_file" ("plan_entry_id") WHERE "plan_entry_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "case_file_keeper" ON "case_file" ("keeper_id", "updated_at")`);
    await queryRunner.query(`CREATE INDEX "case_file_unit_year" ON "case_file" ("unit_id", "year")`);
    // what the archivist waits for: closed files not yet handed over
    await queryRunner.query(`CREATE INDEX "case_file_closed" ON "case_file" ("end_date") WHERE "state" = 'closed'`);
    await queryRunner.query(`
      CREATE TABLE "case_file_document" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_file_id" uuid NOT NULL,
        "kind" character varying(20) NOT NULL,
        "document_id" uuid,
        "position" integer NOT NULL,
        "title" character varying(500) NOT NULL,
        "number_and_notation" character varying(60),
        "document_date" date,
        "type_name" character varying(100),
        "author" character varying(200),
        "page_count" integer,
        "final" boolean NOT NULL,
        "files" jsonb NOT NULL,
        "added_by_id" uuid,
        "added_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_case_file_document" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_case_file_document_kind" CHECK ("kind" IN ('incoming', 'outgoing', 'internal')),
        CONSTRAINT "CHK_case_file_document_reference" CHECK (("kind" = 'internal') = ("document_id" IS NULL)),
        CONSTRAINT "CHK_case_file_document_pages" CHECK ("page_count" IS NULL OR "page_count" > 0),
        CONSTRAINT "FK_case_file_document_case_file" FOREIGN KEY ("case_file_id") REFERENCES "case_file"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_case_file_document_added_by" FOREIGN KEY ("added_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    // a document once per case file (it may be in several case files)
    await queryRunner.query(`CREATE UNIQUE INDEX "case_file_document_once" ON "case_file_document" ("case_file_id", "kind", "document_id") WHERE "document_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "case_file_document_document" ON "case_file_document" ("document_id") WHERE "document_id" IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE "case_file_note" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_file_id" uuid NOT NULL,
        "author_id" uuid,
        "text" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_case_file_note" PRIMARY KEY ("id"),
        CONSTRAINT "FK_case_file_note_case_file" FOREIGN KEY ("case_file_id") REFERENCES "case_file"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_case_file_note_author" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "case_file_note_case_file" ON "case_file_note" ("case_file_id", "created_at")`);
    await queryRunner.query(`
      CREATE TABLE "case_file_history_entry" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_file_id" uuid NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "actor_id" uuid,
        "action" character varying(40) NOT NULL,
        "details" jsonb,
        CONSTRAINT "PK_case_file_history_entry" PRIMARY KEY ("id"),
        CONSTRAINT "FK_case_file_history_case_file" FOREIGN KEY ("case_file_id") REFERENCES "case_file"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_case_file_history_actor" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "case_file_history_case_file" ON "case_file_history_entry" ("case_file_id", "at")`);
    await queryRunner.query(`
      CREATE TABLE "case_file_share" (
        "case_file_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "access" character varying(20) NOT NULL,
        "granted_by_id" uuid,
        "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_case_file_share" PRIMARY KEY ("case_file_id", "user_id"),
        CONSTRAINT "CHK_case_file_share_access" CHECK ("access" IN ('read', 'contribute')),
        CONSTRAINT "FK_case_file_share_case_file" FOREIGN KEY ("case_file_id") REFERENCES "case_file"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_case_file_share_user" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_case_file_share_granted_by" FOREIGN KEY ("granted_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "case_file_share_user" ON "case_file_share" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "archive_borrow_request" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "case_file_id" uuid NOT NULL,
        "requester_id" uuid NOT NULL,
        "purpose" character varying(1000) NOT NULL,
        "until" date NOT NULL,
        "state" character varying(20) NOT NULL DEFAULT 'pending',
        "decided_by_id" uuid,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "decision_note" character varying(1000),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_archive_borrow_request" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_archive_borrow_request_state" CHECK ("state" IN ('pending', 'approved', 'refused', 'returned')),
        CONSTRAINT "FK_archive_borrow_request_case_file" FOREIGN KEY ("case_file_id") REFERENCES "case_file"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_archive_borrow_request_requester" FOREIGN KEY ("requester_id") REFERENCES "user"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_archive_borrow_request_decided_by" FOREIGN KEY ("decided_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "archive_borrow_request_requester" ON "archive_borrow_request" ("requester_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "archive_borrow_request_pending" ON "archive_borrow_request" ("created_at") WHERE "state" = 'pending'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "archive_borrow_request"`);
    await queryRunner.query(`DROP TABLE "case_file_share"`);
    await queryRunner.query(`DROP TABLE "case_file_history_entry"`);
    await queryRunner.query(`DROP TABLE "case_file_note"`);
    await queryRunner.query(`DROP TABLE "case_file_document"`);
    await queryRunner.query(`DROP TABLE "case_file"`);
    await queryRunner.query(`DROP TABLE "archive_handover"`);
    await queryRunner.query(`DROP TABLE "file_plan_entry"`);
    await queryRunner.query(`DROP TABLE "file_plan_heading"`);
    await queryRunner.query(`DROP TABLE "file_plan"`);
  }
}
