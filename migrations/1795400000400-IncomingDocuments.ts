import { MigrationInterface, QueryRunner } from 'typeorm';

/** Document registers with their yearly counters, and incoming documents with files and history. Generated, then read. */

export class IncomingDocuments1795400000400 implements MigrationInterface {
    name = 'IncomingDocuments1795400000400'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "document_register" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(50) NOT NULL,
                "name" character varying(200) NOT NULL,
                "direction" character varying(10) NOT NULL,
                "confidential" boolean NOT NULL DEFAULT false,
                "active" boolean NOT NULL DEFAULT true,
                "sort_order" integer NOT NULL DEFAULT '0',
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e5df47d7a8d5bdafbbbd3006e3d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_08f6d21b4f71f8d5ec6f68684e" ON "document_register" ("code")
        `);
        await queryRunner.query(`
            CREATE TABLE "register_counter" (
                "register_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "last_number" integer NOT NULL,
                CONSTRAINT "PK_ce0a05714f65964a72245dea07b" PRIMARY KEY ("register_id", "year")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "incoming_document" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "register_id" uuid NOT NULL,
                "arrival_year" integer,
                "arrival_number" integer,
                "arrived_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "received_via" character varying(10) NOT NULL,
                "issuer_name" character varying(200) NOT NULL,
                "issuer_organ_id" character varying(50),
                "code_number" character varying(11),
                "code_notation" character varying(30),
                "promulgated_on" date NOT NULL,
                "document_type" character varying(30) NOT NULL,
                "subject" character varying(500) NOT NULL,
                "signer_name" character varying(50),
                "signer_position" character varying(100),
                "urgency" character varying(15) NOT NULL,
                "confidentiality" character varying(15) NOT NULL,
                "page_count" integer,
                "due_on" date,
                "recipients_text" character varying(1000),
                "state" character varying(15) NOT NULL,
                "main_file_id" uuid NOT NULL,
                "stamped_file_id" uuid,
                "searchable_file_id" uuid,
                "has_text_layer" boolean,
                "registered_at" TIMESTAMP WITH TIME ZONE,
                "registered_by_id" uuid,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_66cf6a6a866f45bba25a479793a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cee81e18bfadc5fb8a6bb28c84" ON "incoming_document" ("registered_by_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "incoming_document_arrived" ON "incoming_document" ("arrived_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "incoming_document_same_document" ON "incoming_document" ("code_number", "promulgated_on")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "incoming_document_arrival_number" ON "incoming_document" ("register_id", "arrival_year", "arrival_number")
            WHERE "arrival_number" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "incoming_history_entry" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "document_id" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_id" uuid,
                "action" character varying(50) NOT NULL,
                "details" jsonb,
                CONSTRAINT "PK_15a3f6d711b6433eea527f65a4e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_04a9025ab8a5891a3a7f41b751" ON "incoming_history_entry" ("document_id", "at")
        `);
        await queryRunner.query(`
            CREATE TABLE "incoming_attachment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "document_id" uuid NOT NULL,
                "file_id" uuid NOT NULL,
                "position" integer NOT NULL,
                CONSTRAINT "PK_a964de72bd229b988e613cee9c6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_47b292db6a67be37a0ea10867a" ON "incoming_attachment" ("document_id", "position")
        `);
        await queryRunner.query(`
            ALTER TABLE "register_counter"
            ADD CONSTRAINT "FK_67631c6082456285e87360973d5" FOREIGN KEY ("register_id") REFERENCES "document_register"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_document"
            ADD CONSTRAINT "FK_44a6ae69cb6b8713284cde6e129" FOREIGN KEY ("register_id") REFERENCES "document_register"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_document"
            ADD CONSTRAINT "FK_843ae7b71cc17b8a704205198ff" FOREIGN KEY ("main_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_document"
            ADD CONSTRAINT "FK_7a789a064ec7244b6c412aaccac" FOREIGN KEY ("stamped_file_id") REFERENCES "stored_file"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_document"
            ADD CONSTRAINT "FK_3b52776c3ded3d53cd8006b6e7f" FOREIGN KEY ("searchable_file_id") REFERENCES "stored_file"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_history_entry"
            ADD CONSTRAINT "FK_4050ce1a4bc7ff3c4d99463a1ac" FOREIGN KEY ("document_id") REFERENCES "incoming_document"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_attachment"
            ADD CONSTRAINT "FK_f2dcb64b92a67bd930819c816fc" FOREIGN KEY ("document_id") REFERENCES "incoming_document"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_attachment"
            ADD CONSTRAINT "FK_0aa5d835a67feb6a454e0a70755" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "incoming_attachment" DROP CONSTRAINT "FK_0aa5d835a67feb6a454e0a70755"
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_attachment" DROP CONSTRAINT "FK_f2dcb64b92a67bd930819c816fc"
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_history_entry" DROP CONSTRAINT "FK_4050ce1a4bc7ff3c4d99463a1ac"
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_document" DROP CONSTRAINT "FK_3b52776c3ded3d53cd8006b6e7f"
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_document" DROP CONSTRAINT "FK_7a789a064ec7244b6c412aaccac"
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_document" DROP CONSTRAINT "FK_843ae7b71cc17b8a704205198ff"
        `);
        await queryRunner.query(`
            ALTER TABLE "incoming_document" DROP CONSTRAINT "FK_44a6ae69cb6b8713284cde6e129"
        `);
        await queryRunner.query(`
            ALTER TABLE "register_counter" DROP CONSTRAINT "FK_67631c6082456285e87360973d5"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_47b292db6a67be37a0ea10867a"
        `);
        await queryRunner.query(`
            DROP TABLE "incoming_attachment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_04a9025ab8a5891a3a7f41b751"
        `);
        await queryRunner.query(`
            DROP TABLE "incoming_history_entry"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."incoming_document_arrival_number"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."incoming_document_same_document"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."incoming_document_arrived"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cee81e18bfadc5fb8a6bb28c84"
        `);
        await queryRunner.query(`
            DROP TABLE "incoming_document"
        `);
        await queryRunner.query(`
            DROP TABLE "register_counter"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_08f6d21b4f71f8d5ec6f68684e"
        `);
        await queryRunner.query(`
            DROP TABLE "document_register"
        `);
    }

}
