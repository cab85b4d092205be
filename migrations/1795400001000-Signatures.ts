import { MigrationInterface, QueryRunner } from 'typeorm';

/** Digital signatures: the server's key store (one active key per person and one for the organisation) and the signature/seal images. */
export class Signatures1795400001000 implements MigrationInterface {
  name = 'Signatures1795400001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "signing_credential" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "owner_kind" character varying(20) NOT NULL,
        "user_id" uuid,
        "provider" character varying(50) NOT NULL DEFAULT 'server-key-store',
        "key_material" bytea,
        "subject_common_name" character varying(300) NOT NULL,
        "subject" character varying(1000) NOT NULL,
        "issuer" character varying(1000) NOT NULL,
        "serial_number" character varying(100) NOT NULL,
        "not_before" TIMESTAMP WITH TIME ZONE NOT NULL,
        "not_after" TIMESTAMP WITH TIME ZONE NOT NULL,
        "sha256_fingerprint" character(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_by_id" uuid,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "revoked_by_id" uuid,
        "failed_passphrase_attempts" integer NOT NULL DEFAULT 0,
        "locked_until" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_signing_credential" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_signing_credential_owner" CHECK (("owner_kind" = 'user' AND "user_id" IS NOT NULL) OR ("owner_kind" = 'organisation' AND "user_id" IS NULL)),
        CONSTRAINT "FK_signing_credential_user" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "signing_credential_active_user" ON "signing_credential" ("user_id") WHERE revoked_at IS NULL AND owner_kind = 'user'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "signing_credential_active_organisation" ON "signing_credential" ("owner_kind") WHERE revoked_at IS NULL AND owner_kind = 'organisation'`);
    await queryRunner.query(`
      CREATE TABLE "signature_image" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" character varying(20) NOT NULL,
        "user_id" uuid,
        "png" bytea NOT NULL,
        "width_px" integer NOT NULL,
        "height_px" integer NOT NULL,
        "real_width_mm" numeric(5,1),
        "sha256" character(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_by_id" uuid,
        CONSTRAINT "PK_signature_image" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_signature_image_owner" CHECK (("kind" = 'signature' AND "user_id" IS NOT NULL) OR ("kind" = 'seal' AND "user_id" IS NULL)),
        CONSTRAINT "FK_signature_image_user" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "signature_image_user" ON "signature_image" ("user_id") WHERE kind = 'signature'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "signature_image_seal" ON "signature_image" ("kind") WHERE kind = 'seal'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "signature_image"`);
    await queryRunner.query(`DROP TABLE "signing_credential"`);
  }
}
