import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Paperless meetings, what happens in and after them, and written consultations:
 * - `meeting_speaker`: the speaker queue (đăng ký phát biểu) per meeting or agenda item; one open
 *   request per person and item; the chair orders (position), starts and stops;
 * - `meeting_poll` with its `meeting_poll_option`s; `meeting_poll_voter` records WHO voted (one row
 *   per represented participant, which is what enforces one vote each), `meeting_poll_ballot`
 *   WHAT was voted — for a secret poll the ballot row has no voter column filled and no link to
 *   the voter row (ballots are inserted in a random order key, not in time order);
 * - `meeting_conclusion`: per agenda item, written by a secretary, approved by the chair; the
 *   tasks it gave are in `meeting_conclusion_task`;
 * - `consultation` (phiếu lấy ý kiến), its recipients, draft files and answers.
 */
export class MeetingProceedings1795400002210 implements MigrationInterface {
  name = 'MeetingProceedings1795400002210';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "meeting_speaker" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "agenda_item_id" uuid,
        "user_id" uuid NOT NULL,
        "kind" character varying(20) NOT NULL DEFAULT 'contribution',
        "position" integer NOT NULL,
        "state" character varying(20) NOT NULL DEFAULT 'waiting',
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE,
        "stopped_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_meeting_speaker" PRIMARY KEY ("id"),
        CONSTRAINT "FK_meeting_speaker_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_speaker_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "meeting_agenda_item"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_speaker_user" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "meeting_speaker_meeting" ON "meeting_speaker" ("meeting_id", "position")`);
    // no second open request of the same kind by the same person on the same item
    await queryRunner.query(
      `CREATE UNIQUE INDEX "meeting_speaker_open" ON "meeting_speaker" ("meeting_id", COALESCE("agenda_item_id", '00000000-0000-0000-0000-000000000000'::uuid), "user_id", "kind") WHERE "state" IN ('waiting', 'speaking')`,
    );
    // one speaker at a time in a meeting
    await queryRunner.query(`CREATE UNIQUE INDEX "meeting_speaker_speaking" ON "meeting_speaker" ("meeting_id") WHERE "state" = 'speaking'`);

    await queryRunner.query(`
      CREATE TABLE "meeting_poll" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "agenda_item_id" uuid,
        "question" character varying(1000) NOT NULL,
        "secret" boolean NOT NULL,
        "state" character varying(20) NOT NULL DEFAULT 'open',
        "opened_by_id" uuid,
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_meeting_poll" PRIMARY KEY ("id"),
        CONSTRAINT "FK_meeting_poll_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_poll_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "meeting_agenda_item"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_meeting_poll_opened_by" FOREIGN KEY ("opened_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "meeting_poll_meeting" ON "meeting_poll" ("meeting_id")`);
    await queryRunner.query(`
      CREATE TABLE "meeting_poll_option" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "poll_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "label" character varying(300) NOT NULL,
        CONSTRAINT "PK_meeting_poll_option" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_meeting_poll_option_position" UNIQUE ("poll_id", "position"),
        CONSTRAINT "FK_meeting_poll_option_poll" FOREIGN KEY ("poll_id") REFERENCES "meeting_poll"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "meeting_poll_voter" (
        "poll_id" uuid NOT NULL,
        "participant_id" uuid NOT NULL,
        "voted_by_id" uuid,
        CONSTRAINT "PK_meeting_poll_voter" PRIMARY KEY ("poll_id", "participant_id"),
        CONSTRAINT "FK_meeting_poll_voter_poll" FOREIGN KEY ("poll_id") REFERENCES "meeting_poll"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_poll_voter_participant" FOREIGN KEY ("participant_id") REFERENCES "meeting_participant"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_poll_voter_voted_by" FOREIGN KEY ("voted_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "meeting_poll_ballot" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "poll_id" uuid NOT NULL,
        "option_id" uuid NOT NULL,
        "participant_id" uuid,
        "voted_by_id" uuid,
        CONSTRAINT "PK_meeting_poll_ballot" PRIMARY KEY ("id"),
        CONSTRAINT "FK_meeting_poll_ballot_poll" FOREIGN KEY ("poll_id") REFERENCES "meeting_poll"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_poll_ballot_option" FOREIGN KEY ("option_id") REFERENCES "meeting_poll_option"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_poll_ballot_participant" FOREIGN KEY ("participant_id") REFERENCES "meeting_participant"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_poll_ballot_voted_by" FOREIGN KEY ("voted_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "meeting_poll_ballot_poll" ON "meeting_poll_ballot" ("poll_id", "option_id")`);

    await queryRunner.query(`
      CREATE TABLE "meeting_conclusion" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "meeting_id" uuid NOT NULL,
        "agenda_item_id" uuid,
        "text" text NOT NULL,
        "state" character varying(20) NOT NULL DEFAULT 'draft',
        "written_by_id" uuid,
        "written_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "approved_by_id" uuid,
        "approved_at" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_meeting_conclusion" PRIMARY KEY ("id"),
        CONSTRAINT "FK_meeting_conclusion_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_conclusion_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "meeting_agenda_item"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_meeting_conclusion_written_by" FOREIGN KEY ("written_by_id") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_meeting_conclusion_approved_by" FOREIGN KEY ("approved_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "meeting_conclusion_meeting" ON "meeting_conclusion" ("meeting_id")`);
    await queryRunner.query(`
      CREATE TABLE "meeting_conclusion_task" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "conclusion_id" uuid NOT NULL,
        "title" character varying(500) NOT NULL,
        "assignee_unit_id" uuid,
        "assignee_user_id" uuid,
        "deadline" date NOT NULL,
        "priority" character varying(10) NOT NULL DEFAULT 'normal',
        "task_id" uuid,
        CONSTRAINT "PK_meeting_conclusion_task" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_meeting_conclusion_task_assignee" CHECK ("assignee_unit_id" IS NOT NULL OR "assignee_user_id" IS NOT NULL),
        CONSTRAINT "FK_meeting_conclusion_task_conclusion" FOREIGN KEY ("conclusion_id") REFERENCES "meeting_conclusion"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_meeting_conclusion_task_unit" FOREIGN KEY ("assignee_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_meeting_conclusion_task_user" FOREIGN KEY ("assignee_user_id") REFERENCES "user"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "meeting_conclusion_task_conclusion" ON "meeting_conclusion_task" ("conclusion_id")`);

    await queryRunner.query(`
      CREATE TABLE "consultation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "question" character varying(1000) NOT NULL,
        "description" text,
        "deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
        "state" character varying(20) NOT NULL DEFAULT 'draft',
        "created_by_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "summary" text,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_consultation" PRIMARY KEY ("id"),
        CONSTRAINT "FK_consultation_created_by" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "consultation_open_deadline" ON "consultation" ("deadline") WHERE "state" = 'sent'`);
    await queryRunner.query(`
      CREATE TABLE "consultation_draft" (
        "consultation_id" uuid NOT NULL,
        "file_id" uuid NOT NULL,
        "position" integer NOT NULL,
        CONSTRAINT "PK_consultation_draft" PRIMARY KEY ("consultation_id", "file_id"),
        CONSTRAINT "FK_consultation_draft_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_consultation_draft_file" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`
      CREATE TABLE "consultation_recipient" (
        "consultation_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "answer" character varying(20),
        "comment" text,
        "answered_at" TIMESTAMP WITH TIME ZONE,
        "reminded_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_consultation_recipient" PRIMARY KEY ("consultation_id", "user_id"),
        CONSTRAINT "FK_consultation_recipient_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultation"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_consultation_recipient_user" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "consultation_recipient_user" ON "consultation_recipient" ("user_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'consultation_recipient',
      'consultation_draft',
      'consultation',
      'meeting_conclusion_task',
      'meeting_conclusion',
      'meeting_poll_ballot',
      'meeting_poll_voter',
      'meeting_poll_option',
      'meeting_poll',
      'meeting_speaker',
    ])
      await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
