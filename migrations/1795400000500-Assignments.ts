import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who handles incoming documents (assignments, progress notes) and whom a document was submitted to. Generated, then read. */

export class Assignments1795400000500 implements MigrationInterface {
    name = 'Assignments1795400000500'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "assignment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "document_id" uuid NOT NULL,
                "role" character varying(10) NOT NULL,
                "unit_id" uuid,
                "user_id" uuid,
                "assigned_by_id" uuid NOT NULL,
                "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "directive" text,
                "due_on" date,
                "state" character varying(12) NOT NULL,
                "parent_id" uuid,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "note" text,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "assignment_one_assignee" CHECK (("unit_id" IS NULL) <> ("user_id" IS NULL)),
                CONSTRAINT "PK_43c2f5a3859f54cedafb270f37e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_96d9d1f7a7e759c1cced55a98a" ON "assignment" ("document_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_fbd13b091f6fa6654a7b4b13ee" ON "assignment" ("unit_id", "state")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_90a0b5528947da4749cc7e6844" ON "assignment" ("user_id", "state")
        `);
        await queryRunner.query(`
            CREATE TABLE "assignment_progress" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "assignment_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "text" text NOT NULL,
                CONSTRAINT "PK_b163978d5f8d291454caa6234db" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_fc33ef533599012a33a62aec99" ON "assignment_progress" ("assignment_id", "at")
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_document"
            ADD "submitted_to_id" uuid
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_e6e6de4f3a0ffdfa1e2d4b65c6" ON "incoming_document" ("submitted_to_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment"
            ADD CONSTRAINT "FK_96d9d1f7a7e759c1cced55a98a8" FOREIGN KEY ("document_id") REFERENCES "incoming_document"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment"
            ADD CONSTRAINT "FK_6307b61ec6230e6fca2ccd5e680" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment"
            ADD CONSTRAINT "FK_86397cc97cdf8d3ff908f1e769f" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment"
            ADD CONSTRAINT "FK_cc99e1f606060cd8b2690a954bd" FOREIGN KEY ("parent_id") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment_progress"
            ADD CONSTRAINT "FK_35b7f00d4990d6b73b6bb5024de" FOREIGN KEY ("assignment_id") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "assignment_progress" DROP CONSTRAINT "FK_35b7f00d4990d6b73b6bb5024de"
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment" DROP CONSTRAINT "FK_cc99e1f606060cd8b2690a954bd"
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment" DROP CONSTRAINT "FK_86397cc97cdf8d3ff908f1e769f"
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment" DROP CONSTRAINT "FK_6307b61ec6230e6fca2ccd5e680"
        `);
        await queryRunner.query(`
            ALTER TABLE "assignment" DROP CONSTRAINT "FK_96d9d1f7a7e759c1cced55a98a8"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_e6e6de4f3a0ffdfa1e2d4b65c6"
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_document" DROP COLUMN "submitted_to_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fc33ef533599012a33a62aec99"
        `);
        await queryRunner.query(`
            DROP TABLE "assignment_progress"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_90a0b5528947da4749cc7e6844"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fbd13b091f6fa6654a7b4b13ee"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_96d9d1f7a7e759c1cced55a98a"
        `);
        await queryRunner.query(`
            DROP TABLE "assignment"
        `);
    }

}
