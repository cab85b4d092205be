import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks (giao việc): the task itself, its timeline (progress with percent, notes and files,
 * extensions, completion, acceptance, send-back), extension requests, and the recurring tasks
 * that give a new task every week or month.
 * - `unit_id` is the unit accountable for the task: the assignee unit, or the assignee's unit —
 *   the dashboard counts by it without joining users;
 * - `escalated_for` remembers the deadline whose miss was escalated, so an approved extension
 *   that is missed again is escalated again, and a job run twice escalates once;
 * - timeline lines keep the order they were written in (`sequence`), even within one instant;
 * - a recurring task gives at most one task per occurrence day (unique recurrence, occurrence).
 */
export class Tasks1795400002300 implements MigrationInterface {
  name = 'Tasks1795400002300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "task_recurrence" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "title" character varying(500) NOT NULL,
        "description" text,
        "priority" character varying(10) NOT NULL,
        "assignee_unit_id" uuid,
        "assignee_user_id" uuid,
        "frequency" character varying(10) NOT NULL,
        "day" smallint NOT NULL,
        "due_in_days" smallint NOT NULL,
        "next_on" date NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "created_by_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "PK_task_recurrence" PRIMARY KEY ("id"),
        CONSTRAINT "task_recurrence_one_assignee" CHECK (("assignee_unit_id" IS NULL) <> ("assignee_user_id" IS NULL)),
        CONSTRAINT "task_recurrence_frequency" CHECK ("frequency" IN ('weekly', 'monthly')),
        CONSTRAINT "task_recurrence_day" CHECK (("frequency" = 'weekly' AND "day" BETWEEN 1 AND 7) OR ("frequency" = 'monthly' AND "day" BETWEEN 1 AND 28)),
        CONSTRAINT "FK_task_recurrence_unit" FOREIGN KEY ("assignee_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_task_recurrence_user" FOREIGN KEY ("assignee_user_id") REFERENCES "user"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_task_recurrence_created_by" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE RESTRICT
      )`);
    // what the daily job gives next
    await queryRunner.query(`CREATE INDEX "task_recurrence_due" ON "task_recurrence" ("next_on") WHERE "active"`);
    await queryRunner.query(`
      CREATE TABLE "task" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "title" character varying(500) NOT NULL,
        "description" text,
        "priority" character varying(10) NOT NULL,
        "state" character varying(12) NOT NULL,
        "percent" smallint NOT NULL DEFAULT 0,
        "deadline" date NOT NULL,
        "original_deadline" date NOT NULL,
        "assigned_by_id" uuid NOT NULL,
        "assignee_unit_id" uuid,
        "assignee_user_id" uuid,
        "unit_id" uuid,
        "source_kind" character varying(20),
        "source_id" uuid,
        "recurrence_id" uuid,
        "occurrence_on" date,
        "given_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "completed_on" date,
        "accepted_at" TIMESTAMP WITH TIME ZONE,
        "accepted_by_id" uuid,
        "escalated_for" date,
        "version" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_task" PRIMARY KEY ("id"),
        CONSTRAINT "task_one_assignee" CHECK (("assignee_unit_id" IS NULL) <> ("assignee_user_id" IS NULL)),
        CONSTRAINT "task_priority" CHECK ("priority" IN ('normal', 'high', 'urgent')),
        CONSTRAINT "task_state" CHECK ("state" IN ('assigned', 'in_progress', 'completed', 'accepted')),
        CONSTRAINT "task_percent" CHECK ("percent" BETWEEN 0 AND 100),
        CONSTRAINT "task_source" CHECK (("source_kind" IS NULL) = ("source_id" IS NULL) AND ("source_kind" IS NULL OR "source_kind" IN ('incoming_document', 'outgoing_document', 'meeting_conclusion'))),
        CONSTRAINT "UQ_task_occurrence" UNIQUE ("recurrence_id", "occurrence_on"),
        CONSTRAINT "FK_task_assigned_by" FOREIGN KEY ("assigned_by_id") REFERENCES "user"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_task_assignee_unit" FOREIGN KEY ("assignee_unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_task_assignee_user" FOREIGN KEY ("assignee_user_id") REFERENCES "user"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_task_unit" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_task_accepted_by" FOREIGN KEY ("accepted_by_id") REFERENCES "user"("id") ON DELETE SET NULL,
        CONSTRAINT "FK_task_recurrence" FOREIGN KEY ("recurrence_id") REFERENCES "task_recurrence"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX "task_assignee_user" ON "task" ("assignee_user_id", "state")`);
    await queryRunner.query(`CREATE INDEX "task_assignee_unit" ON "task" ("assignee_unit_id", "state")`);
    await queryRunner.query(`CREATE INDEX "task_assigned_by" ON "task" ("assigned_by_id", "given_at" DESC, "id")`);
    await queryRunner.query(`CREATE INDEX "task_unit_state" ON "task" ("unit_id", "state")`);
    await queryRunner.query(`CREATE INDEX "task_source" ON "task" ("source_kind", "source_id") WHERE "source_id" IS NOT NULL`);
    // open tasks by deadline: escalation and the dashboard's overdue counts read only these
    await queryRunner.query(`CREATE INDEX "task_open_deadline" ON "task" ("deadline") WHERE "state" IN ('assigned', 'in_progress')`);
    await queryRunner.query(`
      CREATE TABLE "task_event" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "sequence" bigint GENERATED ALWAYS AS IDENTITY,
        "task_id" uuid NOT NULL,
        "actor_id" uuid NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "kind" character varying(30) NOT NULL,
        "percent" smallint,
        "note" text,
        "details" jsonb,
        CONSTRAINT "PK_task_event" PRIMARY KEY ("id"),
        CONSTRAINT "FK_task_event_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_task_event_actor" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "task_event_task" ON "task_event" ("task_id", "sequence")`);
    await queryRunner.query(`
      CREATE TABLE "task_event_file" (
        "event_id" uuid NOT NULL,
        "file_id" uuid NOT NULL,
        CONSTRAINT "PK_task_event_file" PRIMARY KEY ("event_id", "file_id"),
        CONSTRAINT "UQ_task_event_file_file" UNIQUE ("file_id"),
        CONSTRAINT "FK_task_event_file_event" FOREIGN KEY ("event_id") REFERENCES "task_event"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_task_event_file_file" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`
      CREATE TABLE "task_extension" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL,
        "requested_by_id" uuid NOT NULL,
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "current_deadline" date NOT NULL,
        "requested_deadline" date NOT NULL,
        "reason" text NOT NULL,
        "state" character varying(10) NOT NULL,
        "decided_by_id" uuid,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "decision_note" text,
        CONSTRAINT "PK_task_extension" PRIMARY KEY ("id"),
        CONSTRAINT "task_extension_state" CHECK ("state" IN ('pending', 'approved', 'refused')),
        CONSTRAINT "FK_task_extension_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_task_extension_requested_by" FOREIGN KEY ("requested_by_id") REFERENCES "user"("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_task_extension_decided_by" FOREIGN KEY ("decided_by_id") REFERENCES "user"("id") ON DELETE SET NULL
      )`);
    // one request waits at a time
    await queryRunner.query(`CREATE UNIQUE INDEX "task_extension_one_pending" ON "task_extension" ("task_id") WHERE "state" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "task_extension_task" ON "task_extension" ("task_id", "requested_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "task_extension"`);
    await queryRunner.query(`DROP TABLE "task_event_file"`);
    await queryRunner.query(`DROP TABLE "task_event"`);
    await queryRunner.query(`DROP TABLE "task"`);
    await queryRunner.query(`DROP TABLE "task_recurrence"`);
  }
}
