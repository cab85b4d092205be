import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Paperless meetings (họp không giấy), the core:
 * - `meeting_room`: rooms are a resource; a meeting holds its room for [starts_at, ends_at), and
 *   two live meetings never hold one room at overlapping times (checked under the room's row lock);
 * - `meeting`: title, chair, time, room or place, online link, confidentiality, state, and the
 *   last sequence number of its event log (bumped under the meeting's row lock, so it is monotonic);
 * - `meeting_participant`: a user, a whole unit or a guest by name, with a role
 *   (chair/secretary/member/guest) and the answer to the invitation (attend/decline/delegate);
 * - `meeting_check_in`: who was present (điểm danh), by the member or the secretary;
 * - `meeting_agenda_item`: the ordered agenda, with presenter and planned duration;
 * - `meeting_material` and its immutable `meeting_material_version`s (a file identified by its
 *   SHA-256, its page count, when it is or was published); access for all participants or only
 *   the users in `meeting_material_reader`;
 * - `meeting_event`: the append-only log of what happened live, numbered per meeting, so a client
 *   that reconnects asks for everything after the last number it saw.
 */
export class Meetings1795400002200 implements MigrationInterface {
  name = 'Meetings1795400002200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "meeting_room" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" character varying(200) NOT NULL,
        "location" character varying(300),
        "capacity" integer,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_meeting_room" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_meeting_room_name" UNIQUE ("name")
      )`);
    await queryRunner.query(`
      CREATE TABLE "meeting" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "title" character varying(500) NOT NULL,
        "description" text,
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "room_id" uuid,
        "place" character varying(300),
        "online_link" character varying(1000),
        "confidential" boolean NOT NULL DEFAULT false,
        "state" character varying(20) NOT NULL DEFAULT 'draft',
        "organiser_id" uuid,
        "started_at" TIMESTAMP WITH TIME ZONE,
        "ended_at" TIMESTAMP WITH TIME ZONE,
        "invited_at" TIMESTAMP WITH TIME ZONE,
        "last_event_sequence" bigint NOT NULL DEFAULT 0,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_meeting" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_meeting_time" CHECK ("ends_at" > "starts_at"),
        CONSTRAINT "FK_meeting_room" FOREIGN KEY ("room_id") REFERENCES "meeting_room"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_meeting_organiser" FOREIGN KEY ("organiser_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "meeting_starts_at" ON "meeting" ("starts_at")`);
    await queryRunner.query(`CREATE INDEX "meeting_room_time" ON "meeting" ("room_id", "starts_at") WHERE "room_id" IS NOT NULL AND "state" <> 'cancelled'`);
    await queryRunner.query(`
      CREATE TABLE "meeting_participant" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "kind" character varying(10) NOT NULL,
        "user_id" uuid,
        "unit_id" uuid,
        "guest_name" character varying(200),
        "guest_email" character varying(200),
        "role" character varying(20) NOT NULL,
        "answer" character varying(20) NOT NULL DEFAULT 'pending',
        "answer_note" text,
        "answered_at" TIMESTAMP WITH TIME ZONE,
        "answered_by_id" uuid,
        "delegate_id" uuid,
        "position" integer NOT NULL DEFAULT 0,
        CONSTRAINT "PK_meeting_participant" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_meeting_participant_kind" CHECK (
          ("kind" = 'user' AND "user_id" IS NOT NULL AND "unit_id" IS NULL AND "guest_name" IS NULL)
          OR ("kind" = 'unit' AND "unit_id" IS NOT NULL AND "user_id" IS NULL AND "guest_name" IS NULL)
          OR ("kind" = 'guest' AND "guest_name" IS NOT NULL AND "user_id" IS NULL AND "unit_id" IS NULL)),
        CONSTRAINT "CHK_meeting_participant_delegate" CHECK (("answer" = 'delegate') = ("delegate_id" IS NOT NULL)),
        CONSTRAINT "FK_meeting_participant_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_participant_user" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_participant_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_participant_delegate" FOREIGN KEY ("delegate_id") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_meeting_participant_answered_by" FOREIGN KEY ("answered_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "meeting_participant_meeting" ON "meeting_participant" ("meeting_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "meeting_participant_user" ON "meeting_participant" ("meeting_id", "user_id") WHERE "user_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "meeting_participant_unit" ON "meeting_participant" ("meeting_id", "unit_id") WHERE "unit_id" IS NOT NULL`);
    // "which meetings am I in": by user, by unit, as a delegate
    await queryRunner.query(`CREATE INDEX "meeting_participant_by_user" ON "meeting_participant" ("user_id") WHERE "user_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "meeting_participant_by_unit" ON "meeting_participant" ("unit_id") WHERE "unit_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "meeting_participant_by_delegate" ON "meeting_participant" ("delegate_id") WHERE "delegate_id" IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE "meeting_check_in" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "participant_id" uuid NOT NULL,
        "user_id" uuid,
        "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "checked_in_by_id" uuid,
        CONSTRAINT "PK_meeting_check_in" PRIMARY KEY ("id"),
        CONSTRAINT "FK_meeting_check_in_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_check_in_participant" FOREIGN KEY ("participant_id") REFERENCES "meeting_participant"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_check_in_user" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_meeting_check_in_by" FOREIGN KEY ("checked_in_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    // a participant (a person, a unit's representative, a guest) is checked in once
    await queryRunner.query(`CREATE UNIQUE INDEX "meeting_check_in_participant" ON "meeting_check_in" ("participant_id")`);
    await queryRunner.query(`CREATE INDEX "meeting_check_in_meeting" ON "meeting_check_in" ("meeting_id")`);
    await queryRunner.query(`
      CREATE TABLE "meeting_agenda_item" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "title" character varying(500) NOT NULL,
        "description" text,
        "presenter_id" uuid,
        "presenter_name" character varying(200),
        "duration_minutes" integer NOT NULL DEFAULT 15,
        "started_at" TIMESTAMP WITH TIME ZONE,
        "ended_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_meeting_agenda_item" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_meeting_agenda_item_duration" CHECK ("duration_minutes" > 0),
        CONSTRAINT "FK_meeting_agenda_item_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_agenda_item_presenter" FOREIGN KEY ("presenter_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "meeting_agenda_item_meeting" ON "meeting_agenda_item" ("meeting_id", "position")`);
    await queryRunner.query(`
      CREATE TABLE "meeting_material" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "agenda_item_id" uuid,
        "title" character varying(500) NOT NULL,
        "access" character varying(20) NOT NULL DEFAULT 'all_participants',
        "created_by_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_meeting_material" PRIMARY KEY ("id"),
        CONSTRAINT "FK_meeting_material_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_material_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "meeting_agenda_item"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_meeting_material_created_by" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "meeting_material_meeting" ON "meeting_material" ("meeting_id")`);
    await queryRunner.query(`
      CREATE TABLE "meeting_material_reader" (
        "material_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        CONSTRAINT "PK_meeting_material_reader" PRIMARY KEY ("material_id", "user_id"),
        CONSTRAINT "FK_meeting_material_reader_material" FOREIGN KEY ("material_id") REFERENCES "meeting_material"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_material_reader_user" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "meeting_material_version" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "material_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "file_id" uuid NOT NULL,
        "sha256" character(64) NOT NULL,
        "page_count" integer NOT NULL,
        "source_file_id" uuid,
        "uploaded_by_id" uuid,
        "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "publish_at" TIMESTAMP WITH TIME ZONE,
        "published_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_meeting_material_version" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_meeting_material_version_number" UNIQUE ("material_id", "number"),
        CONSTRAINT "UQ_meeting_material_version_sha256" UNIQUE ("material_id", "sha256"),
        CONSTRAINT "CHK_meeting_material_version_pages" CHECK ("page_count" >= 0),
        CONSTRAINT "FK_meeting_material_version_material" FOREIGN KEY ("material_id") REFERENCES "meeting_material"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_material_version_file" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_meeting_material_version_source" FOREIGN KEY ("source_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_meeting_material_version_uploaded_by" FOREIGN KEY ("uploaded_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    // the publication job looks for versions whose time has come
    await queryRunner.query(`CREATE INDEX "meeting_material_version_to_publish" ON "meeting_material_version" ("publish_at") WHERE "published_at" IS NULL AND "publish_at" IS NOT NULL`);
    // a version's file, its bytes and its publication are fixed once set: annotations are anchored to them
    await queryRunner.query(`
      CREATE FUNCTION meeting_material_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.file_id <> OLD.file_id OR NEW.sha256 <> OLD.sha256 OR NEW.page_count <> OLD.page_count
           OR NEW.material_id <> OLD.material_id OR NEW.number <> OLD.number
           OR (OLD.published_at IS NOT NULL AND NEW.published_at IS DISTINCT FROM OLD.published_at) THEN
          RAISE EXCEPTION 'meeting_material_version is immutable' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "meeting_material_version_immutable" BEFORE UPDATE ON "meeting_material_version"
      FOR EACH ROW EXECUTE FUNCTION meeting_material_version_immutable()`);
    await queryRunner.query(`
      CREATE TABLE "meeting_event" (
        "meeting_id" uuid NOT NULL,
        "sequence" bigint NOT NULL,
        "name" character varying(60) NOT NULL,
        "payload" jsonb NOT NULL,
        "audience" uuid[],
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_meeting_event" PRIMARY KEY ("meeting_id", "sequence"),
        CONSTRAINT "FK_meeting_event_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "meeting_event"`);
    await queryRunner.query(`DROP TABLE "meeting_material_version"`);
    await queryRunner.query(`DROP FUNCTION meeting_material_version_immutable()`);
    await queryRunner.query(`DROP TABLE "meeting_material_reader"`);
    await queryRunner.query(`DROP TABLE "meeting_material"`);
    await queryRunner.query(`DROP TABLE "meeting_agenda_item"`);
    await queryRunner.query(`DROP TABLE "meeting_check_in"`);
    await queryRunner.query(`DROP TABLE "meeting_participant"`);
    await queryRunner.query(`DROP TABLE "meeting"`);
    await queryRunner.query(`DROP TABLE "meeting_room"`);
  }
}
