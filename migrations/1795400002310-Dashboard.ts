import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The leader's dashboard reads small aggregates, never the document tables themselves: these
 * materialised views, refreshed CONCURRENTLY (readers never wait) by the `dashboard.refresh` job.
 * Each has a unique index, which CONCURRENTLY needs; empty groups use 'infinity' and a zero uuid
 * rather than NULL, so that the index keys are never NULL.
 * - `dashboard_document_day`: registered incoming documents by arrival day and issued outgoing
 *   documents by issue day, with how many were ordinary (not confidential) and of those how many
 *   went electronically (incoming over the axis or from a unit through the system; outgoing
 *   dispatched through the system) — the e-government share;
 * - `dashboard_open_work`: open incoming documents per unit holding an open lead or support part
 *   (itself or through one of its people) and per deadline — the same rule as the incoming list's
 *   `unitId` filter, so a click on a figure lists exactly those documents;
 * - `dashboard_task_count`: tasks per accountable unit, state and (open ones) deadline;
 * - `dashboard_task_completion`: accepted tasks per unit, person and day of acceptance, and how
 *   many were completed by their deadline;
 * - `dashboard_incoming_processing`: incoming documents completed per day, with the sum of their
 *   days from arrival to completion (the average processing time).
 */
export class Dashboard1795400002310 implements MigrationInterface {
  name = 'Dashboard1795400002310';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW "dashboard_document_day" AS
      SELECT 'received'::varchar(10) AS direction, (d.arrived_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day,
             count(*)::int AS total,
             count(*) FILTER (WHERE d.confidentiality = 'normal')::int AS ordinary,
             count(*) FILTER (WHERE d.confidentiality = 'normal' AND (d.received_via = 'axis' OR d.source_outgoing_id IS NOT NULL))::int AS electronic
        FROM incoming_document d
       WHERE d.arrival_number IS NOT NULL
       GROUP BY 2
      UNION ALL
      SELECT 'issued', o.issued_on,
             count(*)::int,
             count(*) FILTER (WHERE o.confidentiality = 'normal')::int,
             count(*) FILTER (WHERE o.confidentiality = 'normal' AND o.dispatched_at IS NOT NULL)::int
        FROM outgoing_document o
       WHERE o.issued_on IS NOT NULL
       GROUP BY 2`);
    await queryRunner.query(`CREATE UNIQUE INDEX "dashboard_document_day_key" ON "dashboard_document_day" (direction, day)`);
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW "dashboard_open_work" AS
      SELECT held.unit_id, COALESCE(d.due_on, 'infinity'::date) AS due_on, count(*)::int AS documents
        FROM incoming_document d
       CROSS JOIN LATERAL (
             SELECT DISTINCT COALESCE(part.unit_id, person.unit_id) AS unit_id
               FROM assignment part LEFT JOIN "user" person ON person.id = part.user_id
              WHERE part.document_id = d.id AND part.role IN ('lead', 'support') AND part.state IN ('pending', 'in_progress')) held
       WHERE d.state IN ('assigned', 'in_progress') AND d.recalled_at IS NULL AND held.unit_id IS NOT NULL
       GROUP BY 1, 2`);
    await queryRunner.query(`CREATE UNIQUE INDEX "dashboard_open_work_key" ON "dashboard_open_work" (unit_id, due_on)`);
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW "dashboard_task_count" AS
      SELECT COALESCE(t.unit_id, '00000000-0000-0000-0000-000000000000'::uuid) AS unit_id, t.state,
             CASE WHEN t.state IN ('assigned', 'in_progress') THEN t.deadline ELSE 'infinity'::date END AS deadline,
             count(*)::int AS tasks
        FROM task t
       GROUP BY 1, 2, 3`);
    await queryRunner.query(`CREATE UNIQUE INDEX "dashboard_task_count_key" ON "dashboard_task_count" (unit_id, state, deadline)`);
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW "dashboard_task_completion" AS
      SELECT COALESCE(t.unit_id, '00000000-0000-0000-0000-000000000000'::uuid) AS unit_id,
             COALESCE(t.assignee_user_id, '00000000-0000-0000-0000-000000000000'::uuid) AS user_id,
             (t.accepted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS accepted_on,
             count(*)::int AS accepted,
             count(*) FILTER (WHERE t.completed_on <= t.deadline)::int AS on_time
        FROM task t
       WHERE t.state = 'accepted'
       GROUP BY 1, 2, 3`);
    await queryRunner.query(`CREATE UNIQUE INDEX "dashboard_task_completion_key" ON "dashboard_task_completion" (unit_id, user_id, accepted_on)`);
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW "dashboard_incoming_processing" AS
      SELECT (done.completed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day,
             count(*)::int AS documents,
             sum(extract(epoch FROM done.completed_at - d.arrived_at) / 86400)::double precision AS total_days
        FROM incoming_document d
       CROSS JOIN LATERAL (
             SELECT max(part.completed_at) AS completed_at FROM assignment part
              WHERE part.document_id = d.id AND part.role = 'lead' AND part.state = 'done') done
       WHERE d.state = 'done' AND done.completed_at IS NOT NULL
       GROUP BY 1`);
    await queryRunner.query(`CREATE UNIQUE INDEX "dashboard_incoming_processing_key" ON "dashboard_incoming_processing" (day)`);
    // when the aggregates were last refreshed (one row)
    await queryRunner.query(`CREATE TABLE "dashboard_refresh" ("id" smallint PRIMARY KEY CHECK ("id" = 1), "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dashboard_refresh"`);
    for (const view of ['dashboard_incoming_processing', 'dashboard_task_completion', 'dashboard_task_count', 'dashboard_open_work', 'dashboard_document_day'])
      await queryRunner.query(`DROP MATERIALIZED VIEW "${view}"`);
  }
}
