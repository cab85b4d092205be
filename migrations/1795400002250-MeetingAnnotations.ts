import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Annotations on meeting materials (ghi chú trên tài liệu), stored in our own table, never inside
 * the PDF:
 * - `meeting_annotation`: one row per annotation, anchored to an immutable material version (and
 *   its SHA-256, copied so an export can prove which bytes it was made on), a 0-based page, the
 *   shape in PDF user-space coordinates (jsonb), the quoted text of a highlight, colour, comment,
 *   author and visibility (`private`: only its author ever receives it; `shared`: everyone who may
 *   read the material). `version` is the optimistic lock (a stale edit is 409); a deletion only
 *   sets `deleted_at`. `change` is taken from one sequence at every write, so a viewer that was
 *   offline asks for "the changes of this version after N" and gets edits and deletions alike.
 * - `meeting_annotation_revision`: every state an annotation has had (created, each edit, the
 *   deletion), append-only, with who made it and when.
 */
export class MeetingAnnotations1795400002250 implements MigrationInterface {
  name = 'MeetingAnnotations1795400002250';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "meeting_annotation_change"`);
    await queryRunner.query(`
      CREATE TABLE "meeting_annotation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "material_version_id" uuid NOT NULL,
        "material_sha256" character(64) NOT NULL,
        "page_index" integer NOT NULL,
        "kind" character varying(20) NOT NULL,
        "shape" jsonb NOT NULL,
        "quote" text,
        "color" character(7) NOT NULL,
        "comment" text,
        "visibility" character varying(10) NOT NULL,
        "author_id" uuid NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "change" bigint NOT NULL DEFAULT nextval('meeting_annotation_change'),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "deleted_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_meeting_annotation" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_meeting_annotation_page" CHECK ("page_index" >= 0),
        CONSTRAINT "CHK_meeting_annotation_kind" CHECK ("kind" IN ('highlight', 'ink', 'rectangle', 'note')),
        CONSTRAINT "CHK_meeting_annotation_visibility" CHECK ("visibility" IN ('private', 'shared')),
        CONSTRAINT "CHK_meeting_annotation_color" CHECK ("color" ~ '^#[0-9a-f]{6}$'),
        CONSTRAINT "FK_meeting_annotation_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_annotation_version" FOREIGN KEY ("material_version_id") REFERENCES "meeting_material_version"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_annotation_author" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE CASCADE
      )`);
    // a viewer loads a version's annotations, and after a reconnection its changes after N
    await queryRunner.query(`CREATE INDEX "meeting_annotation_version_change" ON "meeting_annotation" ("material_version_id", "change")`);
    await queryRunner.query(`
      CREATE TABLE "meeting_annotation_revision" (
        "annotation_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "action" character varying(10) NOT NULL,
        "shape" jsonb NOT NULL,
        "color" character(7) NOT NULL,
        "comment" text,
        "visibility" character varying(10) NOT NULL,
        "by_id" uuid NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_meeting_annotation_revision" PRIMARY KEY ("annotation_id", "version"),
        CONSTRAINT "CHK_meeting_annotation_revision_action" CHECK ("action" IN ('create', 'update', 'delete')),
        CONSTRAINT "FK_meeting_annotation_revision_annotation" FOREIGN KEY ("annotation_id") REFERENCES "meeting_annotation"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_annotation_revision_by" FOREIGN KEY ("by_id") REFERENCES "user"("id") ON DELETE CASCADE
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "meeting_annotation_revision"`);
    await queryRunner.query(`DROP TABLE "meeting_annotation"`);
    await queryRunner.query(`DROP SEQUENCE "meeting_annotation_change"`);
  }
}
