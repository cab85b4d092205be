import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored files: the metadata of every file kept in the object store (the bytes are not in the
 * database). Generated from the StoredFile entity, then read. The uploader is kept as a nullable
 * reference: deleting a user keeps the files they uploaded.
 */
export class Files1795400000100 implements MigrationInterface {
    name = 'Files1795400000100'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "stored_file" (
                "id" uuid NOT NULL,
                "storage_key" character varying(255) NOT NULL,
                "original_name" character varying(255) NOT NULL,
                "media_type" character varying(127) NOT NULL,
                "size" bigint NOT NULL,
                "sha256" character(64) NOT NULL,
                "created_by_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_892ec8766bcf54508a45301caa" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
                CONSTRAINT "CHK_da393e08d19f68675d19a80cde" CHECK ("size" >= 0),
                CONSTRAINT "PK_e140967af84027b493a3ff04fbb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_1b6df0c8a3f3c4f50770ce034d" ON "stored_file" ("storage_key")
        `);
        // the same content uploaded twice, and annotations anchored to a file version, are found by hash
        await queryRunner.query(`
            CREATE INDEX "IDX_3a4237a94329738b4b7a12d8de" ON "stored_file" ("sha256")
        `);
        // also keeps ON DELETE SET NULL from scanning the table when a user is deleted
        await queryRunner.query(`
            CREATE INDEX "IDX_2259d7ed678cd8f6268df3e293" ON "stored_file" ("created_by_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "stored_file" ADD CONSTRAINT "FK_2259d7ed678cd8f6268df3e2937"
            FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "stored_file" DROP CONSTRAINT "FK_2259d7ed678cd8f6268df3e2937"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2259d7ed678cd8f6268df3e293"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3a4237a94329738b4b7a12d8de"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1b6df0c8a3f3c4f50770ce034d"`);
        await queryRunner.query(`DROP TABLE "stored_file"`);
    }
}
