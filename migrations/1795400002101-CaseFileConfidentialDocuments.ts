import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A confidential document (Mật, Tối mật, Tuyệt mật) linked into a case file is marked, so that the
 * case file shows its subject and number only to the person who linked it (who was allowed to see
 * it); the others who see the case file learn only that a confidential document is there.
 */
export class CaseFileConfidentialDocuments1795400002101 implements MigrationInterface {
  name = 'CaseFileConfidentialDocuments1795400002101';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_file_document" ADD "confidential" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_file_document" DROP COLUMN "confidential"`);
  }
}
