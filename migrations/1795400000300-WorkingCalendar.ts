import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The working-day calendar: the days off and swapped working days the admin records from the
 * Government's yearly announcement (the public holidays themselves are computed, not stored), and
 * the one-row revision counter every change bumps so that all replicas see it at once. Written to
 * match the CalendarException and CalendarRevision entities (checked against TypeORM's schema diff).
 */
export class WorkingCalendar1795400000300 implements MigrationInterface {
  name = 'WorkingCalendar1795400000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "calendar_exception" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "date" date NOT NULL,
        "kind" character varying(20) NOT NULL,
        "name" character varying(200) NOT NULL,
        "created_by_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_d73451df84c92cf9790b71939d" CHECK ("kind" IN ('day_off', 'working_day')),
        CONSTRAINT "PK_856b5e15ef881d9a3d356c33d8b" PRIMARY KEY ("id")
      )
    `);
    // one exception per date: a second one is refused by the database, whatever races
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d9b3284a206697cdb48808fd45" ON "calendar_exception" ("date")`);
    // keeps ON DELETE SET NULL from scanning the table when a user is deleted
    await queryRunner.query(`CREATE INDEX "IDX_4b5580bd36aaac1abac519aab3" ON "calendar_exception" ("created_by_id")`);
    await queryRunner.query(`
      ALTER TABLE "calendar_exception" ADD CONSTRAINT "FK_4b5580bd36aaac1abac519aab3c"
      FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      CREATE TABLE "calendar_revision" (
        "id" smallint NOT NULL,
        "revision" integer NOT NULL,
        CONSTRAINT "CHK_4a52b5cb857e501438b71976e8" CHECK ("id" = 1),
        CONSTRAINT "PK_3a9c6ab8fe977744716671e3d7c" PRIMARY KEY ("id")
      )
    `);
    // the one row, there from the start, so a change only ever updates it
    await queryRunner.query(`INSERT INTO "calendar_revision" ("id", "revision") VALUES (1, 0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_revision"`);
    await queryRunner.query(`ALTER TABLE "calendar_exception" DROP CONSTRAINT "FK_4b5580bd36aaac1abac519aab3c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4b5580bd36aaac1abac519aab3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d9b3284a206697cdb48808fd45"`);
    await queryRunner.query(`DROP TABLE "calendar_exception"`);
  }
}
