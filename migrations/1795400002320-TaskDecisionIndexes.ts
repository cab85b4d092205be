import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The leader's "my decisions" reads the tasks the leader gave that wait for acceptance, oldest
 * first: a partial index holds just those, so the cost follows what waits, not all the tasks a
 * leader ever gave (a hundred thousand in the benchmark).
 */
export class TaskDecisionIndexes1795400002320 implements MigrationInterface {
  name = 'TaskDecisionIndexes1795400002320';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "task_waiting_acceptance" ON "task" ("assigned_by_id", "completed_at") WHERE "state" = 'completed'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "task_waiting_acceptance"`);
  }
}
