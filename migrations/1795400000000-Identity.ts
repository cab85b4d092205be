import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity, organ directory and audit log. Generated from the entities, then read and completed
 * by hand with what entities cannot say: extensions, the unaccent wrapper for diacritic-free
 * search, and the trigger that makes the audit log append-only.
 */

export class Identity1795400000000 implements MigrationInterface {
    name = 'Identity1795400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        // unaccent() is only STABLE (its dictionary could change); an IMMUTABLE wrapper bound to the
        // dictionary lets indexes use it, so "quyet dinh" finds "Quyết định" through an index.
        await queryRunner.query(`
            CREATE FUNCTION immutable_unaccent(text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
        `);
        await queryRunner.query(`
            CREATE TABLE "organ" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organ_id" character varying(50) NOT NULL,
                "name" character varying(300) NOT NULL,
                "short_name" character varying(100),
                "notation" character varying(20),
                "parent_organ_id" character varying(50),
                "email" character varying(200),
                "address" character varying(500),
                "phone" character varying(50),
                "is_self" boolean NOT NULL DEFAULT false,
                "active" boolean NOT NULL DEFAULT true,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aec6e62eb9cb93e5f41dc2a13f5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_98525c1fc5ef5f773906505c6b" ON "organ" ("organ_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "organ_single_self" ON "organ" ("is_self")
            WHERE "is_self"
        `);
        await queryRunner.query(`
            CREATE TABLE "unit" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(50) NOT NULL,
                "name" character varying(300) NOT NULL,
                "kind" character varying(20) NOT NULL,
                "parent_id" uuid,
                "sort_order" integer NOT NULL DEFAULT '0',
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4252c4be609041e559f0c80f58a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_dfb75cdb2a790fb84327e1d1b1" ON "unit" ("code")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_33443cd5de3c6b130acfd6aba6" ON "unit" ("parent_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "username" character varying(100) NOT NULL,
                "full_name" character varying(200) NOT NULL,
                "email" character varying(200),
                "position" character varying(200),
                "unit_id" uuid,
                "roles" text array NOT NULL DEFAULT '{}',
                "password_hash" text,
                "active" boolean NOT NULL DEFAULT true,
                "failed_login_count" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_cace4a159ff9f2512dd42373760" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_78a916df40e02a9deb1c4b75ed" ON "user" ("username")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_aecee70118de07f1ad94de5210" ON "user" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "user_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoke_reason" character varying(50),
                "ip" character varying(64),
                "user_agent" character varying(300),
                CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_13275383dcdf095ee29f2b3455" ON "user_session" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "refresh_token" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7643a722ca45fb721be1c63dc0" ON "refresh_token" ("session_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_f0812282fad2e352cdaf83ef0a" ON "refresh_token" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "audit_entry" (
                "sequence" bigint NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor_id" uuid,
                "actor_username" character varying(100),
                "action" character varying(100) NOT NULL,
                "entity_type" character varying(50),
                "entity_id" character varying(100),
                "outcome" character varying(10) NOT NULL,
                "ip" character varying(64),
                "request_id" character varying(64),
                "details" jsonb,
                "previous_hash" character(64) NOT NULL,
                "hash" character(64) NOT NULL,
                CONSTRAINT "PK_c30e76145b0ecf802cd4af44910" PRIMARY KEY ("sequence")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c06ca7a5a12b75834ce2e1418d" ON "audit_entry" ("action", "sequence")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_08708d535cf55bb6c831aa389a" ON "audit_entry" ("actor_id", "sequence")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cfbd3da3d6664af0dab55783b5" ON "audit_entry" ("entity_type", "entity_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "unit"
            ADD CONSTRAINT "FK_33443cd5de3c6b130acfd6aba63" FOREIGN KEY ("parent_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user"
            ADD CONSTRAINT "FK_aecee70118de07f1ad94de52102" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user_session"
            ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "refresh_token"
            ADD CONSTRAINT "FK_7643a722ca45fb721be1c63dc0c" FOREIGN KEY ("session_id") REFERENCES "user_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // The audit log is append-only: no row may be changed or removed through SQL.
        await queryRunner.query(`
            CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON "audit_entry"
            FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()
        `);
        await queryRunner.query(`
            CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER audit_entry_no_truncate ON "audit_entry"`);
        await queryRunner.query(`DROP TRIGGER audit_entry_append_only ON "audit_entry"`);
        await queryRunner.query(`DROP FUNCTION audit_entry_append_only()`);
        await queryRunner.query(`
            ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_7643a722ca45fb721be1c63dc0c"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"
        `);
        await queryRunner.query(`
            ALTER TABLE "user" DROP CONSTRAINT "FK_aecee70118de07f1ad94de52102"
        `);
        await queryRunner.query(`
            ALTER TABLE "unit" DROP CONSTRAINT "FK_33443cd5de3c6b130acfd6aba63"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cfbd3da3d6664af0dab55783b5"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_08708d535cf55bb6c831aa389a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c06ca7a5a12b75834ce2e1418d"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_entry"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f0812282fad2e352cdaf83ef0a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7643a722ca45fb721be1c63dc0"
        `);
        await queryRunner.query(`
            DROP TABLE "refresh_token"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_13275383dcdf095ee29f2b3455"
        `);
        await queryRunner.query(`
            DROP TABLE "user_session"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_aecee70118de07f1ad94de5210"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_78a916df40e02a9deb1c4b75ed"
        `);
        await queryRunner.query(`
            DROP TABLE "user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_33443cd5de3c6b130acfd6aba6"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_dfb75cdb2a790fb84327e1d1b1"
        `);
        await queryRunner.query(`
            DROP TABLE "unit"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."organ_single_self"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_98525c1fc5ef5f773906505c6b"
        `);
        await queryRunner.query(`
            DROP TABLE "organ"
        `);
        await queryRunner.query(`DROP FUNCTION immutable_unaccent(text)`);
    }

}
