import { MigrationInterface, QueryRunner } from 'typeorm';

/** Notifications kept per person (the bell, the unread badge, daily deadline reminders). */
export class Notifications1795400000800 implements MigrationInterface {
  name = 'Notifications1795400000800';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notification" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "kind" character varying(50) NOT NULL,
        "title" character varying(300) NOT NULL,
        "link" character varying(300),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "read_at" TIMESTAMP WITH TIME ZONE,
        "dedupe_key" character varying(200),
        CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "notification_user_newest" ON "notification" ("user_id", "created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "notification_user_unread" ON "notification" ("user_id", "created_at") WHERE read_at IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "notification_user_dedupe_key" ON "notification" ("user_id", "dedupe_key") WHERE dedupe_key IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE "notification"
      ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`);
    await queryRunner.query(`DROP INDEX "public"."notification_user_dedupe_key"`);
    await queryRunner.query(`DROP INDEX "public"."notification_user_unread"`);
    await queryRunner.query(`DROP INDEX "public"."notification_user_newest"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
